"""Whether a due job may still go out, given where its patient stands now (checked at send time)."""
from __future__ import annotations

from datetime import timedelta

from shared.domain.jobs import Channel, Job
from shared.domain.patients import PatientStatus

WELCOME = "welcome"
CONSENT_REMINDER = "consent_reminder"
CONSENT_EXPIRY = "consent_expiry"
CONSENT_KINDS = {WELCOME, CONSENT_REMINDER, CONSENT_EXPIRY}
CONSENT_REMINDER_AFTER = timedelta(hours=48)
CONSENT_EXPIRES_AFTER = timedelta(hours=96)


# the care team's side: any state
PROVIDER_KINDS = {"evaluate_checkin", "contact_request", "checkin_close", "escalation_overdue", "safety_check_timeout"}


def care_team_side(job: Job) -> bool:
    """Emails to staff and the care team's tasks: a patient's STOP or a refused number never cancels them."""
    return job.channel is Channel.EMAIL or job.kind in PROVIDER_KINDS


def may_send(status: PatientStatus | None, kind: str) -> bool:
    """True when a job of this kind still makes sense for a patient in this state."""
    if status is None:
        return False
    if kind in PROVIDER_KINDS:
        return True
    if status is PatientStatus.OPTED_OUT:
        return False
    if kind in CONSENT_KINDS:
        return status is PatientStatus.AWAITING_CONSENT
    if kind == "plan_complete":
        return status is PatientStatus.ACTIVE
    return status is not PatientStatus.AWAITING_CONSENT and status is not PatientStatus.CONSENT_EXPIRED
