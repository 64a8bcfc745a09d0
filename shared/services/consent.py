"""Timed consent steps: a patient who never answered YES is marked consent_expired."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from shared.domain import texts
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Job, JobStatus
from shared.domain.patients import Patient, PatientStatus, ProfileChange
from shared.log import logger
from shared.services.clinic_numbers import count_completion
from shared.services.ports import Patients, PatientsAndCounts, PatientsAndJobs
from shared.services.retention import keep_finished
from shared.services.retry import on_fresh_record


@dataclass
class ConsentService:
    patients: PatientsAndJobs

    def expire(self, job: Job, patient: Patient, now: datetime) -> None:
        """Run by dispatch 96 hours after enrollment, only while the patient is still awaiting consent."""
        if move_status(self.patients, patient, PatientStatus.AWAITING_CONSENT, PatientStatus.CONSENT_EXPIRED, now):
            self.patients.cancel_pending_jobs(patient.patient_id, now)
            logger().info("consent expired", extra={"patient_id": patient.patient_id})
        keep_finished(self.patients, patient.patient_id, now)  # (a retry finishes what an outage cut short)


@dataclass
class CompletionService:
    patients: PatientsAndCounts

    def complete(self, job: Job, patient: Patient, now: datetime) -> None:
        """The last follow-up day is over: the plan is done and the number may be enrolled again. A patient who
        opted out stays opted out, their plan over too: START brings them back completed."""
        if move_status(self.patients, patient, PatientStatus.ACTIVE, PatientStatus.COMPLETED, now):
            logger().info("plan completed", extra={"patient_id": patient.patient_id})
            count_completion(self.patients, patient, now)  # once: only the run that moved the status counts
        else:
            on_fresh_record(self.patients, patient.patient_id, self._end_while_opted_out(now))
        keep_finished(self.patients, patient.patient_id, now)

    def _end_while_opted_out(self, now: datetime) -> Callable[[Patient | None], None]:
        def end_while_opted_out(current: Patient | None) -> None:
            if current and current.status is PatientStatus.OPTED_OUT \
                    and current.status_before_opt_out is PatientStatus.ACTIVE:
                self.patients.apply_change(current, ProfileChange(plan_over_while_opted_out=True), now)
                logger().info("plan completed while opted out", extra={"patient_id": current.patient_id})

        return end_while_opted_out


def move_status(patients: Patients, patient: Patient | None, expected: PatientStatus, new: PatientStatus,
                now: datetime) -> bool:
    """Move a patient from `expected` to `new`; False when they are no longer in `expected`. A profile that only
    changed in other ways meanwhile (a check-in closing in the same minute, a message) is read again."""
    def attempt(current: Patient | None) -> bool:
        if current is None or current.status is not expected:
            return False
        patients.set_status(current, new, now)
        return True

    return patient is not None and on_fresh_record(patients, patient.patient_id, attempt, patient)


def consent_reminder_again(store: PatientsAndJobs, patient: Patient, now: datetime) -> None:
    """The pending consent reminder, cancelled and queued again for the same moment as the patient's texts are
    written now (their language, the clinic's name and wording)."""
    pending = [j for j in store.jobs_of(patient.patient_id)
               if j.kind == JobKind.CONSENT_REMINDER and j.status is JobStatus.PENDING and j.send_at > now]
    if not pending:
        return
    store.cancel_pending_jobs(patient.patient_id, now, kinds={JobKind.CONSENT_REMINDER})
    body = texts.consent_reminder_text(patient.clinic_name, patient.clinic_settings.discreet_texts, patient.language)
    store.put_jobs_once([Job.new(patient_id=patient.patient_id, channel=job.channel, kind=job.kind, to=patient.phone,
                                 send_at=job.send_at, unique=f"crl-{secrets.token_hex(6)}", body=body)
                         for job in pending])
