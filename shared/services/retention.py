"""Retention of a finished patient's data, and its erasure on request."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shared.domain.history import local_today
from shared.domain.jobs import Job, held_at_twilio
from shared.domain.patients import PLAN_OVER, PatientStatus
from shared.domain.retention import erasable, kept_until
from shared.errors import Conflict, NotFound
from shared.log import logger
from shared.services.ports import Patients, PatientsAndJobs
from shared.services.scheduled_sends import is_waiting_cancel


def keep_finished(patients: Patients, patient_id: str, now: datetime) -> None:
    """Once a patient's plan is over (completed, consent expired, or over while opted out), mark all their data to
    go after the clinic's retention; a mark cut short is finished by the next call (the profile is marked last)."""
    patient = patients.get_patient(patient_id)
    if patient is None or patient.kept_until is not None:
        return
    plan_over = patient.status in PLAN_OVER or (patient.status is PatientStatus.OPTED_OUT
                                                and patient.status_before_opt_out in PLAN_OVER)
    if plan_over:
        until = kept_until(patient, local_today(patient, now))
        marked = patients.keep_data_until(patient, until)
        logger().info("data kept until", extra={"patient_id": patient_id, "until": until.isoformat(), "items": marked})


def at_twilio_or_taken_back(job: Job, now: datetime) -> bool:
    """A reminder Twilio still holds for later, or the task taking such reminders back: erasing would lose track."""
    return held_at_twilio(job, now) or is_waiting_cancel(job)


@dataclass
class ErasureService:
    patients: PatientsAndJobs

    def erase(self, clinic_id: str, patient_id: str, who: str, now: datetime) -> int:
        """Remove every item of a patient of the clinic who is done with the service; how many items went."""
        patient = self.patients.get_patient(patient_id)
        if patient is None or patient.clinic_id != clinic_id:
            raise NotFound("No such patient.")
        if not erasable(patient, local_today(patient, now)):
            raise Conflict("Only a patient whose taper is over (completed, ended, consent expired) or who opted "
                           "out can be erased: end the taper first.")
        if any(at_twilio_or_taken_back(job, now) for job in self.patients.jobs_of(patient_id)):
            raise Conflict("Reminders handed to Twilio ahead are still being taken back: try again in a few minutes.")
        items = self.patients.erase(patient, who, now)
        logger().info("patient erased", extra={"patient_id": patient_id, "items": items})
        return items
