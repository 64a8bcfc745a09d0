"""The local stack for benchmarks (moto server + app + Twilio endpoint in this process, tick off) and fast seeding.

Seeding writes items straight into the stack's table with BatchWriteItem: it is not what is measured.
Patients are copies of one patient enrolled through the real API, so every item has the shape the
service itself writes.
"""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, Iterable

import requests

START = datetime(2027, 5, 4, 16, 0, tzinfo=timezone.utc)  # midday in New York: outside quiet hours
API_KEY = "bench-key"
UNDELIVERED_CALLBACKS = "https://taperline.bench.invalid"  # status callbacks to here are recorded, not posted


def start_stack(start: datetime = START) -> Any:
    """A DevStack as `make dev` runs it, on a free port, tick off, SMS_PER_SECOND lifted."""
    from local.stack import DevStack
    from shared.domain.jobs import utc_iso

    stack = DevStack({"PORT": "0", "DEV_TICK_SECONDS": "0", "DEV_START_TIME": utc_iso(start),
                      "LOCAL_API_KEY": API_KEY, "SMS_PER_SECOND": "0", "PUBLIC_BASE_URL": "",
                      "TWILIO_AUTH_TOKEN": ""}).start()
    quiet_logs()
    return stack


class ServerErrors(logging.Filter):
    """Counts (and keeps off the terminal) the tracebacks werkzeug logs for a request that failed in a server
    of this process: moto's query can race an update in another thread and answer 500 (the SDK retries)."""

    count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            ServerErrors.count += 1
            return False
        return True


def quiet_logs() -> None:
    """Keep the service's JSON log lines (formatted as in production) and werkzeug's tracebacks off the terminal."""
    from shared.log import logger

    handler = logger().registered_handler
    handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 - lives as long as the process
    werkzeug = logging.getLogger("werkzeug")
    if not any(isinstance(f, ServerErrors) for f in werkzeug.filters):
        werkzeug.addFilter(ServerErrors())


def template_patient(stack: Any, phone: str = "+12125550000") -> Any:
    """One patient enrolled through POST /api/patients with the README's defaults, read back from the table."""
    body = {"first_name": "Ana", "last_name": "Lopez", "phone": phone, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 4.5,
            "start_date": stack.clock.now().date().isoformat(), "consent": True}
    response = requests.post(stack.base_url + "/api/patients", json=body, timeout=15,
                             headers={"Authorization": f"Bearer {API_KEY}"})
    response.raise_for_status()
    return stack.services.store.get_patient(response.json()["id"])


def phone_of(n: int) -> str:
    return f"+1212{5550001 + n}"  # +12125550001, +12125550002, ... (distinct from the template's number)


def write_items(client: Any, table: str, items: Iterable[dict]) -> int:
    """BatchWriteItem in 25s, retrying what comes back unprocessed; the number of items written."""
    from shared.adapters.dynamodb.table import marshal

    batch: list[dict] = []
    written = 0

    def flush() -> None:
        pending = {table: batch[:]}
        while pending:
            pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}
        batch.clear()

    for item in items:
        batch.append({"PutRequest": {"Item": marshal(item)}})
        written += 1
        if len(batch) == 25:
            flush()
    if batch:
        flush()
    return written


def patients_like(template: Any, count: int, first: int = 0, **changes) -> list[Any]:
    """`count` copies of the template patient, each with its own id and phone."""
    return [replace(template, patient_id=f"bench{n:06d}", phone=phone_of(n), **changes)
            for n in range(first, first + count)]


def patient_items(patients: Iterable[Any], with_phone: bool = True) -> Iterable[dict]:
    from shared.adapters import keys
    from shared.adapters.dynamodb.codec import patient_to_item

    for patient in patients:
        yield patient_to_item(patient)
        if with_phone:
            phone = keys.phone_key(patient.phone)
            yield {"PK": phone.pk, "SK": phone.sk, "type": "phone", "patient_id": patient.patient_id,
                   "clinic_id": patient.clinic_id, "plan_over": False}


def new_table(stack: Any, name: str) -> None:
    from local.table_definition import create_table
    from shared.wiring import aws_client

    create_table(aws_client(stack.settings, "dynamodb"), name, replace=True)


def services_on(stack: Any, table: str, **settings_changes) -> Any:
    """The real services (real wiring, real Twilio client aimed at the stack's endpoint) on another table.

    Only the DynamoDB client's patience differs: moto answers a due-index query by sorting the whole
    table (DynamoDB reads only the index), which on a 40,000-item table under load outlasts the
    deployed 5 s read timeout; the bench waits rather than measure moto timing out.
    """
    import boto3
    from botocore.config import Config

    from shared.adapters.dynamodb import DynamoStore
    from shared.wiring import build_services

    settings = replace(stack.settings, table_name=table, **settings_changes)
    config = Config(connect_timeout=3, read_timeout=120, retries={"max_attempts": 10, "mode": "standard"})
    client = boto3.session.Session().client("dynamodb", region_name=settings.aws_region, config=config,
                                            endpoint_url=settings.aws_endpoint_url, aws_access_key_id="local",
                                            aws_secret_access_key="local")
    return build_services(settings, clock=stack.clock, mail=stack.mail,
                          store=DynamoStore(client, table, settings.due_shards))

