"""Bench-only: make moto's TransactWriteItems cost what DynamoDB's does (the items it touches, not the table).

moto 5.x backs up the *whole table* with `copy.deepcopy` for every item of a transaction, so one answer
to a check-in costs O(table size): ~0.3 s with 200 patients, several seconds (past botocore's 5 s read
timeout, so retried while the first is still running) with 1,000. That measures moto, not taperline.
This keeps moto's semantics (all or nothing) with a backup of only the touched items, restored on
failure. It is applied by `make bench` only; tests and `make dev` run stock moto.
"""
from __future__ import annotations

import copy
import threading
import types
from typing import Any

_state = threading.local()
_installed = False


def install() -> None:
    """Patch moto's DynamoDB backend in this process (idempotent)."""
    global _installed
    if _installed:
        return
    from moto.dynamodb import models
    from moto.dynamodb.models.table import Table

    real_deepcopy = copy.deepcopy

    def deepcopy(obj: Any, memo: Any = None) -> Any:
        if getattr(_state, "in_transaction", False) and isinstance(obj, Table):
            return obj  # the stock whole-table backup becomes a no-op; ours below restores what changed
        return real_deepcopy(obj, memo)

    models.copy = types.SimpleNamespace(**{**vars(copy), "deepcopy": deepcopy})  # only moto's module sees it
    original = models.DynamoDBBackend.transact_write_items

    def transact_write_items(self, transact_items: list[dict[str, Any]]) -> None:
        saved = [_backup(self, item) for item in transact_items]
        _state.in_transaction = True
        try:
            original(self, transact_items)
        except Exception:
            for entry in saved:
                if entry is not None:
                    _restore(*entry)
            raise
        finally:
            _state.in_transaction = False

    models.DynamoDBBackend.transact_write_items = transact_write_items
    _installed = True


def _backup(backend: Any, transact_item: dict[str, Any]) -> tuple | None:
    from moto.dynamodb.models.dynamo_type import DynamoType

    try:
        op_type, op = next(iter(transact_item.items()))
        table = backend.get_table(op["TableName"])
        source = op["Item"] if op_type == "Put" else op["Key"]
        hash_key = DynamoType(source[table.hash_key_attr])
        range_key = DynamoType(source[table.range_key_attr]) if table.range_key_attr else None
    except Exception:  # noqa: BLE001 - a malformed item: moto itself will refuse it before changing anything
        return None
    return table, hash_key, range_key, copy.deepcopy(table.get_item(hash_key, range_key))


def _restore(table: Any, hash_key: Any, range_key: Any, item: Any) -> None:
    if item is None:
        table.delete_item(hash_key, range_key)
    elif range_key is not None:
        table.items[hash_key][range_key] = item
    else:
        table.items[hash_key] = item


def self_check(client: Any, table: str) -> None:
    """A refused transaction still changes nothing, and an accepted one changes everything (else raise)."""
    from botocore.exceptions import ClientError

    key = {"PK": {"S": "BENCH#check"}, "SK": {"S": "1"}}
    client.put_item(TableName=table, Item={**key, "v": {"N": "1"}})
    update = {"Update": {"TableName": table, "Key": key, "UpdateExpression": "SET v = :two",
                         "ExpressionAttributeValues": {":two": {"N": "2"}}}}
    refused = {"Put": {"TableName": table, "Item": {"PK": {"S": "BENCH#check"}, "SK": {"S": "2"}},
                       "ConditionExpression": "attribute_exists(PK)"}}
    try:
        client.transact_write_items(TransactItems=[update, refused])
        raise AssertionError("a transaction with a failed condition went through")
    except ClientError as exc:
        assert exc.response["Error"]["Code"] == "TransactionCanceledException", exc
    assert client.get_item(TableName=table, Key=key)["Item"]["v"]["N"] == "1", "a refused transaction changed an item"
    assert "Item" not in client.get_item(TableName=table, Key={**key, "SK": {"S": "2"}})
    client.transact_write_items(TransactItems=[update])
    assert client.get_item(TableName=table, Key=key)["Item"]["v"]["N"] == "2", "an accepted transaction was lost"
    client.delete_item(TableName=table, Key=key)
