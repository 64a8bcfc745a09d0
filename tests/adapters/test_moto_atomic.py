"""The one moto patch that tests and bench share: item-level transactions, one request at a time."""
from __future__ import annotations

import copy
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from moto.dynamodb import models as dynamodb_models

from local.moto_atomic import atomic_moto, item_level_transactions, self_check
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


class InMoto:
    """WSGI middleware: how many requests are inside moto at once (each held 50 ms, so that they would overlap)."""

    def __init__(self, app):
        self.app, self.inside, self.most, self.lock = app, 0, 0, threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            self.inside += 1
            self.most = max(self.most, self.inside)
        try:
            time.sleep(0.05)
            return self.app(environ, start_response)
        finally:
            with self.lock:
                self.inside -= 1


def test_requests_reach_moto_one_at_a_time_inside_atomic_moto_and_side_by_side_after_it(own_moto, local_settings,
                                                                                         dynamodb):
    # Given a table (moto's backends are shared in a process) read through a server of its own
    host, port = own_moto.get_host_and_port()
    client = aws_client(replace(local_settings, aws_endpoint_url=f"http://{host}:{port}"), "dynamodb")
    in_moto = own_moto._server.app = InMoto(own_moto._server.app)  # noqa: SLF001

    def read_all_at_once() -> int:
        in_moto.most = 0
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda _: client.describe_table(TableName=local_settings.table_name), range(8)))
        return in_moto.most

    # When eight readers ask at once, inside atomic_moto and then after it
    with atomic_moto(own_moto):
        inside = read_all_at_once()
    after = read_all_at_once()
    # Then moto served them one at a time, then side by side again (its server as it was)
    assert inside == 1 and after > 1
    assert own_moto._server.app is in_moto  # noqa: SLF001
