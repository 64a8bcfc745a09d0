"""The outbox: jobs written once, the due index, one claim wins, leases, settling and cancelling."""
from dataclasses import replace
from datetime import timedelta

import pytest

from shared.domain.jobs import Channel, JobStatus, shard_of, utc_iso
from shared.errors import JobExists, LeaseLost
from shared.services.ports import ClaimMiss, DueJob
from tests.contract.records import LATER, NOW, a_job, statuses

LEASE = NOW + timedelta(minutes=10)
SHARDS = 4  # both stores of the contract (tests/contract/conftest.py)


def due(job, at=None) -> DueJob:
    return DueJob(job.patient_id, job.job_id, utc_iso(at or job.send_at))


def claimed(store, job):
    got = store.claim(due(job), NOW, LEASE)
    assert got == replace(job, status=JobStatus.SENDING, attempts=job.attempts + 1)
    return got


def test_a_job_reads_back_whole_and_its_id_is_written_once(either):
    job = a_job(subject="Your plan", html="<p>plan</p>", meta={"generation": "g1", "day": 3}, channel=Channel.EMAIL,
                to="ana@example.org", kind="escalation_email")
    either.put_job(job)
    assert either.get_job("p1", job.job_id) == job
    with pytest.raises(JobExists):
        either.put_job(replace(job, body="another"))
    assert either.get_job("p1", job.job_id) == job
    assert either.get_job("p1", "nope") is None and either.get_job("p2", job.job_id) is None


def test_put_jobs_once_writes_the_new_and_leaves_those_there_alone(either):
    first = a_job("j005", send_at=NOW + timedelta(minutes=5), body="the first")
    either.put_job(first)
    claimed(either, first)
    jobs = [a_job(f"j{n:03d}", send_at=NOW + timedelta(minutes=n)) for n in range(120)]  # more than one transaction
    either.put_jobs_once(jobs)
    stored = {job.job_id: job for job in either.jobs_of("p1")}
    assert len(stored) == 120 and stored[first.job_id].body == "the first"
    assert stored[first.job_id].status is JobStatus.SENDING
    assert all(stored[job.job_id] == job for job in jobs if job.job_id != first.job_id)
    either.put_jobs_once(jobs)  # all there already
    assert len(either.jobs_of("p1")) == 120


def test_jobs_of_lists_one_patients_jobs_by_id(either):
    for job in (a_job("b", send_at=LATER), a_job("a", send_at=LATER), a_job("c"), a_job("x", patient_id="p2")):
        either.put_job(job)
    assert [job.job_id for job in either.jobs_of("p1")] == [a_job("c").job_id, *(a_job(u, send_at=LATER).job_id
                                                                                  for u in "ab")]
    assert either.jobs_of("p3") == []


def test_due_jobs_are_the_pending_ones_due_by_now_and_the_next_is_strictly_after(either):
    early, on_time, late = a_job("a", send_at=NOW - timedelta(minutes=5)), a_job("b"), a_job("c", send_at=LATER)
    for job in (early, on_time, late, a_job("d", patient_id="p2"), a_job("s", status=JobStatus.SENT),
                a_job("x", status=JobStatus.CANCELLED, send_at=NOW - timedelta(hours=1))):
        either.put_job(job)
    assert set(either.due_jobs(NOW)) == {due(early), due(on_time), due(a_job("d", patient_id="p2"))}
    assert set(either.due_jobs(NOW - timedelta(hours=2))) == set()
    assert either.next_due_after(NOW) == LATER
    assert either.next_due_after(NOW - timedelta(minutes=5)) == NOW
    assert either.next_due_after(LATER) is None


