"""A clinic's history over a span of time in memory, listed as DynamoClinicHistory lists it from the clinic index:
by the moment to the second (as stored), then by id, `start` <= moment < `end`."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterator

from shared.domain.checkins import CheckIn
from shared.domain.jobs import utc_iso
from shared.domain.patients import Escalation
from shared.services.ports import PLAN_CHANGE_ACTIONS
from tests.memory.escalations import MemoryEscalations
from tests.memory.table import MemoryTable, kept


class MemoryClinicHistory:
    def __init__(self, table: MemoryTable, escalations: MemoryEscalations):
        self.table = table
        self.escalations = escalations   # knows the clinic of a patient whose escalations outlived the profile

    def checkins_of_clinic(self, clinic_id: str, start: datetime, end: datetime) -> Iterator[tuple[str, CheckIn]]:
        low, high = utc_iso(start), utc_iso(end)
        with self.table.lock:
            found = [(utc_iso(c.started_at), c.checkin_id, pid, c) for pid, mine in self.table.checkins.items()
                     if self._clinic(pid) == clinic_id for c in mine if low <= utc_iso(c.started_at) < high]
        for _, _, pid, checkin in sorted(found, key=lambda f: f[:3]):
            yield pid, kept(checkin)

    def escalations_created_between(self, clinic_id: str, start: datetime,
                                    end: datetime) -> Iterator[tuple[str, Escalation]]:
        low, high = utc_iso(start), utc_iso(end)
        with self.table.lock:
            found = [(utc_iso(e.created_at), e.escalation_id, pid, e) for pid, mine in self.table.escalations.items()
                     if self._clinic(pid) == clinic_id for e in mine if low <= utc_iso(e.created_at) < high]
        for _, _, pid, escalation in sorted(found, key=lambda f: f[:3]):
            yield pid, kept(escalation)

    def plan_changes_of_clinic(self, clinic_id: str, start: datetime,
                               end: datetime) -> Iterator[tuple[str, dict[str, Any]]]:
        low, high = utc_iso(start), utc_iso(end)
        with self.table.lock:
            found = [(written, pid, entry) for pid, mine in self.table.audit.items() if self._clinic(pid) == clinic_id
                     for written, entry in mine
                     if low <= written[0] < high and entry.get("action") in PLAN_CHANGE_ACTIONS]
        for _, pid, entry in sorted(found, key=lambda f: f[0]):
            yield pid, kept(entry)

    def _clinic(self, patient_id: str) -> str:
        patient = self.table.patients.get(patient_id)
        return patient.clinic_id if patient else self.escalations.clinic_of.get(patient_id, "")
