"""Make moto's DynamoDB behave as DynamoDB does under concurrent requests, and at a table's real cost.

DynamoDB applies each request atomically (a conditional write, a whole transaction). moto's threaded server
runs requests side by side in one process with no lock around its check-then-write, and its
TransactWriteItems deep-copies every table it touches (once per item of the transaction) so it can roll
back by putting the copy back, losing whatever other requests wrote meanwhile. With 500 patients that is
~0.5 s and a growing heap per inbound text, which measures moto, not us.

`atomic_moto(server)` puts the server's requests one at a time (DynamoDB's per-request atomicity, no
more) and, for as long as the context lasts, makes moto's transactions undo only the items they touch.
"""
from __future__ import annotations

import copy
import threading
from contextlib import contextmanager
from typing import Iterator

from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.models.table import Table


class OneRequestAtATime:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            return list(self.app(environ, start_response))  # the whole body, inside the lock


class _CopyButNotTables:
    """`copy` for moto's dynamodb module, except that a Table is not copied (items are undone instead)."""

    def __getattr__(self, name):
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _item_level_transactions(original):
    def transact_write_items(self, transact_items):
        undo = []
        for entry in transact_items:
            kind, op = next(iter(entry.items()))
            table = self.tables.get(op.get("TableName", ""))
            if table is None:
                continue
            try:
                hash_key, range_key = self.get_keys_value(table, op["Item"] if kind == "Put" else op["Key"])
            except Exception:  # noqa: BLE001 - moto itself reports a malformed item
                continue
            undo.append((table, hash_key, range_key, copy.deepcopy(table.get_item(hash_key, range_key))))
        try:
            return original(self, transact_items)
        except Exception:
            for table, hash_key, range_key, before in reversed(undo):
                table.delete_item(hash_key, range_key)
                if before is not None:
                    if range_key is None:
                        table.items[hash_key] = before
                    else:
                        table.items[hash_key][range_key] = before
            raise

    return transact_write_items


@contextmanager
def atomic_moto(server) -> Iterator[None]:
    """For the context: `server` (a started ThreadedMotoServer) serves one request at a time, and moto's
    DynamoDB transactions roll back item by item."""
    wsgi = server._server  # noqa: SLF001 - moto exposes no other handle on its WSGI server
    app = wsgi.app
    wsgi.app = OneRequestAtATime(app)
    backend = dynamodb_models.DynamoDBBackend
    original = backend.transact_write_items
    with _patched(dynamodb_models, "copy", _CopyButNotTables()), \
            _patched(backend, "transact_write_items", _item_level_transactions(original)):
        try:
            yield
        finally:
            wsgi.app = app


@contextmanager
def _patched(owner, name, value):
    before = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, before)
