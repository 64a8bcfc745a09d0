"""Patients and the states of their taper, as the clinic names them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from shared.domain.checkins import CheckIn
from shared.domain.clinic_settings import (
    ClinicSettings as ClinicSettings,  # re-exported
)
from shared.domain.enrollment import Enrollment, Pace
from shared.domain.jobs import Job
from shared.domain.plan import Plan
from shared.domain.safety_question import SafetyQuestion
from shared.domain.status import PatientStatus as PatientStatus  # re-exported

# A number whose patient is in one of these states may be enrolled again.
PLAN_OVER = {PatientStatus.CONSENT_EXPIRED, PatientStatus.COMPLETED}


@dataclass(frozen=True)
class Clinic:
    clinic_id: str
    name: str
    contact_phone: str = ""
    settings: ClinicSettings = field(default_factory=ClinicSettings)
    version: int = 0        # how many times its admins changed its settings (each change checks it)

    @property
    def timezone(self) -> str:
        """Where the clinic's staff are: pages show times in this zone."""
        return self.settings.timezone


@dataclass(frozen=True)
class Patient:
    patient_id: str
    clinic_id: str
    first_name: str
    last_name: str
    phone: str
    timezone: str
    provider_email: str
    dose_time: time
    plan: Plan
    status: PatientStatus
    created_at: datetime
    status_before_opt_out: PatientStatus | None = None
    consented_at: datetime | None = None
    notes: str = ""
    enrollment: Enrollment = field(default_factory=Enrollment)

    phone_problem: str = ""
    version: int = 0                     # optimistic lock for changes to the profile
    open_checkin: "CheckIn | None" = None
    checkins_paused_by: str = ""         # an unacknowledged crisis escalation holds check-ins
    last_checkin_at: datetime | None = None
    plan_generation: str = ""            # which set of plan jobs is live; older sets are dropped at send time
    held_since: str = ""                 # ISO date: no further step-down until a provider acts
    safety_question: "SafetyQuestion | None" = None  # asked, not yet answered YES or NO
    safety_no_at: datetime | None = None  # when the patient last answered the safety question NO
    open_escalations: dict[str, str] = field(default_factory=dict)  # reason -> open escalation texts add to
    kept_until: date | None = None       # a finished patient's data goes after this day (retention)
    language: str = "en"                 # the patient's texts: en or es (shared/domain/catalogs.LANGUAGES)
    open_levels: dict[str, str] = field(default_factory=dict)  # open escalation id -> urgent|overdue|routine (attention)
    sender: str = ""                     # the Twilio sender their texts go from and reach us on (domain/senders.py):
    # the clinic's own sender when they were enrolled, "" for the deployment's default; their number is theirs there

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def clinic_name(self) -> str:
        return self.enrollment.clinic_name

    @property
    def clinic_settings(self) -> ClinicSettings:
        """The clinic's settings as read with the patient: as they are now where the store reads them live
        (services/live_settings.py, as the wiring builds it), else as they were at enrollment."""
        return self.enrollment.settings


@dataclass(frozen=True)
class Escalation:
    escalation_id: str
    reasons: tuple[str, ...]
    severity: str            # urgent | routine
    status: str              # open | acknowledged | resolved
    created_at: datetime
    evidence: tuple[dict[str, Any], ...] = ()       # each finding: why, values, baseline, when, dose at the time
    last_emailed_at: datetime | None = None
    acknowledged_by: str = ""
    acknowledged_at: datetime | None = None
    resolved_by: str = ""
    resolved_at: datetime | None = None
    note: str = ""
    overdue_notified_at: datetime | None = None


REMOVE = "remove"


@dataclass(frozen=True)
class ProfileChange:
    """One conditional update of a patient's profile, and the items written with it, all or nothing."""

    new_status: PatientStatus | None = None
    checkin: CheckIn | str | None = None        # the open check-in's new state, REMOVE, or None (unchanged)
    finished: CheckIn | None = None              # a check-in that ended: kept as history
    escalation: Escalation | None = None
    pause_checkins_for: str | None = None
    plan_generation: str | None = None           # the plan jobs written for this change are now the live ones
    jobs: tuple[Job, ...] = ()                   # outbox jobs written with the change (emails, tasks)
    resume_checkins: bool = False                # a provider acknowledged the crisis that held them
    plan: Plan | None = None                     # a rewritten plan (provider action or hold)
    held_since: str | None = None                # ISO date the plan was held, "" to clear
    audit: dict[str, Any] | None = None                    # who, when, what, before and after
    add_evidence: tuple[tuple[str, dict[str, Any]], ...] = ()  # (open escalation id, a new finding for it), each
    safety_question: SafetyQuestion | str | None = None  # the open safety question's new state, REMOVE, or None
    safety_no_at: datetime | None = None         # the patient answered the safety question NO
    escalation_update: Escalation | None = None  # an existing escalation rewritten (acknowledged, resolved)
    forget_escalation: str = ""                  # reason whose open-escalation pointer goes (acknowledged)
    pace: Pace | None = None                     # the plan's new pace, kept in the enrollment
    escalations: tuple[Escalation, ...] = ()     # more new escalations (a check-in's findings, each its own)
    escalation_updates: tuple[Escalation, ...] = ()  # more existing escalations rewritten (new evidence)
    plan_over_while_opted_out: bool = False      # START brings them back completed; the number is free
    language: str | None = None                  # the patient's texts from now on in this language
    details: tuple[tuple[str, Any], ...] = ()     # edited fields: names, provider, notes, zone, dose and check-in times
    phone: str = ""                              # the patient's new number: its mapping moves with it, all or nothing

    @property
    def empty(self) -> bool:
        return not (self.new_status or self.checkin or self.finished or self.escalation or self.pause_checkins_for
                    or self.plan_generation or self.jobs or self.resume_checkins or self.plan
                    or self.held_since is not None or self.audit or self.add_evidence or self.safety_question
                    or self.safety_no_at or self.escalation_update or self.forget_escalation or self.pace or self.escalations
                    or self.escalation_updates or self.plan_over_while_opted_out or self.language
                    or self.details or self.phone)

    @property
    def opened(self) -> tuple[Escalation, ...]:
        """Every escalation the change opens: each item must be new."""
        return (*((self.escalation,) if self.escalation else ()), *self.escalations)

    @property
    def rewritten(self) -> tuple[Escalation, ...]:
        """Every existing escalation the change writes again."""
        return (*((self.escalation_update,) if self.escalation_update else ()), *self.escalation_updates)
