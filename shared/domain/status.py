"""Where a patient stands in their taper, as the clinic names it."""
from __future__ import annotations

from enum import Enum


class PatientStatus(str, Enum):
    AWAITING_CONSENT = "awaiting_consent"
    ACTIVE = "active"
    OPTED_OUT = "opted_out"
    CONSENT_EXPIRED = "consent_expired"
    COMPLETED = "completed"
