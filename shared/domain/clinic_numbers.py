"""A clinic's numbers: which running counts an event adds to, and the figures made from those counts, the
patients' statuses, the patients ever held and the escalations. Pure: no storage, no clock."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Collection, Iterable, Mapping, Sequence
from zoneinfo import ZoneInfo

from shared.domain.checkins import COMPLETED, CheckIn
from shared.domain.patients import Escalation
from shared.domain.status import PatientStatus

# The clinic's running counts (shared/services/ports.ClinicCounters), each added to once, when its event happened.
STARTED = "started"                          # a patient's first YES: awaiting consent -> active
COMPLETED_TAPERS = "completed"               # a taper's last follow-up day over: active -> completed
DAYS_TO_COMPLETE = "days_to_complete#"       # + whole days from consent to completion: a histogram of completions
CHECKINS_FINISHED = "checkins_finished"      # a check-in ended: completed, expired at day's end or interrupted
CHECKINS_ANSWERED = "checkins_answered"      # ... completed: the patient replied to every question


def days_to_complete(start: datetime, end: datetime, zone: str) -> int:
    """Days from the patient's consent (or enrollment) to completion, as dates in the patient's zone."""
    place = ZoneInfo(zone)
    return max(0, (end.astimezone(place).date() - start.astimezone(place).date()).days)


def completion_counts(days: int) -> tuple[str, ...]:
    """The counts a completed taper adds to."""
    return COMPLETED_TAPERS, f"{DAYS_TO_COMPLETE}{days}"


def answered(checkin: CheckIn) -> bool:
    """The patient replied to every question (a reply we could not read twice counts as a reply)."""
    return checkin.status == COMPLETED


def checkin_counts(checkin: CheckIn) -> tuple[str, ...]:
    """The counts a finished check-in adds to."""
    return (CHECKINS_FINISHED, CHECKINS_ANSWERED) if answered(checkin) else (CHECKINS_FINISHED,)


def histogram(counters: Mapping[str, int], prefix: str) -> dict[int, int]:
    """The counts named `<prefix><n>` as {n: count} (zero counts left out)."""
    found: dict[int, int] = {}
    for name, count in counters.items():
        if name.startswith(prefix) and name[len(prefix):].isdigit() and count > 0:
            found[int(name[len(prefix):])] = count
    return found


def median_of_histogram(counts: Mapping[int, int]) -> float | None:
    """The median of the values a histogram counts ({value: how many}); the mean of the middle two for an even
    number of values; None for none."""
    total = sum(n for n in counts.values() if n > 0)
    if total == 0:
        return None
    middle = [(total - 1) // 2, total // 2]          # the 0-based positions of the middle value(s)
    found: list[int] = []
    seen = 0
    for value in sorted(v for v, n in counts.items() if n > 0):
        seen += counts[value]
        while middle and middle[0] < seen:
            found.append(value)
            middle.pop(0)
    return (found[0] + found[1]) / 2


def median(values: Sequence[int]) -> float | None:
    return median_of_histogram(Counter(values))


def share(part: int, whole: int) -> float | None:
    """part / whole, None when there is no whole."""
    return part / whole if whole > 0 else None


def minutes_to_acknowledge(escalation: Escalation) -> int | None:
    """Whole minutes (rounded down) from an escalation's creation to its acknowledgement, as the CSV export has them."""
    if escalation.acknowledged_at is None:
        return None
    return max(0, int((escalation.acknowledged_at - escalation.created_at).total_seconds() // 60))


@dataclass(frozen=True)
class ClinicNumbers:
    by_status: dict[str, int]                   # every status, in PatientStatus order, zeros included
    started: int                                 # patients who ever answered YES
    completed: int                               # tapers completed
    median_days_to_complete: float | None
    ever_held: int                               # patients whose taper was ever held
    held_share: float | None                     # ever_held / started
    escalations: int
    by_reason: dict[str, int]                    # each escalation under each of its reasons: most first
    acknowledged: int                            # escalations acknowledged (and maybe resolved since)
    median_minutes_to_acknowledge: float | None
    checkins_finished: int
    checkins_answered: int
    answered_share: float | None                 # checkins_answered / checkins_finished

    @property
    def patients(self) -> int:
        return sum(self.by_status.values())


def clinic_numbers(statuses: Iterable[PatientStatus], counters: Mapping[str, int], held_patients: Collection[str],
                   escalations: Iterable[Escalation]) -> ClinicNumbers:
    """The figures, from the patients' statuses, the clinic's counts, the ids of patients ever held and the
    clinic's escalations."""
    status_counts = Counter(statuses)
    escalation_list = list(escalations)
    reasons = Counter(reason for e in escalation_list for reason in e.reasons)
    waits = [m for m in map(minutes_to_acknowledge, escalation_list) if m is not None]
    started = counters.get(STARTED, 0)
    finished, answered_count = counters.get(CHECKINS_FINISHED, 0), counters.get(CHECKINS_ANSWERED, 0)
    return ClinicNumbers(
        by_status={status.value: status_counts.get(status, 0) for status in PatientStatus},
        started=started, completed=counters.get(COMPLETED_TAPERS, 0),
        median_days_to_complete=median_of_histogram(histogram(counters, DAYS_TO_COMPLETE)),
        ever_held=len(held_patients), held_share=share(len(held_patients), started),
        escalations=len(escalation_list),
        by_reason=dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
        acknowledged=len(waits), median_minutes_to_acknowledge=median(waits),
        checkins_finished=finished, checkins_answered=answered_count,
        answered_share=share(answered_count, finished))
