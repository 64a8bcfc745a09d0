"""Texts from phones in memory: the MessageSid dedupe and the log, written with the patient's change at once."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from shared.domain.jobs import utc_iso
from shared.domain.patients import Patient, ProfileChange
from shared.errors import StatusMoved
from shared.services.ports import InboundSms
from tests.memory.changes import apply
from tests.memory.table import MemoryTable, kept


class MemoryInbound:
    def __init__(self, table: MemoryTable):
        self.table = table

    def save_inbound(self, sms: InboundSms, patient: Patient | None, reply: str, flags: list[str],
                     change: ProfileChange | None = None) -> bool:
        with self.table.lock:  # one transaction: nothing is written unless everything is
            if sms.message_sid in self.table.seen:
                return False
            if patient and change and not change.empty:
                apply(self.table, patient, change, sms.received_at)
            elif patient and patient.patient_id not in self.table.patients:
                raise StatusMoved(patient.patient_id)  # erased since it was read: nothing of theirs is written
            self.table.seen[sms.message_sid] = reply
            self.table.messages.append({
                "direction": "inbound", "sid": sms.message_sid, "from": sms.from_number, "to": sms.to_number,
                "body": sms.body, "at": utc_iso(sms.received_at), "seq": next(self.table.sequence), "reply": reply,
                "flags": list(flags), "patient_id": patient.patient_id if patient else None})
            return True

    def reply_for(self, message_sid: str) -> str | None:
        return self.table.seen.get(message_sid)

    def replied_to_stranger_since(self, phone: str, since: datetime) -> bool:
        with self.table.lock:
            return any(m["patient_id"] is None and m["from"] == phone and m["reply"] and m["at"] >= utc_iso(since)
                       for m in self.table.messages)

    def messages_of_patient(self, patient_id: str) -> list[dict[str, Any]]:
        """The log of one patient, oldest first, shaped as DynamoInbound's."""
        with self.table.lock:
            mine = [m for m in self.table.messages if m["patient_id"] == patient_id]
        return [kept({k: v for k, v in m.items() if k != "patient_id"})
                for m in sorted(mine, key=lambda m: (m["at"], m["sid"]))]
