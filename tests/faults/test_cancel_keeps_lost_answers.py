"""Found by the Twilio fault test: a welcome whose answer was lost (Twilio had it) was marked cancelled when
the patient's YES cancelled the pending consent texts. A job whose send may have reached Twilio is left to
dispatch, which asks Twilio first: sent if it has it, cancelled only if it never got it."""
from datetime import datetime, timedelta, timezone

from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import PatientStatus
from shared.services.dispatch import AMBIGUOUS, Dispatcher
from shared.domain.sending import CONSENT_KINDS
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms

NOON = datetime(2027, 5, 4, 16, 0, tzinfo=timezone.utc)


def welcome(unique):
    return Job.new(patient_id="p1", channel=Channel.SMS, kind="welcome", to="+12125550123", send_at=NOON,
                   unique=unique, body=f"Reply YES to start ({unique})")


def test_cancelling_pending_texts_leaves_one_whose_answer_was_lost_for_dispatch_to_settle(store):
    store.enroll(a_patient("p1", status=PatientStatus.ACTIVE), [welcome("plain"), welcome("again")])
    sms = FakeSms()
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=FakeMail(), public_base_url="https://t", patients=store)
    # Given a consent text whose send reached Twilio but whose answer was lost
    again = store.claim(next(d for d in store.due_jobs(NOON) if d.job_id == welcome("again").job_id), NOON,
                        NOON + timedelta(minutes=10))
    sms.send(again.to, again.body, "")
    store.retry_later(again, NOON + timedelta(minutes=1), AMBIGUOUS)
    # When the patient's YES cancels the pending consent texts
    cancelled = store.cancel_pending_jobs("p1", NOON, kinds=CONSENT_KINDS)
    # Then the plain one is cancelled, the one Twilio may have is left, and dispatch records it as sent
    assert cancelled == 1 and store.get_job("p1", welcome("plain").job_id).status is JobStatus.CANCELLED
    assert store.get_job("p1", again.job_id).status is JobStatus.PENDING
    assert dispatcher.run(NOON + timedelta(minutes=1))["sent"] == 1
    settled = store.get_job("p1", again.job_id)
    assert (settled.status, settled.sid, len(sms.sent)) == (JobStatus.SENT, sms.sent[0]["sid"], 1)
