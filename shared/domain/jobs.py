"""Outbox jobs: every outbound text or email is a job, written first and sent later by dispatch."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any

from shared.domain.job_kinds import Channel as Channel  # re-exported: jobs and channels go together
from shared.domain.job_kinds import rules_of


class JobStatus(str, Enum):
    PENDING = "pending"        # waiting for its moment, in the due index
    SENDING = "sending"        # claimed by one dispatch; in the due index at its lease end
    SENT = "sent"              # accepted by Twilio or SES; out of the due index
    FAILED = "failed"          # gave up: a permanent error or too many attempts
    EXPIRED = "expired"        # found too late to be worth sending
    UNCONFIRMED = "unconfirmed"  # claimed, then no word of the send: never resent blindly
    CANCELLED = "cancelled"    # no longer wanted (opted out, consent given or expired, plan changed)
    DONE = "done"              # a task job carried out


CLAIM_LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
RETRY_BACKOFF = (timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=5), timedelta(minutes=15))
# A dose reminder handed to Twilio ahead (services/scheduled_sends.py) is `sent` with this error code until Twilio
# releases it; within CANCEL_MARGIN of its minute it is left to go (a cancel might not reach Twilio in time).
HANDED_AHEAD = "scheduled"
AMBIGUOUS_AHEAD = "ambiguous_ahead"  # its hand-over's answer and the lookup after it were lost: Twilio may hold it
CANCEL_MARGIN = timedelta(minutes=2)


def held_at_twilio(job: "Job", now: datetime) -> bool:
    """Handed over ahead and far enough from its minute to be taken back: not gone yet."""
    return job.error_code == HANDED_AHEAD and job.status is JobStatus.SENT and not job.delivery_status \
        and job.send_at > now + CANCEL_MARGIN


def utc_iso(moment: datetime) -> str:
    """The canonical sortable form of a moment: ISO-8601 UTC to the second, with a Z."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: times must carry a zone")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str) -> datetime:
    """Read an ISO-8601 moment (Z or offset) as an aware UTC datetime."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment.astimezone(timezone.utc)


def shard_of(job_id: str, shards: int) -> int:
    """The due-index shard of a job: stable, spread evenly by the job id."""
    return zlib.crc32(job_id.encode()) % shards


def new_job_id(send_at: datetime, unique: str) -> str:
    """A job id that sorts by send time: 20270314T010000Z-<unique>."""
    return f"{send_at.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}-{unique}"


@dataclass(frozen=True)
class Job:
    """One outbound text or email and where it stands."""

    job_id: str
    patient_id: str
    channel: Channel
    kind: str
    to: str
    send_at: datetime
    expires_at: datetime
    body: str = ""
    subject: str = ""
    html: str = ""
    status: JobStatus = JobStatus.PENDING
    attempts: int = 0
    sid: str = ""
    error_code: str = ""
    delivery_status: str = ""
    finished_at: datetime | None = None
    meta: dict[str, Any] | None = None
    finished_seq: int = 0       # orders jobs finished within the same second

    def with_body(self, body: str) -> "Job":
        return replace(self, body=body)

    @classmethod
    def new(cls, *, patient_id: str, channel: Channel, kind: str, to: str, send_at: datetime,
            unique: str, body: str = "", subject: str = "", html: str = "", meta: dict[str, Any] | None = None) -> "Job":
        return cls(job_id=new_job_id(send_at, unique), patient_id=patient_id, channel=channel, kind=kind,
                   to=to, send_at=send_at, expires_at=send_at + rules_of(kind).expires_after, body=body, subject=subject, html=html,
                   meta=meta)

    def is_expired(self, now: datetime) -> bool:
        return now > self.expires_at

    def next_try(self, now: datetime) -> datetime | None:
        """When to try again after a passing failure, or None when attempts are used up."""
        if self.attempts >= MAX_ATTEMPTS:
            return None
        return now + RETRY_BACKOFF[min(self.attempts, len(RETRY_BACKOFF)) - 1]

    def with_status(self, status: JobStatus) -> "Job":
        return replace(self, status=status)


# Twilio's message statuses, in the order a message moves through them. A late callback never
# moves a job backwards (callbacks can arrive out of order).
DELIVERY_ORDER = {"accepted": 0, "queued": 1, "sending": 2, "sent": 3, "receiving": 3, "received": 4,
                  "delivered": 5, "undelivered": 5, "failed": 5, "read": 6, "canceled": 5}


def delivery_advances(current: str, new: str) -> bool:
    """True when a status callback of `new` moves the job on from `current`."""
    if new not in DELIVERY_ORDER:
        return False
    return DELIVERY_ORDER[new] > DELIVERY_ORDER.get(current, -1)
