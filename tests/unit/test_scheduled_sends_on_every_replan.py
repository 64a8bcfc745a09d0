"""Every new generation of a patient's texts takes the reminders already handed to Twilio back first: not only plan
actions and STOP, but a new dose time, language or number, and a clinic settings change."""
from datetime import time, timedelta

import pytest

from shared.domain.patients import Clinic
from tests.unit.test_scheduled_sends import AHEAD, NINE_PM, run, world

REPLANS = {
    "a new dose time": lambda s, now: s.edits.edit("c1", "dr@example.org", "p1", {"dose_time": time(22, 30)}, now),
    "a new language": lambda s, now: s.edits.edit("c1", "dr@example.org", "p1", {"language": "es"}, now),
    "a new number": lambda s, now: s.edits.edit("c1", "dr@example.org", "p1", {"phone": "+12125550199"}, now),
    "discreet texts at the clinic": lambda s, now: s.clinic_settings.change("c1", "admin@example.org",
                                                                            {"discreet_texts": True}, now),
}


@pytest.mark.parametrize("replan", list(REPLANS))
def test_the_handed_over_reminder_is_taken_back_at_twilio(replan):
    services, store, sms, clock, job, _ = world()
    store.put_clinic(Clinic("c1", "Demo Clinic", "+12125550100"), clock.now())
    run(services, clock, NINE_PM - AHEAD)
    [handed] = sms.sent
    clock.set(NINE_PM - timedelta(minutes=40))
    REPLANS[replan](services, clock.now())
    run(services, clock, NINE_PM - timedelta(minutes=40))
    run(services, clock, NINE_PM - timedelta(minutes=39))  # a settings change's re-plan runs at the next minute,
    run(services, clock, NINE_PM - timedelta(minutes=38))  # and its cancel in the run after
    assert sms.cancelled == [handed["sid"]]
    assert store.get_job("p1", job.job_id).delivery_status == "canceled"


@pytest.mark.parametrize("code", ["21610", "21211"])
def test_a_refused_number_has_its_handed_over_reminder_taken_back(code):
    from shared.domain.jobs import Channel, Job
    from shared.services.ports import SendError

    services, store, sms, clock, job, _ = world()
    run(services, clock, NINE_PM - AHEAD)
    [handed] = sms.sent
    now = NINE_PM - timedelta(minutes=40)
    store.put_job(Job.new(patient_id="p1", channel=Channel.SMS, kind="plan_change", to="+12125550123", send_at=now,
                          unique="pc-x", body="Your plan changed", meta={"generation": "g1"}))
    sms.fail_with = [SendError("Twilio refused the message: HTTP 400", code=code, retryable=False)]
    run(services, clock, now)
    run(services, clock, now + timedelta(minutes=1))
    assert sms.cancelled == [handed["sid"]]
