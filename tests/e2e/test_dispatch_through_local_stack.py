"""A job in the outbox goes out through dispatch, the real twilio client and the local Twilio endpoint."""
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest
import requests

from tests.e2e.conftest import move_clock

from local.stack import DevStack
from shared.domain.jobs import Channel, Job, JobStatus, utc_iso
from tests.builders import a_patient

START = datetime(2027, 11, 6, 12, 0, tzinfo=timezone.utc)
PATIENT = "+15552223333"


@pytest.fixture(scope="module")
def stack():
    running = DevStack({"PORT": "0", "DEV_TICK_SECONDS": "0", "DEV_START_TIME": utc_iso(START)}).start()
    running.services.store.enroll(a_patient("p-e2e", phone=PATIENT, clinic_id=running.demo.clinic.clinic_id), [])
    yield running
    running.stop()


def put_sms(stack, unique, send_at, body, kind="dose_reminder", patient="p-e2e"):
    job = Job.new(patient_id=patient, channel=Channel.SMS, kind=kind, to=PATIENT, send_at=send_at,
                  unique=unique, body=body)
    stack.services.store.put_job(job)
    return job


move = move_clock


def sent_to(stack, number=PATIENT):
    return requests.get(f"{stack.base_url}/dev/messages?to={quote(number)}", timeout=5).json()["messages"]


def test_a_job_is_sent_once_at_its_moment_not_before_not_twice(stack):
    # Given a reminder due at 21:00 New York time (EST after 2027-11-07) a day ahead
    due = datetime(2027, 11, 8, 2, 0, tzinfo=timezone.utc)
    job = put_sms(stack, "once", due, "Tonight: LDN 2 mg")
    # When the clock moves to one minute before it
    assert move(stack, now=utc_iso(due - timedelta(minutes=1)))["dispatch"]["sent"] == 0
    assert [m for m in sent_to(stack) if m["body"] == "Tonight: LDN 2 mg"] == []
    # Then moving past it sends it once, stamped with its own minute
    report = move(stack, advance_minutes=60)
    assert report["dispatch"]["sent"] == 1
    mine = [m for m in sent_to(stack) if m["body"] == "Tonight: LDN 2 mg"]
    assert len(mine) == 1 and mine[0]["created_at"] == utc_iso(due)
    # And later runs do not send it again
    move(stack, advance_minutes=60 * 24)
    assert len([m for m in sent_to(stack) if m["body"] == "Tonight: LDN 2 mg"]) == 1
    assert stack.services.store.get_job("p-e2e", job.job_id).status is JobStatus.SENT


def test_a_long_jump_sends_each_job_at_its_own_minute(stack):
    now = stack.clock.now()
    days = [now + timedelta(days=d, minutes=7) for d in (1, 2, 3)]
    for n, at in enumerate(days):
        put_sms(stack, f"jump{n}", at, f"Day {n + 1} reminder")
    report = move(stack, advance_minutes=60 * 24 * 30)
    assert report["dispatch"]["sent"] == 3 and report["dispatch"]["expired"] == 0
    stamps = {m["body"]: m["created_at"] for m in sent_to(stack) if m["body"].endswith("reminder")}
    assert stamps == {f"Day {n + 1} reminder": utc_iso(at) for n, at in enumerate(days)}


def test_delivery_callbacks_reach_the_job(stack):
    at = stack.clock.now() + timedelta(minutes=3)
    job = put_sms(stack, "callback", at, "Callback check", kind="dose_reminder")
    move(stack, next_due=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if stack.services.store.get_job("p-e2e", job.job_id).delivery_status == "delivered":
            break
        time.sleep(0.05)
    stored = stack.services.store.get_job("p-e2e", job.job_id)
    assert stored.delivery_status == "delivered" and stored.sid.startswith("SM")
    assert [m["status"] for m in sent_to(stack) if m["body"] == "Callback check"] == ["delivered"]


def test_twilio_outage_retries_and_nothing_is_lost(stack):
    at = stack.clock.now() + timedelta(minutes=5)
    job = put_sms(stack, "outage", at, "Sent after an outage", kind="dose_reminder")
    stack.network.fail_next(503, 20503, times=2)
    report = move(stack, advance_minutes=30)
    assert report["dispatch"]["retried"] == 2 and report["dispatch"]["sent"] == 1
    assert len([m for m in sent_to(stack) if m["body"] == "Sent after an outage"]) == 1
    assert stack.services.store.get_job("p-e2e", job.job_id).attempts == 3
