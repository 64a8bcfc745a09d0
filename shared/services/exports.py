"""A clinic's exports for spreadsheets: its check-ins, escalations and plan changes over a range of days, as rows.

A range is the clinic's days (its setting `timezone`), `first` to `last` inclusive: from midnight at the start of
`first` to midnight at the end of `last` there. Rows come oldest first, as the store reads them from the clinic
index page by page; each patient's profile is read once per export, for the name and the patient's own zone (the
local date of a check-in or a change is the patient's day). Cells are typed: text, whole numbers and doses
(Decimal, two places), None for nothing; the CSV writer decides how each is written."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator
from zoneinfo import ZoneInfo

from shared.domain.checkins import CheckIn
from shared.domain.clinic_settings import DEFAULT_CLINIC_ZONE
from shared.domain.jobs import parse_utc, utc_iso
from shared.domain.patients import Escalation, Patient
from shared.domain.plan import Plan
from shared.domain.questions import QUESTION_IDS
from shared.errors import Refused
from shared.services.ports import Exports

Cell = str | int | Decimal | None
Row = tuple[Cell, ...]
MAX_DAYS = 366              # the longest range one export covers
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)   # the dates a range may name
HUNDREDTH = Decimal("0.01")
KINDS = ("checkins", "escalations", "plan_changes")

PATIENT = ("patient_id", "first_name", "last_name")
CHECKIN_COLUMNS = (*PATIENT, "checkin_id", "kind", "started_at_utc", "local_date", "dose_mg",
                   *(f"{qid}_{part}" for qid in QUESTION_IDS for part in ("value", "raw")), "status")
ESCALATION_COLUMNS = ("escalation_id", *PATIENT, "reasons", "severity", "status", "created_at_utc",
                      "acknowledged_by", "acknowledged_at_utc", "minutes_to_acknowledge", "resolved_by",
                      "resolved_at_utc", "minutes_to_resolve", "note")
PLAN_CHANGE_COLUMNS = ("change_id", *PATIENT, "at_utc", "local_date", "who", "action", "dose_before_mg",
                       "dose_after_mg")


@dataclass(frozen=True)
class Export:
    """One export: its file name, its header and its rows (produced as they are read)."""

    filename: str
    header: tuple[str, ...]
    rows: Iterator[Row]


class RangeRefused(Refused):
    """A range of days no export covers (the edge's schema says so first; this is the service's own guard)."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"to": self.problems}


def range_problems(first: date, last: date) -> list[str]:
    """Why a range of days cannot be exported, if it cannot."""
    problems = []
    if not (EARLIEST <= first <= LATEST and EARLIEST <= last <= LATEST):
        problems.append(f"Dates must be from {EARLIEST.isoformat()} to {LATEST.isoformat()}.")
    if first > last:
        problems.append("The range must not end before it starts.")
    elif (last - first).days + 1 > MAX_DAYS:
        problems.append(f"The range may cover at most {MAX_DAYS} days.")
    return problems


class Names:
    """Each patient's profile, read once per export (None for one no longer stored)."""

    def __init__(self, read: Callable[[str], Patient | None]):
        self.read = read
        self.found: dict[str, Patient | None] = {}

    def __call__(self, patient_id: str) -> Patient | None:
        if patient_id not in self.found:
            self.found[patient_id] = self.read(patient_id)
        return self.found[patient_id]

    def cells(self, patient_id: str) -> Row:
        patient = self(patient_id)
        return (patient_id, patient.first_name if patient else None, patient.last_name if patient else None)

    def local_date(self, patient_id: str, moment: datetime) -> str | None:
        patient = self(patient_id)
        return moment.astimezone(ZoneInfo(patient.timezone)).date().isoformat() if patient else None


