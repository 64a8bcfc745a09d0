"""Handle one text from a patient's phone: crisis first, then keywords, consent and check-in answers,
stored once per MessageSid in one transaction."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from typing import Any

from shared.domain import checkins
from shared.domain.conversation import Outcome, Sender, respond
from shared.domain.patients import REMOVE, Escalation, Patient, PatientStatus, ProfileChange
from shared.domain.sending import CONSENT_KINDS
from shared.log import logger, mask_phone
from shared.services.ports import InboundSms, StatusMoved
from shared.domain.jobs import utc_iso
from shared.services.enrollment import consent_restart_jobs
from shared.services.escalations import CONTACT_TASK, EVALUATE_CHECKIN, email_jobs, overdue_check_job, task_job
from shared.services.schedule import plan_jobs

ATTEMPTS = 3


class StatusRace(Exception):
    """The patient's record kept changing while we answered; Twilio will retry."""


@dataclass(frozen=True)
class InboundResult:
    reply: str
    duplicate: bool = False
    flags: tuple[str, ...] = ()


@dataclass
class InboundService:
    inbox: Any
    public_base_url: str = "http://127.0.0.1:8000"

    def handle(self, sms: InboundSms) -> InboundResult:
        """Answer one text. If anything fails, a crisis text still gets the 988 answer (and an alarm fires on the
        log line below); others fail loudly."""
        try:
            return self._handle(sms)
        except Exception:  # noqa: BLE001 - whatever broke, a crisis text is answered
            # (StoreUnavailable and StatusRace are the expected ones)
            outcome = respond(sms.body, None)
            if "crisis" not in outcome.flags:
                raise
            logger().error("crisis text answered but not stored", extra={"message_sid": sms.message_sid,
                                                                         "from": mask_phone(sms.from_number)})
            return InboundResult(reply=outcome.reply, flags=outcome.flags)

    def _handle(self, sms: InboundSms) -> InboundResult:
        for _ in range(ATTEMPTS):
            patient = self.inbox.patient_for_phone(sms.from_number)
            outcome = respond(sms.body, sender_of(patient))
            if patient and outcome.plan_starts:
                seen = self.inbox.reply_for(sms.message_sid)
                if seen is not None:  # a retried YES: its jobs exist already
                    return InboundResult(reply=seen, duplicate=True, flags=outcome.flags)
                # Jobs first, then the status: a crash in between leaves jobs that dispatch cancels
                # (the patient is not active), never an active patient without reminders.
                first_time = patient.status is PatientStatus.AWAITING_CONSENT
                self.inbox.put_jobs_once(plan_jobs(patient, sms.received_at, sms.message_sid, baseline=first_time))
            reply, change = self._change(patient, outcome, sms, self.public_base_url)
            if patient and outcome.plan_starts:  # the jobs just written become the live set with the status
                change = replace(change or ProfileChange(), plan_generation=sms.message_sid)
            try:
                stored = self.inbox.save_inbound(sms, patient, reply, list(outcome.flags), change)
            except StatusMoved:
                continue
            return self._after(sms, patient, outcome, reply, stored)
        raise StatusRace(sms.message_sid)

    @staticmethod
    def _change(patient: Patient | None, outcome: Outcome, sms: InboundSms,
                public_base_url: str) -> tuple[str, ProfileChange | None]:
        """The reply and the change to the patient's record this text makes."""
        if patient is None:
            return outcome.reply, None
        open_checkin = patient.open_checkin
        now = sms.received_at
        if "crisis" in outcome.flags:  # urgent, at once: stored and emailed with this very text
            evidence = {"why": "crisis language in a text", "message_sid": sms.message_sid, "at": utc_iso(now),
                        "checkin_id": open_checkin.checkin_id if open_checkin else None}
            if patient.checkins_paused_by:  # its crisis escalation is still open: one more piece of evidence
                interrupted = checkins.close(open_checkin, checkins.INTERRUPTED, now) if open_checkin else None
                return outcome.reply, ProfileChange(checkin=REMOVE if open_checkin else None, finished=interrupted,
                                                    add_evidence=(patient.checkins_paused_by, evidence))
            escalation = Escalation(secrets.token_hex(8), ("crisis",), "urgent", "open", now, (evidence,), now)
            interrupted = checkins.close(open_checkin, checkins.INTERRUPTED, now) if open_checkin else None
            return outcome.reply, ProfileChange(checkin=REMOVE if open_checkin else None, finished=interrupted,
                                                escalation=escalation, pause_checkins_for=escalation.escalation_id,
                                                jobs=(*email_jobs(patient, [escalation], now, public_base_url),
                                                      overdue_check_job(patient, escalation)))
        if "contact_request" in outcome.flags:
            return outcome.reply, ProfileChange(jobs=(task_job(patient, CONTACT_TASK, now),))
        if outcome.checkin_answer and open_checkin:
            moved, reply = checkins.answer(open_checkin, sms.body, sms.message_sid, now)
            if moved.is_open:
                return reply, ProfileChange(checkin=moved)
            return reply, ProfileChange(checkin=REMOVE, finished=moved, jobs=(task_job(patient, EVALUATE_CHECKIN, now),))
        if outcome.new_status is PatientStatus.OPTED_OUT and open_checkin:
            interrupted = checkins.close(open_checkin, checkins.INTERRUPTED, sms.received_at)
            return outcome.reply, ProfileChange(new_status=outcome.new_status, checkin=REMOVE, finished=interrupted)
        return outcome.reply, ProfileChange(new_status=outcome.new_status) if outcome.new_status else None

    def _after(self, sms: InboundSms, patient: Patient | None, outcome: Outcome, reply: str,
               stored: bool) -> InboundResult:
        fields = {"message_sid": sms.message_sid, "from": mask_phone(sms.from_number), "flags": list(outcome.flags),
                  "patient_id": patient.patient_id if patient else None}
        if not stored:
            logger().info("inbound repeat", extra=fields)
            seen = self.inbox.reply_for(sms.message_sid)
            return InboundResult(reply=reply if seen is None else seen, duplicate=True, flags=outcome.flags)
        if patient and outcome.consent_restarts:
            self.inbox.put_jobs_once(consent_restart_jobs(patient, sms.received_at, sms.message_sid))
        if patient and outcome.cancel_jobs:
            fields["jobs_cancelled"] = self.inbox.cancel_pending_jobs(patient.patient_id, sms.received_at)
        elif patient and outcome.new_status is PatientStatus.ACTIVE:
            fields["jobs_cancelled"] = self.inbox.cancel_pending_jobs(patient.patient_id, sms.received_at,
                                                                      kinds=CONSENT_KINDS)
        if outcome.new_status:
            fields["new_status"] = outcome.new_status.value
        log = logger().warning if "crisis" in outcome.flags else logger().info
        log("inbound stored", extra=fields)
        return InboundResult(reply=reply, flags=outcome.flags)


def sender_of(patient: Patient | None) -> Sender | None:
    if patient is None:
        return None
    return Sender(status=patient.status, first_name=patient.first_name, dose_time=patient.dose_time,
                  clinic_name=patient.clinic_name, clinic_phone=patient.enrollment.get("clinic_phone", ""),
                  status_before_opt_out=patient.status_before_opt_out,
                  discreet=patient.clinic_settings.discreet_texts, checkin_open=patient.open_checkin is not None)
