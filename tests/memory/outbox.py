"""The outbox in memory, with DynamoOutbox's conditions (claims, leases, the due index)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Collection, Iterator

from shared.domain.jobs import DELIVERY_ORDER, Job, JobStatus, parse_utc, shard_of, utc_iso
from shared.domain.sending import care_team_side
from shared.errors import JobExists, LeaseLost
from shared.services.ports import ClaimMiss, DueJob
from tests.memory.changes import add_job
from tests.memory.table import MemoryTable, kept


class MemoryOutbox:
    def __init__(self, table: MemoryTable):
        self.table = table

    def put_job(self, job: Job) -> None:
        with self.table.lock:
            if (job.patient_id, job.job_id) in self.table.jobs:
                raise JobExists(job.job_id)
            add_job(self.table, job)

    def put_jobs_once(self, jobs: list[Job]) -> None:
        with self.table.lock:
            for job in jobs:
                if (job.patient_id, job.job_id) not in self.table.jobs:
                    add_job(self.table, job)

    def get_job(self, patient_id: str, job_id: str) -> Job | None:
        found = self.table.jobs.get((patient_id, job_id))
        return kept(found) if found else None

    def jobs_of(self, patient_id: str) -> list[Job]:
        with self.table.lock:
            return [kept(job) for key, job in sorted(self.table.jobs.items()) if key[0] == patient_id]

    def due_jobs(self, now: datetime, shard: int | None = None, after: datetime | None = None) -> Iterator[DueJob]:
        since = utc_iso(after) if after is not None else ""
        with self.table.lock:
            found = sorted((at, key) for key, at in self.table.due.items() if since < at <= utc_iso(now)
                           and (shard is None or shard_of(key[1], self.table.shards) == shard))
        for at, (patient_id, job_id) in found:
            yield DueJob(patient_id, job_id, at)

    def due_shards(self, now: datetime) -> list[int]:
        with self.table.lock:
            return sorted({shard_of(key[1], self.table.shards) for key, at in self.table.due.items()
                           if at <= utc_iso(now)})

    def next_due_after(self, moment: datetime) -> datetime | None:
        with self.table.lock:
            later = [at for at in self.table.due.values() if at > utc_iso(moment)]
        return parse_utc(min(later)) if later else None

    def claim(self, due: DueJob, now: datetime, lease_until: datetime) -> Job | ClaimMiss:
        key = (due.patient_id, due.job_id)
        with self.table.lock:
            job, seen = self.table.jobs.get(key), self.table.due.get(key)
            if job is None or job.status is not JobStatus.PENDING or seen != due.due_at:
                return ClaimMiss(stale_lease=job is not None and job.status is JobStatus.SENDING and seen == due.due_at)
            job = replace(job, status=JobStatus.SENDING, attempts=job.attempts + 1)
            self.table.jobs[key] = job
            self.table.due[key] = utc_iso(lease_until)
            return kept(job)

    def finish(self, job: Job, status: JobStatus, now: datetime, *, sid: str = "", error_code: str = "",
               body: str = "") -> None:
        key = (job.patient_id, job.job_id)
        with self.table.lock:
            current = self._held(key, JobStatus.SENDING, JobStatus.UNCONFIRMED)
            self.table.jobs[key] = kept(replace(current, status=status, sid=sid or current.sid, finished_at=now,
                                                error_code=error_code or current.error_code, body=body or current.body,
                                                finished_seq=next(self.table.sequence)))
            self.table.due.pop(key, None)

    def retry_later(self, job: Job, due_at: datetime, error_code: str, count_attempt: bool = True,
                    body: str = "") -> None:
        key = (job.patient_id, job.job_id)
        with self.table.lock:
            current = self._held(key, JobStatus.SENDING)
            attempts = current.attempts if count_attempt else current.attempts - 1
            self.table.jobs[key] = replace(current, status=JobStatus.PENDING, error_code=error_code,
                                           attempts=attempts, body=body or current.body)
            self.table.due[key] = utc_iso(due_at)

    def _held(self, key: tuple[str, str], *statuses: JobStatus) -> Job:
        """The job, when it is in one of `statuses`: else the write's condition fails, as DynamoDB's would."""
        current = self.table.jobs.get(key)
        if current is None or current.status not in statuses:
            raise LeaseLost(key[1])
        return current

    def cancel_pending_jobs(self, patient_id: str, now: datetime, kinds: Collection[str] | None = None,
                            to: str | None = None) -> int:
        cancelled = 0
        with self.table.lock:
            for key, job in list(self.table.jobs.items()):
                # a text whose send may have reached Twilio ("ambiguous") is left for dispatch to settle
                if key[0] == patient_id and not care_team_side(job) and job.status is JobStatus.PENDING \
                        and (not kinds or job.kind in kinds) and (to is None or job.to == to) \
                        and job.error_code != "ambiguous":
                    self.table.jobs[key] = kept(replace(job, status=JobStatus.CANCELLED, finished_at=now))
                    self.table.due.pop(key, None)
                    cancelled += 1
        return cancelled


class MemoryDeliveries:
    def __init__(self, table: MemoryTable):
        self.table = table

    def record_delivery(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime,
                        error: str = "") -> bool:
        key = (patient_id, job_id)
        with self.table.lock:
            job = self.table.jobs.get(key)
            if job is None or status not in DELIVERY_ORDER:
                return False
            if DELIVERY_ORDER[status] <= DELIVERY_ORDER.get(job.delivery_status, -1):
                return False
            settled = JobStatus.SENT if job.status is JobStatus.UNCONFIRMED else job.status
            self.table.jobs[key] = replace(job, delivery_status=status, sid=job.sid or sid, status=settled)
            return True

