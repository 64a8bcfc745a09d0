"""Changes to a patient's record that are not plan actions: names, provider, notes, zone and times, language, number."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from shared.domain.jobs import utc_iso
from shared.domain.accounts import Role
from shared.domain.patients import Patient, PatientStatus, ProfileChange
from shared.domain.schedule import baseline_waits, plan_jobs, replanned
from shared.errors import Conflict, FieldsRefused, StatusMoved
from shared.log import logger
from shared.services.consent import consent_reminder_again
from shared.services.enrollment import PatientNotFound
from shared.services.phone_changes import move_phone
from shared.services.ports import Accounts, PatientsAndJobs
from shared.services.scheduled_sends import taken_back

TIMING = {"timezone", "dose_time", "checkin_time"}  # the fields that move texts already planned


class EditRefused(FieldsRefused):
    """A field refused for what the schema cannot say (not a provider of the clinic, inside quiet hours)."""


class EditStore(PatientsAndJobs, Accounts, Protocol):
    """Patients with their outbox, and the clinic's staff (a new provider must be one of them)."""


@dataclass
class PatientEditService:
    store: EditStore
    cancels_scheduled: bool = False  # reminders are handed to Twilio ahead: a new generation takes the old ones back

    def edit(self, clinic_id: str, who: str, patient_id: str, fields: dict[str, Any], now: datetime) -> Patient:
        """Apply the edited fields (read again if the record moved meanwhile); the patient as stored after."""
        for _ in range(3):
            patient = self.store.get_patient(patient_id)
            if patient is None or patient.clinic_id != clinic_id:
                raise PatientNotFound(patient_id)
            details = self._details(patient, {k: v for k, v in fields.items() if k not in ("language", "phone")})
            language, phone = fields.get("language"), fields.get("phone")
            try:
                if phone and phone != patient.phone:  # first: the patient awaits YES, so no texts are planned again
                    patient = move_phone(self.store, patient, phone, who, now, self.cancels_scheduled)
                if language and language != patient.language:
                    patient = self._relanguage(patient, language, who, now)
                if details:
                    patient = self._edit(patient, details, who, now)
                return patient
            except StatusMoved:
                continue
        raise Conflict("The patient's record kept changing; please try again.")

    def _details(self, patient: Patient, fields: dict[str, Any]) -> dict[str, Any]:
        """The fields that change, checked as enrollment checks them (a provider of the clinic; a check-in time
        outside quiet hours)."""
        current = {"first_name": patient.first_name, "last_name": patient.last_name, "notes": patient.notes,
                   "provider_email": patient.provider_email, "timezone": patient.timezone,
                   "dose_time": patient.dose_time, "checkin_time": patient.enrollment.checkin_time}
        changed = {k: v for k, v in fields.items() if k in current and v != current[k]}
        if "provider_email" in changed:
            changed["provider_email"] = changed["provider_email"].strip().lower()
            user = self.store.get_user(changed["provider_email"])
            if user is None or user.clinic_id != patient.clinic_id or user.role is not Role.PROVIDER or not user.active:
                raise EditRefused({"provider_email": ["Choose a provider of this clinic."]})
        quiet = patient.clinic_settings
        at = changed.get("checkin_time")
        if at and (at >= quiet.quiet_start or at < quiet.quiet_end):
            raise EditRefused({"checkin_time": [f"Choose a time outside the clinic's quiet hours "
                                                f"({quiet.quiet_start:%H:%M}-{quiet.quiet_end:%H:%M})."]})
        return changed

    def _edit(self, patient: Patient, details: dict[str, Any], who: str, now: datetime) -> Patient:
        """Write the fields; a new zone or dose or check-in time plans the texts still ahead again (a new
        generation), tonight's included once and only once."""
        updated = replace(patient, **{k: v for k, v in details.items() if k != "checkin_time"})
        if "checkin_time" in details:
            updated = replace(updated, enrollment=replace(updated.enrollment, checkin_time=details["checkin_time"]))
        generation = None
        if TIMING & set(details) and patient.status is PatientStatus.ACTIVE and patient.plan_generation:
            generation = f"edt-{secrets.token_hex(6)}"
            self.store.put_jobs_once([*taken_back(self.cancels_scheduled, patient.patient_id, now, generation),
                                      *replanned(patient, updated, self.store.jobs_of(patient.patient_id), now,
                                                 generation)])
        audit = {"id": f"edt-{secrets.token_hex(6)}", "who": who, "action": "edit", "at": utc_iso(now),
                 "fields": sorted(details)}  # which fields changed, not their values (names and notes are PHI)
        self.store.apply_change(patient, ProfileChange(details=tuple(sorted(details.items())), plan_generation=generation,
                                                       audit=audit), now)
        logger().info("patient edited", extra={"patient_id": patient.patient_id, "fields": sorted(details)})
        return self.store.get_patient(patient.patient_id) or updated

    def _relanguage(self, patient: Patient, language: str, who: str, now: datetime) -> Patient:
        """Texts from now on in `language`: replies at once; texts already queued are written again in it (a new
        generation of the plan's jobs for a running taper; the consent reminder while consent is awaited)."""
        updated = replace(patient, language=language)
        audit = {"id": f"lan-{secrets.token_hex(6)}", "who": who, "action": "language", "at": utc_iso(now),
                 "language": {"from": patient.language, "to": language}}
        generation = None
        if patient.status is PatientStatus.ACTIVE and patient.plan_generation:
            generation = f"lan-{secrets.token_hex(6)}"
            jobs = self.store.jobs_of(patient.patient_id)
            self.store.put_jobs_once([*taken_back(self.cancels_scheduled, patient.patient_id, now, generation),
                                      *plan_jobs(updated, now, generation, baseline=baseline_waits(patient, jobs))])
        elif patient.status is PatientStatus.AWAITING_CONSENT:
            consent_reminder_again(self.store, updated, now)
        self.store.apply_change(patient, ProfileChange(language=language, plan_generation=generation, audit=audit), now)
        logger().info("language changed", extra={"patient_id": patient.patient_id, "language": language})
        return self.store.get_patient(patient.patient_id) or updated
