"""Patients and the states of their taper, as the clinic names them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from enum import Enum

from shared.domain.plan import Plan


class PatientStatus(str, Enum):
    AWAITING_CONSENT = "awaiting_consent"
    ACTIVE = "active"
    OPTED_OUT = "opted_out"
    CONSENT_EXPIRED = "consent_expired"
    COMPLETED = "completed"


# A number whose patient is in one of these states may be enrolled again.
PLAN_OVER = {PatientStatus.CONSENT_EXPIRED, PatientStatus.COMPLETED}


@dataclass(frozen=True)
class Clinic:
    clinic_id: str
    name: str
    contact_phone: str = ""
    settings: dict = field(default_factory=dict)


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
    enrollment: dict = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
