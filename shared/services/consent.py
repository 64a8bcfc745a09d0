"""Timed consent steps: a patient who never answered YES is marked consent_expired."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.domain.jobs import Job
from shared.domain.patients import Patient, PatientStatus
from shared.log import logger
from shared.services.ports import StatusMoved


@dataclass
class ConsentService:
    patients: Any

    def expire(self, job: Job, patient: Patient, now: datetime) -> None:
        """Run by dispatch 96 hours after enrollment, only while the patient is still awaiting consent."""
        try:
            self.patients.set_status(patient, PatientStatus.CONSENT_EXPIRED, now)
        except StatusMoved:
            return  # they answered in the meantime
        self.patients.cancel_pending_jobs(patient.patient_id, now)
        logger().info("consent expired", extra={"patient_id": patient.patient_id})


@dataclass
class CompletionService:
    patients: Any

    def complete(self, job: Job, patient: Patient, now: datetime) -> None:
        """The last follow-up day is over: the plan is done and the number may be enrolled again."""
        try:
            self.patients.set_status(patient, PatientStatus.COMPLETED, now)
        except StatusMoved:
            return
        logger().info("plan completed", extra={"patient_id": patient.patient_id})
