"""Dispatch: send every job that is due, exactly once, and record what happened."""
from __future__ import annotations

import contextvars
import threading
from collections import Counter
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Callable, Iterator
from urllib.parse import urlencode

from shared.domain.job_kinds import DOSE_TIME_KINDS
from shared.domain.jobs import AMBIGUOUS_AHEAD, CLAIM_LEASE, Channel, Job, JobStatus, utc_iso
from shared.domain.patients import Patient
from shared.domain.quiet_hours import in_quiet_hours, next_allowed
from shared.domain.schedule import reminder_for_night
from shared.domain.sending import addressed_elsewhere, may_send
from shared.errors import JobExists, SendError, StatusMoved
from shared.log import logger, mask_phone
from shared.services.ports import ClaimMiss, DueJob, MailSender, Outbox, PatientsAndJobs, SmsSender
from shared.services.send_failures import AMBIGUOUS as AMBIGUOUS  # re-exported
from shared.services.send_failures import FailedSends

if TYPE_CHECKING:
    from shared.services.scheduled_sends import HandAhead

REPORT_KEYS = ("sent", "failed", "expired", "retried", "unconfirmed", "skipped", "cancelled", "done", "errors",
               "left_for_next_run", "slid_past_quiet_hours", "postponed")
SAFETY_MARGIN_MS = 15_000  # stop claiming when a send (10 s timeout) might not finish before the Lambda ends
Task = Callable[[Job, Patient, datetime], None]
# Before a text goes out: the job to send (its body may be written now), None to drop it, or a later time.
BeforeSend = Callable[[Job, Patient, datetime], "Job | datetime | None"]


