"""The DynamoDB store: one table, one small class per aggregate over a shared handle."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shared.adapters.dynamodb.accounts import DynamoAccounts
from shared.adapters.dynamodb.counters import DynamoClinicCounters
from shared.adapters.dynamodb.deliveries import DynamoDeliveries
from shared.adapters.dynamodb.escalations import DynamoEscalations
from shared.adapters.dynamodb.history import DynamoClinicHistory
from shared.adapters.dynamodb.inbound import DynamoInbound
from shared.adapters.dynamodb.outbox import DynamoOutbox
from shared.adapters.dynamodb.patients import DynamoPatients
from shared.adapters.dynamodb.sessions import DynamoSessions
from shared.adapters.dynamodb.table import Table
from shared.services.ports import Aggregates


class DynamoStore(Aggregates):
    """Every port over one table handle."""

    def __init__(self, client: Any, table_name: str, due_shards: int):
        self.table = Table(client, table_name, due_shards)
        self.client = client
        super().__init__(patients=DynamoPatients(self.table), outbox=DynamoOutbox(self.table),
                         deliveries=DynamoDeliveries(self.table), inbound=DynamoInbound(self.table),
                         escalations=DynamoEscalations(self.table), accounts=DynamoAccounts(self.table),
                         sessions=DynamoSessions(self.table), history=DynamoClinicHistory(self.table),
                         counters=DynamoClinicCounters(self.table))
        self.messages_of = self.parts["inbound"].messages_of


if TYPE_CHECKING:  # mypy holds each aggregate to its port (the composite binds them at run time)
    from shared.services import ports

    def _conforms(table: Table) -> tuple[ports.Patients, ports.Outbox, ports.Deliveries, ports.InboundLog,
                                         ports.Escalations, ports.Accounts, ports.Sessions, ports.ClinicHistory,
                                         ports.ClinicCounters]:
        return (DynamoPatients(table), DynamoOutbox(table), DynamoDeliveries(table), DynamoInbound(table),
                DynamoEscalations(table), DynamoAccounts(table), DynamoSessions(table), DynamoClinicHistory(table),
                DynamoClinicCounters(table))
