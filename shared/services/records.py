"""What clinic staff see of their patients: lists, whole records. Always within the caller's clinic."""
from __future__ import annotations

import base64
import binascii
import builtins
from dataclasses import dataclass
from datetime import datetime

from shared.domain import attention
from shared.domain.accounts import Caller
from shared.domain.checkins import CheckIn
from shared.domain.history import Message, Standing, messages, standing
from shared.domain.jobs import Job
from shared.domain.patients import Escalation, Patient
from shared.errors import Refused
from shared.services.enrollment import PatientNotFound
from shared.services.ports import CareRecords, PatientQuery


class BadCursor(Refused):
    """A cursor this list never gave."""

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"cursor": ["Send back the next_cursor of the page before, unchanged."]}


@dataclass(frozen=True)
class PatientList:
    """What a patients list asks for: a search (name or number), a status, open escalations or none, a page size."""

    search: str = ""
    status: str | None = None
    open_escalation: bool | None = None   # True: an open escalation; False: none; None: either
    limit: int | None = None              # None: every patient, page after page
    cursor: str | None = None

    def query(self) -> PatientQuery:
        first, last = {True: (0, 2), False: (3, 7), None: (0, 7)}[self.open_escalation]
        return PatientQuery(first, last, self.status, attention.search_term(self.search))


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

    def page(self, caller: Caller, now: datetime,
             wanted: PatientList) -> tuple[builtins.list[tuple[Patient, Standing]], str | None]:
        """The clinic's patients the list asks for, what needs attention first (shared/domain/attention.py), one page
        (or all of them when no limit is given), and the cursor of the next page (None at the end)."""
        try:
            position = base64.urlsafe_b64decode(wanted.cursor.encode()).decode() if wanted.cursor else None
        except (binascii.Error, UnicodeError, ValueError) as exc:
            raise BadCursor("bad cursor") from exc
        found: builtins.list[Patient] = []
        while True:
            try:
                page, position = self.store.patients_page(caller.clinic_id, wanted.query(), wanted.limit or 200,
                                                          position)
            except ValueError as exc:
                raise BadCursor("bad cursor") from exc
            found += page
            if wanted.limit or position is None:
                break
        cursor = base64.urlsafe_b64encode(position.encode()).decode() if position else None
        return [(p, standing(p, now)) for p in found], cursor

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
