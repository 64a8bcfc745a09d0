"""What dispatch does when a send fails: retry, settle a maybe-sent text, or stop texting a refused number."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Collection

from shared.domain.jobs import AMBIGUOUS_AHEAD, RETRY_BACKOFF, Channel, Job, JobStatus
from shared.domain.patients import Patient, PatientStatus
from shared.errors import SendError, StatusMoved
from shared.log import logger
from shared.services.ports import Outbox, PatientsAndJobs, SmsSender
from shared.services.retry import on_fresh_record
from shared.services.scheduled_sends import taken_back

OPTED_OUT_CODE = "21610"
AMBIGUOUS = "ambiguous"
BAD_NUMBER_CODES = {"21211", "21614"}
# Twilio's Messages list could not be read after a lost answer: the job stays "maybe sent" (never resent blindly).
STILL_UNKNOWN = SendError("Twilio lookup failed: whether the text went out is still unknown", code=AMBIGUOUS,
                          ambiguous=True)


@dataclass
class FailedSends:
    """`written_at_send`: kinds whose text is written just before sending, so a retry must keep it."""

    outbox: Outbox
    patients: PatientsAndJobs
    sms: SmsSender
    written_at_send: Collection[str]
    cancels_scheduled: bool = False  # reminders are handed to Twilio ahead: a refused number's are taken back there
    lead: timedelta = timedelta(0)   # how far ahead they are handed over (a lost hand-over is looked for that far back)

    def found_sent(self, job: Job, patient: Patient | None, now: datetime) -> str | None:
        """After a lost answer: "sent" when the status callback named the message or Twilio has one with its
        text; a failed lookup leaves it maybe-sent (retried until it expires); None when it never went out."""
        sid = job.sid
        if not sid and job.body:
            try:
                ahead = self.lead if job.error_code == AMBIGUOUS_AHEAD else timedelta(0)  # created when handed over
                sid = self.sms.find_sent(job.to, job.body, job.send_at - ahead - timedelta(minutes=1)) or ""
            except Exception:  # noqa: BLE001 - any failed lookup leaves it unknown
                return self.settle(job, patient, STILL_UNKNOWN, now)
        if not sid:
            return None
        self.outbox.finish(job, JobStatus.SENT, now, sid=sid)
        logger().info("job found sent after a lost answer", extra={"job_id": job.job_id, "sid": sid})
        return "sent"

    def settle(self, job: Job, patient: Patient | None, exc: SendError, now: datetime) -> str:
        """Retry a passing failure, ask Twilio before resending a maybe-sent text, give up on a permanent one."""
        fields = {"job_id": job.job_id, "kind": job.kind, "error_code": exc.code, "attempts": job.attempts}
        retry_at = job.next_try(now) if exc.retryable or exc.ambiguous else None
        if retry_at is None and exc.retryable and job.channel is Channel.EMAIL:
            retry_at = now + RETRY_BACKOFF[-1]  # SES down for longer than the backoff: the care team's email
            #                                     keeps trying every 15 minutes until its window closes
        if exc.ambiguous:  # it may have gone out: the next try asks Twilio first, never resends blindly
            if retry_at is not None and retry_at <= job.expires_at:
                written_now = job.body if job.kind in self.written_at_send else ""  # so the retry can ask for it
                code = AMBIGUOUS_AHEAD if job.error_code == AMBIGUOUS_AHEAD else AMBIGUOUS  # keep where to look
                self.outbox.retry_later(job, retry_at, code, body=written_now)
                logger().warning("job answer lost, will check Twilio", extra=fields)
                return "retried"
            if job.channel is Channel.SMS:  # its status callback may have named the message meanwhile
                current = self.outbox.get_job(job.patient_id, job.job_id)
                if current is not None and current.sid:
                    self.outbox.finish(job, JobStatus.SENT, now, sid=current.sid)
                    logger().info("job found sent by its status callback", extra=fields)
                    return "sent"
            self.outbox.finish(job, JobStatus.UNCONFIRMED, now, error_code=exc.code)
            logger().warning("job send unconfirmed", extra=fields)
            return "unconfirmed"
        if retry_at is not None and retry_at <= job.expires_at:
            self.outbox.retry_later(job, retry_at, exc.code)
            logger().warning("job send failed, will retry", extra=fields)
            return "retried"
        self.outbox.finish(job, JobStatus.FAILED, now, error_code=exc.code)
        logger().error("job failed", extra=fields)
        if patient is not None and job.channel is Channel.SMS and job.to == patient.phone:  # not an old number's
            self._stop_texting(patient, exc.code, now, job.to)
        return "failed"

    def _stop_texting(self, patient: Patient, code: str, now: datetime, to: str) -> None:
        """Twilio says the patient unsubscribed, or the number cannot get texts: stop texting them (unless their
        number changed since the text was sent: the refusal is the old number's)."""
        fresh = self.patients.get_patient(patient.patient_id)
        if fresh is None or fresh.phone != to:
            return
        if code == OPTED_OUT_CODE:
            def opt_out(fresh: Patient | None) -> None:
                if fresh is not None and fresh.phone == to and fresh.status is not PatientStatus.OPTED_OUT:
                    self.patients.set_status(fresh, PatientStatus.OPTED_OUT, now)

            try:  # the record may have moved since we read it (a check-in opened): read again
                on_fresh_record(self.patients, patient.patient_id, opt_out)
            except StatusMoved:
                pass  # still moving after three reads: its texts are cancelled below all the same
        elif code in BAD_NUMBER_CODES:
            self.patients.flag_phone_problem(fresh, code, now)
        else:
            return
        cancelled = self.patients.cancel_pending_jobs(patient.patient_id, now)
        self.patients.put_jobs_once(taken_back(self.cancels_scheduled, patient.patient_id, now, f"refused-{code}"))
        logger().warning("patient texts stopped", extra={"patient_id": patient.patient_id, "error_code": code,
                                                         "jobs_cancelled": cancelled})
