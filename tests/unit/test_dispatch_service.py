from datetime import datetime, timedelta, timezone

from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import PatientStatus
from shared.services.dispatch import Dispatcher
from shared.services.ports import SendError
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms, MemoryStore

NINE_PM = datetime(2027, 3, 15, 1, 0, tzinfo=timezone.utc)  # 21:00 in New York, EDT


def make(store=None):
    store = store or MemoryStore()
    store.add_patient(a_patient("p1"))
    sms, mail = FakeSms(), FakeMail()
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=mail, public_base_url="https://taper.example", patients=store)
    return dispatcher, store, sms, mail


def reminder(send_at=NINE_PM, kind="dose_reminder", unique="a1", body="Tonight: LDN 3.5 mg"):
    return Job.new(patient_id="p1", channel=Channel.SMS, kind=kind, to="+12125550123", send_at=send_at,  # the patient's number
                   unique=unique, body=body)


def test_job_is_sent_at_its_moment_not_before_and_not_twice():
    dispatcher, store, sms, _ = make()
    store.put_job(reminder())
    # Given a job due at 21:00 / When dispatch runs a minute early / Then nothing is sent
    assert dispatcher.run(NINE_PM - timedelta(minutes=1))["sent"] == 0
    assert sms.sent == []
    # When dispatch runs at its minute, and again a minute later
    assert dispatcher.run(NINE_PM)["sent"] == 1
    assert dispatcher.run(NINE_PM + timedelta(minutes=1))["sent"] == 0
    # Then exactly one text went out, with a status callback naming the job
    assert [m["body"] for m in sms.sent] == ["Tonight: LDN 3.5 mg"]
    assert sms.sent[0]["status_callback"].startswith("https://taper.example/sms/status?patient=p1&job=")
    stored = store.get_job("p1", reminder().job_id)
    assert stored.status is JobStatus.SENT and stored.sid == sms.sent[0]["sid"]


def test_email_job_goes_through_the_mail_sender():
    dispatcher, store, sms, mail = make()
    store.put_job(Job.new(patient_id="p1", channel=Channel.EMAIL, kind="escalation", to="dr@example.org",
                          send_at=NINE_PM, unique="m1", subject="Review needed", body="text", html="<p>text</p>"))
    assert dispatcher.run(NINE_PM)["sent"] == 1
    assert mail.sent == [{"to": "dr@example.org", "subject": "Review needed", "text": "text", "html": "<p>text</p>"}]
    assert sms.sent == []


def test_a_job_found_too_late_expires_instead_of_being_sent():
    dispatcher, store, sms, _ = make()
    store.put_job(reminder())
    report = dispatcher.run(NINE_PM + timedelta(hours=3, minutes=1))
    assert report["expired"] == 1 and sms.sent == []
    assert store.get_job("p1", reminder().job_id).status is JobStatus.EXPIRED


def test_a_passing_twilio_error_retries_later_then_sends_once():
    dispatcher, store, sms, _ = make()
    sms.fail_with = [SendError("busy", code="20429", retryable=True)]
    store.put_job(reminder())
    assert dispatcher.run(NINE_PM)["retried"] == 1
    assert store.get_job("p1", reminder().job_id).status is JobStatus.PENDING
    assert dispatcher.run(NINE_PM + timedelta(seconds=30))["sent"] == 0  # backoff not over yet
    assert dispatcher.run(NINE_PM + timedelta(minutes=1))["sent"] == 1
    assert len(sms.sent) == 1


def test_a_permanent_twilio_error_fails_without_retry():
    dispatcher, store, sms, _ = make()
    sms.fail_with = [SendError("not a mobile", code="21614", retryable=False)]
    store.put_job(reminder())
    assert dispatcher.run(NINE_PM)["failed"] == 1
    failed = store.get_job("p1", reminder().job_id)
    assert failed.status is JobStatus.FAILED and failed.error_code == "21614"
    assert dispatcher.run(NINE_PM + timedelta(hours=1))["sent"] == 0


