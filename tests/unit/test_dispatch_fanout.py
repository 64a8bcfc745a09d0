"""The minute's fan-out: a worker per due shard, each sending its shard alone; claims keep every job to one text
whatever overlaps (two schedule runs of a minute, workers started twice, a worker that never started)."""
import json
import threading
from datetime import datetime, timedelta, timezone

import boto3
import pytest
from botocore.stub import Stubber

from functions.dispatch import handler as dispatch
from local.workers import ThreadWorkers
from shared.adapters.lambda_workers import LambdaWorkers
from shared.config import ConfigError, Settings
from shared.domain.jobs import Channel, Job, JobStatus, shard_of
from shared.wiring import build_services
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms, FixedClock, MemoryStore

NINE_PM = datetime(2027, 3, 15, 1, 0, tzinfo=timezone.utc)  # 21:00 in New York, EDT
SHARDS = 4


def fanned_out(patients=40, store=None, sms=None):
    """Services over the in-memory store whose minute's run starts thread workers; `patients` reminders due."""
    store = store or MemoryStore(due_shards=SHARDS)
    sms = sms or FakeSms()
    settings = Settings(mode="local", due_shards=SHARDS, sms_per_second=0, dispatch_concurrency=3)
    holder: dict = {}
    workers = ThreadWorkers(lambda event: dispatch.worker(event, None, services=holder["services"]))
    services = holder["services"] = build_services(settings, clock=FixedClock(NINE_PM), store=store, sms=sms,
                                                   mail=FakeMail(), twilio_auth_token="t", workers=workers)
    jobs = []
    for n in range(patients):
        pid, phone = f"p{n:03d}", f"+1212555{n:04d}"
        store.add_patient(a_patient(pid, phone=phone))
        jobs.append(Job.new(patient_id=pid, channel=Channel.SMS, kind="dose_reminder", to=phone, send_at=NINE_PM,
                            unique=f"dose{n}", body=f"Tonight: LDN 3 mg #{n}"))
        store.put_job(jobs[-1])
    return services, workers, store, sms, jobs


def scheduled(services, workers, moment=NINE_PM):
    """One run of the one-minute schedule, then its workers to their end (as they end within the minute)."""
    report = dispatch.handler({"time": moment.strftime("%Y-%m-%dT%H:%M:%SZ")}, None, services=services)
    return report, workers.settle()


def test_the_minutes_run_starts_one_worker_per_shard_with_work_and_each_sends_only_its_own():
    services, workers, store, sms, jobs = fanned_out()
    later = Job.new(patient_id="p000", channel=Channel.SMS, kind="dose_reminder", to="+12125550000",
                    send_at=NINE_PM + timedelta(days=1), unique="tomorrow", body="Tomorrow")
    store.put_job(later)
    # Given 40 reminders due at 21:00 spread over 4 shards (and one for tomorrow)
    due_shards = sorted({shard_of(job.job_id, SHARDS) for job in jobs})
    # When the minute's run goes
    report, sent = scheduled(services, workers)
    # Then it sent nothing itself and started one worker per due shard, whose sends cover every reminder once
    assert report == {"shards_due": len(due_shards), "workers_started": len(due_shards), "workers_not_started": 0}
    assert sorted(event["shard"] for event in workers.started) == due_shards
    assert sent["sent"] == 40 and sorted(m["body"] for m in sms.sent) == sorted(job.body for job in jobs)
    assert all(store.get_job(job.patient_id, job.job_id).status is JobStatus.SENT for job in jobs)
    assert store.get_job("p000", later.job_id).status is JobStatus.PENDING
    # And a run with nothing due starts no worker
    assert scheduled(services, workers, NINE_PM + timedelta(minutes=1)) == (
        {"shards_due": 0, "workers_started": 0, "workers_not_started": 0}, {})


def test_a_worker_sends_its_shards_jobs_and_leaves_the_other_shards_alone():
    services, _, store, sms, jobs = fanned_out()
    shard = shard_of(jobs[0].job_id, SHARDS)
    mine = [job for job in jobs if shard_of(job.job_id, SHARDS) == shard]
    report = dispatch.worker({"time": "2027-03-15T01:00:00Z", "shard": shard}, None, services=services)
    assert report["sent"] == len(mine) and sorted(m["body"] for m in sms.sent) == sorted(job.body for job in mine)
    assert {store.get_job(j.patient_id, j.job_id).status for j in jobs if j not in mine} == {JobStatus.PENDING}
    with pytest.raises(ValueError):
        dispatch.worker({"time": "2027-03-15T01:00:00Z", "shard": SHARDS}, None, services=services)


