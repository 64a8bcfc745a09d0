"""Handle one text from a patient's phone: the safety net first (crisis, the safety question, warning signs),
then keywords, consent, check-in answers and messages for the care team, stored once per MessageSid in one
transaction."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from shared.domain import checkins
from shared.domain.conversation import Outcome, Sender, respond
from shared.domain.job_kinds import JobKind
from shared.domain.patients import REMOVE, Patient, PatientStatus, ProfileChange
from shared.domain.safety import Risk, assess
from shared.domain.safety_question import CALM_AFTER_NO
from shared.domain.schedule import plan_jobs
from shared.services.scheduled_sends import cancel_task
from shared.domain.sending import CONSENT_KINDS
from shared.errors import StatusMoved, Unavailable
from shared.log import logger, mask_phone
from shared.services.checkin_answers import checkin_change
from shared.services.clinic_numbers import count_consent, count_finished_checkin
from shared.services.enrollment import consent_restart_jobs
from shared.services.escalations import task_job
from shared.services.ports import InboundSms, Inbox
from shared.services.safety_net import combine, crisis_change, message_change, safety_change

ATTEMPTS = 3
STRANGER_REPLY_EVERY = timedelta(days=1)  # at most one (paid) reply a day to a number that is no patient's


class StatusRace(Unavailable):
    """The patient's record kept changing while we answered; Twilio will retry."""

    public = "Storage is unavailable for a moment; please try again."


@dataclass(frozen=True)
class InboundResult:
    reply: str
    duplicate: bool = False
    flags: tuple[str, ...] = ()


