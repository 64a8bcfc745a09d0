"""The check-in questions, as data: a clinic can change wording without code changes."""
from __future__ import annotations

from dataclasses import dataclass, field

from shared.domain.catalogs import N_

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
    words_by_language: dict[str, dict[str, int]] = field(default_factory=dict)  # more words, by language

    def scale_words(self, language: str = "en") -> dict[str, int]:
        """The words that answer this question for a patient of `language`: English always (people mix), then
        their language's own (written without accents: the reader folds them)."""
        return {**self.words, **self.words_by_language.get(language, {})}

    def accepts(self, value: int) -> bool:
        return self.low <= value <= self.high

    def worse_of(self, a: int, b: int) -> int:
        return max(a, b) if self.worse == HIGHER_IS_WORSE else min(a, b)


QUESTIONS: tuple[Question, ...] = (
    # TRANSLATORS: a check-in's first question (sent again, without "Check-in 1/3:", after an unreadable reply).
    Question("symptoms", N_("Check-in 1/3: How are your usual symptoms today? Reply 0 (none) to 10 (worst)."),
             0, 10, HIGHER_IS_WORSE, {"none": 0, "no symptoms": 0, "worst": 10}, "a number 0-10",
             {"es": {"ninguno": 0, "ninguna": 0, "nada": 0, "sin sintomas": 0, "ningun sintoma": 0, "lo peor": 10}}),
    # TRANSLATORS: a check-in's second question (sent again, without "2/3:", after an unreadable reply).
    Question("mood", N_("2/3: How is your mood today? Reply 0 (very low) to 10 (very good)."),
             0, 10, LOWER_IS_WORSE, {"very low": 0, "very good": 10, "terrible": 0, "great": 10}, "a number 0-10",
             {"es": {"muy bajo": 0, "muy baja": 0, "muy bueno": 10, "muy buena": 10, "muy bien": 10, "fatal": 0,
                     "genial": 10}}),
    # TRANSLATORS: a check-in's third question (sent again, without "3/3:", after an unreadable reply). The words
    # 0-3 stand for must be ones the reply reader knows (none/mild/moderate/severe; ninguno/leve/moderado/fuerte).
    Question("withdrawal", N_("3/3: Any sleep trouble, vivid dreams, stomach upset or other new effects? "
                              "Reply 0 none, 1 mild, 2 moderate, 3 severe."),
             0, 3, HIGHER_IS_WORSE, {"none": 0, "no": 0, "mild": 1, "moderate": 2, "severe": 3},
             "0 none, 1 mild, 2 moderate or 3 severe",
             {"es": {"ninguno": 0, "ninguna": 0, "ningun": 0, "nada": 0, "leve": 1, "moderado": 2, "moderada": 2,
                     "fuerte": 3, "severo": 3, "severa": 3, "grave": 3}}),
)
QUESTION_IDS = tuple(q.id for q in QUESTIONS)


def question(question_id: str) -> Question:
    return next(q for q in QUESTIONS if q.id == question_id)
