"""Escalation rules: what a finished check-in means against the patient's own baseline and recent history.
Pure: check-ins in, findings out (the service stores them and emails the provider)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shared.domain.checkins import BASELINE, COMPLETED, CheckIn

SYMPTOM_RETURN, MOOD_CHANGE, WITHDRAWAL = "symptom_return", "mood_change", "withdrawal"
MISSED_CHECKINS, CONTACT_REQUEST, CRISIS = "missed_checkins", "contact_request", "crisis"
# Raised by the patient's own texts (the safety net and free text), not by check-in rules:
WARNING_SIGNS, SAFETY_CHECK_UNANSWERED = "warning_signs", "safety_check_unanswered"
PATIENT_MESSAGE = "patient_message"
URGENT_REASONS = {CRISIS, SAFETY_CHECK_UNANSWERED}
# One open escalation per patient for each of these, pointed at from the profile so texts add to it.
TEXT_REASONS = (WARNING_SIGNS, PATIENT_MESSAGE)
HOLDING_REASONS = {SYMPTOM_RETURN, MOOD_CHANGE, WITHDRAWAL}


@dataclass(frozen=True)
class Thresholds:
    """Clinic settings, with the defaults the clinic starts with."""

    symptoms_above_baseline: int = 3
    symptoms_high: int = 7
    mood_below_baseline: int = 3
    mood_low: int = 3
    trend: int = 2
    missed_in_a_row: int = 2

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Thresholds":
        known = {k: int(v) for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass(frozen=True)
class Finding:
    reason: str
    why: str                       # in words, for the provider: "symptoms 8, baseline 2"
    evidence: dict[str, Any] = field(default_factory=dict)


def _value(checkin: CheckIn, question: str) -> int | None:
    answer = checkin.answers.get(question)
    return answer.value if answer else None


def _series(history: list[CheckIn], question: str) -> list[int]:
    return [v for v in (_value(c, question) for c in history) if v is not None]


def baseline_of(history: list[CheckIn]) -> CheckIn | None:
    return next((c for c in history if c.kind == BASELINE and c.status == COMPLETED), None)


def findings(history: list[CheckIn], thresholds: Thresholds = Thresholds()) -> list[Finding]:
    """Findings for the latest check-in of `history` (oldest first, the latest last)."""
    if not history:
        return []
    latest = history[-1]
    base = baseline_of(history[:-1]) if latest.kind != BASELINE else None
    found = [*_symptoms(history, latest, base, thresholds), *_mood(history, latest, base, thresholds),
             *_withdrawal(history, latest), *_missed(history, thresholds)]
    return found


def _symptoms(history: list[CheckIn], latest: CheckIn, base: CheckIn | None, t: Thresholds) -> list[Finding]:
    value = _value(latest, "symptoms")
    if value is None:
        return []
    base_value = _value(base, "symptoms") if base else None
    evidence = {"symptoms": value, "baseline": base_value, "checkin_id": latest.checkin_id}
    if base_value is not None and value >= base_value + t.symptoms_above_baseline:
        return [Finding(SYMPTOM_RETURN, f"symptoms {value}, baseline {base_value}", evidence)]
    if value >= t.symptoms_high:
        return [Finding(SYMPTOM_RETURN, f"symptoms {value} (high)", evidence)]
    rise = _trend(_series(history, "symptoms")[-3:], rising=True)
    if rise >= t.trend:
        return [Finding(SYMPTOM_RETURN, f"symptoms up {rise} over two check-ins, now {value}", evidence)]
    return []


def _mood(history: list[CheckIn], latest: CheckIn, base: CheckIn | None, t: Thresholds) -> list[Finding]:
    value = _value(latest, "mood")
    if value is None:
        return []
    base_value = _value(base, "mood") if base else None
    evidence = {"mood": value, "baseline": base_value, "checkin_id": latest.checkin_id}
    if base_value is not None and value <= base_value - t.mood_below_baseline:
        return [Finding(MOOD_CHANGE, f"mood {value}, baseline {base_value}", evidence)]
    if value <= t.mood_low:
        return [Finding(MOOD_CHANGE, f"mood {value} (low)", evidence)]
    fall = _trend(_series(history, "mood")[-3:], rising=False)
    if fall >= t.trend:
        return [Finding(MOOD_CHANGE, f"mood down {fall} over two check-ins, now {value}", evidence)]
    return []


def _trend(last_three: list[int], rising: bool) -> int:
    """How far the value moved over the last two check-ins, when it moved the same way both times."""
    if len(last_three) < 3:
        return 0
    a, b, c = last_three if rising else [-v for v in last_three]
    return c - a if a < b < c else 0


def _withdrawal(history: list[CheckIn], latest: CheckIn) -> list[Finding]:
    value = _value(latest, "withdrawal")
    if value is None:
        return []
    evidence = {"withdrawal": value, "checkin_id": latest.checkin_id}
    if value >= 3:
        return [Finding(WITHDRAWAL, "withdrawal severe", evidence)]
    previous = _series(history[:-1], "withdrawal")[-1:]
    if value == 2 and previous == [2]:
        return [Finding(WITHDRAWAL, "withdrawal moderate twice in a row", evidence)]
    return []


def _missed(history: list[CheckIn], t: Thresholds) -> list[Finding]:
    recent = history[-t.missed_in_a_row:]
    if len(recent) < t.missed_in_a_row:
        return []
    if all(all(a.value is None for a in c.answers.values()) and c.status != COMPLETED for c in recent):
        return [Finding(MISSED_CHECKINS, f"{t.missed_in_a_row} check-ins in a row with no answer",
                        {"checkin_ids": [c.checkin_id for c in recent]})]
    return []
