"""The DynamoDB store: one table, one small class per aggregate over a shared handle."""
from __future__ import annotations

from typing import Any

from shared.adapters.dynamodb.accounts import DynamoAccounts
from shared.adapters.dynamodb.deliveries import DynamoDeliveries
from shared.adapters.dynamodb.escalations import DynamoEscalations
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
                         sessions=DynamoSessions(self.table))
        self.messages_of = self.parts["inbound"].messages_of
