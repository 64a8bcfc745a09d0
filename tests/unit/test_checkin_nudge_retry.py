"""A check-in nudge whose send failed is retried and sent, not cancelled as "not needed".

The first attempt marks the check-in nudged before Twilio answers; after a 429, a 500 or a lost answer the
retry used to find it marked and cancel itself, so the patient never got the nudge.
"""
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from shared.domain import checkins
from shared.domain.jobs import JobStatus
from shared.domain.patients import ProfileChange
from shared.services.checkins import CheckinService
from shared.services.dispatch import Dispatcher
from shared.services.ports import SendError
from shared.domain.job_kinds import JobKind

CHECKIN_NUDGE = JobKind.CHECKIN_NUDGE
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms, MemoryStore

NOON = datetime(2027, 5, 4, 16, 0, tzinfo=timezone.utc)  # midday in New York: no quiet hours
FAILURES = {
    "429": SendError("Twilio refused the message: HTTP 429", code="20429", retryable=True),
    "500": SendError("Twilio refused the message: HTTP 500", code="20500", retryable=True),
    "lost_answer_never_sent": SendError("Twilio answer lost: ReadTimeout", code="ambiguous", ambiguous=True),
}


def a_checkin_waiting_for_its_nudge():
    store, sms = MemoryStore(), FakeSms()
    service = CheckinService(store=store)
    store.add_patient(a_patient("p1"))
    checkin, _ = checkins.start("ci-1", checkins.STEP, store.get_patient("p1").plan.dose_on(NOON.date()), NOON)
    store.apply_change(store.get_patient("p1"), checkins_change(checkin), NOON)
    nudge = service._nudge(store.get_patient("p1"), checkin, NOON)
    store.put_job(nudge)
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=FakeMail(), public_base_url="https://t", patients=store,
                            before_send={CHECKIN_NUDGE: service.nudge})
    return dispatcher, store, sms, nudge


def checkins_change(checkin):
    return ProfileChange(checkin=checkin)


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_a_nudge_whose_send_failed_is_sent_by_its_retry(failure):
    dispatcher, store, sms, nudge = a_checkin_waiting_for_its_nudge()
    due = nudge.send_at
    sms.fail_with = [failure]
    # Given the nudge's first send failed after it marked the check-in nudged
    assert dispatcher.run(due)["retried"] == 1
    assert store.get_patient("p1").open_checkin.nudged
    assert sms.sent == []
    # When its retry comes due
    report = dispatcher.run(due + timedelta(minutes=5))
    # Then the patient gets the nudge, once
    job = store.get_job("p1", nudge.job_id)
    assert report["sent"] == 1, report
    assert (job.status, job.sid) == (JobStatus.SENT, sms.sent[0]["sid"])
    assert [m["body"] for m in sms.sent] == [checkins.nudge_text(store.get_patient("p1").open_checkin)]


def test_a_retried_nudge_is_dropped_when_the_patient_answered_meanwhile():
    dispatcher, store, sms, nudge = a_checkin_waiting_for_its_nudge()
    due = nudge.send_at
    sms.fail_with = [FAILURES["429"]]
    assert dispatcher.run(due)["retried"] == 1
    # the patient answers the question before the retry
    patient = store.get_patient("p1")
    answered = replace(patient.open_checkin, last_activity=due)
    store.apply_change(patient, checkins_change(answered), due)
    assert dispatcher.run(due + timedelta(minutes=5))["cancelled"] == 1
    assert sms.sent == []


def test_a_second_nudge_job_for_a_nudged_checkin_is_still_not_sent():
    # The check-in was nudged by a send that went through: a claim that is no retry of a failure sends nothing
    dispatcher, store, sms, nudge = a_checkin_waiting_for_its_nudge()
    due = nudge.send_at
    assert dispatcher.run(due)["sent"] == 1
    patient = store.get_patient("p1")
    again = replace(nudge, job_id=nudge.job_id + "-again")
    store.put_job(again)
    assert patient.open_checkin.nudged
    assert dispatcher.run(due + timedelta(minutes=1))["cancelled"] == 1
    assert len(sms.sent) == 1
