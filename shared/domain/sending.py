"""Whether a due job may still go out, given where its patient stands now (checked at send time)."""
from __future__ import annotations

from datetime import timedelta

from shared.domain.job_kinds import CONSENT_KINDS as CONSENT_KINDS  # re-exported
from shared.domain.job_kinds import Side, rules_of
from shared.domain.jobs import Channel, Job
from shared.domain.patients import PatientStatus

CONSENT_REMINDER_AFTER = timedelta(hours=48)
CONSENT_EXPIRES_AFTER = timedelta(hours=96)


def care_team_side(job: Job) -> bool:
    """Emails to staff and the care team's tasks: a patient's STOP or a refused number never cancels them."""
    return job.channel is Channel.EMAIL or rules_of(job.kind).side is Side.CARE_TEAM


def may_send(status: PatientStatus | None, kind: str) -> bool:
    """True when a job of this kind still makes sense for a patient in this state."""
    return status is not None and status in rules_of(kind).reaches


def addressed_elsewhere(job: Job, patient_phone: str) -> bool:
    """A job of the patient's side made for a number that is no longer theirs (their phone changed since): it
    goes to nobody. The care team's side (emails, the plan's end) runs whatever the number."""
    return not care_team_side(job) and job.to != patient_phone
