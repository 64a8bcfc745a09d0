"""The dispatch process dies between "Twilio accepted the text" and "we recorded it".

How the kill is simulated: dispatch runs as its own process (`functions/dispatch/handler.py`, built from
the environment as the Lambda builds it) against the local stack's moto server and Twilio endpoint. The
endpoint records the message (Twilio has accepted it, and queues its status callbacks) and then holds its
answer; as soon as the message is there the test SIGKILLs the process. Nothing in the process gets a
chance to run: no `finally`, no exception handler, exactly what a Lambda timeout or a crash leaves behind.

After it: the job is still claimed by the dead run. The next runs must not send the text again, and the
job must end `sent` with the SID Twilio gave: from the status callback when it arrives, or from Twilio's
Messages list when the callback was lost too.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from shared.domain.jobs import Channel, Job, JobStatus, shard_of, utc_iso
from tests.builders import a_patient
from tests.e2e.conftest import in_process_stack, move_clock
from local.moto_atomic import atomic_moto

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2027, 9, 6, 16, 0, tzinfo=timezone.utc)  # noon in New York
RUN_DISPATCH = ("import sys; from functions.dispatch.handler import handler; from local.scheduler import "
                "scheduled_event; from shared.domain.jobs import parse_utc; "
                "print(handler(scheduled_event(parse_utc(sys.argv[1]), 'us-east-1'), None), flush=True)")


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "kill-key")
    try:
        with atomic_moto(running.moto):
            yield running
    finally:
        running.stop()


class LostCallbacks:
    """Twilio's status callbacks never arrive."""

    def queue(self, url, form):
        pass


def dispatch_process(stack, moment: datetime) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUN_DISPATCH, utc_iso(moment)], cwd=ROOT,
                            env=dispatch_process_env(stack), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def dispatch_process_env(stack) -> dict[str, str]:
    """The environment serverless.yml gives a dispatch function, pointed at the stack (no worker function: a process
    running `handler` sends itself, one running `worker` sends its shard)."""
    settings = stack.settings
    return {**os.environ, "TAPERLINE_MODE": "local", "TABLE_NAME": settings.table_name,
           "AWS_ENDPOINT_URL": settings.aws_endpoint_url, "AWS_REGION": settings.aws_region,
           "TWILIO_ACCOUNT_SID": settings.twilio_account_sid, "TWILIO_AUTH_TOKEN": stack.services.twilio_auth_token,
           "TWILIO_FROM_NUMBER": settings.twilio_from_number, "TWILIO_API_URL": stack.base_url,
           "PUBLIC_BASE_URL": settings.public_base_url, "SES_SENDER": settings.ses_sender,
           "DUE_SHARDS": str(settings.due_shards), "LOG_LEVEL": "WARNING"}


def sent_to(stack, number: str) -> list[dict]:
    return stack.network.sent(number)


@pytest.mark.parametrize("callback", ["arrives", "lost"])
def test_a_dispatch_killed_after_twilio_accepted_never_resends_and_the_job_is_reconciled(stack, callback):
    number = "+1917555000" + ("1" if callback == "arrives" else "2")
    pid = f"killed-{callback}"
    stack.services.store.enroll(a_patient(pid, phone=number, clinic_id=stack.demo.clinic.clinic_id), [])
    due = stack.clock.now() + timedelta(minutes=1)
    job = Job.new(patient_id=pid, channel=Channel.SMS, kind="dose_reminder", to=number, send_at=due,
                  unique=f"kill-{callback}", body=f"Demo Clinic: Tonight: LDN 3 mg. ({callback})")
    stack.services.store.put_job(job)
    saved_callbacks = stack.callbacks
    if callback == "lost":
        stack.callbacks = LostCallbacks()
    try:
        # Given Twilio will take the text and then hold its answer
        stack.network.hang_next(seconds=20, keep=True)
        process = dispatch_process(stack, due)
        # When the dispatch process is killed as soon as Twilio has the text
        deadline = time.monotonic() + 60
        while not sent_to(stack, number) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        output = process.communicate(timeout=30)[0].decode()
        assert process.returncode == -signal.SIGKILL, output
        [accepted] = sent_to(stack, number)
        assert stack.services.store.get_job(pid, job.job_id).status is JobStatus.SENDING  # not recorded
        saved_callbacks.jobs.join()

        # Then runs within the dead run's lease leave it alone, and later runs never send it again
        stack.clock.move_to(due)
        move_clock(stack, advance_minutes=5)
        move_clock(stack, advance_minutes=30)
        # And the job ends sent, with the SID Twilio gave it
        stored = stack.services.store.get_job(pid, job.job_id)
        assert (stored.status, stored.sid) == (JobStatus.SENT, accepted["sid"])
        assert [m["sid"] for m in sent_to(stack, number)] == [accepted["sid"]]
        if callback == "arrives":
            assert stored.delivery_status == "delivered"
    finally:
        stack.callbacks = saved_callbacks


