"""Handle one text from a patient's phone: crisis first, then keywords and consent, stored once per MessageSid."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.domain.conversation import Outcome, Sender, respond
from shared.domain.patients import Patient, PatientStatus
from shared.domain.sending import CONSENT_KINDS
from shared.log import logger, mask_phone
from shared.services.ports import InboundSms, StatusMoved, StoreUnavailable
from shared.services.schedule import reminder_jobs

ATTEMPTS = 3


class StatusRace(Exception):
    """The patient's status kept changing while we answered; Twilio will retry."""


@dataclass(frozen=True)
class InboundResult:
    reply: str
    duplicate: bool = False
    flags: tuple[str, ...] = ()


@dataclass
class InboundService:
    inbox: Any

    def handle(self, sms: InboundSms) -> InboundResult:
        """Answer one text. If storage fails, a crisis text still gets the 988 answer; others fail loudly."""
        try:
            return self._handle(sms)
        except (StoreUnavailable, StatusRace):
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
                if seen is not None:  # a retried YES: its reminders exist already
                    return InboundResult(reply=seen, duplicate=True, flags=outcome.flags)
                # Reminders first, then the status: a crash in between leaves jobs that dispatch
                # cancels (the patient is not active), never an active patient without reminders.
                self.inbox.put_jobs_once(reminder_jobs(patient, sms.received_at, sms.message_sid))
            try:
                stored = self.inbox.save_inbound(sms, patient, outcome.reply, list(outcome.flags), outcome.new_status)
            except StatusMoved:
                continue
            return self._after(sms, patient, outcome, stored)
        raise StatusRace(sms.message_sid)

    def _after(self, sms: InboundSms, patient: Patient | None, outcome: Outcome, stored: bool) -> InboundResult:
        fields = {"message_sid": sms.message_sid, "from": mask_phone(sms.from_number), "flags": list(outcome.flags),
                  "patient_id": patient.patient_id if patient else None}
        if not stored:
            logger().info("inbound repeat", extra=fields)
            reply = self.inbox.reply_for(sms.message_sid)
            return InboundResult(reply=outcome.reply if reply is None else reply, duplicate=True, flags=outcome.flags)
        if patient and outcome.cancel_jobs:
            fields["jobs_cancelled"] = self.inbox.cancel_pending_jobs(patient.patient_id, sms.received_at)
        elif patient and outcome.new_status is PatientStatus.ACTIVE:
            fields["jobs_cancelled"] = self.inbox.cancel_pending_jobs(patient.patient_id, sms.received_at,
                                                                      kinds=CONSENT_KINDS)
        if outcome.new_status:
            fields["new_status"] = outcome.new_status.value
        log = logger().warning if "crisis" in outcome.flags else logger().info
        log("inbound stored", extra=fields)
        return InboundResult(reply=outcome.reply, flags=outcome.flags)


def sender_of(patient: Patient | None) -> Sender | None:
    if patient is None:
        return None
    return Sender(status=patient.status, first_name=patient.first_name, dose_time=patient.dose_time,
                  clinic_name=patient.clinic_name, clinic_phone=patient.enrollment.get("clinic_phone", ""),
                  status_before_opt_out=patient.status_before_opt_out,
                  discreet=patient.clinic_settings.discreet_texts)
