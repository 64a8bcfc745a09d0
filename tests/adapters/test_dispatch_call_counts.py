"""Dispatch cost follows the jobs due, never the number of patients: counted DynamoDB calls, no Scan."""
from collections import Counter
from datetime import datetime, timedelta, timezone

from shared.adapters.dynamodb.table import marshal
from shared.adapters.dynamodb import DynamoStore
from shared.adapters.dynamodb.codec import job_to_item
from shared.adapters.dynamodb.codec import patient_to_item
from shared.domain.jobs import Channel, Job
from shared.services.dispatch import Dispatcher
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms

NOON = datetime(2027, 5, 4, 16, 0, tzinfo=timezone.utc)  # midday in New York: no quiet hours
DUE_NOW = 10


def counted(client) -> Counter:
    calls: Counter = Counter()
    client.meta.events.register("before-call.dynamodb", lambda model, **_: calls.update([model.name]))
    return calls


def a_job(patient_id, phone, at, unique):
    return Job.new(patient_id=patient_id, channel=Channel.SMS, kind="dose_reminder", to=phone, send_at=at,
                   unique=unique, body="Demo Clinic: Tonight: LDN 1 mg.")


def load(client, table, patients: int) -> None:
    """Patients with work ahead, only DUE_NOW of them due now; written in batches to keep the test quick."""
    items = []
    for n in range(patients):
        phone = f"+1212555{n:04d}"
        items.append(patient_to_item(a_patient(f"p{n}", phone=phone)))
        items.append(job_to_item(a_job(f"p{n}", phone, NOON + timedelta(days=1), f"later{n}"), 8))
        if n < DUE_NOW:
            items.append(job_to_item(a_job(f"p{n}", phone, NOON, f"now{n}"), 8))
    for start in range(0, len(items), 25):
        batch = [{"PutRequest": {"Item": marshal(item)}} for item in items[start:start + 25]]
        client.batch_write_item(RequestItems={table: batch})


def calls_per_sent_job(client, table, patients: int) -> tuple[float, Counter]:
    store = DynamoStore(client, table, 8)
    load(client, table, patients)
    calls = counted(client)
    sms = FakeSms()
    report = Dispatcher(outbox=store, sms=sms, mail=FakeMail(), public_base_url="https://t", patients=store,
                        concurrency=4).run(NOON)
    assert report["sent"] == DUE_NOW == len(sms.sent)
    snapshot = Counter(calls)  # the hook stays on the client: freeze what this run made
    return (sum(snapshot.values()) - snapshot["Query"]) / DUE_NOW, snapshot


def test_calls_per_sent_job_stay_constant_from_10_to_1000_patients(dynamodb, local_settings):
    small, small_calls = calls_per_sent_job(dynamodb, local_settings.table_name, 10)
    from local.table_definition import create_table

    big_table = local_settings.table_name + "-big"
    create_table(dynamodb, big_table)
    big, big_calls = calls_per_sent_job(dynamodb, big_table, 1000)
    print(f"\nDynamoDB calls per sent job: {small:.2f} with 10 patients, {big:.2f} with 1000; "
          f"queries {small_calls['Query']} / {big_calls['Query']}")
    assert small == big == 3  # claim (returns the job), patient's state, record the send
    assert small_calls["Query"] == big_calls["Query"] == 8  # one page per due-index shard
    assert "Scan" not in small_calls and "Scan" not in big_calls


def test_no_scan_anywhere_in_service_code():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [str(p) for folder in ("shared", "functions") for p in (root / folder).rglob("*.py")
                 if '"scan"' in p.read_text().lower() or ".scan(" in p.read_text().lower()]
    assert offenders == []