RUN_WORKER = ("import sys; from functions.dispatch.handler import worker; "
              "print(worker({'time': sys.argv[1], 'shard': int(sys.argv[2])}, None), flush=True)")


def test_a_worker_killed_mid_shard_leaves_the_rest_of_its_shard_to_the_next_minute_and_sends_nothing_twice(stack):
    """A fan-out worker (its own process, one send at a time) dies once Twilio has its shard's first text: the jobs
    it never reached are sent by the next minute's worker, the one it was sending is settled from Twilio's record."""
    shards = stack.settings.due_shards
    due = stack.clock.now() + timedelta(minutes=1)
    jobs: list[Job] = []
    candidate = 0
    while len(jobs) < 5:  # five reminders that all fall in one shard (shard_of the first)
        number = f"+1646555{candidate:04d}"
        job = Job.new(patient_id=f"shard-{candidate}", channel=Channel.SMS, kind="dose_reminder", to=number,
                      send_at=due, unique=f"mid-shard-{candidate}", body=f"Demo Clinic: Tonight: LDN 2 mg. #{candidate}")
        candidate += 1
        if jobs and shard_of(job.job_id, shards) != shard_of(jobs[0].job_id, shards):
            continue
        stack.services.store.enroll(a_patient(job.patient_id, phone=number, clinic_id=stack.demo.clinic.clinic_id),
                                    [job])
        jobs.append(job)
    shard = shard_of(jobs[0].job_id, shards)
    numbers = [job.to for job in jobs]
    texts = lambda: [m for number in numbers for m in sent_to(stack, number)]  # noqa: E731
    # Given Twilio will take the worker's first text and hold its answer
    stack.network.hang_next(seconds=20, keep=True)
    process = subprocess.Popen([sys.executable, "-c", RUN_WORKER, utc_iso(due), str(shard)], cwd=ROOT,
                               env={**dispatch_process_env(stack), "DISPATCH_CONCURRENCY": "1"},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # When the worker is killed as soon as Twilio has it
    deadline = time.monotonic() + 60
    while not texts() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    output = process.communicate(timeout=30)[0].decode()
    assert process.returncode == -signal.SIGKILL, output
    [accepted] = texts()
    statuses = [stack.services.store.get_job(job.patient_id, job.job_id).status for job in jobs]
    assert sorted(statuses) == sorted([JobStatus.SENDING] + [JobStatus.PENDING] * 4)  # the rest never claimed
    # Then the next minutes' runs (fanning out as deployed) send the rest of the shard, and the dead worker's job is
    # settled once its lease lapses, from the callback or Twilio's record, never sent again
    stack.clock.move_to(due)
    move_clock(stack, advance_minutes=1)
    assert len(texts()) == 5
    move_clock(stack, advance_minutes=30)
    assert sorted(m["to"] for m in texts()) == sorted(numbers)
    assert all(stack.services.store.get_job(job.patient_id, job.job_id).status is JobStatus.SENT for job in jobs)
    killed = next(job for job in jobs if job.to == accepted["to"])
    assert stack.services.store.get_job(killed.patient_id, killed.job_id).sid == accepted["sid"]
