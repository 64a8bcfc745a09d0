"""The check-in questions, as data: a clinic can change wording without code changes."""
from __future__ import annotations

from dataclasses import dataclass, field

HIGHER_IS_WORSE, LOWER_IS_WORSE = "higher_is_worse", "lower_is_worse"


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    low: int
    high: int
    worse: str                                   # which way is worse, for ranges like "6-7"
    words: dict[str, int] = field(default_factory=dict)
    allowed: str = ""                            # how the re-ask names the answers

    def accepts(self, value: int) -> bool:
        return self.low <= value <= self.high

    def worse_of(self, a: int, b: int) -> int:
        return max(a, b) if self.worse == HIGHER_IS_WORSE else min(a, b)


QUESTIONS: tuple[Question, ...] = (
    Question("symptoms", "Check-in 1/3: How are your usual symptoms today? Reply 0 (none) to 10 (worst).",
             0, 10, HIGHER_IS_WORSE, {"none": 0, "no symptoms": 0, "worst": 10}, "a number 0-10"),
    Question("mood", "2/3: How is your mood today? Reply 0 (very low) to 10 (very good).",
             0, 10, LOWER_IS_WORSE, {"very low": 0, "very good": 10, "terrible": 0, "great": 10}, "a number 0-10"),
    Question("withdrawal", "3/3: Any sleep trouble, vivid dreams, stomach upset or other new effects? "
             "Reply 0 none, 1 mild, 2 moderate, 3 severe.",
             0, 3, HIGHER_IS_WORSE, {"none": 0, "no": 0, "mild": 1, "moderate": 2, "severe": 3},
             "0 none, 1 mild, 2 moderate or 3 severe"),
)
QUESTION_IDS = tuple(q.id for q in QUESTIONS)


def question(question_id: str) -> Question:
    return next(q for q in QUESTIONS if q.id == question_id)
