"""A clinic's history over a span of time: check-ins, escalations and plan changes, each one Query of the clinic
index (`clinic_sk BETWEEN <kind><start> AND <kind><end>`), read page by page."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterator

from shared.adapters import keys
from shared.adapters.dynamodb.codec import audit_from_item, checkin_from_map, escalation_from_item
from shared.adapters.dynamodb.table import Table
from shared.domain.checkins import CheckIn
from shared.domain.jobs import utc_iso
from shared.domain.patients import Escalation


class DynamoClinicHistory:
    def __init__(self, table: Table):
        self.table = table

    def checkins_of_clinic(self, clinic_id: str, start: datetime, end: datetime) -> Iterator[tuple[str, CheckIn]]:
        for item in self._between(clinic_id, keys.CLINIC_CHECKINS, start, end):
            yield item["patient_id"], checkin_from_map(item)

    def escalations_created_between(self, clinic_id: str, start: datetime,
                                    end: datetime) -> Iterator[tuple[str, Escalation]]:
        for item in self._between(clinic_id, keys.CLINIC_ESCALATIONS, start, end):
            yield item["patient_id"], escalation_from_item(item)

    def plan_changes_of_clinic(self, clinic_id: str, start: datetime,
                               end: datetime) -> Iterator[tuple[str, dict[str, Any]]]:
        for item in self._between(clinic_id, keys.CLINIC_PLAN_CHANGES, start, end):
            yield item["patient_id"], audit_from_item(item)

    def _between(self, clinic_id: str, kind: keys.SortKeyPrefix, start: datetime,
                 end: datetime) -> Iterator[dict[str, Any]]:
        if start >= end:
            return iter(())
        return self.table.clinic_range(clinic_id, keys.clinic_moments(kind, utc_iso(start), utc_iso(end)))
