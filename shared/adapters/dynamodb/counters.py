"""A clinic's running counts, items of its own partition (`CLINIC#<id>`, `COUNT#<name>`) bumped with atomic ADDs:
concurrent counts never conflict (plain updates, outside any transaction) and reading them all is one Query."""
from __future__ import annotations

from shared.adapters import keys
from shared.adapters.dynamodb.table import Table


class DynamoClinicCounters:
    def __init__(self, table: Table):
        self.table = table

    def count(self, clinic_id: str, name: str, by: int = 1) -> None:
        self.table.call("update_item", **self.table.update(
            keys.clinic_counter_key(clinic_id, name), "ADD #count :by SET #type = :type",
            {":by": by, ":type": "clinic_count"}, names={"#count": "count", "#type": "type"}))

    def counters_of(self, clinic_id: str) -> dict[str, int]:
        return {item["SK"].removeprefix(keys.COUNTERS): int(item["count"])
                for item in self.table.collection(keys.clinic_pk(clinic_id), keys.COUNTERS)}
