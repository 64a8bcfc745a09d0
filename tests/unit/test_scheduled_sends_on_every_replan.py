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