@dataclass
class InboundService:
    inbox: Inbox
    public_base_url: str = "http://127.0.0.1:8000"
    cancels_scheduled: bool = False  # reminders are handed to Twilio ahead: a STOP takes them back there

    def handle(self, sms: InboundSms) -> InboundResult:
        """Answer one text. If anything fails, a crisis or warning text still gets its 988 answer (and an alarm
        fires on the log line below); others fail loudly."""
        try:
            return self._handle(sms)
        except Exception:  # noqa: BLE001 - whatever broke, a crisis or warning text is answered
            # (StoreUnavailable and StatusRace are the expected ones)
            outcome = respond(sms.body, None, assess(sms.body))
            if "crisis" not in outcome.flags and "warning" not in outcome.flags:
                raise
            logger().error("crisis text answered but not stored", extra={"message_sid": sms.message_sid,
                                                                         "from": mask_phone(sms.from_number),
                                                                         "flags": list(outcome.flags)})
            return InboundResult(reply=outcome.reply, flags=outcome.flags)

    def _handle(self, sms: InboundSms) -> InboundResult:
        risk = assess(sms.body)
        for _ in range(ATTEMPTS):
            patient = self.inbox.patient_for_phone(sms.from_number, sms.sender)  # on the sender it reached
            outcome = respond(sms.body, sender_of(patient, sms.received_at), risk)
            if patient and outcome.plan_starts:
                seen = self.inbox.reply_for(sms.message_sid)
                if seen is not None:  # a retried YES: its jobs exist already
                    return InboundResult(reply=seen, duplicate=True, flags=outcome.flags)
                # Jobs first, then the status: a crash in between leaves jobs that dispatch cancels
                # (the patient is not active), never an active patient without reminders.
                first_time = patient.status is PatientStatus.AWAITING_CONSENT and patient.consented_at is None
                self.inbox.put_jobs_once(plan_jobs(patient, sms.received_at, sms.message_sid, baseline=first_time))
            reply, change = self._change(patient, outcome, sms, risk, self.public_base_url)
            if patient is None and self._answered_today(sms, outcome):
                reply = ""  # logged unanswered; a crisis or warning text is always answered
            if patient and outcome.plan_starts:  # the jobs just written become the live set with the status
                change = replace(change or ProfileChange(), plan_generation=sms.message_sid)
            try:
                stored = self.inbox.save_inbound(sms, patient, reply, list(outcome.flags), change)
            except StatusMoved:
                continue
            if stored and patient and change:
                self._count(patient, change)
            return self._after(sms, patient, outcome, reply, stored)
        raise StatusRace(sms.message_sid)

    def _count(self, patient: Patient, change: ProfileChange) -> None:
        """What this text changed, counted for the clinic's numbers: once, as the text is stored once per
        MessageSid and its change with it (a first YES starts a taper; an answer, a crisis or STOP ends a check-in)."""
        if patient.status is PatientStatus.AWAITING_CONSENT and change.new_status is PatientStatus.ACTIVE \
                and patient.consented_at is None:  # a YES on a new number starts no second taper
            count_consent(self.inbox, patient)
        count_finished_checkin(self.inbox, patient, change.finished)

    def _answered_today(self, sms: InboundSms, outcome: Outcome) -> bool:
        """A stranger's ordinary text when their number already had its reply in the last day."""
        if {"crisis", "warning"} & set(outcome.flags):
            return False
        return self.inbox.replied_to_stranger_since(sms.from_number, sms.received_at - STRANGER_REPLY_EVERY)

    @staticmethod
    def _change(patient: Patient | None, outcome: Outcome, sms: InboundSms, risk: Risk,
                public_base_url: str) -> tuple[str, ProfileChange | None]:
        """The reply and the change to the patient's record this text makes."""
        if patient is None:
            return outcome.reply, None
        if "crisis" in outcome.flags:
            return outcome.reply, crisis_change(patient, sms, risk, outcome, public_base_url)
        if outcome.safety:
            return safety_change(patient, sms, risk, outcome, public_base_url)
        if "contact_request" in outcome.flags:
            return outcome.reply, ProfileChange(jobs=(task_job(patient, JobKind.CONTACT_REQUEST, sms.received_at),))
        if outcome.checkin_answer and patient.open_checkin:
            return checkin_change(patient, sms, public_base_url)
        change = ProfileChange(new_status=outcome.new_status) if outcome.new_status else None
        if outcome.new_status is PatientStatus.OPTED_OUT and patient.open_checkin:
            interrupted = checkins.close(patient.open_checkin, checkins.INTERRUPTED, sms.received_at)
            change = ProfileChange(new_status=outcome.new_status, checkin=REMOVE, finished=interrupted)
        if outcome.message:
            change = combine(change, message_change(patient, sms, public_base_url))
        return outcome.reply, change

    def _after(self, sms: InboundSms, patient: Patient | None, outcome: Outcome, reply: str,
               stored: bool) -> InboundResult:
        fields: dict[str, Any] = {"message_sid": sms.message_sid, "from": mask_phone(sms.from_number), "flags": list(outcome.flags),
                  "patient_id": patient.patient_id if patient else None}
        if not stored:
            logger().info("inbound repeat", extra=fields)
            seen = self.inbox.reply_for(sms.message_sid)
            return InboundResult(reply=reply if seen is None else seen, duplicate=True, flags=outcome.flags)
        if patient and outcome.consent_restarts:
            self.inbox.put_jobs_once(consent_restart_jobs(patient, sms.received_at, sms.message_sid))
        if patient and outcome.cancel_jobs:
            fields["jobs_cancelled"] = self.inbox.cancel_pending_jobs(patient.patient_id, sms.received_at)
            if self.cancels_scheduled:
                self.inbox.put_jobs_once([cancel_task(patient.patient_id, sms.received_at, sms.message_sid[-12:])])
        elif patient and outcome.new_status is PatientStatus.ACTIVE:
            fields["jobs_cancelled"] = self.inbox.cancel_pending_jobs(patient.patient_id, sms.received_at,
                                                                      kinds=CONSENT_KINDS)
        if outcome.new_status:
            fields["new_status"] = outcome.new_status.value
        log = logger().warning if {"crisis", "warning"} & set(outcome.flags) else logger().info
        log("inbound stored", extra=fields)
        return InboundResult(reply=reply, flags=outcome.flags)


def sender_of(patient: Patient | None, now: datetime) -> Sender | None:
    if patient is None:
        return None
    question = patient.safety_question
    return Sender(status=patient.status, first_name=patient.first_name, dose_time=patient.dose_time,
                  clinic_name=patient.clinic_name, clinic_phone=patient.enrollment.clinic_phone,
                  status_before_opt_out=patient.status_before_opt_out,
                  discreet=patient.clinic_settings.discreet_texts, checkin_open=patient.open_checkin is not None,
                  safety_open=question is not None and question.is_open(now),
                  language=patient.language, safety_language=question.language if question else patient.language,
                  calm_after_no=patient.safety_no_at is not None and now - patient.safety_no_at < CALM_AFTER_NO,
                  crisis_open=bool(patient.checkins_paused_by))
