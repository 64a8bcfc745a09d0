"""Escalations: one open per patient and reason; findings add evidence; emails only when they matter.
And the provider email: minimum data, no patient name in the subject, every patient text escaped."""
from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Callable

from shared.domain.clinic_settings import ACK_ROUTINE_BUSINESS_DAYS, ACK_URGENT_MINUTES, ClinicSettings
from shared.domain.escalation_rules import URGENT_REASONS, Finding
from shared.domain.patients import Escalation

RENOTIFY_AFTER = timedelta(hours=24)
URGENT_ACK_WITHIN = timedelta(minutes=ACK_URGENT_MINUTES)
SEVERITY_RANK = {"routine": 0, "urgent": 1}


def severity_of(reason: str) -> str:
    return "urgent" if reason in URGENT_REASONS else "routine"


@dataclass(frozen=True)
class Update:
    escalation: Escalation
    email: bool           # send the provider an email about it now


def merge(open_by_reason: dict[str, Escalation], found: list[Finding], now: datetime,
          new_id: Callable[[], str]) -> list[Update]:
    """New escalations for new reasons; evidence added to open ones, emailed again only when severity
    rises or 24 hours after the last email."""
    updates = []
    for finding in found:
        evidence = {"why": finding.why, **finding.evidence, "at": now.strftime("%Y-%m-%dT%H:%M:%SZ")}
        severity = severity_of(finding.reason)
        current = open_by_reason.get(finding.reason)
        if current is None:
            escalation = Escalation(new_id(), (finding.reason,), severity, "open", now, (evidence,), now)
            updates.append(Update(escalation, email=True))
            continue
        rises = SEVERITY_RANK[severity] > SEVERITY_RANK[current.severity]
        due = current.last_emailed_at is None or now - current.last_emailed_at >= RENOTIFY_AFTER
        email = rises or due
        escalation = replace(current, evidence=(*current.evidence, evidence),
                             severity=severity if rises else current.severity,
                             last_emailed_at=now if email else current.last_emailed_at)
        updates.append(Update(escalation, email=email))
    return updates


@dataclass(frozen=True)
class Email:
    subject: str
    text: str
    html: str


LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def provider_email(clinic_name: str, first_name: str, last_name: str, escalations: list[Escalation],
                   current_dose: str, next_step: str, link: str, language: str = "en") -> Email:
    """The email about one patient's new or renewed escalations (never quoting the patient; saying the language
    they text in, so the caller knows which language to call in)."""
    urgent = any(e.severity == "urgent" for e in escalations)
    subject = f"{'Urgent: a' if urgent else 'A'} patient at {clinic_name} needs review"
    who = f"{first_name} {last_name[:1]}." if last_name else first_name
    lines = [f"{e.reasons[0].replace('_', ' ')}: {e.evidence[-1].get('why', '') if e.evidence else ''}"
             for e in escalations]
    texts_in = LANGUAGE_NAMES.get(language, language)
    text = "\n".join([f"{subject}.", "", f"Patient: {who}", f"Texts in: {texts_in}", "Why:", *[f"- {line}" for line in lines],
                      f"Current dose: {current_dose}", f"Next step: {next_step}", "", f"Review: {link}", "",
                      "Please acknowledge on the patient page."])
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    body = (f"<p><strong>{html.escape(subject)}.</strong></p><p>Patient: {html.escape(who)}<br>"
            f"Texts in: {html.escape(texts_in)}</p>"
            f"<p>Why:</p><ul>{items}</ul><p>Current dose: {html.escape(current_dose)}<br>"
            f"Next step: {html.escape(next_step)}</p>"
            f"<p><a href=\"{html.escape(link, quote=True)}\">Review the patient page</a> and acknowledge.</p>")
    return Email(subject, text, body)


def acknowledge_by(escalation: Escalation, urgent_within: timedelta = URGENT_ACK_WITHIN,
                   routine_business_days: int = ACK_ROUTINE_BUSINESS_DAYS) -> datetime:
    """When an open escalation becomes overdue: 1 hour if urgent, else 2 business days (Mon-Fri)."""
    if escalation.severity == "urgent":
        return escalation.created_at + urgent_within
    moment, left = escalation.created_at, routine_business_days
    while left:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            left -= 1
    return moment


def deadline(escalation: Escalation, clinic_settings: ClinicSettings | None = None) -> datetime:
    """acknowledge_by with the clinic's own deadlines (minutes for urgent, business days for routine)."""
    settings = clinic_settings or ClinicSettings()
    return acknowledge_by(escalation, timedelta(minutes=settings.ack_urgent_minutes), settings.ack_routine_business_days)


def is_overdue(escalation: Escalation, now: datetime, clinic_settings: ClinicSettings | None = None) -> bool:
    return escalation.status == "open" and now >= deadline(escalation, clinic_settings)


def overdue_email(clinic_name: str, escalation: Escalation, link: str) -> Email:
    kind = "urgent" if escalation.severity == "urgent" else "routine"
    subject = f"Overdue: a patient at {clinic_name} still needs review"
    text = (f"An {kind} escalation ({escalation.reasons[0].replace('_', ' ')}) opened "
            f"{escalation.created_at:%Y-%m-%d %H:%M} UTC has not been acknowledged.\n\nReview: {link}")
    body = (f"<p>An {html.escape(kind)} escalation ({html.escape(escalation.reasons[0].replace('_', ' '))}) opened "
            f"{escalation.created_at:%Y-%m-%d %H:%M} UTC has not been acknowledged.</p>"
            f"<p><a href=\"{html.escape(link, quote=True)}\">Review the patient page</a></p>")
    return Email(subject, text, body)
