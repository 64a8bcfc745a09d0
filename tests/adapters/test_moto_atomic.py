"""The one moto patch that tests and bench share: item-level transactions, one request at a time."""
from __future__ import annotations

import copy
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from botocore.exceptions import ClientError
from moto.dynamodb import models as dynamodb_models

from local.moto_atomic import OneRequestAtATime, atomic_moto, item_level_transactions, self_check
from shared.wiring import aws_client


def test_a_refused_transaction_changes_nothing_and_an_accepted_one_everything(dynamodb, local_settings):
    with item_level_transactions():
        self_check(dynamodb, local_settings.table_name)


def test_moto_is_stock_again_once_the_context_ends(dynamodb, local_settings):
    stock = dynamodb_models.DynamoDBBackend.transact_write_items
    with item_level_transactions():
        assert dynamodb_models.DynamoDBBackend.transact_write_items is not stock
    assert dynamodb_models.DynamoDBBackend.transact_write_items is stock and dynamodb_models.copy is copy
    self_check(dynamodb, local_settings.table_name)  # stock moto's own rollback still holds


@pytest.fixture
def own_moto():
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    yield server
    server.stop()


def test_of_many_conditional_puts_of_one_item_at_once_exactly_one_wins(own_moto, dynamodb, local_settings):
    # Given a table (moto's backends are shared in a process) reached through a server taking one request at a time
    host, port = own_moto.get_host_and_port()
    client = aws_client(replace(local_settings, aws_endpoint_url=f"http://{host}:{port}"), "dynamodb")
    key = {"PK": {"S": "CHECK#race"}, "SK": {"S": "1"}}

    def put(n: int) -> bool:
        try:
            client.put_item(TableName=local_settings.table_name, Item={**key, "n": {"N": str(n)}},
                              ConditionExpression="attribute_not_exists(PK)")
            return True
        except ClientError as exc:
            assert exc.response["Error"]["Code"] == "ConditionalCheckFailedException"
            return False

    with atomic_moto(own_moto):
        assert isinstance(own_moto._server.app, OneRequestAtATime)  # noqa: SLF001
        # When sixteen writers race for the same new item
        with ThreadPoolExecutor(16) as pool:
            wins = list(pool.map(put, range(16)))
    # Then one wins, and the server is left as it was
    assert wins.count(True) == 1
    assert not isinstance(own_moto._server.app, OneRequestAtATime)  # noqa: SLF001
