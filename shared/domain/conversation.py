"""What one inbound text means for a patient, whatever state they are in. Crisis language comes first."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from shared.domain import texts
from shared.domain.consent import is_yes
from shared.domain.crisis import mentions_crisis
from shared.domain.keywords import Keyword, read_keyword
from shared.domain.patients import PatientStatus


@dataclass(frozen=True)
class Sender:
    """What the conversation needs to know of the patient behind a number."""

    status: PatientStatus
    first_name: str
    dose_time: time
    clinic_name: str
    clinic_phone: str = ""
    status_before_opt_out: PatientStatus | None = None
    discreet: bool = False
    checkin_open: bool = False


@dataclass(frozen=True)
class Outcome:
    reply: str
    flags: tuple[str, ...]
    new_status: PatientStatus | None = None
    cancel_jobs: bool = False
    plan_starts: bool = False
    checkin_answer: bool = False      # the text answers the open check-in: the check-in machine replies
    consent_restarts: bool = False    # back to awaiting consent: the consent reminder and expiry run again


def respond(body: str, sender: Sender | None) -> Outcome:
    """The reply to a text and the change it makes. Pure: no storage, no clock."""
    if mentions_crisis(body):
        return Outcome(texts.crisis_text(), ("crisis",))
    keyword = read_keyword(body)
    if keyword is Keyword.HELP:
        if sender is None:
            return Outcome(texts.help_text("taperline", ""), ("help",))
        return Outcome(texts.help_text(sender.clinic_name, sender.clinic_phone, sender.discreet), ("help",))
    if keyword is Keyword.CALL and sender is not None and sender.status is not PatientStatus.OPTED_OUT:
        return Outcome(texts.call_requested_text(), ("contact_request",))
    if sender is None:
        if keyword is not None:
            return Outcome("", (keyword.value,))
        return Outcome(texts.not_enrolled_text(), ("unknown_number",))
    if keyword is Keyword.STOP:
        return _opt_out(sender)
    if sender.status is PatientStatus.OPTED_OUT:
        if keyword is Keyword.START:  # only START/UNSTOP re-subscribe, never a YES
            return _opt_in(sender)
        return Outcome("", ("note", "opted_out"))  # never text an opted-out patient, but keep what they said
    if keyword is Keyword.START:
        return Outcome(texts.opted_in_text(), ("start",))
    if sender.status is PatientStatus.AWAITING_CONSENT:
        if is_yes(body):
            return Outcome(texts.consent_confirmed_text(sender.first_name, sender.dose_time), ("consent",),
                           new_status=PatientStatus.ACTIVE, plan_starts=True)
        return Outcome(texts.consent_reminder_text(sender.clinic_name, sender.discreet), ("awaiting_consent",))
    if sender.checkin_open:
        return Outcome("", ("checkin",), checkin_answer=True)
    if sender.status is PatientStatus.ACTIVE and is_yes(body):
        return Outcome(texts.already_active_text(), ("note",))
    return Outcome(texts.note_received_text(), ("note",))


def _opt_out(sender: Sender) -> Outcome:
    if sender.status is PatientStatus.OPTED_OUT:
        return Outcome("", ("stop",))
    return Outcome(texts.opted_out_text(), ("stop",), new_status=PatientStatus.OPTED_OUT, cancel_jobs=True)


def _opt_in(sender: Sender) -> Outcome:
    back_to = sender.status_before_opt_out or PatientStatus.AWAITING_CONSENT
    if back_to is PatientStatus.AWAITING_CONSENT:
        return Outcome(texts.consent_reminder_text(sender.clinic_name, sender.discreet), ("start",), new_status=back_to,
                       consent_restarts=True)
    if back_to is PatientStatus.ACTIVE:
        return Outcome(texts.opted_in_text(), ("start",), new_status=back_to, plan_starts=True)
    return Outcome(texts.resubscribed_text(), ("start",), new_status=back_to)