def test_due_jobs_of_one_shard_are_its_share_and_due_shards_names_the_shards_with_work(either):
    jobs = [a_job(f"s{n:02d}", send_at=NOW - timedelta(seconds=n)) for n in range(24)]
    later = [a_job(f"l{n:02d}", send_at=LATER) for n in range(8)]
    for job in (*jobs, *later):
        either.put_job(job)
    by_shard = {shard: {due(job) for job in jobs if shard_of(job.job_id, SHARDS) == shard} for shard in range(SHARDS)}
    assert {shard: set(either.due_jobs(NOW, shard)) for shard in range(SHARDS)} == by_shard
    shard = shard_of(jobs[0].job_id, SHARDS)
    assert either.due_shards(NOW) == sorted(shard for shard, found in by_shard.items() if found)
    assert set(either.due_jobs(NOW)) == set().union(*by_shard.values())  # every shard, as before
    assert either.due_shards(NOW - timedelta(days=1)) == [] and list(either.due_jobs(NOW - timedelta(days=1), 0)) == []
    assert set(either.due_jobs(NOW, after=NOW - timedelta(seconds=10))) == {due(job) for job in jobs[:10]}
    assert set(either.due_jobs(NOW, shard, after=NOW - timedelta(seconds=3))) == {
        due(job) for job in jobs[:3] if shard_of(job.job_id, SHARDS) == shard}
    assert list(either.due_jobs(NOW - timedelta(seconds=30), after=NOW - timedelta(seconds=30))) == []
    claimed(either, jobs[0])  # held by a dispatch: out of its shard's due list until the lease ends
    assert due(jobs[0]) not in set(either.due_jobs(NOW, shard_of(jobs[0].job_id, SHARDS)))


def test_of_two_claims_of_the_same_due_job_one_wins(either):
    job = a_job()
    either.put_job(job)
    [seen] = either.due_jobs(NOW)
    first, second = either.claim(seen, NOW, LEASE), either.claim(seen, NOW, LEASE)
    assert first == replace(job, status=JobStatus.SENDING, attempts=1) == either.get_job("p1", job.job_id)
    assert second == ClaimMiss(stale_lease=False)
    assert list(either.due_jobs(NOW)) == []  # held until its lease ends
    assert list(either.due_jobs(LEASE)) == [due(job, LEASE)] and either.next_due_after(NOW) == LEASE


def test_a_claim_of_a_lapsed_lease_is_a_stale_miss(either):
    job = a_job()
    either.put_job(job)
    either.claim(due(job), NOW, LEASE)
    [lapsed] = either.due_jobs(LEASE + timedelta(seconds=1))
    assert either.claim(lapsed, LEASE, LEASE + timedelta(minutes=10)) == ClaimMiss(stale_lease=True)
    assert either.get_job("p1", job.job_id) == replace(job, status=JobStatus.SENDING, attempts=1)


def test_claims_of_jobs_settled_moved_or_missing_miss_without_a_stale_lease(either):
    settled, moved = a_job("a"), a_job("b")
    either.put_job(settled)
    either.put_job(moved)
    either.finish(claimed(either, settled), JobStatus.SENT, NOW, sid="SM1")
    either.retry_later(claimed(either, moved), LATER, "30001")
    assert either.claim(due(settled), NOW, LEASE) == ClaimMiss(stale_lease=False)
    assert either.claim(due(moved), NOW, LEASE) == ClaimMiss(stale_lease=False)  # the due time it was seen at is gone
    assert either.claim(due(a_job("never")), NOW, LEASE) == ClaimMiss(stale_lease=False)
    assert either.get_job("p1", a_job("never").job_id) is None


def test_finishing_a_claimed_job_settles_it_once(either):
    job = a_job()
    either.put_job(job)
    held = claimed(either, job)
    either.finish(held, JobStatus.SENT, NOW, sid="SM1", body="sent text")
    stored = either.get_job("p1", job.job_id)
    assert (stored.status, stored.sid, stored.body, stored.finished_at, stored.attempts) == (
        JobStatus.SENT, "SM1", "sent text", NOW, 1)
    assert list(either.due_jobs(LATER)) == [] and either.next_due_after(NOW - timedelta(days=1)) is None
    with pytest.raises(LeaseLost):
        either.finish(held, JobStatus.FAILED, LATER, error_code="21610")
    assert either.get_job("p1", job.job_id) == stored


def test_a_job_never_claimed_cannot_be_settled(either):
    job = a_job()
    either.put_job(job)
    with pytest.raises(LeaseLost):
        either.finish(job, JobStatus.SENT, NOW, sid="SM1")
    with pytest.raises(LeaseLost):
        either.retry_later(job, LATER, "30001")
    with pytest.raises(LeaseLost):
        either.finish(a_job("missing"), JobStatus.SENT, NOW)
    assert either.get_job("p1", job.job_id) == job and either.get_job("p1", a_job("missing").job_id) is None


