"""A clinic's numbers for its admins, and the counting that keeps them as things happen.

Counting: each service that makes a counted change (a first YES, a completed taper, a finished check-in) adds to
the clinic's running counts right after its change was stored, and only when its own write made the change (a
status move that happened, a text stored the first time, a version-guarded profile update), so a retried task or
a repeated text never counts twice. A count is a plain atomic ADD outside the change's transaction (counts of one
clinic never conflict with each other); if the store fails between the change and its count, the count is logged
and lost (a figure one short), never retried into a double count, and the patient's change stands.

The figures: patients by status and escalations (reasons, creation, acknowledgement) from Queries of the clinic
index; the patients ever held from the clinic's plan-change history (audit entries of action "hold", one per
distinct patient); the rest from the running counts. No Scan, and no patient read beyond the clinic index."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from shared.domain import clinic_numbers as figures
from shared.domain.checkins import CheckIn
from shared.domain.clinic_numbers import ClinicNumbers
from shared.domain.patients import Patient
from shared.errors import StoreUnavailable
from shared.log import logger
from shared.services.ports import ClinicCounters, ClinicFigures

HISTORY_START = datetime(2024, 1, 1, tzinfo=timezone.utc)   # before the service's first patient: all of history


def count(counters: ClinicCounters, clinic_id: str, names: tuple[str, ...]) -> None:
    """Add one to each named count of the clinic; a count the store fails to take is logged and lost."""
    for name in names:
        try:
            counters.count(clinic_id, name)
        except StoreUnavailable:
            logger().warning("clinic count lost", extra={"clinic_id": clinic_id, "count": name})


def count_completion(counters: ClinicCounters, patient: Patient, now: datetime) -> None:
    """A taper just moved to completed: count it, with its days from consent (or enrollment) to now."""
    days = figures.days_to_complete(patient.consented_at or patient.created_at, now, patient.timezone)
    count(counters, patient.clinic_id, figures.completion_counts(days))


def count_consent(counters: ClinicCounters, patient: Patient) -> None:
    """A patient awaiting consent just answered YES: their taper starts."""
    count(counters, patient.clinic_id, (figures.STARTED,))


def count_finished_checkin(counters: ClinicCounters, patient: Patient, checkin: CheckIn | None) -> None:
    """A check-in was just stored as finished (answered, expired or interrupted)."""
    if checkin is not None:
        count(counters, patient.clinic_id, figures.checkin_counts(checkin))


@dataclass
class ClinicNumbersService:
    store: ClinicFigures

    def numbers(self, clinic_id: str, now: datetime) -> ClinicNumbers:
        statuses = [p.status for p in self.store.patients_of_clinic(clinic_id)]
        held = {patient_id for patient_id, entry in
                self.store.plan_changes_of_clinic(clinic_id, HISTORY_START, now + timedelta(seconds=1))
                if entry.get("action") == "hold"}
        escalations = [e for _, e in self.store.escalations_of_clinic(clinic_id)]
        return figures.clinic_numbers(statuses, self.store.counters_of(clinic_id), held, escalations)
