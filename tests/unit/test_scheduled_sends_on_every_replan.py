"""Every new generation of a patient's texts takes the reminders already handed to Twilio back first: not only plan
actions and STOP, but a new dose time, language or number, and a clinic settings change."""
from dataclasses import replace
from datetime import time, timedelta

import pytest

from shared.domain.patients import Clinic
from shared.services.ports import InboundSms
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
    run(services, clock, NINE_PM - timedelta(minutes=38))  # a settings change's re-plan runs at the minute after next,
    run(services, clock, NINE_PM - timedelta(minutes=37))  # and its cancel in the run after
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


@pytest.mark.parametrize("minutes_before", [1.5, 0.5])
def test_a_hold_in_the_last_two_minutes_leaves_the_handed_over_reminder_to_go_and_sends_no_second(minutes_before):
    services, store, sms, clock, job, _ = world()
    run(services, clock, NINE_PM - AHEAD)
    [handed] = sms.sent
    clock.set(NINE_PM - timedelta(minutes=minutes_before))
    services.plans.hold(store.get_patient("p1"), "dr@example.org", clock.now())
    run(services, clock, clock.now())
    run(services, clock, NINE_PM)  # the new plan's reminder for the same night is due: one is at Twilio already
    assert sms.cancelled == [] and [m["sid"] for m in sms.sent if "LDN" in m.get("body", "")] == [handed["sid"]]


@pytest.mark.parametrize("new_time", [time(22, 30), time(20, 45)])
def test_a_new_dose_time_after_the_hand_over_still_gives_one_reminder_that_night(new_time):
    services, store, sms, clock, job, _ = world()
    run(services, clock, NINE_PM - AHEAD)
    [handed] = sms.sent
    clock.set(NINE_PM - timedelta(minutes=40))  # 20:20 in New York
    services.edits.edit("c1", "dr@example.org", "p1", {"dose_time": new_time}, clock.now())
    moment = clock.now()
    while moment < NINE_PM + timedelta(hours=2):
        run(services, clock, moment)
        moment += timedelta(minutes=1)
    tonight = [m for m in sms.sent if "mg" in m.get("body", "") and m["sid"] not in sms.cancelled]
    assert sms.cancelled == [handed["sid"]] and len(tonight) == 1, (sms.cancelled, tonight)


def test_a_hand_over_whose_answer_is_lost_is_looked_up_at_once_and_never_sent_twice():
    from shared.domain.jobs import JobStatus
    from shared.services.scheduled_sends import SCHEDULED

    services, store, sms, clock, job, _ = world()
    sms.clock, sms.lose_answer = clock, True  # Twilio scheduled it; its answer never came back
    run(services, clock, NINE_PM - AHEAD)
    stored = store.get_job("p1", job.job_id)
    assert (stored.status, stored.error_code, stored.sid) == (JobStatus.SENT, SCHEDULED, sms.sent[0]["sid"])
    run(services, clock, NINE_PM)
    assert len(sms.sent) == 1


def test_when_the_lookup_fails_too_its_minute_looks_back_to_the_hand_over_before_sending():
    services, store, sms, clock, job, _ = world()
    sms.clock, sms.lose_answer, sms.fail_find = clock, True, [TimeoutError("lookup")]
    run(services, clock, NINE_PM - AHEAD)
    assert store.get_job("p1", job.job_id).error_code == "ambiguous_ahead"
    run(services, clock, NINE_PM)  # Twilio made it an hour ago: found, not sent again
    assert len(sms.sent) == 1 and store.get_job("p1", job.job_id).sid == sms.sent[0]["sid"]


def test_a_stop_landing_while_a_reminder_is_handed_over_takes_it_back():
    from shared.domain.patients import PatientStatus

    services, store, sms, clock, job, _ = world()
    schedule = sms.schedule

    def stop_lands_meanwhile(*args, **kwargs):
        sid = schedule(*args, **kwargs)
        current = store.patients["p1"]  # the STOP's change, written between the checks and Twilio's answer
        store.patients["p1"] = replace(current, status=PatientStatus.OPTED_OUT, version=current.version + 1)
        return sid

    sms.schedule = stop_lands_meanwhile
    run(services, clock, NINE_PM - AHEAD)
    run(services, clock, NINE_PM - AHEAD + timedelta(minutes=1))
    assert sms.cancelled == [sms.sent[0]["sid"]]


def test_a_patient_is_not_erased_while_a_reminder_at_twilio_is_being_taken_back():
    from shared.errors import Conflict

    services, store, sms, clock, job, _ = world()
    run(services, clock, NINE_PM - AHEAD)
    clock.set(NINE_PM - timedelta(minutes=40))
    services.inbound.handle(InboundSms("SMstop", "+12125550123", "+15005550006", "STOP", clock.now()))
    with pytest.raises(Conflict, match="taken back"):
        services.erasure.erase("c1", "p1", "admin@example.org", clock.now())
    run(services, clock, clock.now())  # the cancel task takes it back
    assert services.erasure.erase("c1", "p1", "admin@example.org", clock.now()) > 0
