"""The in-memory store: the same aggregates as shared/adapters/dynamodb, over dictionaries, held to the same
contract (tests/contract). Tests may read its dictionaries directly (`store.patients`, `store.messages`...)."""
from __future__ import annotations

from shared.services.ports import Aggregates
from tests.memory.accounts import MemoryAccounts
from tests.memory.counters import MemoryClinicCounters
from tests.memory.escalations import MemoryEscalations
from tests.memory.history import MemoryClinicHistory
from tests.memory.inbound import MemoryInbound
from tests.memory.outbox import MemoryDeliveries, MemoryOutbox
from tests.memory.patients import MemoryPatients
from tests.memory.sessions import MemorySessions
from tests.memory.table import MemoryTable

SHOWN = ("patients", "phones", "jobs", "due", "checkins", "escalations", "audit", "seen", "messages", "clinics",
         "users", "api_keys", "counters", "lock")


class MemoryStore(Aggregates):
    """Every port over one in-memory table."""

    def __init__(self, due_shards: int = 8) -> None:
        self.table = MemoryTable(due_shards)
        patients, escalations = MemoryPatients(self.table), MemoryEscalations(self.table)
        super().__init__(patients=patients, outbox=MemoryOutbox(self.table), deliveries=MemoryDeliveries(self.table),
                         inbound=MemoryInbound(self.table), escalations=escalations,
                         accounts=MemoryAccounts(self.table), sessions=MemorySessions(self.table),
                         history=MemoryClinicHistory(self.table, escalations),
                         counters=MemoryClinicCounters(self.table))
        self.add_patient = patients.add_patient
        for name in SHOWN:  # the same objects: reads and in-place edits reach the table
            setattr(self, name, getattr(self.table, name))
