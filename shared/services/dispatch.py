"""Dispatch: send every job that is due, exactly once, and record what happened."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable
from urllib.parse import urlencode

from shared.domain.jobs import CLAIM_LEASE, Channel, Job, JobStatus
from shared.domain.patients import Patient
from shared.domain.sending import may_send
from shared.log import logger, mask_phone
from shared.services.ports import ClaimMiss, MailSender, Outbox, SendError, SmsSender

REPORT_KEYS = ("sent", "failed", "expired", "retried", "unconfirmed", "skipped", "cancelled", "done", "errors",
               "left_for_next_run")
SAFETY_MARGIN_MS = 15_000  # stop claiming when a send (10 s timeout) might not finish before the Lambda ends
Task = Callable[[Job, Patient, datetime], None]


@dataclass
class Dispatcher:
    outbox: Outbox
    sms: SmsSender
    mail: MailSender
    public_base_url: str
    patients: Any = None
    tasks: dict[str, Task] = field(default_factory=dict)

    def run(self, now: datetime, time_left_ms: Callable[[], int] | None = None) -> dict[str, int]:
        """Send what is due at `now`; return how many jobs ended each way.

        One job's trouble never stops the others; near the Lambda's end, the rest wait for the next run.
        """
        report: Counter[str] = Counter({key: 0 for key in REPORT_KEYS})
        for due in self.outbox.due_jobs(now):
            if time_left_ms is not None and time_left_ms() < SAFETY_MARGIN_MS:
                report["left_for_next_run"] += 1
                continue
            try:
                report[self._one(due, now)] += 1
            except Exception:  # noqa: BLE001 - counted, logged, and the job stays visible in the outbox
                logger().exception("job dispatch error", extra={"job_id": due.job_id})
                report["errors"] += 1
        return dict(report)

    def _one(self, due, now: datetime) -> str:
        claimed = self.outbox.claim(due, now, now + CLAIM_LEASE)
        if isinstance(claimed, ClaimMiss):
            return self._after_miss(claimed, due, now)
        return self._deliver(claimed, now)

    def _after_miss(self, miss: ClaimMiss, due, now: datetime) -> str:
        if not miss.stale_lease:
            return "skipped"  # another dispatch has it, or it already moved on
        job = self.outbox.get_job(due.patient_id, due.job_id)
        if job is None or job.status is not JobStatus.SENDING:
            return "skipped"
        # A dispatch claimed it and vanished: Twilio may have it. Never resend blindly.
        self.outbox.finish(job, JobStatus.UNCONFIRMED, now, error_code="lease_lapsed")
        logger().warning("job unconfirmed", extra={"job_id": job.job_id, "kind": job.kind})
        return "unconfirmed"

    def _deliver(self, job: Job, now: datetime) -> str:
        if job.is_expired(now):
            self.outbox.finish(job, JobStatus.EXPIRED, now, error_code="too_late")
            logger().info("job expired", extra={"job_id": job.job_id, "kind": job.kind})
            return "expired"
        patient = None
        if job.channel is not Channel.EMAIL:  # texts and tasks follow the patient's state at this moment
            patient = self.patients.get_patient(job.patient_id) if self.patients else None
            if not may_send(patient.status if patient else None, job.kind):
                self.outbox.finish(job, JobStatus.CANCELLED, now, error_code="not_wanted")
                logger().info("job cancelled", extra={"job_id": job.job_id, "kind": job.kind,
                                                      "patient_status": patient.status.value if patient else None})
                return "cancelled"
        if job.channel is Channel.TASK:
            self.tasks[job.kind](job, patient, now)
            self.outbox.finish(job, JobStatus.DONE, now)
            return "done"
        try:
            sid = self._send(job)
        except SendError as exc:
            return self._after_failure(job, exc, now)
        self.outbox.finish(job, JobStatus.SENT, now, sid=sid)
        logger().info("job sent", extra={"job_id": job.job_id, "kind": job.kind, "sid": sid,
                                         "to": mask_phone(job.to) if job.channel is Channel.SMS else "email"})
        return "sent"

    def _send(self, job: Job) -> str:
        if job.channel is Channel.SMS:
            return self.sms.send(job.to, job.body, self.status_callback_url(job))
        return self.mail.send(job.to, job.subject, job.body, job.html)

    def _after_failure(self, job: Job, exc: SendError, now: datetime) -> str:
        fields = {"job_id": job.job_id, "kind": job.kind, "error_code": exc.code, "attempts": job.attempts}
        if exc.ambiguous:  # it may have gone out: its status callback will tell; never resend blindly
            self.outbox.finish(job, JobStatus.UNCONFIRMED, now, error_code=exc.code)
            logger().warning("job send unconfirmed", extra=fields)
            return "unconfirmed"
        retry_at = job.next_try(now) if exc.retryable else None
        if retry_at is not None and retry_at <= job.expires_at:
            self.outbox.retry_later(job, retry_at, exc.code)
            logger().warning("job send failed, will retry", extra=fields)
            return "retried"
        self.outbox.finish(job, JobStatus.FAILED, now, error_code=exc.code)
        logger().error("job failed", extra=fields)
        return "failed"

    def status_callback_url(self, job: Job) -> str:
        query = urlencode({"patient": job.patient_id, "job": job.job_id})
        return f"{self.public_base_url}/sms/status?{query}"
