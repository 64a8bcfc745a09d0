"""Patients in memory, with DynamoPatients' conditions."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any, Sequence

from shared.domain import attention
from shared.domain.checkins import CheckIn
from shared.domain.jobs import Job, utc_iso
from shared.domain.patients import Patient, PatientStatus, ProfileChange
from shared.errors import JobExists
from shared.services.ports import PatientQuery
from tests.memory.changes import add_job, apply, mapping, taken
from tests.memory.table import MemoryTable, kept


class MemoryPatients:
    def __init__(self, table: MemoryTable):
        self.table = table

    def enroll(self, patient: Patient, jobs: list[Job]) -> None:
        with self.table.lock:
            number = (patient.sender, patient.phone)
            phone = self.table.phones.get(number)
            if patient.patient_id in self.table.patients:
                if phone and phone["patient_id"] == patient.patient_id:
                    return  # our own earlier attempt went through
                raise taken(patient, phone) if phone and not phone["plan_over"] else JobExists(patient.patient_id)
            if phone and not phone["plan_over"]:
                raise taken(patient, phone)
            if any((job.patient_id, job.job_id) in self.table.jobs for job in jobs):
                raise JobExists(patient.patient_id)
            self.table.patients[patient.patient_id] = kept(patient)
            self.table.phones[number] = mapping(patient)
            for job in jobs:
                add_job(self.table, job)

    def get_patient(self, patient_id: str) -> Patient | None:
        found = self.table.patients.get(patient_id)
        return kept(found) if found else None

    def patient_for_phone(self, e164: str, sender: str = "") -> Patient | None:
        phone = self.table.phones.get((sender, e164))
        return self.get_patient(phone["patient_id"]) if phone else None

    def patients_of_clinic(self, clinic_id: str, status: str | None = None) -> list[Patient]:
        with self.table.lock:
            mine = [p for p in self.table.patients.values()
                    if p.clinic_id == clinic_id and (status is None or p.status.value == status)]
        return [kept(p) for p in sorted(mine, key=lambda p: (p.created_at, p.patient_id))]

    def patients_page(self, clinic_id: str, query: PatientQuery, limit: int,
                      after: str | None = None) -> tuple[list[Patient], str | None]:
        """As DynamoPatients: by attention then enrollment, positions `PATIENT#<tier>#<created>#<id>`."""
        low, high = f"PATIENT#{query.first_tier}#", f"PATIENT#{query.last_tier}#~"
        if after is not None and not (low <= after <= high and after.count("#") >= 2):
            raise ValueError("not a position of this list")
        with self.table.lock:
            keyed = sorted((f"PATIENT#{attention.tier_of(p)}#{utc_iso(p.created_at)}#{p.patient_id}", p)
                           for p in self.table.patients.values() if p.clinic_id == clinic_id)
        ahead = [(key, p) for key, p in keyed if low <= key <= high and (after is None or key > after)]
        matching = [(key, p) for key, p in ahead if (query.status is None or p.status.value == query.status)
                    and query.search in attention.search_text(p.first_name, p.last_name, p.phone)]
        page = matching[:limit]
        more = len(matching) > limit
        return [kept(p) for _, p in page], page[-1][0] if more else None

    def apply_change(self, patient: Patient, change: ProfileChange, now: datetime, jobs: Sequence[Job] = ()) -> None:
        with self.table.lock:
            apply(self.table, patient, change, now, jobs)

    def set_status(self, patient: Patient, new: PatientStatus, now: datetime) -> None:
        self.apply_change(patient, ProfileChange(new_status=new), now)

    def flag_phone_problem(self, patient: Patient, code: str, now: datetime) -> None:
        with self.table.lock:
            current = self.table.patients.get(patient.patient_id)
            if current is not None:  # an erased patient's profile is not written again
                self.table.patients[patient.patient_id] = replace(current, phone_problem=code)

    def checkins_of(self, patient_id: str) -> list[CheckIn]:
        return [kept(checkin) for checkin in self.table.checkins.get(patient_id, [])]

    def audit_of(self, patient_id: str) -> list[dict[str, Any]]:
        return [kept(entry) for _, entry in self.table.audit.get(patient_id, [])]

    def keep_data_until(self, patient: Patient, until: date) -> int:
        with self.table.lock:
            current = self.table.patients.get(patient.patient_id)
            if current is None:
                return 0
            self.table.patients[patient.patient_id] = replace(current, kept_until=until)
            return 1 + self._records_of(patient)

    def erase(self, patient: Patient, who: str, now: datetime) -> int:
        with self.table.lock:
            pid = patient.patient_id
            gone = self._records_of(patient)
            if self.table.phones.get((patient.sender, patient.phone), {}).get("patient_id") == pid:
                del self.table.phones[(patient.sender, patient.phone)]
                gone += 1
            gone += int(self.table.patients.pop(pid, None) is not None)
            for key in [k for k in self.table.jobs if k[0] == pid]:
                self.table.jobs.pop(key)
                self.table.due.pop(key, None)
            for records in (self.table.checkins, self.table.escalations, self.table.audit):
                records.pop(pid, None)
            theirs = [m for m in self.table.messages if m["patient_id"] == pid]
            for message in theirs:
                self.table.seen.pop(message["sid"], None)
            self.table.messages[:] = [m for m in self.table.messages if m["patient_id"] != pid]
            self.table.erasures.setdefault(patient.clinic_id, []).append(
                {"patient_id": pid, "by": who, "at": utc_iso(now), "items": gone})
            return gone

    def erasures_of(self, clinic_id: str) -> list[dict[str, Any]]:
        return [dict(entry) for entry in self.table.erasures.get(clinic_id, [])]

    def _records_of(self, patient: Patient) -> int:
        """How many records of the patient there are besides the profile and the phone mapping."""
        pid = patient.patient_id
        messages = [m for m in self.table.messages if m["patient_id"] == pid]
        return (sum(1 for key in self.table.jobs if key[0] == pid) + len(self.table.checkins.get(pid, []))
                + len(self.table.escalations.get(pid, [])) + len(self.table.audit.get(pid, []))
                + 2 * len(messages))  # each text and its dedupe

    def add_patient(self, patient: Patient) -> Patient:
        """Seed a patient as stored (tests only): the number becomes theirs, no condition is checked."""
        with self.table.lock:
            self.table.patients[patient.patient_id] = kept(patient)
            self.table.phones[(patient.sender, patient.phone)] = mapping(patient)
        return patient

