"""The taper at a glance: dose steps, check-in answers, escalations and held periods on one time line.

Pure: the patient page draws it (as SVG) and lists it (as a table) from the same `TaperChart`."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from shared.domain.checkins import CheckIn
from shared.domain.patients import Escalation, Patient
from shared.domain.plan import Plan

SCORES = ("symptoms", "mood", "withdrawal")
HOLD_ENDS = ("resume", "end")   # adjusting a held taper keeps it held


@dataclass(frozen=True)
class DayRow:
    """One dated line of the chart's table: what changed or was answered that day."""

    day: date
    dose_mg: Decimal | None
    scores: dict[str, int | None] = field(default_factory=dict)   # question -> value, None when missed
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaperChart:
    first_day: date
    last_day: date
    today: date
    dose_steps: tuple[tuple[date, Decimal], ...]           # (first day, dose); 0 mg from the stop date
    scores: dict[str, tuple[tuple[date, int], ...]]          # question -> answered values by day
    escalation_days: tuple[tuple[date, str], ...]           # (day, "urgent: crisis")
    held: tuple[tuple[date, date], ...]                     # (first held day, last held day)
    rows: tuple[DayRow, ...]


def taper_chart(patient: Patient, checkins: list[CheckIn], escalations: list[Escalation], audit: list[dict[str, Any]],
                now: datetime) -> TaperChart:
    zone = ZoneInfo(patient.timezone)
    today = now.astimezone(zone).date()
    plan = patient.plan
    held_now = bool(patient.held_since)   # a held plan's end is only a planning horizon: not drawn
    steps = dose_steps(plan, open_ended=held_now)
    scores = _scores(checkins, zone)
    flagged = tuple(sorted((e.created_at.astimezone(zone).date(), f"{e.severity}: {', '.join(e.reasons)}")
                           for e in escalations))
    held = held_periods(audit, patient.held_since, today, zone, plan.last_dose_date)
    days = [d for d, _ in steps] + [d for values in scores.values() for d, _ in values] + [d for d, _ in flagged]
    first = min([*days, today]) if days else today
    last = max([*days, today + timedelta(days=7) if held_now else today, *plan.follow_up_dates])
    return TaperChart(first, last, today, steps, scores, flagged, held,
                      _rows(plan, steps, checkins, flagged, held, today, zone))


def dose_steps(plan: Plan, open_ended: bool = False) -> tuple[tuple[date, Decimal], ...]:
    """Each step's first day and dose, then 0 mg from the stop date (none while the taper is held)."""
    stop = () if open_ended else ((plan.stop_date, Decimal(0)),)
    return tuple((s.start_date, s.dose_mg) for s in plan.steps) + stop


def held_periods(audit: list[dict[str, Any]], held_since: str, today: date, zone: ZoneInfo,
                 last_dose: date) -> tuple[tuple[date, date], ...]:
    """Spans between a hold and the provider's next resume or end; an open hold runs to today."""
    from shared.domain.jobs import parse_utc

    periods, start = [], None
    for entry in sorted(audit, key=lambda a: a.get("at", "")):
        day = parse_utc(entry["at"]).astimezone(zone).date()
        if entry.get("action") == "hold" and start is None:
            start = day
        elif entry.get("action") in HOLD_ENDS and start is not None:
            periods.append((start, max(start, day - timedelta(days=1))))
            start = None
    if held_since and start is None:
        start = date.fromisoformat(held_since)
    if held_since and start is not None:
        periods.append((start, max(start, min(today, last_dose))))
    return tuple(periods)


def _scores(checkins: list[CheckIn], zone: ZoneInfo) -> dict[str, tuple[tuple[date, int], ...]]:
    found: dict[str, list[tuple[date, int]]] = {q: [] for q in SCORES}
    for checkin in sorted(checkins, key=lambda c: c.started_at):
        day = checkin.started_at.astimezone(zone).date()
        for question in SCORES:
            answer = checkin.answers.get(question)
            if answer is not None and answer.value is not None:
                found[question].append((day, int(answer.value)))
    return {q: tuple(v) for q, v in found.items()}


def _rows(plan: Plan, steps: tuple[tuple[date, Decimal], ...], checkins: list[CheckIn],
          flagged: tuple[tuple[date, str], ...], held: tuple[tuple[date, date], ...], today: date,
          zone: ZoneInfo) -> tuple[DayRow, ...]:
    """The dated events in order: step changes, check-ins, escalations, holds, today."""
    events: dict[date, list[str]] = {}
    scores: dict[date, dict[str, int | None]] = {}
    for day, dose_mg in steps:
        events.setdefault(day, []).append("Stop" if dose_mg == 0 else f"Step to {dose_mg.normalize():f} mg")
    for checkin in checkins:
        day = checkin.started_at.astimezone(zone).date()
        answered = {q: a.value for q, a in checkin.answers.items() if q in SCORES}
        if answered:
            scores.setdefault(day, {}).update(answered)
        else:
            events.setdefault(day, []).append("Check-in not answered")
    for day, what in flagged:
        events.setdefault(day, []).append(f"Escalation ({what.replace('_', ' ')})")
    for first, last in held:
        events.setdefault(first, []).append("Taper held")
    events.setdefault(today, []).append("Today")
    return tuple(DayRow(day, _dose_on(plan, day), scores.get(day, {}), tuple(events.get(day, ())))
                 for day in sorted(set(events) | set(scores)))


def _dose_on(plan: Plan, day: date) -> Decimal | None:
    """The planned dose, 0 mg once the taper is over, None before it starts."""
    return Decimal(0) if day >= plan.stop_date else plan.dose_on(day)
