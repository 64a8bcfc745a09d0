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
        if not move_status(self.patients, patient, PatientStatus.AWAITING_CONSENT, PatientStatus.CONSENT_EXPIRED, now):
            return  # they answered in the meantime
        self.patients.cancel_pending_jobs(patient.patient_id, now)
        logger().info("consent expired", extra={"patient_id": patient.patient_id})


@dataclass
class CompletionService:
    patients: Any

    def complete(self, job: Job, patient: Patient, now: datetime) -> None:
        """The last follow-up day is over: the plan is done and the number may be enrolled again."""
        if move_status(self.patients, patient, PatientStatus.ACTIVE, PatientStatus.COMPLETED, now):
            logger().info("plan completed", extra={"patient_id": patient.patient_id})


def move_status(patients: Any, patient: Patient | None, expected: PatientStatus, new: PatientStatus,
                now: datetime) -> bool:
    """Move a patient from `expected` to `new`; False when they are no longer in `expected`. A profile that only
    changed in other ways meanwhile (a check-in closing in the same minute, a message) is read again."""
    for _ in range(3):
        if patient is None or patient.status is not expected:
            return False
        try:
            patients.set_status(patient, new, now)
            return True
        except StatusMoved:
            patient = patients.get_patient(patient.patient_id)
    raise StatusMoved(patient.patient_id if patient else "")  # dispatch runs the task again