def test_retries_stop_after_the_last_attempt_and_the_job_is_failed():
    dispatcher, store, sms, _ = make()
    sms.fail_with = [SendError("down", code="network", retryable=True) for _ in range(10)]
    store.put_job(reminder())
    now = NINE_PM
    for _ in range(8):
        dispatcher.run(now)
        now += timedelta(minutes=20)
    job = store.get_job("p1", reminder().job_id)
    assert job.status is JobStatus.FAILED and job.attempts == 5
    assert sms.sent == []


def test_a_claim_whose_dispatch_vanished_checks_twilio_before_sending_again():
    dispatcher, store, sms, _ = make()
    store.put_job(reminder())
    # Given another dispatch claimed the job and crashed before sending anything
    due = next(store.due_jobs(NINE_PM))
    store.claim(due, NINE_PM, NINE_PM + timedelta(minutes=10))
    # When dispatch runs before and after the lease ends
    assert dispatcher.run(NINE_PM + timedelta(minutes=5))["sent"] == 0
    assert dispatcher.run(NINE_PM + timedelta(minutes=10))["retried"] == 1
    assert dispatcher.run(NINE_PM + timedelta(minutes=10))["sent"] == 1
    # Then Twilio had nothing, so it was sent, once
    assert [m["body"] for m in sms.sent] == ["Tonight: LDN 3.5 mg"]
    assert store.get_job("p1", reminder().job_id).status is JobStatus.SENT


def test_a_lost_answer_is_checked_with_twilio_and_never_sent_twice():
    dispatcher, store, sms, _ = make()
    sms.lose_answer = True  # Twilio took the text, the answer was lost (read timeout)
    store.put_job(reminder())
    assert dispatcher.run(NINE_PM)["retried"] == 1
    assert dispatcher.run(NINE_PM + timedelta(minutes=1))["sent"] == 1
    assert [m["body"] for m in sms.sent] == ["Tonight: LDN 3.5 mg"]  # found at Twilio, not sent again
    assert store.get_job("p1", reminder().job_id).sid == sms.sent[0]["sid"]


def test_a_lost_request_is_sent_again_once_twilio_confirms_it_never_got_it():
    dispatcher, store, sms, _ = make()
    sms.fail_with = [SendError("read timeout", code="ambiguous", ambiguous=True)]  # never reached Twilio
    store.put_job(reminder())
    assert dispatcher.run(NINE_PM)["retried"] == 1
    assert dispatcher.run(NINE_PM + timedelta(minutes=1))["sent"] == 1
    assert [m["body"] for m in sms.sent] == ["Tonight: LDN 3.5 mg"]


def test_one_broken_job_does_not_stop_the_others():
    class Crashing(FakeSms):
        def send(self, to, body, status_callback, sender=""):
            if body == "boom":
                raise RuntimeError("unexpected")
            return super().send(to, body, status_callback, sender)

    store = MemoryStore()
    store.add_patient(a_patient("p1"))
    sms = Crashing()
    dispatcher = Dispatcher(outbox=store, sms=sms, mail=FakeMail(), public_base_url="https://t", patients=store)
    for unique, body in (("a", "boom"), ("b", "fine")):
        store.put_job(reminder(unique=unique, body=body))
    report = dispatcher.run(NINE_PM)
    assert report["errors"] == 1 and report["sent"] == 1 and [m["body"] for m in sms.sent] == ["fine"]


def test_near_the_lambda_time_limit_the_rest_wait_for_the_next_run():
    dispatcher, store, sms, _ = make()
    store.put_job(reminder())
    report = dispatcher.run(NINE_PM, time_left_ms=lambda: 5_000)
    assert report["left_for_next_run"] == 1 and sms.sent == []
    assert dispatcher.run(NINE_PM + timedelta(minutes=1), time_left_ms=lambda: 50_000)["sent"] == 1


def test_texts_to_an_opted_out_patient_are_cancelled_at_send_time():
    dispatcher, store, sms, _ = make()
    store.patients["p1"] = a_patient("p1", status=PatientStatus.OPTED_OUT)
    store.put_job(reminder())
    assert dispatcher.run(NINE_PM)["cancelled"] == 1 and sms.sent == []


