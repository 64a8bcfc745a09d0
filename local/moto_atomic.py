"""Make moto's DynamoDB atomic per request, as DynamoDB is, and its transactions cost what DynamoDB's do.

DynamoDB applies each request atomically (a conditional write, a whole transaction). moto's threaded
server runs requests side by side in one process with no lock around its check-then-write, and its
TransactWriteItems deep-copies every table it touches (once per item of the transaction) so that it can
roll back by putting the copy back, losing whatever other requests wrote meanwhile. With 500 patients
that is ~0.5 s and a growing heap per answer (several seconds, past botocore's read timeout, with
1,000): that measures moto, not taperline.

- `item_level_transactions()`: moto's transactions back up and undo only the items they touch (all or
  nothing kept). `make bench` runs under it.
- `one_request_at_a_time(server)`: the server's requests one at a time. The tests' shared moto server runs so.
- `atomic_moto(server)`: both. Concurrency tests and make dev run under it.
"""
from __future__ import annotations

import copy
import threading
from contextlib import contextmanager
from typing import Any, Iterator

from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.models.table import Table


class OneRequestAtATime:
    """WSGI middleware: one request at a time, its whole body read inside the lock."""

    def __init__(self, app: Any):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ: Any, start_response: Any) -> list[bytes]:
        with self.lock:
            return list(self.app(environ, start_response))


class _CopyButNotTables:
    """`copy` for moto's dynamodb module, except that a Table is not copied (items are undone instead)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value: Any, memo: Any = None) -> Any:
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _touched(backend: Any, transact_items: list[dict]) -> list[tuple]:
    """(table, hash key, range key, copy of the item before) for each item the transaction names."""
    before = []
    for entry in transact_items:
        kind, op = next(iter(entry.items()))
        table = backend.tables.get(op.get("TableName", ""))
        if table is None:
            continue
        try:
            hash_key, range_key = backend.get_keys_value(table, op["Item"] if kind == "Put" else op["Key"])
        except Exception:  # noqa: BLE001 - moto itself reports a malformed item
            continue
        before.append((table, hash_key, range_key, copy.deepcopy(table.get_item(hash_key, range_key))))
    return before


def _undo(before: list[tuple]) -> None:
    """Put each touched item back as it was (or gone, if it was not there)."""
    for table, hash_key, range_key, item in reversed(before):
        table.delete_item(hash_key, range_key)
        if item is not None and range_key is None:
            table.items[hash_key] = item
        elif item is not None:
            table.items[hash_key][range_key] = item


def _item_level(original):
    def transact_write_items(self, transact_items):
        before = _touched(self, transact_items)
        try:
            return original(self, transact_items)
        except Exception:
            _undo(before)
            raise

    return transact_write_items


@contextmanager
def item_level_transactions() -> Iterator[None]:
    """For the context, in this process: moto's transactions undo the items they touch, not whole tables."""
    backend = dynamodb_models.DynamoDBBackend
    with _patched(dynamodb_models, "copy", _CopyButNotTables()), \
            _patched(backend, "transact_write_items", _item_level(backend.transact_write_items)):
        yield


@contextmanager
def one_request_at_a_time(server: Any) -> Iterator[None]:
    """For the context: `server` (a started ThreadedMotoServer) serves one request at a time, so each
    conditional write is atomic as on DynamoDB (stock moto's whole-table rollback is then safe too)."""
    wsgi = server._server  # noqa: SLF001 - moto exposes no other handle on its WSGI server
    with _patched(wsgi, "app", OneRequestAtATime(wsgi.app)):
        yield


@contextmanager
def atomic_moto(server: Any) -> Iterator[None]:
    """For the context: `server` serves one request at a time, with item-level transactions."""
    with one_request_at_a_time(server), item_level_transactions():
        yield


@contextmanager
def _patched(owner: Any, name: str, value: Any) -> Iterator[None]:
    before = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, before)


def self_check(client: Any, table: str) -> None:
    """A refused transaction still changes nothing, and an accepted one changes everything (else raise)."""
    from botocore.exceptions import ClientError

    key = {"PK": {"S": "CHECK#moto"}, "SK": {"S": "1"}}
    client.put_item(TableName=table, Item={**key, "v": {"N": "1"}})
    update = {"Update": {"TableName": table, "Key": key, "UpdateExpression": "SET v = :two",
                         "ExpressionAttributeValues": {":two": {"N": "2"}}}}
    refused = {"Put": {"TableName": table, "Item": {"PK": {"S": "CHECK#moto"}, "SK": {"S": "2"}},
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