def test_an_unconfirmed_job_can_still_be_finished_but_not_retried(either):
    job = a_job()
    either.put_job(job)
    held = claimed(either, job)
    either.finish(held, JobStatus.UNCONFIRMED, NOW, error_code="ambiguous")
    with pytest.raises(LeaseLost):
        either.retry_later(held, LATER, "30001")
    either.finish(held, JobStatus.SENT, LATER, sid="SM9")
    stored = either.get_job("p1", job.job_id)
    assert (stored.status, stored.sid, stored.error_code, stored.finished_at) == (
        JobStatus.SENT, "SM9", "ambiguous", LATER)


def test_jobs_finished_one_after_another_are_ordered_by_their_finish(either):
    for unique in ("b", "a"):
        either.put_job(a_job(unique))
    either.finish(claimed(either, a_job("b")), JobStatus.SENT, NOW)
    either.finish(claimed(either, a_job("a")), JobStatus.SENT, NOW)  # the same second
    assert either.get_job("p1", a_job("a").job_id).finished_seq > either.get_job("p1", a_job("b").job_id).finished_seq


@pytest.mark.parametrize("count_attempt", [True, False])
def test_a_retry_puts_the_job_back_in_the_due_index_at_its_new_time(either, count_attempt):
    job = a_job()
    either.put_job(job)
    either.retry_later(claimed(either, job), LATER, "30001", count_attempt=count_attempt, body="tried text")
    stored = either.get_job("p1", job.job_id)
    assert (stored.status, stored.error_code, stored.body, stored.attempts) == (
        JobStatus.PENDING, "30001", "tried text", 1 if count_attempt else 0)
    assert list(either.due_jobs(LATER - timedelta(seconds=1))) == [] and either.next_due_after(NOW) == LATER
    [again] = either.due_jobs(LATER)
    assert again == due(job, LATER) and either.claim(again, LATER, LATER + timedelta(minutes=10)).attempts == (
        2 if count_attempt else 1)


def test_cancelling_takes_the_patients_waiting_texts_and_leaves_the_care_teams_side(either):
    text, reminder = a_job("text", kind="checkin_nudge"), a_job("rem")
    email = a_job("email", channel=Channel.EMAIL, kind="escalation_email", to="dr@example.org")
    timer = a_job("timer", channel=Channel.TASK, kind="safety_check_timeout", to="")
    ambiguous, sending, sent = a_job("amb", error_code="ambiguous"), a_job("held"), a_job("sent", status=JobStatus.SENT)
    other = a_job("other", patient_id="p2")
    for job in (text, reminder, email, timer, ambiguous, sending, sent, other):
        either.put_job(job)
    claimed(either, sending)
    # When only reminders are cancelled, then the other kinds wait on
    assert either.cancel_pending_jobs("p1", NOW, kinds={"dose_reminder"}) == 1  # `rem`: `amb` and `held` are left alone
    assert either.cancel_pending_jobs("p1", NOW, kinds={"dose_reminder"}) == 0
    assert either.get_job("p1", reminder.job_id).status is JobStatus.CANCELLED
    assert either.get_job("p1", text.job_id).status is JobStatus.PENDING
    # When everything of the patient's side is cancelled
    assert either.cancel_pending_jobs("p1", LATER) == 1
    assert statuses(either) == {
        text.job_id: JobStatus.CANCELLED, reminder.job_id: JobStatus.CANCELLED, email.job_id: JobStatus.PENDING,
        timer.job_id: JobStatus.PENDING, ambiguous.job_id: JobStatus.PENDING, sending.job_id: JobStatus.SENDING,
        sent.job_id: JobStatus.SENT}
    assert [either.get_job("p1", job.job_id).finished_at for job in (text, reminder)] == [LATER, NOW]
    assert set(either.due_jobs(LATER)) == {due(email), due(timer), due(ambiguous), due(other), due(sending, LEASE)}
    assert either.get_job("p2", other.job_id).status is JobStatus.PENDING
