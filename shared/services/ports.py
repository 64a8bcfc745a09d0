"""The small ports the services talk through. Real adapters live in shared/adapters, fakes in tests."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator, Protocol

from shared.domain.jobs import Job, JobStatus


class SendError(Exception):
    """A send that did not go through. `retryable` says whether trying later can help."""

    def __init__(self, message: str, *, code: str = "", retryable: bool = False):
        super().__init__(message)
        self.code = code
        self.retryable = retryable


class StoreUnavailable(Exception):
    """The store could not be reached or refused the call for now."""


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


class MailSender(Protocol):
    def send(self, to: str, subject: str, text: str, html: str) -> str:
        """Send one email; return the provider's message id or raise SendError."""


class Outbox(Protocol):
    def put_job(self, job: Job) -> None: ...
    def get_job(self, patient_id: str, job_id: str) -> Job | None: ...
    def due_jobs(self, now: datetime) -> Iterator[DueJob]: ...
    def next_due_after(self, moment: datetime) -> datetime | None: ...
    def claim(self, due: DueJob, now: datetime, lease_until: datetime) -> Job | ClaimMiss: ...
    def finish(self, job: Job, status: JobStatus, now: datetime, *, sid: str = "", error_code: str = "") -> None: ...
    def retry_later(self, job: Job, due_at: datetime, error_code: str) -> None: ...
    def record_delivery(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime) -> bool: ...


class Inbox(Protocol):
    def patient_for_phone(self, e164: str) -> str | None: ...
    def save_inbound(self, sms: InboundSms, patient_id: str | None, reply: str, flags: list[str]) -> bool:
        """Store the text and its reply once per MessageSid; False when it was stored before."""
    def reply_for(self, message_sid: str) -> str | None: ...
