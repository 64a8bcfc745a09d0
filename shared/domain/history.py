"""A patient's message history and where they stand today, in the clinic's words."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import Patient
from shared.domain.plan import Step


@dataclass(frozen=True)
class Message:
    at: datetime
    direction: str   # inbound | outbound
    body: str
    status: str
    kind: str


@dataclass(frozen=True)
class Standing:
    today: date
    current_dose_mg: Decimal | None
    next_step: Step | None


def local_today(patient: Patient, now: datetime) -> date:
    return now.astimezone(ZoneInfo(patient.timezone)).date()


def standing(patient: Patient, now: datetime) -> Standing:
    today = local_today(patient, now)
    return Standing(today, patient.plan.dose_on(today), patient.plan.next_step_after(today))


def messages(inbound_log: list[dict[str, Any]], jobs: list[Job]) -> list[Message]:
    """Texts both ways, oldest first: each inbound text with its reply, and each text job that went out."""
    from shared.domain.jobs import parse_utc

    # Within one second (a simulated clock stands still) the order the store wrote them in decides.
    found: list[tuple[datetime, int, int, Message]] = []
    for job in jobs:
        if job.channel is Channel.SMS and job.status is JobStatus.SENT:
            at = job.finished_at or job.send_at
            found.append((at, job.finished_seq, 0, Message(at, "outbound", job.body, job.delivery_status or "sent",
                                                           job.kind)))
    for item in inbound_log:
        at, seq = parse_utc(item["at"]), int(item.get("seq", 0))
        found.append((at, seq, 0, Message(at, "inbound", item.get("body", ""), "received",
                                          ",".join(item.get("flags", [])))))
        if item.get("reply"):
            found.append((at, seq, 1, Message(at, "outbound", item["reply"], "sent", "reply")))
    return [entry[-1] for entry in sorted(found, key=lambda entry: entry[:3])]
