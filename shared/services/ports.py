"""The small ports the services talk through. Real adapters live in shared/adapters, fakes in tests."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator, Protocol

from shared.domain.jobs import Job, JobStatus
from shared.domain.patients import Patient, PatientStatus


class SendError(Exception):
    """A send that did not go through. `retryable` says whether trying later can help; `ambiguous`
    that it may have gone through after all (a read timeout), so it must never be resent blindly."""

    def __init__(self, message: str, *, code: str = "", retryable: bool = False, ambiguous: bool = False):
        super().__init__(message)
        self.code = code
        self.retryable = retryable and not ambiguous
        self.ambiguous = ambiguous


class StoreUnavailable(Exception):
    """The store could not be reached or refused the call for now."""


class JobExists(Exception):
    """A job with this id is already in the outbox."""


class PhoneTaken(Exception):
    """The number belongs to a patient whose plan is not over."""


class StatusMoved(Exception):
    """The patient's status changed under us; read again and retry."""


@dataclass(frozen=True)
class DueJob:
    """A job the due index says is due, before it is claimed."""

    patient_id: str
    job_id: str
    due_at: str


@dataclass(frozen=True)
class ClaimMiss:
    """A claim that failed because another dispatch moved the job; `stale_lease` when its lease lapsed."""

    stale_lease: bool


@dataclass(frozen=True)
class InboundSms:
    """One text from a patient's phone, as Twilio posted it."""

    message_sid: str
    from_number: str
    to_number: str
    body: str
    received_at: datetime


class Clock(Protocol):
    def now(self) -> datetime: ...


class SmsSender(Protocol):
    def send(self, to: str, body: str, status_callback: str) -> str:
        """Send one text; return the Twilio message SID or raise SendError."""

    def find_sent(self, to: str, body: str, since: datetime) -> str | None:
        """The SID of this text if it reached Twilio since `since` (after a lost answer), else None."""


class MailSender(Protocol):
    def send(self, to: str, subject: str, text: str, html: str) -> str:
        """Send one email; return the provider's message id or raise SendError."""


class Outbox(Protocol):
    def put_job(self, job: Job) -> None: ...
    def get_job(self, patient_id: str, job_id: str) -> Job | None: ...
    def due_jobs(self, now: datetime) -> Iterator[DueJob]: ...
    def next_due_after(self, moment: datetime) -> datetime | None: ...
    def claim(self, due: DueJob, now: datetime, lease_until: datetime) -> Job | ClaimMiss: ...
    def finish(self, job: Job, status: JobStatus, now: datetime, *, sid: str = "", error_code: str = "",
               body: str = "") -> None: ...
    def retry_later(self, job: Job, due_at: datetime, error_code: str, count_attempt: bool = True,
                    body: str = "") -> None: ...
    def record_delivery(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime) -> bool: ...


class Inbox(Protocol):
    def patient_for_phone(self, e164: str) -> "Patient | None": ...
    def save_inbound(self, sms: InboundSms, patient: "Patient | None", reply: str, flags: list[str],
                     new_status: "PatientStatus | None" = None) -> bool:
        """Store the text, its reply and any status change once per MessageSid; False when stored before."""
    def reply_for(self, message_sid: str) -> str | None: ...
    def cancel_pending_jobs(self, patient_id: str, now: datetime, kinds: set[str] | None = None) -> int: ...


class Patients(Protocol):
    def get_patient(self, patient_id: str) -> "Patient | None": ...
    def set_status(self, patient: "Patient", new: "PatientStatus", now: datetime) -> None: ...
    def cancel_pending_jobs(self, patient_id: str, now: datetime, kinds: set[str] | None = None) -> int: ...
