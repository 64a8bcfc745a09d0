"""What clinic staff see of their patients: lists, whole records. Always within the caller's clinic."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shared.domain.accounts import Caller
from shared.domain.checkins import CheckIn
from shared.domain.history import Message, Standing, messages, standing
from shared.domain.jobs import Job
from shared.domain.patients import Escalation, Patient
from shared.services.enrollment import PatientNotFound
from shared.services.ports import CareRecords


@dataclass(frozen=True)
class PatientRecord:
    patient: Patient
    standing: Standing
    messages: list[Message]
    jobs: list[Job]
    checkins: list[CheckIn]        # newest first, the open one included
    escalations: list[Escalation]


@dataclass
class RecordService:
    store: CareRecords

    def list(self, caller: Caller, now: datetime, status: str | None = None) -> list[tuple[Patient, Standing]]:
        patients = self.store.patients_of_clinic(caller.clinic_id, status)
        return [(p, standing(p, now)) for p in sorted(patients, key=lambda p: p.created_at, reverse=True)]

    def record(self, caller: Caller, patient_id: str, now: datetime) -> PatientRecord:
        patient = self.store.get_patient(patient_id)
        if patient is None or patient.clinic_id != caller.clinic_id:
            raise PatientNotFound(patient_id)
        jobs = self.store.jobs_of(patient_id)
        log = self.store.messages_of_patient(patient_id)
        checkins = self.store.checkins_of(patient_id) + ([patient.open_checkin] if patient.open_checkin else [])
        checkins.sort(key=lambda c: c.started_at, reverse=True)
        escalations = sorted(self.store.escalations_of(patient_id), key=lambda e: e.created_at, reverse=True)
        return PatientRecord(patient, standing(patient, now), messages(log, jobs), jobs, checkins, escalations)
