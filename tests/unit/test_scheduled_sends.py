"""Dose reminders handed to Twilio ahead (SCHEDULE_AHEAD_MINUTES) and taken back when no longer wanted."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from functions.dispatch import handler as dispatch
from local.workers import ThreadWorkers
from shared.config import ConfigError, Settings
from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import PatientStatus
from shared.services.ports import InboundSms, SendError
from shared.services.scheduled_sends import SCHEDULED
from shared.wiring import build_services
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms, FixedClock, MemoryStore

NINE_PM = datetime(2027, 1, 13, 2, 0, tzinfo=timezone.utc)  # 21:00 in New York (EST), mid-taper
AHEAD = timedelta(minutes=60)
SERVICE = "MG" + "a" * 32


def world(sender="", default_service=True, fan_out=False):
    store, sms, clock = MemoryStore(due_shards=4), FakeSms(), FixedClock(NINE_PM - AHEAD)
    settings = Settings(mode="local", due_shards=4, sms_per_second=0, schedule_ahead_minutes=60,
                        twilio_messaging_service_sid=SERVICE if default_service else "",
                        twilio_from_number="" if default_service else "+15005550006")
    holder: dict = {}
    workers = ThreadWorkers(lambda event: dispatch.worker(event, None, services=holder["services"])) if fan_out else None
    extra = {"workers": workers} if workers else {}
    services = holder["services"] = build_services(settings, clock=clock, store=store, sms=sms, mail=FakeMail(),
                                                   twilio_auth_token="t", **extra)
    store.add_patient(a_patient("p1", sender=sender, plan_generation="g1", status=PatientStatus.ACTIVE))
    job = Job.new(patient_id="p1", channel=Channel.SMS, kind="dose_reminder", to="+12125550123", send_at=NINE_PM,
                  unique="dose-g1", body="Tonight: LDN 1 mg", meta={"generation": "g1"})
    store.put_job(job)
    return services, store, sms, clock, job, workers


def run(services, clock, moment, workers=None):
    clock.set(moment)
    report = dispatch.handler({"time": moment.strftime("%Y-%m-%dT%H:%M:%SZ")}, None, services=services)
    return {**report, **workers.settle()} if workers else report


@pytest.mark.parametrize("fan_out", [False, True])
def test_a_dose_reminder_is_handed_over_an_hour_ahead_with_its_minute_and_not_sent_again(fan_out):
    services, store, sms, clock, job, workers = world(fan_out=fan_out)
    assert run(services, clock, NINE_PM - AHEAD - timedelta(minutes=1), workers).get("handed_ahead", 0) == 0
    assert sms.sent == []  # more than an hour ahead: not yet
    report = run(services, clock, NINE_PM - AHEAD, workers)
    assert report["handed_ahead"] == 1
    [handed] = sms.sent
    assert (handed["send_at"], handed["body"], handed["sender"]) == (NINE_PM, "Tonight: LDN 1 mg", "")
    stored = store.get_job("p1", job.job_id)
    assert (stored.status, stored.sid, stored.error_code) == (JobStatus.SENT, handed["sid"], SCHEDULED)
    run(services, clock, NINE_PM, workers)  # its minute: Twilio sends it; dispatch has nothing to do
    assert len(sms.sent) == 1


def test_a_reminder_whose_sender_is_a_phone_number_is_sent_at_its_minute_as_before():
    services, store, sms, clock, job, _ = world(default_service=False)
    assert run(services, clock, NINE_PM - AHEAD)["left_for_its_minute"] == 1 and sms.sent == []
    assert store.get_job("p1", job.job_id).status is JobStatus.PENDING
    assert run(services, clock, NINE_PM)["sent"] == 1
    assert "send_at" not in sms.sent[0]


def test_a_reminder_twilio_will_not_schedule_goes_at_its_minute():
    services, store, sms, clock, job, _ = world()
    sms.fail_with = [SendError("Twilio refused the message: HTTP 400", code="35114", retryable=False)]
    assert run(services, clock, NINE_PM - AHEAD)["left_for_its_minute"] == 1
    assert run(services, clock, NINE_PM - timedelta(minutes=1))["sent"] == 0  # not early
    assert run(services, clock, NINE_PM)["sent"] == 1 and len(sms.sent) == 1


def test_a_hold_takes_the_handed_over_reminder_back_before_anything_of_the_new_plan_is_handed_over():
    services, store, sms, clock, job, _ = world()
    run(services, clock, NINE_PM - AHEAD)
    sid = sms.sent[0]["sid"]
    # When the provider holds the plan 40 minutes before the dose
    clock.set(NINE_PM - timedelta(minutes=40))
    services.plans.hold(store.get_patient("p1"), "dr@example.org", clock.now())
    report = run(services, clock, NINE_PM - timedelta(minutes=40))
    # Then the next run takes the scheduled text back at Twilio
    assert report["done"] >= 1 and sms.cancelled == [sid]
    assert store.get_job("p1", job.job_id).delivery_status == "canceled"


def test_a_stop_takes_the_handed_over_reminders_back_and_a_failed_cancel_is_tried_again():
    services, store, sms, clock, job, _ = world()
    run(services, clock, NINE_PM - AHEAD)
    sid = sms.sent[0]["sid"]
    clock.set(NINE_PM - timedelta(minutes=30))
    services.inbound.handle(InboundSms("SMstop", "+12125550123", "+15005550006", "STOP", clock.now()))
    sms.fail_cancel = [SendError("Twilio did not cancel: HTTP 503", code="20503", retryable=True)]
    assert run(services, clock, NINE_PM - timedelta(minutes=30))["retried"] == 1 and sms.cancelled == []
    assert run(services, clock, NINE_PM - timedelta(minutes=29))["done"] == 1 and sms.cancelled == [sid]
    assert store.get_job("p1", job.job_id).delivery_status == "canceled"


def test_a_cancel_that_comes_after_twilio_sent_the_text_records_that_it_went():
    services, store, sms, clock, job, _ = world()
    run(services, clock, NINE_PM - AHEAD)
    sms.released.add(sms.sent[0]["sid"])  # Twilio's scheduler got there first (its clock is not ours)
    clock.set(NINE_PM - timedelta(minutes=5))  # outside the last two minutes, when a cancel is still tried
    services.plans.hold(store.get_patient("p1"), "dr@example.org", clock.now())
    assert run(services, clock, NINE_PM - timedelta(minutes=5))["done"] >= 1 and sms.cancelled == []
    assert store.get_job("p1", job.job_id).delivery_status == "sent"


def test_the_new_plans_reminders_wait_for_their_minute_while_a_cancel_of_the_patient_waits():
    services, store, sms, clock, job, _ = world()
    later = replace(job, job_id=job.job_id.replace("dose-g1", "dose-g2"), meta={"generation": "g2"},
                    send_at=NINE_PM + timedelta(minutes=1), expires_at=NINE_PM + timedelta(hours=3, minutes=1))
    store.put_job(later)
    store.patients["p1"] = replace(store.patients["p1"], plan_generation="g2")
    store.put_job(Job.new(patient_id="p1", channel=Channel.TASK, kind="scheduled_cancel", to="",
                          send_at=NINE_PM + AHEAD, unique="scx-waiting"))  # a cancel not yet run
    # The task is due later than the hand-over minute: nothing of the patient's is handed over meanwhile (the old
    # plan's reminder is no longer wanted either)
    assert run(services, clock, NINE_PM + timedelta(minutes=1) - AHEAD)["left_for_its_minute"] == 2
    assert sms.sent == []


def test_a_reminder_the_first_run_could_not_reach_is_handed_over_by_a_later_one_until_16_minutes_before():
    services, store, sms, clock, job, _ = world()
    clock.set(NINE_PM - timedelta(minutes=17))  # dispatch was down until 20:43
    assert run(services, clock, NINE_PM - timedelta(minutes=17))["handed_ahead"] == 1
    assert sms.sent[0]["send_at"] == NINE_PM


def test_how_far_ahead_must_be_what_twilio_schedules():
    assert Settings.from_env({"SCHEDULE_AHEAD_MINUTES": "60"}).schedule_ahead_minutes == 60
    for wrong in ("15", "50401"):
        with pytest.raises(ConfigError, match="SCHEDULE_AHEAD_MINUTES"):
            Settings.from_env({"SCHEDULE_AHEAD_MINUTES": wrong})
