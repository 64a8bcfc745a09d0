"""Escalations on the single table: items of the patient's collection, listed per clinic by the clinic index."""
from __future__ import annotations

from typing import Sequence

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.changes import new_job
from shared.adapters.dynamodb.codec import escalation_from_item, escalation_to_item
from shared.adapters.dynamodb.retention import stamped
from shared.adapters.dynamodb.table import Table
from shared.domain.jobs import Job
from shared.domain.patients import Escalation, Patient
from shared.errors import JobExists


class DynamoEscalations:
    def __init__(self, table: Table):
        self.table = table

    def escalations_of(self, patient_id: str) -> list[Escalation]:
        return [escalation_from_item(i) for i in self.table.collection(keys.patient_pk(patient_id), keys.ESCALATIONS)]

    def escalations_of_clinic(self, clinic_id: str, status: str | None = None) -> list[tuple[str, Escalation]]:
        """(patient id, escalation) of a clinic, from the clinic index."""
        return [(i["patient_id"], escalation_from_item(i))
                for i in self.table.clinic_items(clinic_id, keys.CLINIC_ESCALATIONS, status)]

    def save_escalations(self, patient: Patient, escalations: list[Escalation],
                         jobs: Sequence[Job] = ()) -> None:
        """New and updated escalations of one patient, with their email jobs, all or nothing."""
        try:
            self.table.transact(stamped([*({"Put": self.table.put(escalation_to_item(patient, e))} for e in escalations),
                                         *(new_job(self.table, job) for job in jobs),
                                         self.table.exists_check(keys.patient_profile_key(patient.patient_id))], patient))
        except ClientError as exc:
            raise JobExists(patient.patient_id) from exc
