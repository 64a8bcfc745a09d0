"""Escalations in memory, listed per patient and per clinic as DynamoEscalations lists them."""
from __future__ import annotations

from typing import Sequence

from shared.domain.jobs import Job, utc_iso
from shared.domain.patients import Escalation, Patient
from shared.errors import JobExists
from tests.memory.changes import add_job
from tests.memory.table import MemoryTable, kept


class MemoryEscalations:
    def __init__(self, table: MemoryTable):
        self.table = table
        self.clinic_of: dict[str, str] = {}   # patient id -> clinic id, as each escalation item carries it

    def escalations_of(self, patient_id: str) -> list[Escalation]:
        return [kept(e) for e in self.table.escalations.get(patient_id, [])]

    def escalations_of_clinic(self, clinic_id: str, status: str | None = None) -> list[tuple[str, Escalation]]:
        with self.table.lock:
            mine = [(pid, e) for pid, found in self.table.escalations.items() for e in found
                    if self._clinic(pid) == clinic_id and (status is None or e.status == status)]
        return [(pid, kept(e)) for pid, e in sorted(mine, key=lambda entry: (utc_iso(entry[1].created_at),
                                                                              entry[1].escalation_id))]

    def _clinic(self, patient_id: str) -> str:
        patient = self.table.patients.get(patient_id)
        return patient.clinic_id if patient else self.clinic_of.get(patient_id, "")

    def save_escalations(self, patient: Patient, escalations: list[Escalation], jobs: Sequence[Job] = ()) -> None:
        with self.table.lock:
            if patient.patient_id not in self.table.patients \
                    or any((job.patient_id, job.job_id) in self.table.jobs for job in jobs):
                raise JobExists(patient.patient_id)  # erased meanwhile, or written before: nothing is written
            self.clinic_of[patient.patient_id] = patient.clinic_id
            found = {e.escalation_id: e for e in self.table.escalations.get(patient.patient_id, [])}
            found.update({e.escalation_id: kept(e) for e in escalations})
            self.table.escalations[patient.patient_id] = sorted(found.values(), key=lambda e: e.escalation_id)
            for job in jobs:
                add_job(self.table, job)
