"""The contract's store fixture: `either` as in tests/conftest.py (DynamoDB on moto, then memory), with one
DynamoDB client per worker and each test's table dropped after it, so the suite stays fast."""
from __future__ import annotations

import uuid

import pytest

from shared.config import Settings


@pytest.fixture(scope="session")
def contract_client(moto_endpoint):
    from shared.wiring import aws_client

    settings = Settings(mode="local", table_name="unused", aws_endpoint_url=moto_endpoint,
                        public_base_url="https://taper.example", due_shards=4)
    return aws_client(settings, "dynamodb")


@pytest.fixture(params=["dynamodb", "memory"])
def either(request):
    """Each store in turn, held to the same contract."""
    if request.param == "memory":
        from tests.memory import MemoryStore

        yield MemoryStore(due_shards=4)
        return
    from local.table_definition import create_table
    from shared.adapters.dynamodb import DynamoStore

    client, name = request.getfixturevalue("contract_client"), f"c-{uuid.uuid4().hex[:12]}"
    create_table(client, name)
    yield DynamoStore(client, name, due_shards=4)
    client.delete_table(TableName=name)
