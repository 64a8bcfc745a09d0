"""A check-in as a small state machine: question by question, one re-ask, then on. Pure."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from shared.domain.catalogs import DEFAULT
from shared.domain.questions import QUESTIONS, Question
from shared.domain.reader import read_reply
from shared.domain.gsm7 import in_language

OPEN, COMPLETED, INTERRUPTED, EXPIRED = "open", "completed", "interrupted", "expired"
BASELINE, STEP, FOLLOW_UP = "baseline", "step", "follow_up"


@dataclass(frozen=True)
class Answer:
    value: int | None       # None: asked twice, not answered readably (or never answered)
    raw: str
    message_sid: str
    at: datetime


@dataclass(frozen=True)
class CheckIn:
    checkin_id: str
    kind: str
    started_at: datetime
    dose_mg: Decimal | None
    status: str = OPEN
    position: int = 0                       # index of the question being asked
    misses: int = 0                         # unreadable replies to the current question
    answers: dict[str, Answer] = field(default_factory=dict)
    nudged: bool = False
    last_activity: datetime | None = None

    @property
    def current(self) -> Question | None:
        return QUESTIONS[self.position] if self.status == OPEN and self.position < len(QUESTIONS) else None

    @property
    def is_open(self) -> bool:
        return self.status == OPEN


def thank_you_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to the last answer of a check-in.
    return _("Thank you, your check-in is done. Your care team will see it. Reply HELP for help.")


def question_text(question: Question, language: str = DEFAULT) -> str:
    """A check-in question as sent (its number, like "2/3:", first)."""
    _ = in_language(language)
    return _(question.text)


def reask_text(question: Question, language: str = DEFAULT) -> str:
    """The question again, without its number, after a reply we could not read."""
    _ = in_language(language)
    # TRANSLATORS: the re-ask after a check-in reply we could not read; {question} is the question without its number.
    return _("Sorry, I could not read that. {question}").format(
        question=question_text(question, language).split(": ", 1)[-1])


def start(checkin_id: str, kind: str, dose_mg: Decimal | None, now: datetime,
          language: str = DEFAULT) -> tuple[CheckIn, str]:
    """A new check-in and its first question."""
    checkin = CheckIn(checkin_id, kind, now, dose_mg, last_activity=now)
    return checkin, question_text(QUESTIONS[0], language)


def answer(checkin: CheckIn, text: str, message_sid: str, now: datetime,
           language: str = DEFAULT) -> tuple[CheckIn, str]:
    """Read a reply against the open check-in; return the check-in after it and the reply to send."""
    remaining = QUESTIONS[checkin.position:]
    reading = read_reply(text, remaining, language=language)
    answers = dict(checkin.answers)
    if reading.readable:
        for question, value in zip(remaining, reading.values):
            answers[question.id] = Answer(value, text.strip()[:300], message_sid, now)
        moved = replace(checkin, answers=answers, position=checkin.position + len(reading.values), misses=0,
                        last_activity=now)
    elif checkin.misses == 0:
        return replace(checkin, misses=1, last_activity=now), reask_text(remaining[0], language)
    else:
        answers[remaining[0].id] = Answer(None, text.strip()[:300], message_sid, now)
        moved = replace(checkin, answers=answers, position=checkin.position + 1, misses=0, last_activity=now)
    if moved.position >= len(QUESTIONS):
        return replace(moved, status=COMPLETED), thank_you_text(language)
    return moved, question_text(QUESTIONS[moved.position], language)


def close(checkin: CheckIn, status: str, now: datetime) -> CheckIn:
    """End an open check-in (expired at day's end, interrupted by a crisis); unanswered questions are missed."""
    answers = dict(checkin.answers)
    for question in QUESTIONS[checkin.position:]:
        answers.setdefault(question.id, Answer(None, "", "", now))
    return replace(checkin, status=status, answers=answers)


def nudge_text(checkin: CheckIn, language: str = DEFAULT) -> str:
    question = checkin.current
    _ = in_language(language)
    # TRANSLATORS: a nudge an hour into a check-in with no reply; {question} is the question, with its number.
    return _("Reminder: {question}").format(question=question_text(question, language)) if question else ""
