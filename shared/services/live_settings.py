"""Patients read with their clinic's settings, name and phone as they are now, not as they were at enrollment.

Every decision about a patient (quiet hours, texts' wording and the clinic's name, escalation thresholds and
address, acknowledgement deadlines, hold on escalation, the safety question's mood) reads `patient.clinic_settings`;
the wiring wraps the store so those are the clinic's current ones. Each process keeps a clinic for `fresh_for`
seconds (a change reaches every running function within that time; the process that made it at once), so an answer
still costs no extra read.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any, Callable, Protocol

from shared.domain.patients import Clinic, Patient

FRESH_FOR_SECONDS = 60.0


class ClinicReader(Protocol):
    def get_clinic(self, clinic_id: str) -> Clinic | None: ...


class ClinicsNow:
    """Clinics as stored, each read again once `fresh_for` seconds old (`monotonic` is the process's clock)."""

    def __init__(self, clinics: ClinicReader, monotonic: Callable[[], float], fresh_for: float = FRESH_FOR_SECONDS):
        self.clinics, self.monotonic, self.fresh_for = clinics, monotonic, fresh_for
        self._read: dict[str, tuple[float, Clinic | None]] = {}
        self._lock = threading.Lock()

    def get(self, clinic_id: str) -> Clinic | None:
        now = self.monotonic()
        with self._lock:
            found = self._read.get(clinic_id)
        if found and now - found[0] < self.fresh_for:
            return found[1]
        clinic = self.clinics.get_clinic(clinic_id)
        with self._lock:
            self._read[clinic_id] = (now, clinic)
        return clinic

    def forget(self, clinic_id: str) -> None:
        """Read the clinic again next time (its settings just changed, or a task must see them as they are)."""
        with self._lock:
            self._read.pop(clinic_id, None)

    def applied(self, patient: Patient | None) -> Patient | None:
        """The patient with the clinic's current name, phone and settings (as they are when the clinic is gone)."""
        clinic = self.get(patient.clinic_id) if patient is not None else None
        if patient is None or clinic is None:
            return patient
        enrollment = replace(patient.enrollment, clinic_name=clinic.name, clinic_phone=clinic.contact_phone,
                             settings=clinic.settings)
        return replace(patient, enrollment=enrollment)


class LiveStore:
    """The store, whose patients come with their clinic as it is now (ClinicsNow); everything else as the store."""

    def __init__(self, store: Any, clinics: ClinicsNow):
        self._store, self.clinics_now = store, clinics

    def get_patient(self, patient_id: str) -> Patient | None:
        return self.clinics_now.applied(self._store.get_patient(patient_id))

    def patient_for_phone(self, e164: str, sender: str = "") -> Patient | None:
        return self.clinics_now.applied(self._store.patient_for_phone(e164, sender))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)
