"""Shared fixtures: a moto server over loopback, and fresh tables built from infra/table.yml."""
from __future__ import annotations

import logging
import uuid

import pytest

from shared.config import Settings


@pytest.fixture(scope="session")
def moto_endpoint():
    from moto.server import ThreadedMotoServer

    from local.moto_atomic import one_request_at_a_time

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with one_request_at_a_time(server):  # DynamoDB applies each request atomically; moto's threaded server does not
        yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def local_settings(moto_endpoint) -> Settings:
    """Settings of a local service with a table of its own on the shared moto server."""
    return Settings(mode="local", table_name=f"t-{uuid.uuid4().hex[:12]}", aws_endpoint_url=moto_endpoint,
                    public_base_url="https://taper.example", twilio_account_sid="AC" + "1" * 32,
                    twilio_auth_token="test-token", twilio_from_number="+15005550006", due_shards=4)


@pytest.fixture
def dynamodb(local_settings):
    from local.table_definition import create_table
    from shared.wiring import aws_client

    client = aws_client(local_settings, "dynamodb")
    create_table(client, local_settings.table_name)
    return client


@pytest.fixture
def store(dynamodb, local_settings):
    from shared.adapters.dynamodb import DynamoStore

    return DynamoStore(dynamodb, local_settings.table_name, local_settings.due_shards)


@pytest.fixture(params=["dynamodb", "memory"])
def either(request):
    """Each store in turn: DynamoDB on moto, then the in-memory one, held to the same contract."""
    if request.param == "memory":
        from tests.fakes import MemoryStore

        return MemoryStore()
    return request.getfixturevalue("store")


_SESSION_START = __import__("time").time()

# The longest test files (minutes each on 2 cores), queued for the xdist workers first: a long file that started
# last would run alone at the end while the other worker idles. (xdist still hands out a few files at a time, so
# this shortens the tail; it does not guarantee it.)
LONGEST_FIRST = ("tests/e2e/test_api_with_schemathesis_cli.py", "tests/load/", "tests/faults/", "tests/model/",
                 "tests/hostile/test_api_schema.py", "tests/e2e/", "tests/browser/")


def pytest_collection_modifyitems(config, items):
    """Longest files first, each file's tests kept together and in their order."""
    def rank(item) -> int:
        path = item.nodeid.split("::")[0]
        return next((i for i, prefix in enumerate(LONGEST_FIRST) if path.startswith(prefix)), len(LONGEST_FIRST))

    items.sort(key=rank)  # stable: files and tests keep their order within a rank


def pytest_terminal_summary(terminalreporter):
    """Print the load test's latency figures (measured, never asserted) and the schemathesis command line's
    figures (operations, cases, phases) when this run produced them."""
    import json
    from pathlib import Path

    output = Path(__file__).resolve().parents[1] / "test-output"
    figures = output / "load-inbound.json"
    if figures.exists() and figures.stat().st_mtime >= _SESSION_START:
        data = json.loads(figures.read_text())
        terminalreporter.write_sep("-", "load test figures (printed, not asserted)")
        terminalreporter.write_line(", ".join(f"{k} {v}" for k, v in data.items() if not isinstance(v, (dict, list))))
    schemathesis = output / "schemathesis-summary.txt"
    if schemathesis.exists() and schemathesis.stat().st_mtime >= _SESSION_START:
        terminalreporter.write_sep("-", "schemathesis command line against the local stack (full output: "
                                        "test-output/schemathesis-cli.txt)")
        for line in schemathesis.read_text().splitlines():
            terminalreporter.write_line(line)


@pytest.fixture(scope="session", autouse=True)
def safety_lexicons_compiled():
    """The safety net compiles its lexicons on the first text (~0.2 s): once here, so no test's first example
    pays for it inside a hypothesis deadline."""
    from shared.domain.safety import reader

    reader()
