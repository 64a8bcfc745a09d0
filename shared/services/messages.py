"""A provider texts a patient: their own words, the clinic's name in front, one GSM-7 segment, never in quiet
hours (queued to their end), never to a patient who has not consented or has opted out."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from shared.domain import texts
from shared.domain.gsm7 import GSM7_BASIC, GSM7_EXTENDED, SEGMENT_LIMIT, gsm7_length, gsm_fold
from shared.domain.job_kinds import CONSENTED, JobKind
from shared.domain.jobs import Channel, Job
from shared.domain.patients import PatientStatus, ProfileChange
from shared.domain.schedule import outside_quiet_hours
from shared.errors import Conflict, Refused
from shared.log import logger
from shared.services.enrollment import PatientNotFound
from shared.services.ports import PatientsAndJobs


class MessageRefused(Refused):
    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"body": [str(self)]}


class NotTextable(Conflict):
    """The patient may not be texted now (opted out, or never said YES)."""

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"patient": [str(self)]}


@dataclass
class MessageService:
    store: PatientsAndJobs

    def send(self, clinic_id: str, who: str, patient_id: str, body: str, now: datetime) -> Job:
        """Queue the provider's text (at once, or at the end of the patient's quiet hours); the job queued."""
        patient = self.store.get_patient(patient_id)
        if patient is None or patient.clinic_id != clinic_id:
            raise PatientNotFound(patient_id)
        if patient.status is PatientStatus.OPTED_OUT:
            raise NotTextable("The patient opted out of texts (they can text START to come back).")
        if patient.status not in CONSENTED:
            raise NotTextable("The patient has not agreed to texts (no YES to the welcome).")
        text = texts.provider_message_text(patient.clinic_name, _words(body), patient.language)
        if gsm7_length(text) > SEGMENT_LIMIT:  # type: ignore[operator]  # folded: always GSM-7
            room = SEGMENT_LIMIT - (gsm7_length(text) or 0) + len(_words(body))
            raise MessageRefused(f"A text holds {room} characters after the clinic's name; this one has "
                                 f"{len(_words(body))}.")
        job = Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=JobKind.PROVIDER_MESSAGE,
                      to=patient.phone, send_at=outside_quiet_hours(patient, now), unique=secrets.token_hex(6),
                      body=text, meta={"by": who})
        if patient.kept_until:  # a finished patient: the text carries their retention, as all their items do
            self.store.apply_change(patient, ProfileChange(jobs=(job,)), now)
        else:
            self.store.put_job(job)
        logger().info("provider message queued", extra={"patient_id": patient.patient_id, "job_id": job.job_id})
        return job


def _words(body: str) -> str:
    """The message as a text can carry it; refused when empty or when a character has no GSM-7 form at all."""
    words = " ".join((body or "").split())
    if not words:
        raise MessageRefused("Write the message.")
    lost = sorted({c for c in words if c not in GSM7_BASIC and c not in GSM7_EXTENDED and not gsm_fold(c)})
    if lost:
        raise MessageRefused("Texts cannot carry " + " ".join(f"U+{ord(c):04X} {c}" for c in lost[:5])
                             + ": leave them out.")
    return words
