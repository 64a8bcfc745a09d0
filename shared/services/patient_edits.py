"""Changes to a patient's record that are not plan actions: today, the language of their texts."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from shared.domain import texts
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Job, JobStatus, utc_iso
from shared.domain.patients import Patient, PatientStatus, ProfileChange
from shared.domain.schedule import plan_jobs
from shared.errors import Conflict, StatusMoved
from shared.log import logger
from shared.services.enrollment import PatientNotFound
from shared.services.ports import PatientsAndJobs


@dataclass
class PatientEditService:
    store: PatientsAndJobs

    def edit(self, clinic_id: str, who: str, patient_id: str, fields: dict[str, Any], now: datetime) -> Patient:
        """Apply the edited fields (read again if the record moved meanwhile); the patient as stored after."""
        for _ in range(3):
            patient = self.store.get_patient(patient_id)
            if patient is None or patient.clinic_id != clinic_id:
                raise PatientNotFound(patient_id)
            language = fields.get("language")
            if not language or language == patient.language:
                return patient
            try:
                return self._relanguage(patient, language, who, now)
            except StatusMoved:
                continue
        raise Conflict("The patient's record kept changing; please try again.")

    def _relanguage(self, patient: Patient, language: str, who: str, now: datetime) -> Patient:
        """Texts from now on in `language`: replies at once; texts already queued are written again in it (a new
        generation of the plan's jobs for a running taper; the consent reminder while consent is awaited)."""
        updated = replace(patient, language=language)
        audit = {"id": f"lan-{secrets.token_hex(6)}", "who": who, "action": "language", "at": utc_iso(now),
                 "language": {"from": patient.language, "to": language}}
        generation = None
        if patient.status is PatientStatus.ACTIVE and patient.plan_generation:
            generation = f"lan-{secrets.token_hex(6)}"
            self.store.put_jobs_once(plan_jobs(updated, now, generation, baseline=False))
        elif patient.status is PatientStatus.AWAITING_CONSENT:
            self._consent_reminder_again(updated, now)
        self.store.apply_change(patient, ProfileChange(language=language, plan_generation=generation, audit=audit), now)
        logger().info("language changed", extra={"patient_id": patient.patient_id, "language": language})
        return self.store.get_patient(patient.patient_id) or updated

    def _consent_reminder_again(self, patient: Patient, now: datetime) -> None:
        """The pending consent reminder, cancelled and queued again for the same moment in the new language."""
        pending = [j for j in self.store.jobs_of(patient.patient_id)
                   if j.kind == JobKind.CONSENT_REMINDER and j.status is JobStatus.PENDING and j.send_at > now]
        if not pending:
            return
        self.store.cancel_pending_jobs(patient.patient_id, now, kinds={JobKind.CONSENT_REMINDER})
        body = texts.consent_reminder_text(patient.clinic_name, patient.clinic_settings.discreet_texts,
                                           patient.language)
        self.store.put_jobs_once([Job.new(patient_id=patient.patient_id, channel=job.channel, kind=job.kind,
                                          to=patient.phone, send_at=job.send_at, unique=f"crl-{secrets.token_hex(6)}",
                                          body=body) for job in pending])
