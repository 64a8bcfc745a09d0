"""Read, decide, write under the profile's version; when another writer got there first, read and decide again."""
from __future__ import annotations

from typing import Callable, TypeVar

from shared.domain.patients import Patient
from shared.errors import StatusMoved
from shared.services.ports import Patients

T = TypeVar("T")
TRIES = 3


def on_fresh_record(patients: Patients, patient_id: str, attempt: Callable[[Patient | None], T],
                    first: Patient | None = None, tries: int = TRIES) -> T:
    """`attempt(patient)` with `first` (or the stored record), then with the record read again after each
    StatusMoved; the last StatusMoved goes to the caller (a task runs again later, a webhook is retried)."""
    patient = first if first is not None else patients.get_patient(patient_id)
    for n in range(tries):
        try:
            return attempt(patient)
        except StatusMoved:
            if n == tries - 1:
                raise
            patient = patients.get_patient(patient_id)
    raise StatusMoved(patient_id)  # tries < 1