class Pacer:
    """At most `per_second` sends a second across threads (0 = no limit); clock and sleep are injected."""

    def __init__(self, per_second: float, monotonic: Callable[[], float], sleep: Callable[[float], None]):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.monotonic, self.sleep = monotonic, sleep
        self.next_slot = 0.0
        self.lock = threading.Lock()

    def wait_turn(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = self.monotonic()
            slot = max(now, self.next_slot)
            self.next_slot = slot + self.interval
        if slot > now:
            self.sleep(slot - now)


@dataclass
class Dispatcher:
    outbox: Outbox
    sms: SmsSender
    mail: MailSender
    public_base_url: str
    patients: PatientsAndJobs
    tasks: dict[str, Task] = field(default_factory=dict)
    pacer: Pacer | None = None
    concurrency: int = 1
    before_send: dict[str, BeforeSend] = field(default_factory=dict)
    pool: Callable[[int], Executor] = ThreadPoolExecutor  # runs the sends, `concurrency` at a time
    ahead: "HandAhead | None" = None  # dose reminders handed to Twilio ahead (scheduled_sends.py), when set

    @property
    def _failures(self) -> FailedSends:
        """Built on use, from whatever senders the dispatcher holds now."""
        return FailedSends(self.outbox, self.patients, self.sms, self.before_send, self.ahead is not None,
                           self.ahead.lead if self.ahead else timedelta(0))

    def run(self, now: datetime, time_left_ms: Callable[[], int] | None = None,
            shard: int | None = None) -> dict[str, int]:
        """Send what is due at `now` (in one shard of the due index, a fan-out worker's, or in all); return how many
        jobs ended each way.

        Jobs go out `concurrency` at a time, paced; one job's trouble never stops the others; near the
        Lambda's end the rest wait for the next run.
        """
        report: Counter[str] = Counter({key: 0 for key in REPORT_KEYS})
        lock = threading.Lock()
        slots = threading.BoundedSemaphore(self.concurrency * 2)  # claim only a little ahead of sending

        def work(due: DueJob, one: Callable[[DueJob, datetime], str]) -> None:
            try:
                outcome = one(due, now)
            except Exception:  # noqa: BLE001 - counted, logged, and the job stays visible in the outbox
                logger().exception("job dispatch error", extra={"job_id": due.job_id})
                outcome = "errors"
            finally:
                slots.release()
            with lock:
                report[outcome] += 1

        with self.pool(self.concurrency) as pool:
            for due, one in self._work(now, shard):
                if time_left_ms is not None and time_left_ms() < SAFETY_MARGIN_MS:
                    report["left_for_next_run"] += 1
                    continue
                slots.acquire()
                pool.submit(contextvars.copy_context().run, work, due, one)  # log keys (invocation id) go along
        return dict(report)

    def _work(self, now: datetime, shard: int | None) -> Iterator[tuple[DueJob, Callable[[DueJob, datetime], str]]]:
        """What is due now, then (when reminders are handed over ahead) what is due from 16 minutes to `lead` ahead."""
        for due in self.outbox.due_jobs(now, shard):
            yield due, self._one
        if self.ahead is not None:
            for due in self.ahead.due(now, shard):
                yield due, self.ahead.one

    def _one(self, due: DueJob, now: datetime) -> str:
        claimed = self.outbox.claim(due, now, now + CLAIM_LEASE)
        if isinstance(claimed, ClaimMiss):
            return self._after_miss(claimed, due, now)
        return self._deliver(claimed, now)

    def _after_miss(self, miss: ClaimMiss, due: DueJob, now: datetime) -> str:
        if not miss.stale_lease:
            return "skipped"  # another dispatch has it, or it already moved on
        job = self.outbox.get_job(due.patient_id, due.job_id)
        if job is None or job.status is not JobStatus.SENDING:
            return "skipped"
        # A dispatch claimed it and vanished: Twilio may have it (look before sending again); a task runs again.
        if job.channel is Channel.SMS and job.sid:  # Twilio's status callback named the message meanwhile
            self.outbox.finish(job, JobStatus.SENT, now, sid=job.sid)
            logger().info("job found sent by its status callback", extra={"job_id": job.job_id, "sid": job.sid})
            return "sent"
        if job.channel in (Channel.SMS, Channel.TASK):
            self.outbox.retry_later(job, now, AMBIGUOUS, count_attempt=False)
            logger().warning("job lease lapsed, will check Twilio", extra={"job_id": job.job_id, "kind": job.kind})
            return "retried"
        self.outbox.finish(job, JobStatus.UNCONFIRMED, now, error_code="lease_lapsed")
        logger().warning("job unconfirmed", extra={"job_id": job.job_id, "kind": job.kind})
        return "unconfirmed"

    def _deliver(self, job: Job, now: datetime) -> str:
        if job.channel is Channel.SMS and job.error_code in (AMBIGUOUS, AMBIGUOUS_AHEAD):
            # An earlier answer was lost. If Twilio has the text it went out: settle the job before any
            # later check (expiry, the patient's state, a nudge already marked) could call it unsent.
            settled = self._failures.found_sent(job, None, now)
            if settled:
                return settled
        if job.is_expired(now):
            self.outbox.finish(job, JobStatus.EXPIRED, now, error_code="too_late")
            logger().info("job expired", extra={"job_id": job.job_id, "kind": job.kind})
            return "expired"
        if job.channel is Channel.EMAIL:
            return self._send_now(job, None, now)
        patient = self.patients.get_patient(job.patient_id)  # texts and tasks follow the patient's state now
        if patient is None or not may_send(patient.status, job.kind) or self._refused(job, patient):
            return self._cancel(job, patient, now)
        generation = (job.meta or {}).get("generation")
        if generation and generation != patient.plan_generation:  # a job of an older set of plan jobs
            return self._carry_over(job, patient, now) if job.kind in DOSE_TIME_KINDS else self._cancel(job, patient, now)
        if self.ahead is not None and job.kind in DOSE_TIME_KINDS and self.ahead.went_ahead(job, patient):
            return self._cancel(job, patient, now)  # its night's reminder is at Twilio already (a late re-plan)
        if job.channel is Channel.TASK:
            try:
                self.tasks[job.kind](job, patient, now)
            except Exception:  # noqa: BLE001 - a task that fails (an outage, a race) runs again later
                logger().exception("task failed, will retry", extra={"job_id": job.job_id, "kind": job.kind})
                self.outbox.retry_later(job, job.next_try(now) or now + timedelta(minutes=15), "task_error",
                                        count_attempt=job.next_try(now) is not None)
                return "retried"
            self.outbox.finish(job, JobStatus.DONE, now)
            return "done"
        return self._send_now(job, patient, now)

    def _send_now(self, job: Job, patient: Patient | None, now: datetime) -> str:
        """A text (its patient still wants it) or an email: unless quiet hours or its check-in say later."""
        if job.channel is Channel.SMS and patient and self._quiet_now(job, patient, now):
            settings = patient.clinic_settings
            later = next_allowed(now, patient.timezone, settings.quiet_start, settings.quiet_end)
            self.outbox.retry_later(job, later, "quiet_hours", count_attempt=False)
            return "slid_past_quiet_hours"
        if job.kind in self.before_send and patient is not None:
            try:
                decision = self.before_send[job.kind](job, patient, now)
            except StatusMoved:  # the patient's record changed as we looked: look again next minute
                self.outbox.retry_later(job, now + timedelta(minutes=1), "record_moved", count_attempt=False)
                return "postponed"
            if decision is None:
                self.outbox.finish(job, JobStatus.CANCELLED, now, error_code="not_needed")
                return "cancelled"
            if isinstance(decision, datetime):
                self.outbox.retry_later(job, decision, "waiting", count_attempt=False)
                return "postponed"
            job = decision
        if job.channel is Channel.SMS and job.error_code == AMBIGUOUS:  # send again only if Twilio never got it
            found = self._failures.found_sent(job, patient, now)
            if found:
                return found
        if self.pacer:
            self.pacer.wait_turn()
        try:
            sid = self._send(job, patient)
        except SendError as exc:
            return self._failures.settle(job, patient, exc, now)
        self.outbox.finish(job, JobStatus.SENT, now, sid=sid, body=job.body if job.kind in self.before_send else "")
        logger().info("job sent", extra={"job_id": job.job_id, "kind": job.kind, "sid": sid,
                                         "to": mask_phone(job.to) if job.channel is Channel.SMS else "email"})
        return "sent"

    @staticmethod
    def _refused(job: Job, patient: Patient) -> bool:
        """Twilio said the number cannot get texts: no text goes to it until the clinic fixes it. A text or consent
        step made for the patient's old number (it changed since) goes nowhere."""
        return (bool(patient.phone_problem) and job.channel is Channel.SMS) or addressed_elsewhere(job, patient.phone)

    def _cancel(self, job: Job, patient: Patient | None, now: datetime) -> str:
        self.outbox.finish(job, JobStatus.CANCELLED, now, error_code="not_wanted")
        logger().info("job cancelled", extra={"job_id": job.job_id, "kind": job.kind,
                                              "patient_status": patient.status.value if patient else None})
        return "cancelled"

    def _carry_over(self, job: Job, patient: Patient, now: datetime) -> str:
        """A dose-time text of an older plan (the plan was rewritten after its moment, as it waited for a retry):
        the live plan's text for that night goes out in its place, once, whichever old job gets here first."""
        successor = reminder_for_night(patient, job)
        try:
            if successor is not None:
                self.outbox.put_job(successor)
        except JobExists:
            successor = None  # the live plan has that night already: it goes out on its own
        self.outbox.finish(job, JobStatus.CANCELLED, now, error_code="replaced" if successor else "not_wanted")
        if successor is None:
            return "cancelled"
        logger().info("job carried over to the new plan", extra={"job_id": job.job_id, "to_job": successor.job_id})
        return self._one(DueJob(successor.patient_id, successor.job_id, utc_iso(successor.send_at)), now)

    @staticmethod
    def _quiet_now(job: Job, patient: Patient, now: datetime) -> bool:
        if job.kind in DOSE_TIME_KINDS:
            return False  # the patient's own chosen time
        settings = patient.clinic_settings
        return in_quiet_hours(now, patient.timezone, settings.quiet_start, settings.quiet_end)

    def _send(self, job: Job, patient: Patient | None) -> str:
        if job.channel is Channel.SMS:  # from the sender the patient's number is theirs on, where replies reach us
            return self.sms.send(job.to, job.body, self.status_callback_url(job), sender=patient.sender if patient else "")
        return self.mail.send(job.to, job.subject, job.body, job.html)

    def status_callback_url(self, job: Job) -> str:
        query = urlencode({"patient": job.patient_id, "job": job.job_id})
        return f"{self.public_base_url}/sms/status?{query}"
