"""What needs the care team's attention first: the order of the patients list, and what search reads.

The rule, highest first (one tier per patient, the first that applies):
0 an open urgent escalation (crisis, an unanswered safety question),
1 an open routine escalation past its acknowledgement deadline (its overdue email went),
2 an open routine escalation,
3 a number Twilio refused (phone problem),
4 a held taper,
5 a patient on the plan or awaiting consent,
6 opted out,
7 finished (completed, consent expired).
Within a tier, by enrollment, oldest first.
The tier is kept on the profile (its clinic index key) and written with every change that moves it: escalations
opened, acknowledged or found overdue, a status, a hold, a phone problem or a new number.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterable

from shared.domain.patients import Escalation, Patient, PatientStatus

TIERS = ("urgent_escalation", "overdue_escalation", "routine_escalation", "phone_problem", "held", "active",
         "opted_out", "finished")
URGENT, OVERDUE, ROUTINE = "urgent", "overdue", "routine"
FINISHED = {PatientStatus.COMPLETED, PatientStatus.CONSENT_EXPIRED}


@dataclass(frozen=True)
class PatientQuery:
    """Which of a clinic's patients a list shows: tiers (both included), a status, and a search term as search_term
    gives it (found in the folded name or the number's digits)."""

    first_tier: int = 0
    last_tier: int = 7
    status: str | None = None
    search: str = ""


def level_of(escalation: Escalation) -> str | None:
    """How an escalation weighs while open (None once acknowledged or resolved)."""
    if escalation.status != "open":
        return None
    if escalation.severity == URGENT:
        return URGENT
    return OVERDUE if escalation.overdue_notified_at else ROUTINE


def open_levels(levels: dict[str, str], written: Iterable[Escalation]) -> dict[str, str]:
    """The patient's open escalations (id -> level) after escalations are opened or written again."""
    after = dict(levels)
    for escalation in written:
        level = level_of(escalation)
        if level is None:
            after.pop(escalation.escalation_id, None)
        else:
            after[escalation.escalation_id] = level
    return after


def tier(status: PatientStatus, levels: dict[str, str], phone_problem: str, held_since: str) -> int:
    """The patient's place in the list (0 first), by the rule above."""
    present = set(levels.values())
    for rank, level in enumerate((URGENT, OVERDUE, ROUTINE)):
        if level in present:
            return rank
    if status in FINISHED:
        return 7
    if status is PatientStatus.OPTED_OUT:
        return 6
    if phone_problem:
        return 3
    return 4 if held_since else 5


def tier_of(patient: Patient) -> int:
    return tier(patient.status, patient.open_levels, patient.phone_problem, patient.held_since)


def folded(text: str) -> str:
    """Lower case without accents, spaces tidied: what search compares."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def search_text(first_name: str, last_name: str, phone: str) -> str:
    """What a patient is found by: their folded name and the digits of their number."""
    return f"{folded(first_name)} {folded(last_name)} {''.join(c for c in phone if c.isdigit())}"


def search_term(query: str) -> str:
    """A search as typed, as search_text holds it: a number's digits alone (spaces, dashes, parentheses, dots and +
    dropped), or folded words."""
    stripped = query.strip()
    digits = "".join(c for c in stripped if c.isdigit())
    if digits and all(c.isdigit() or c in " ()-.+" for c in stripped):
        return digits
    return folded(stripped)
