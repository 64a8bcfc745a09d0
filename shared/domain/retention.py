"""How long a finished patient's data is kept, and when it may be erased on request."""
from __future__ import annotations

from datetime import date

from shared.domain.patients import Patient, PatientStatus

FINISHED = frozenset({PatientStatus.COMPLETED, PatientStatus.CONSENT_EXPIRED, PatientStatus.OPTED_OUT})


def years_after(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def kept_until(patient: Patient, today: date) -> date:
    """The day a finished patient's data may go: the clinic's retention years after their last dose (after
    today, for a patient who never took one: consent never given)."""
    last_dose = patient.plan.last_dose_date if patient.consented_at else today
    return years_after(min(last_dose, today), patient.clinic_settings.retention_years)


def erasable(patient: Patient, today: date) -> bool:
    """A patient's data may be erased on request once they are done with the service: completed, consent
    expired, opted out, or their taper ended (no dose left after today)."""
    return patient.status in FINISHED or (patient.status is PatientStatus.ACTIVE
                                          and patient.plan.last_dose_date <= today)
