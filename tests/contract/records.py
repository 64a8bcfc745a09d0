"""Records the contract tests write through the ports: whole seconds in UTC, as both stores keep them."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from shared.domain.checkins import COMPLETED, Answer, CheckIn
from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import Escalation, Patient
from tests.builders import a_patient

NOW = datetime(2027, 3, 10, 14, 0, tzinfo=timezone.utc)
LATER = NOW + timedelta(hours=1)


def enrolled(store, patient_id: str = "p1", phone: str = "+12125550123", **fields) -> Patient:
    """A patient enrolled through the port, as the store reads it back."""
    store.enroll(a_patient(patient_id, phone=phone, **fields), [])
    return store.get_patient(patient_id)


def a_job(unique: str = "j1", patient_id: str = "p1", kind: str = "dose_reminder", send_at: datetime = NOW,
          channel: Channel = Channel.SMS, **fields) -> Job:
    job = Job.new(patient_id=patient_id, channel=channel, kind=kind, to="+12125550123", send_at=send_at,
                  unique=unique, body=f"text {unique}")
    return replace(job, **fields)


def an_escalation(escalation_id: str = "e1", reason: str = "mood_change", status: str = "open",
                  created_at: datetime = NOW, **fields) -> Escalation:
    return Escalation(escalation_id, (reason,), "routine", status, created_at,
                      ({"why": reason, "values": [3, 7], "when": "2027-03-10"},), **fields)


def a_checkin(checkin_id: str = "ci1", started_at: datetime = NOW, **fields) -> CheckIn:
    return CheckIn(checkin_id, "step", started_at, Decimal("3.5"), position=1, last_activity=started_at,
                   answers={"mood": Answer(6, "6", "SM1", started_at)}, **fields)


def finished(checkin: CheckIn) -> CheckIn:
    return replace(checkin, status=COMPLETED, position=5)


def statuses(store, patient_id: str = "p1") -> dict[str, JobStatus]:
    return {job.job_id: job.status for job in store.jobs_of(patient_id)}


def everything_of(store, patient_id: str = "p1") -> tuple:
    """All a patient's records as the ports read them: a write that fails whole leaves this unchanged."""
    return (store.get_patient(patient_id), store.jobs_of(patient_id), store.escalations_of(patient_id),
            store.checkins_of(patient_id), store.audit_of(patient_id), store.messages_of_patient(patient_id))
