"""How pages show doses, days and times to people: never raw ISO strings or Python reprs."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from flask import Flask

from shared.domain.texts import clock_time

if TYPE_CHECKING:
    from shared.domain.patients import Escalation, Patient

LABELS = {"awaiting_consent": "Awaiting consent", "active": "Active", "opted_out": "Opted out",
          "consent_expired": "Consent expired", "completed": "Completed"}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def dose(value: Decimal | None) -> str:
    return "No dose" if value is None else f"{value.normalize():f} mg"


def day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def iso_day(value: str) -> str:
    return day(date.fromisoformat(value)) if value else "Never"


def day_before(value: date) -> str:
    return day(value - timedelta(days=1))


def when(value: datetime | None, zone: str = "UTC") -> str:
    if value is None:
        return "Never"
    local = value.astimezone(ZoneInfo(zone))
    return f"{day(local.date())}, {clock_time(local.time())} {local.tzname()}"


def iso_when(value: str, zone: str = "UTC") -> str:
    from shared.domain.jobs import parse_utc

    return when(parse_utc(value), zone) if value else "Never"


def clock(value: time) -> str:
    return clock_time(value)


JOB_STATUS = {"expired": "Found too late, not sent", "failed": "Failed", "unconfirmed": "Not confirmed by Twilio",
              "pending": "Planned", "sent": "Sent", "cancelled": "Cancelled"}
ERRORS = {"too_late": "dispatch was down", "21610": "patient unsubscribed at the carrier", "21211": "invalid number",
          "21614": "not a mobile number", "ambiguous": "no answer from Twilio", "lease_lapsed": "dispatch stopped"}


def register(app: Flask) -> None:
    from functions.web.presenters import job_text

    app.add_template_filter(job_text)

    def overdue(escalation: Escalation, patient: Patient | None = None) -> bool:
        from flask import current_app

        from shared.domain.escalations import is_overdue

        settings = patient.clinic_settings if patient else None
        return is_overdue(escalation, current_app.extensions["taperline"].clock.now(), settings)

    app.add_template_filter(overdue)
    app.add_template_filter(attention_label)
    app.add_template_filter(lambda s: JOB_STATUS.get(s, s), "job_status")
    app.add_template_filter(lambda s: ERRORS.get(s, f"error {s}"), "error_label")
    app.add_template_filter(dose)
    app.add_template_filter(day)
    app.add_template_filter(day_before)
    app.add_template_filter(iso_day)
    app.add_template_filter(when)
    app.add_template_filter(clock)
    app.add_template_filter(iso_when)
    app.add_template_filter(lambda s: LABELS.get(s, s), "status_label")
    app.add_template_filter(lambda code: LANGUAGE_NAMES.get(code, code), "language_name")
    app.add_template_filter(lambda s: s.replace("_", " ").capitalize(), "field_label")


ATTENTION_LABELS = {"urgent_escalation": "Urgent escalation", "overdue_escalation": "Overdue escalation",
                    "routine_escalation": "Open escalation", "phone_problem": "Number cannot get texts",
                    "held": "Taper held"}


def attention_label(patient: Any) -> str:
    """Why the patient is where they are in the list (shared/domain/attention.py); nothing when nothing waits."""
    from shared.domain import attention

    return ATTENTION_LABELS.get(attention.TIERS[attention.tier_of(patient)], "Nothing waiting")
