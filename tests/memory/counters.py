"""A clinic's running counts in memory, as DynamoClinicCounters keeps them."""
from __future__ import annotations

from tests.memory.table import MemoryTable


class MemoryClinicCounters:
    def __init__(self, table: MemoryTable):
        self.table = table

    def count(self, clinic_id: str, name: str, by: int = 1) -> None:
        with self.table.lock:
            self.table.counters[(clinic_id, name)] = self.table.counters.get((clinic_id, name), 0) + by

    def counters_of(self, clinic_id: str) -> dict[str, int]:
        with self.table.lock:
            return {name: count for (clinic, name), count in sorted(self.table.counters.items()) if clinic == clinic_id}
