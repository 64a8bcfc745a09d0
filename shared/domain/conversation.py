"""What one inbound text means for a patient, whatever state they are in. The safety net comes first: crisis
language, then an open safety question, then warning signs; then keywords, consent and check-in answers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from shared.domain import safety_question as safety
from shared.domain import texts
from shared.domain.consent import is_consent
from shared.domain.keywords import Keyword, read_keyword
from shared.domain.patients import PatientStatus
from shared.domain.safety import Risk, RiskLevel, assess
from shared.domain.safety_question import AFTER_NO, ANSWERED_NO, ANSWERED_YES, ASK, IN_CRISIS, REASK


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
    language: str = "en"
    safety_open: bool = False          # a safety question waits for YES or NO
    safety_language: str = "en"        # the language it was asked in
    calm_after_no: bool = False        # the patient answered it NO a short while ago
    crisis_open: bool = False          # a crisis escalation waits for a provider


@dataclass(frozen=True)
class Outcome:
    reply: str
    flags: tuple[str, ...]
    new_status: PatientStatus | None = None
    cancel_jobs: bool = False
    plan_starts: bool = False
    checkin_answer: bool = False      # the text answers the open check-in: the check-in machine replies
    consent_restarts: bool = False    # back to awaiting consent: the consent reminder and expiry run again
    safety: str = ""                  # ASK, REASK, ANSWERED_YES, ANSWERED_NO, AFTER_NO or IN_CRISIS
    message: bool = False             # free text: it goes to the care team as a patient message
    language: str = "en"              # the language of a safety reply (a safety question is asked in it)


def respond(body: str, sender: Sender | None, risk: Risk | None = None) -> Outcome:
    """The reply to a text and the change it makes (`risk`: the safety net's reading of it, when already made).
    Pure: no storage, no clock."""
    risk = risk or assess(body)
    language = "es" if risk.language == "es" or (sender is not None and sender.language == "es") else "en"
    if risk.level is RiskLevel.EXPLICIT:
        return Outcome(safety.crisis_text(language), ("crisis",), language=language)
    if sender is not None and sender.safety_open:
        answered = _safety_answer(body, sender, risk)
        if answered is not None:
            return answered
    if risk.level is RiskLevel.WARNING:
        return _warning(sender, language)
    return _ordinary(body, sender, sender.language if sender else ("es" if risk.language == "es" else "en"))


def _safety_answer(body: str, sender: Sender, risk: Risk) -> Outcome | None:
    """While the safety question is open it comes before everything but crisis language and STOP, HELP and START
    (carriers require those to work whatever else is going on). A warning text is never a NO."""
    language = sender.safety_language
    answer = safety.read_answer(body, language)
    if answer == "yes":
        return Outcome(safety.crisis_text(language), ("crisis", "safety_yes"), safety=ANSWERED_YES)
    if answer == "no" and risk.level is RiskLevel.NONE:  # "no one would notice if I was gone" is no NO
        return Outcome(safety.answered_no_text(language), ("safety_no",), safety=ANSWERED_NO)
    keyword = read_keyword(body, sender.language)
    if risk.level is RiskLevel.NONE and keyword in (Keyword.STOP, Keyword.HELP, Keyword.START):
        return None
    flags = ("warning", "safety_pending") if risk.level is RiskLevel.WARNING else ("safety_pending",)
    return Outcome(safety.reask_text(language), flags, safety=REASK)


def _warning(sender: Sender | None, language: str) -> Outcome:
    """Every warning text gets 988; a known patient is asked the safety question, unless they just said NO."""
    if sender is None:
        return Outcome(safety.unknown_number_warning_text(language), ("warning", "unknown_number"))
    if sender.crisis_open:
        return Outcome(safety.crisis_text(language), ("warning",), safety=IN_CRISIS, language=language)
    if sender.calm_after_no:
        return Outcome(safety.warning_after_no_text(language), ("warning",), safety=AFTER_NO, language=language)
    return Outcome(safety.question_text(language), ("warning",), safety=ASK, language=language)


def _ordinary(body: str, sender: Sender | None, language: str) -> Outcome:
    """Keywords, consent and check-in answers; replies in `language` (the patient's, or a stranger's text's)."""
    keyword = read_keyword(body, language)
    if keyword is Keyword.HELP:
        if sender is None:
            return Outcome(texts.help_text("taperline", "", language=language), ("help",))
        return Outcome(texts.help_text(sender.clinic_name, sender.clinic_phone, sender.discreet, language), ("help",))
    if keyword is Keyword.CALL and sender is not None and sender.status is not PatientStatus.OPTED_OUT:
        return Outcome(texts.call_requested_text(language), ("contact_request",))
    if sender is None:
        if keyword is not None:
            return Outcome("", (keyword.value,))
        return Outcome(texts.not_enrolled_text(language), ("unknown_number",))
    if keyword is Keyword.STOP:
        return _opt_out(sender)
    if sender.status is PatientStatus.OPTED_OUT:
        if keyword is Keyword.START:  # only START/UNSTOP re-subscribe, never a YES
            return _opt_in(sender)
        # never text an opted-out patient, but what they wrote still reaches their care team
        return Outcome("", ("note", "opted_out"), message=_free_text(body))
    if keyword is Keyword.START:
        return Outcome(texts.opted_in_text(language), ("start",))
    if sender.status is PatientStatus.AWAITING_CONSENT:
        if is_consent(body, language):
            return Outcome(texts.consent_confirmed_text(sender.first_name, sender.dose_time, language), ("consent",),
                           new_status=PatientStatus.ACTIVE, plan_starts=True)
        return Outcome(texts.consent_reminder_text(sender.clinic_name, sender.discreet, language), ("awaiting_consent",),
                       message=_free_text(body))
    if sender.checkin_open:
        return Outcome("", ("checkin",), checkin_answer=True)
    if sender.status is PatientStatus.ACTIVE and is_consent(body, language):
        return Outcome(texts.already_active_text(language), ("note",))
    return Outcome(texts.note_received_text(language), ("note",), message=_free_text(body))


def _free_text(body: str) -> bool:
    """Anything a person could read (an empty body, a picture with no words, is not)."""
    return bool(body.strip())


def _opt_out(sender: Sender) -> Outcome:
    if sender.status is PatientStatus.OPTED_OUT:
        return Outcome("", ("stop",))
    return Outcome(texts.opted_out_text(sender.language), ("stop",), new_status=PatientStatus.OPTED_OUT, cancel_jobs=True)


def _opt_in(sender: Sender) -> Outcome:
    back_to = sender.status_before_opt_out or PatientStatus.AWAITING_CONSENT
    if back_to is PatientStatus.AWAITING_CONSENT:
        return Outcome(texts.consent_reminder_text(sender.clinic_name, sender.discreet, sender.language), ("start",),
                       new_status=back_to,
                       consent_restarts=True)
    if back_to is PatientStatus.ACTIVE:
        return Outcome(texts.opted_in_text(sender.language), ("start",), new_status=back_to, plan_starts=True)
    return Outcome(texts.resubscribed_text(sender.language), ("start",), new_status=back_to)
