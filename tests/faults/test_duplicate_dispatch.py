"""EventBridge delivers the one-minute event twice, and both Lambda invocations run at once.

Two dispatch runs, each built the way a Lambda container builds its own (its own DynamoDB and Twilio
clients), run the very same scheduled event concurrently against the local stack, with 150 patients
each owing a dose reminder, a check-in question (whose opening writes the check-in) and an email to the
care team at that minute. Moto serves one request at a time here (local/moto_atomic.py), which is
DynamoDB's per-request atomicity and no more.
"""
from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from functions.dispatch import handler as dispatch
from local.scheduler import scheduled_event
from local.workers import ThreadWorkers
from shared.domain.jobs import Channel, Job, JobStatus
from shared.wiring import build_services
from tests.builders import a_patient
from tests.e2e.conftest import in_process_stack
from local.moto_atomic import atomic_moto

MINUTE = datetime(2027, 10, 4, 22, 0, tzinfo=timezone.utc)  # 18:00 in New York: check-in time
PATIENTS = 100


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(MINUTE, "dup-key")
    try:
        with atomic_moto(running.moto):
            yield running
    finally:
        running.stop()


def test_the_same_minute_dispatched_twice_at_once_sends_nothing_twice(stack):
    store = stack.services.store
    jobs = []
    for n in range(PATIENTS):
        pid, number = f"dup-{n:03d}", f"+1347555{n:04d}"
        mine = [Job.new(patient_id=pid, channel=Channel.SMS, kind="dose_reminder", to=number, send_at=MINUTE,
                        unique=f"dose{n}", body=f"Demo Clinic: Tonight: LDN 2 mg. #{n}"),
                Job.new(patient_id=pid, channel=Channel.SMS, kind="checkin", to=number, send_at=MINUTE,
                        unique=f"chk{n}", meta={"checkin_kind": "step"}),
                Job.new(patient_id=pid, channel=Channel.EMAIL, kind="escalation_email", to="provider@example.org",
                        send_at=MINUTE, unique=f"mail{n}", subject=f"Review #{n}", body=f"Patient #{n}")]
        store.enroll(a_patient(pid, phone=number, clinic_id=stack.demo.clinic.clinic_id), mine)
        jobs += mine
    # Given two invocations of the same event, each with services of its own
    event = scheduled_event(MINUTE, stack.settings.aws_region)
    # (each fans out as deployed: its minute's run starts a worker per due shard, and the workers it starts send
    # with that invocation's own clients)
    own: dict = {}
    own_workers = ThreadWorkers(lambda worker_event: dispatch.worker(worker_event, None, services=own["services"]))
    own["services"] = build_services(stack.settings, clock=stack.clock, mail=stack.mail, workers=own_workers)
    twins = [stack.services, own["services"]]
    reports: list[dict] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def invoke(services):
        try:
            barrier.wait()
            reports.append(dispatch.handler(dict(event), None, services=services))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    # When both run at once
    runners = [threading.Thread(target=invoke, args=(services,)) for services in twins]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(timeout=300)
    assert errors == [] and len(reports) == 2
    sent_by_workers = [stack.workers.settle(), own_workers.settle()]
    # (the second run may find every shard's jobs already claimed by the first run's workers, and start none)
    assert sum(r["workers_started"] for r in reports) >= 1 and all(r["workers_not_started"] == 0 for r in reports)

    # Then every job went out once: one text at Twilio per text job, one email per email job
    by_job = Counter()
    with stack.network.lock:
        for message in stack.network.messages:
            if message["direction"] == "outbound" and message.get("status_callback"):
                by_job[parse_qs(urlsplit(message["status_callback"]).query)["job"][0]] += 1
    emails = Counter(e["subject"] for e in stack.mail.sent)
    for job in jobs:
        stored = store.get_job(job.patient_id, job.job_id)
        assert stored.status is JobStatus.SENT, stored
        if job.channel is Channel.SMS:
            assert by_job[job.job_id] == 1, job
        else:
            assert emails[job.subject] == 1, job
    assert sum(by_job.values()) == 2 * PATIENTS and sum(emails.values()) == PATIENTS
    # And each check-in was opened once; between them the two runs sent each job once
    for n in range(PATIENTS):
        patient = store.get_patient(f"dup-{n:03d}")
        assert patient.open_checkin is not None and patient.open_checkin.position == 0
        assert len([j for j in store.jobs_of(patient.patient_id) if j.kind == "checkin_nudge"]) == 1
    assert sum(r["sent"] for r in sent_by_workers) == len(jobs)
    print(f"\nduplicate dispatch: {reports}, the workers: {sent_by_workers}")
