"""A patient's printable summary: the plan as given and as changed, the chart, check-ins, escalations, consent.

Shaped from the same record and audit entries the patient page reads; the template only lays it out."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from shared.domain.checkins import CheckIn
from shared.domain.jobs import parse_utc
from shared.domain.plan import Plan
from shared.domain.taper_chart import TaperChart, taper_chart
from shared.services.records import PatientRecord

STYLESHEET = Path(__file__).resolve().parent / "assets" / "summary.css"
CARRIER_OPT_OUT = "21610"   # Twilio: the number unsubscribed at the carrier (STOP sent to the carrier itself)


@dataclass(frozen=True)
class PlanRow:
    """One line of a plan's table: a dose from one day to another, or the stop."""

    first: date
    last: date | None       # None: open-ended (held until a provider acts) or the stop row
    dose_mg: Decimal        # 0 for the stop row


@dataclass(frozen=True)
class PlanChange:
    at: datetime
    who: str
    action: str             # hold | resume | adjust | end
    rows: tuple[PlanRow, ...]   # the plan after the change


@dataclass(frozen=True)
class ConsentEvent:
    at: datetime
    what: str


@dataclass(frozen=True)
class Summary:
    record: PatientRecord
    given: tuple[PlanRow, ...]
    follow_ups: tuple[date, ...]
    changes: tuple[PlanChange, ...]
    now: tuple[PlanRow, ...]
    chart: TaperChart
    chart_svg: Markup
    checkins: tuple[CheckIn, ...]          # oldest first, as a chart reads
    consent: tuple[ConsentEvent, ...]      # oldest first


def summarise(record: PatientRecord, audit: list[dict[str, Any]], now: datetime) -> Summary:
    """Everything the summary prints, from the record the patient page reads and the plan's audit entries."""
    from functions.web.chart import taper_svg  # pygal loads on the first chart, not at cold start

    patient = record.patient
    entries = sorted(audit, key=lambda a: a.get("at", ""))
    given = Plan.from_record(entries[0]["before"]) if entries and entries[0].get("before") else patient.plan
    changes = tuple(PlanChange(parse_utc(a["at"]), str(a.get("who", "")), str(a.get("action", "")),
                               plan_rows(Plan.from_record(a["after"]), held=a.get("action") == "hold"))
                    for a in entries if a.get("after"))
    chart = taper_chart(patient, record.checkins, record.escalations, audit, now)
    name = f"{patient.first_name} {patient.last_name}"
    svg = Markup(taper_svg(chart, f"Taper of {name}: dose steps and check-in answers"))
    return Summary(record, plan_rows(given), given.follow_up_dates, changes,
                   plan_rows(patient.plan, held=bool(patient.held_since)), chart, svg,
                   tuple(sorted(record.checkins, key=lambda c: c.started_at)), consent_events(record))


def plan_rows(plan: Plan, held: bool = False) -> tuple[PlanRow, ...]:
    """Each dose from its first to its last day, then the stop; a held plan's last dose runs on, with no stop."""
    rows = []
    for step, following in zip(plan.steps, [*plan.steps[1:], None]):
        last = following.start_date - timedelta(days=1) if following else (None if held else plan.last_dose_date)
        rows.append(PlanRow(step.start_date, last, step.dose_mg))
    if not held:
        rows.append(PlanRow(plan.stop_date, None, Decimal(0)))
    return tuple(rows)


def consent_events(record: PatientRecord) -> tuple[ConsentEvent, ...]:
    """Enrollment, the patient's YES, and every opt-out (STOP, or the carrier's) and opt-in (START), in order."""
    patient = record.patient
    events = [ConsentEvent(patient.created_at, "Enrolled (agreement to texts recorded by the clinic)")]
    if patient.consented_at:
        events.append(ConsentEvent(patient.consented_at, "Consent confirmed (replied YES)"))
    for message in record.messages:
        flags = set(message.kind.split(",")) if message.direction == "inbound" else set()
        if "stop" in flags:
            events.append(ConsentEvent(message.at, "Opted out (replied STOP)"))
        elif "start" in flags:
            events.append(ConsentEvent(message.at, "Opted back in (replied START)"))
    for job in record.jobs:
        if job.error_code == CARRIER_OPT_OUT:
            events.append(ConsentEvent(job.finished_at or job.send_at, "Opted out at the carrier (text refused)"))
    return tuple(sorted(events, key=lambda e: e.at))


@lru_cache(maxsize=1)
def stylesheet() -> Markup:
    """The summary's screen and print rules (assets/summary.css), inlined: the print dialog needs no fetch."""
    return Markup(STYLESHEET.read_text(encoding="utf-8"))