def test_the_pacer_spaces_sends_under_the_messages_per_second_limit():
    from shared.services.dispatch import Pacer

    clock = {"now": 100.0}
    slept = []

    def sleep(seconds):
        slept.append(round(seconds, 3))
        clock["now"] += seconds

    pacer = Pacer(4, lambda: clock["now"], sleep)
    for _ in range(5):
        pacer.wait_turn()
    assert slept == [0.25, 0.25, 0.25, 0.25] and clock["now"] == 101.0
    unlimited = Pacer(0, lambda: 0.0, sleep)
    unlimited.wait_turn()
    assert len(slept) == 4


def test_a_failing_task_runs_again_later_instead_of_being_lost():
    dispatcher, store, _, _ = make()
    calls = []

    def flaky(job, patient, now):
        calls.append(now)
        if len(calls) == 1:
            raise RuntimeError("DynamoDB throttled")

    dispatcher.tasks["evaluate_checkin"] = flaky
    store.put_job(Job.new(patient_id="p1", channel=Channel.TASK, kind="evaluate_checkin", to="", send_at=NINE_PM,
                          unique="t1"))
    assert dispatcher.run(NINE_PM)["retried"] == 1
    assert dispatcher.run(NINE_PM + timedelta(minutes=1))["done"] == 1 and len(calls) == 2


def test_a_sender_that_cannot_be_built_retries_the_email_later_and_it_goes_out_once_it_can():
    from shared.wiring import Lazy

    store = MemoryStore()
    store.add_patient(a_patient("p1"))
    mail, broken = FakeMail(), [True]

    def build():
        if broken[0]:
            raise RuntimeError("secret unreadable")
        return mail

    dispatcher = Dispatcher(outbox=store, sms=FakeSms(), mail=Lazy(build), public_base_url="https://taper.example",
                            patients=store)
    job = Job.new(patient_id="p1", channel=Channel.EMAIL, kind="escalation", to="dr@example.org", send_at=NINE_PM,
                  unique="m2", subject="Review needed", body="text", html="<p>text</p>")
    store.put_job(job)
    assert dispatcher.run(NINE_PM)["retried"] == 1
    waiting = store.get_job("p1", job.job_id)
    assert waiting.status is JobStatus.PENDING and waiting.error_code == "sender_unavailable"
    broken[0] = False
    dispatcher.run(NINE_PM + timedelta(minutes=30))
    assert store.get_job("p1", job.job_id).status is JobStatus.SENT and len(mail.sent) == 1


def test_a_lookup_that_breaks_in_an_unexpected_way_leaves_the_text_unknown_until_it_ends_unconfirmed():
    dispatcher, store, sms, _ = make()
    job = reminder()
    store.put_job(job)
    sms.fail_with.append(SendError("read timeout", code="timeout", ambiguous=True))
    dispatcher.run(NINE_PM)

    def broken_lookup(*_args, **_kwargs):
        raise ValueError("unexpected answer from the Messages list")

    sms.find_sent = broken_lookup
    for minute in range(0, 4 * 60, 5):
        dispatcher.run(NINE_PM + timedelta(minutes=minute))
    final = store.get_job("p1", job.job_id)
    assert final.status is JobStatus.UNCONFIRMED and len(sms.sent) == 0


def test_a_last_lost_answer_is_sent_not_unconfirmed_when_its_status_callback_came_meanwhile():
    from dataclasses import replace

    dispatcher, store, sms, _ = make()
    job = replace(reminder(), attempts=4)          # its fifth and last try (the claim counts it)
    store.put_job(job)

    class CallbackDuringLastTry(FakeSms):
        def send(self, to, body, status_callback, sender=""):
            store.record_delivery("p1", job.job_id, "SMlate", "sent", NINE_PM)  # Twilio took it and told us
            raise SendError("read timeout", code="timeout", ambiguous=True)

    dispatcher.sms = CallbackDuringLastTry()
    dispatcher.run(NINE_PM)
    final = store.get_job("p1", job.job_id)
    assert final.status is JobStatus.SENT and final.sid == "SMlate"