@dataclass
class ExportService:
    store: Exports

    def export(self, kind: str, clinic_id: str, first: date, last: date) -> Export:
        """The export of one kind (checkins, escalations, plan_changes) for the clinic's days first..last."""
        problems = range_problems(first, last)
        if problems:
            raise RangeRefused(problems)
        start, end = self.span(clinic_id, first, last)
        names = Names(self.store.get_patient)
        filename = f"{kind}-{first.isoformat()}-{last.isoformat()}.csv"
        if kind == "checkins":
            return Export(filename, CHECKIN_COLUMNS,
                          _rows(self.store.checkins_of_clinic(clinic_id, start, end), names, checkin_row))
        if kind == "escalations":
            return Export(filename, ESCALATION_COLUMNS,
                          _rows(self.store.escalations_created_between(clinic_id, start, end), names, escalation_row))
        if kind == "plan_changes":
            return Export(filename, PLAN_CHANGE_COLUMNS,
                          _rows(self.store.plan_changes_of_clinic(clinic_id, start, end), names, plan_change_row))
        raise ValueError(f"No export named {kind!r}: one of {', '.join(KINDS)}.")

    def span(self, clinic_id: str, first: date, last: date) -> tuple[datetime, datetime]:
        """The moments (UTC) from the start of `first` to the end of `last` in the clinic's zone."""
        zone = ZoneInfo(self.clinic_zone(clinic_id))
        start = datetime.combine(first, time(), tzinfo=zone).astimezone(timezone.utc)
        end = datetime.combine(last + timedelta(days=1), time(), tzinfo=zone).astimezone(timezone.utc)
        return start, end

    def clinic_zone(self, clinic_id: str) -> str:
        clinic = self.store.get_clinic(clinic_id)
        return clinic.settings.timezone if clinic else DEFAULT_CLINIC_ZONE


def _rows(found: Iterable[tuple[str, Any]], names: Names, row: Callable[[str, Any, Names], Row]) -> Iterator[Row]:
    for patient_id, record in found:
        yield row(patient_id, record, names)


def checkin_row(patient_id: str, checkin: CheckIn, names: Names) -> Row:
    answers: list[Cell] = []
    for qid in QUESTION_IDS:
        answer = checkin.answers.get(qid)
        answers += [answer.value if answer else None, answer.raw if answer else None]
    return (*names.cells(patient_id), checkin.checkin_id, checkin.kind, utc_iso(checkin.started_at),
            names.local_date(patient_id, checkin.started_at), dose(checkin.dose_mg), *answers, checkin.status)


def escalation_row(patient_id: str, escalation: Escalation, names: Names) -> Row:
    created = escalation.created_at
    return (escalation.escalation_id, *names.cells(patient_id), ";".join(escalation.reasons), escalation.severity,
            escalation.status, utc_iso(created), escalation.acknowledged_by or None, _iso(escalation.acknowledged_at),
            minutes_between(created, escalation.acknowledged_at), escalation.resolved_by or None,
            _iso(escalation.resolved_at), minutes_between(created, escalation.resolved_at), escalation.note or None)


def plan_change_row(patient_id: str, entry: dict[str, Any], names: Names) -> Row:
    at = parse_utc(str(entry["at"]))
    day = names.local_date(patient_id, at)
    return (str(entry.get("id", "")), *names.cells(patient_id), utc_iso(at), day, str(entry.get("who", "")),
            str(entry.get("action", "")), dose_on(entry.get("before"), day), dose_on(entry.get("after"), day))


def dose_on(plan: Any, day: str | None) -> Decimal | None:
    """Tonight's dose under a plan of an audit entry, on the patient's day of the change (None: no dose that day,
    or no plan in the entry)."""
    if not isinstance(plan, dict) or day is None:
        return None
    try:
        return dose(Plan.from_record(plan).dose_on(date.fromisoformat(day)))
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


def dose(value: Decimal | None) -> Decimal | None:
    return value.quantize(HUNDREDTH) if value is not None else None


def minutes_between(start: datetime, end: datetime | None) -> int | None:
    """Whole minutes from `start` to `end` (rounded down), None when it has not happened."""
    return int((end - start).total_seconds() // 60) if end else None


def _iso(moment: datetime | None) -> str | None:
    return utc_iso(moment) if moment else None