class FailingToStart:
    """Workers whose start fails for one shard (Lambda refused the invoke), and runs the others at once."""

    def __init__(self, services_of, refused: int):
        self.services_of, self.refused = services_of, refused

    def start(self, now, shard):
        if shard == self.refused:
            raise RuntimeError("TooManyRequestsException")
        dispatch.worker({"time": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "shard": shard}, None,
                        services=self.services_of())


def test_a_shard_whose_worker_did_not_start_keeps_its_jobs_for_the_next_minutes_run():
    services, workers, store, sms, jobs = fanned_out()
    refused = shard_of(jobs[0].job_id, SHARDS)
    waiting = [job for job in jobs if shard_of(job.job_id, SHARDS) == refused]
    services.fanout.workers = FailingToStart(lambda: services, refused)
    with pytest.raises(dispatch.WorkersNotStarted, match="1 of"):  # the run fails, so the Errors alarm fires
        dispatch.handler({"time": "2027-03-15T01:00:00Z"}, None, services=services)
    assert len(sms.sent) == 40 - len(waiting)
    assert {store.get_job(j.patient_id, j.job_id).status for j in waiting} == {JobStatus.PENDING}
    # The next minute's run starts that shard's worker again, and every reminder has gone out once
    services.fanout.workers = workers
    report, sent = scheduled(services, workers, NINE_PM + timedelta(minutes=1))
    assert report["workers_started"] == 1 and sent["sent"] == len(waiting)
    assert sorted(m["body"] for m in sms.sent) == sorted(job.body for job in jobs)


def test_two_runs_of_one_minute_at_once_start_every_worker_twice_and_send_each_reminder_once():
    services, workers, store, sms, jobs = fanned_out(patients=120)
    barrier = threading.Barrier(2)
    reports: list = []

    def run():
        barrier.wait()
        reports.append(dispatch.handler({"time": "2027-03-15T01:00:00Z"}, None, services=services))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sent = workers.settle()
    # Both runs may start a worker per shard (each shard is worked twice at once); the claims give each job one sender
    assert sum(r["workers_started"] for r in reports) >= SHARDS
    assert sent["sent"] == 120 and sent["errors"] == 0
    assert sorted(m["body"] for m in sms.sent) == sorted(job.body for job in jobs)


def test_lambda_workers_queue_one_asynchronous_invoke_per_shard_with_the_minute_and_the_shard():
    client = boto3.client("lambda", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stub:
        for shard in (0, 3):
            stub.add_response("invoke", {"StatusCode": 202},
                              {"FunctionName": "taperline-dev-dispatchWorker", "InvocationType": "Event",
                               "Payload": json.dumps({"time": "2027-03-15T01:00:00Z", "shard": shard}).encode()})
        workers = LambdaWorkers(client, "taperline-dev-dispatchWorker")
        workers.start(NINE_PM, 0)
        workers.start(NINE_PM, 3)
        stub.assert_no_pending_responses()


def test_a_fan_out_never_has_more_sends_in_flight_than_the_twilio_accounts_limit():
    env = {"DISPATCH_WORKER_FUNCTION": "taperline-dev-dispatchWorker", "DUE_SHARDS": "8"}
    fits = Settings.from_env({**env, "DISPATCH_CONCURRENCY": "12", "SMS_PER_SECOND": "100"})
    assert fits.fans_out and fits.sends_in_flight == 96 and fits.sms_per_second_each == 12.5
    with pytest.raises(ConfigError, match="TWILIO_CONCURRENCY=100"):
        Settings.from_env({**env, "DISPATCH_CONCURRENCY": "13"})
    assert Settings.from_env({**env, "DISPATCH_CONCURRENCY": "13", "TWILIO_CONCURRENCY": "200"}).sends_in_flight == 104
    alone = Settings.from_env({"DUE_SHARDS": "8", "DISPATCH_CONCURRENCY": "12", "SMS_PER_SECOND": "100"})
    assert not alone.fans_out and alone.sends_in_flight == 12 and alone.sms_per_second_each == 100
