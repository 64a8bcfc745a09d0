"""Dose reminders handed to Twilio an hour ahead, end to end: the API, the patient's YES, the local stack's schedule
(fanning out, looking an hour ahead), the real twilio client scheduling through a Messaging Service at the local
Twilio endpoint, which releases each text at its SendAt; a hold and a STOP take them back there, and a STOP that
comes as Twilio releases the text (a cancel racing the send) finds it gone and records that it went."""
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
import requests

from local.moto_atomic import atomic_moto
from shared.domain.jobs import JobStatus, utc_iso
from shared.services.scheduled_sends import SCHEDULED
from tests.e2e.test_reminders_through_local_stack import enroll, move, sent_to, text

START = datetime(2027, 3, 4, 15, 0, tzinfo=timezone.utc)  # 10:00 in New York, the day before the plans start
NINE_PM = datetime(2027, 3, 6, 2, 0, tzinfo=timezone.utc)  # 21:00 in New York (EST) on March 5, the first night
SERVICE = "MG" + "5" * 32


@pytest.fixture(scope="module")
def stack():
    from local.stack import DevStack

    running = DevStack({"PORT": "0", "DEV_TICK_SECONDS": "0", "DEV_START_TIME": utc_iso(START),
                        "LOCAL_API_KEY": "stack-key", "TWILIO_MESSAGING_SERVICE_SID": SERVICE,
                        "SCHEDULE_AHEAD_MINUTES": "60"}).start()
    try:
        with atomic_moto(running.moto):
            yield running
    finally:
        running.stop()


def tonight(stack, phone):
    return [m for m in sent_to(stack, phone) if "Tonight" in m["body"] and m["created_at"][:10] == "2027-03-06"]


def reminder_job(stack, patient_id):
    """Tonight's reminder of the plan as it was at 20:00 (a hold writes the held plan's own for tonight besides)."""
    return next(job for job in stack.services.store.jobs_of(patient_id)
                if job.kind == "dose_reminder" and job.send_at == NINE_PM and job.error_code == SCHEDULED)


def test_reminders_go_to_twilio_an_hour_ahead_and_a_hold_or_a_stop_takes_them_back(stack):
    phones = {name: f"+1212555{n:04d}" for n, name in enumerate(("kept", "held", "stopped", "racing"), start=700)}
    patients = {name: enroll(stack, phone)["id"] for name, phone in phones.items()}
    move(stack, advance_minutes=1)
    for phone in phones.values():
        text(stack, phone, "YES")
    # Given the clock moved to 20:00 on the first night: every reminder is handed to Twilio for 21:00
    move(stack, now=utc_iso(NINE_PM - timedelta(minutes=60)))
    scheduled = {m["to"]: m for m in stack.network.scheduled() if m["send_at"] == utc_iso(NINE_PM)}
    assert set(scheduled) == set(phones.values())
    assert all(tonight(stack, phone) == [] for phone in phones.values())  # held at Twilio, on no phone yet
    for name, patient_id in patients.items():
        job = reminder_job(stack, patient_id)
        assert (job.status, job.error_code, job.sid) == (JobStatus.SENT, SCHEDULED, scheduled[phones[name]]["sid"])

    # When the provider holds one plan and another patient texts STOP at 20:30
    clock_at = NINE_PM - timedelta(minutes=30)
    move(stack, now=utc_iso(clock_at))
    held = requests.post(f"{stack.base_url}/api/patients/{patients['held']}/hold",
                         headers={"Authorization": "Bearer stack-key"}, timeout=10)
    assert held.status_code == 200, held.text
    text(stack, phones["stopped"], "STOP")
    move(stack, advance_minutes=1)
    # Then both scheduled texts are cancelled at Twilio
    assert {m["to"] for m in stack.network.created() if m["status"] == "canceled"} == {phones["held"], phones["stopped"]}
    assert reminder_job(stack, patients["held"]).delivery_status == "canceled"

    # When 21:00 comes, Twilio releases what is still scheduled, and the last patient's STOP arrives just after
    move(stack, now=utc_iso(NINE_PM))
    text(stack, phones["racing"], "STOP")
    move(stack, advance_minutes=2)
    # Then the kept and racing patients got tonight's text once, the stopped one nothing, the held one the held
    # plan's own reminder once (sent at its minute, never handed over twice)
    assert len(tonight(stack, phones["kept"])) == 1 and len(tonight(stack, phones["racing"])) == 1
    assert tonight(stack, phones["stopped"]) == []
    assert len(tonight(stack, phones["held"])) == 1
    assert tonight(stack, phones["held"])[0]["sid"] != scheduled[phones["held"]]["sid"]
    # And the cancel that came too late recorded that the text went (its delivery as Twilio reported it)
    raced = reminder_job(stack, patients["racing"])
    assert raced.status is JobStatus.SENT and raced.delivery_status in ("sent", "delivered")
    assert Counter(m["status"] for m in stack.network.created() if m["to"] == phones["racing"]
                   and "Tonight" in m["body"])["canceled"] == 0
