"""Twilio's delivery reports: kept when they move a job on, never backwards; a report proves an unconfirmed send."""
from datetime import timedelta

from shared.domain.jobs import JobStatus, utc_iso
from shared.services.ports import DueJob
from tests.contract.records import LATER, NOW, a_job

LEASE = NOW + timedelta(minutes=10)


def sent(store, job, status=JobStatus.SENT, sid="SM1"):
    store.put_job(job)
    held = store.claim(DueJob(job.patient_id, job.job_id, utc_iso(job.send_at)), NOW, LEASE)
    store.finish(held, status, NOW, sid=sid)


def test_reports_move_a_job_forward_only(either):
    job = a_job()
    sent(either, job)
    news = [either.record_delivery("p1", job.job_id, "SM1", status, LATER)
            for status in ("sent", "queued", "sent", "delivered", "failed", "read", "delivered")]
    assert news == [True, False, False, True, False, True, False]
    stored = either.get_job("p1", job.job_id)
    assert (stored.delivery_status, stored.status, stored.sid) == ("read", JobStatus.SENT, "SM1")


def test_a_failed_report_is_kept_with_its_error(either):
    job = a_job()
    sent(either, job)
    assert either.record_delivery("p1", job.job_id, "SM1", "undelivered", LATER, error="30003")
    assert either.get_job("p1", job.job_id).delivery_status == "undelivered"


def test_reports_of_unknown_statuses_or_jobs_are_dropped(either):
    job = a_job()
    sent(either, job)
    assert either.record_delivery("p1", job.job_id, "SM1", "teleported", LATER) is False
    assert either.record_delivery("p1", "nope", "SM1", "delivered", LATER) is False
    assert either.record_delivery("p2", job.job_id, "SM1", "delivered", LATER) is False
    assert either.get_job("p1", job.job_id).delivery_status == ""
    assert either.get_job("p1", "nope") is None and either.get_job("p2", job.job_id) is None


def test_a_report_for_an_unconfirmed_send_makes_it_sent_and_keeps_its_sid(either):
    job = a_job()
    sent(either, job, JobStatus.UNCONFIRMED, sid="")
    assert either.record_delivery("p1", job.job_id, "SM7", "delivered", LATER)
    stored = either.get_job("p1", job.job_id)
    assert (stored.status, stored.sid, stored.delivery_status) == (JobStatus.SENT, "SM7", "delivered")
    assert either.record_delivery("p1", job.job_id, "SM8", "read", LATER)
    assert either.get_job("p1", job.job_id).sid == "SM7"  # the first sid stays


def test_a_report_does_not_settle_a_job_still_waiting(either):
    job = a_job()
    either.put_job(job)
    assert either.record_delivery("p1", job.job_id, "SM1", "queued", NOW)
    stored = either.get_job("p1", job.job_id)
    assert (stored.status, stored.delivery_status, stored.sid) == (JobStatus.PENDING, "queued", "SM1")
