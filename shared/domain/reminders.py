"""Dose reminders of a plan: one text a plan day at the patient's dose time, and one on the stop date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from shared.domain import texts
from shared.domain.job_kinds import JobKind
from shared.domain.plan import Plan


@dataclass(frozen=True)
class Reminder:
    day: date
    send_at: datetime  # UTC
    kind: str
    text: str


def local_moment(day: date, at: time, zone: str) -> datetime:
    """A local wall-clock time on a day, as a UTC instant. A time the clock skips (spring forward) is sent
    as if the clock had not moved yet (02:30 becomes 03:30); a repeated time (fall back) is its first one."""
    local = datetime.combine(day, at).replace(tzinfo=ZoneInfo(zone), fold=0)
    return local.astimezone(timezone.utc)


def plan_reminders(plan: Plan, dose_time: time, zone: str, clinic_name: str, discreet: bool = False,
                   open_ended: bool = False, language: str = "en") -> list[Reminder]:
    """Every dose-time text of the plan, first day to stop date: exactly one a day. An open-ended (held)
    plan has no last dose and no stop date."""
    reminders = []
    day = plan.steps[0].start_date
    while day <= plan.last_dose_date:
        dose = plan.dose_on(day)
        if dose is None:  # every day to the last dose has a dose; a gap would be a bug in the plan
            raise ValueError(f"no dose on {day} in the plan")
        yesterday = plan.dose_on(day - timedelta(days=1))
        tomorrow = plan.dose_on(day + timedelta(days=1))
        text = texts.dose_reminder_text(
            clinic_name, dose, previous=yesterday if yesterday is not None and yesterday != dose else None,
            tomorrow=tomorrow if tomorrow is not None and tomorrow != dose else None,
            last=day == plan.last_dose_date and not open_ended, discreet=discreet, language=language)
        reminders.append(Reminder(day, local_moment(day, dose_time, zone), JobKind.DOSE_REMINDER, text))
        day += timedelta(days=1)
    if not open_ended:
        reminders.append(Reminder(plan.stop_date, local_moment(plan.stop_date, dose_time, zone), JobKind.TAPER_DONE,
                                  texts.taper_done_text(clinic_name, discreet, language)))
    return reminders
