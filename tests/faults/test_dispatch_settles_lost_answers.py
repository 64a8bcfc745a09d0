"""Focused tests for what the fault tests found in dispatch (fake senders; the in-memory store, or moto).

- A text whose answer was lost, and whose retry is then no longer wanted (its nudge already marked, its
  window over), was recorded as cancelled or expired although Twilio had sent it.
- A claim whose dispatch died after Twilio took the text is settled by the status callback's SID.
- An SES outage longer than the retry backoff (an hour) failed the care team's email after ~23 minutes.
- A failed Twilio lookup after a lost answer turned the job into an ordinary retry, which sent the text again.
"""
from datetime import datetime, timedelta, timezone

import pytest

from shared.domain.jobs import Channel, Job, JobStatus
from shared.services.dispatch import Dispatcher
from shared.services.ports import SendError
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms, MemoryStore

NOON = datetime(2027, 5, 4, 16, 0, tzinfo=timezone.utc)  # midday in New York: no quiet hours


def make(before_send=None):
    store, sms, mail = MemoryStore(), FakeSms(), FakeMail()
    store.add_patient(a_patient("p1"))
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=mail, public_base_url="https://t", patients=store,
                            before_send=before_send or {})
    return dispatcher, store, sms, mail


def text(kind="dose_reminder", body="Tonight: LDN 2 mg", at=NOON):
    return Job.new(patient_id="p1", channel=Channel.SMS, kind=kind, to="+12125550123", send_at=at, unique=kind,
                   body=body)


@pytest.mark.parametrize("callback", [True, False], ids=["status_callback_arrived", "no_callback_yet"])
def test_a_lost_answer_whose_retry_is_no_longer_wanted_is_still_recorded_as_sent(store, callback):
    # Given a nudge-like text whose body is written at send time, once: a retry is "not needed"
    decided = []

    def once(job, patient, now):
        decided.append(now)
        return job.with_body("Reminder: how are you?") if len(decided) == 1 else None

    store.enroll(a_patient("p1"), [text(kind="nudge", body="")])
    sms = FakeSms()
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=FakeMail(), public_base_url="https://t", patients=store,
                            before_send={"nudge": once})
    sms.lose_answer = True                                   # Twilio took it; the answer was lost
    assert dispatcher.run(NOON)["retried"] == 1
    if callback:                                             # its status callback came before the retry
        store.record_delivery("p1", text(kind="nudge").job_id, sms.sent[0]["sid"], "sent", NOON)
    # When the retry runs
    assert dispatcher.run(NOON + timedelta(minutes=1))["sent"] == 1
    # Then the job is the text Twilio sent, once: not cancelled
    job = store.get_job("p1", text(kind="nudge").job_id)
    assert (job.status, job.sid, len(sms.sent)) == (JobStatus.SENT, sms.sent[0]["sid"], 1)
    assert job.body == "Reminder: how are you?"


def test_a_lost_answer_found_at_twilio_after_the_window_is_sent_not_expired():
    dispatcher, store, sms, _ = make()
    store.put_job(text())
    sms.lose_answer = True
    assert dispatcher.run(NOON)["retried"] == 1
    assert dispatcher.run(NOON + timedelta(hours=4))["sent"] == 1   # past the 3 h window of a dose reminder
    job = store.get_job("p1", text().job_id)
    assert (job.status, job.sid, len(sms.sent)) == (JobStatus.SENT, sms.sent[0]["sid"], 1)


def test_a_claim_whose_dispatch_died_is_settled_by_the_status_callback_without_asking_again():
    class NoLookups(FakeSms):
        def find_sent(self, to, body, since):
            raise AssertionError("the callback already said")

    dispatcher, store, _, _ = make()
    dispatcher.sms = NoLookups()
    store.put_job(text())
    due = next(store.due_jobs(NOON))
    store.claim(due, NOON, NOON + timedelta(minutes=10))             # claimed, sent, then the process died
    store.record_delivery("p1", text().job_id, "SMfromcallback", "delivered", NOON)
    assert dispatcher.run(NOON + timedelta(minutes=10))["sent"] == 1
    job = store.get_job("p1", text().job_id)
    assert (job.status, job.sid, dispatcher.sms.sent) == (JobStatus.SENT, "SMfromcallback", [])


def test_an_hour_of_ses_outage_delays_the_care_teams_email_but_sends_it_once():
    dispatcher, store, _, mail = make()
    email = Job.new(patient_id="p1", channel=Channel.EMAIL, kind="escalation_email", to="dr@example.org",
                    send_at=NOON, unique="esc", subject="A patient needs review", body="...")
    store.put_job(email)
    mail.fail_with = [SendError("down", code="ServiceUnavailable", retryable=True) for _ in range(50)]
    now = NOON
    while now < NOON + timedelta(hours=1):                            # dispatch every minute of the outage
        dispatcher.run(now)
        now += timedelta(minutes=1)
    assert store.get_job("p1", email.job_id).status is JobStatus.PENDING   # still waiting, not given up
    mail.fail_with = []
    while now < NOON + timedelta(hours=2):
        dispatcher.run(now)
        now += timedelta(minutes=1)
    assert [m["subject"] for m in mail.sent] == ["A patient needs review"]
    assert store.get_job("p1", email.job_id).status is JobStatus.SENT


def test_a_failed_lookup_after_a_lost_answer_keeps_the_job_unknown_and_never_resends_blindly():
    class LookupDown(FakeSms):
        lookups_failing = 1

        def find_sent(self, to, body, since):
            if self.lookups_failing:
                self.lookups_failing -= 1
                raise SendError("Twilio lookup failed", code="lookup", retryable=True)
            return super().find_sent(to, body, since)

    dispatcher, store, _, _ = make()
    dispatcher.sms = sms = LookupDown()
    store.put_job(text())
    sms.lose_answer = True                                            # Twilio took it; the answer was lost
    assert dispatcher.run(NOON)["retried"] == 1
    assert dispatcher.run(NOON + timedelta(minutes=1))["retried"] == 1   # the lookup fails: still unknown
    assert store.get_job("p1", text().job_id).error_code == "ambiguous"
    assert dispatcher.run(NOON + timedelta(minutes=5))["sent"] == 1      # the lookup works: found, not resent
    job = store.get_job("p1", text().job_id)
    assert (job.status, job.sid, len(sms.sent)) == (JobStatus.SENT, sms.sent[0]["sid"], 1)
