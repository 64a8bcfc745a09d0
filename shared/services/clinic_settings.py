"""A clinic's settings as its admins change them: checked together, written with who changed what (old -> new),
and read live from then on (services/live_settings.py). A change to what texts planned ahead carry (the clinic's
name, discreet wording, quiet hours) plans each patient's texts again, one task per patient run by dispatch."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Channel, Job, utc_iso
from shared.domain.patients import Clinic, Patient, PatientStatus, ProfileChange
from shared.domain.schedule import baseline_waits, plan_jobs
from shared.domain.settings_changes import changed_clinic, differences, replans
from shared.errors import Conflict, FieldsRefused, NotFound, StatusMoved
from shared.log import logger
from shared.services.consent import consent_reminder_again
from shared.services.live_settings import ClinicsNow
from shared.services.ports import Accounts, PatientsAndJobs
from shared.services.retry import on_fresh_record
from shared.services.scheduled_sends import taken_back

PLANNED_AGAIN = (PatientStatus.ACTIVE, PatientStatus.AWAITING_CONSENT)


class SettingsRefused(FieldsRefused):
    """Settings that break a rule together (quiet hours shorter than the federal window, say)."""


class SettingsStore(PatientsAndJobs, Accounts, Protocol):
    """The clinic, and its patients with their outbox (to plan their texts again)."""


@dataclass
class ClinicSettingsService:
    store: SettingsStore
    clinics_now: ClinicsNow
    cancels_scheduled: bool = False  # reminders are handed to Twilio ahead: a new generation takes the old ones back

    def read(self, clinic_id: str) -> Clinic:
        clinic = self.store.get_clinic(clinic_id)
        if clinic is None:
            raise NotFound("no such clinic")
        return clinic

    def history(self, clinic_id: str) -> list[dict[str, Any]]:
        """Who changed which setting from what to what, and when; newest first."""
        return self.store.settings_changes_of(clinic_id)

    def change(self, clinic_id: str, who: str, fields: dict[str, Any], now: datetime) -> Clinic:
        """Apply the given settings (read again if another change landed meanwhile); the clinic after."""
        for _ in range(3):
            clinic = self.read(clinic_id)
            try:
                changed = changed_clinic(clinic, fields)
            except ValueError as exc:
                raise SettingsRefused({_field_of(str(exc)): [str(exc)]}) from exc
            changes = differences(clinic, changed)
            if not changes:
                return clinic
            entry: dict[str, Any] = {"id": f"set-{secrets.token_hex(6)}", "who": who, "at": utc_iso(now), "changes": changes}
            if replans(changes):  # first: a change is never written without its re-plan queued
                self._plan_again(clinic_id, now)
            try:
                self.store.change_clinic(clinic, changed, entry, now)
            except StatusMoved:
                continue
            self.clinics_now.forget(clinic_id)
            logger().info("clinic settings changed", extra={"clinic_id": clinic_id, "settings": sorted(changes)})
            return replace(changed, version=clinic.version + 1)
        raise Conflict("The clinic's settings kept changing; please try again.")

    def _plan_again(self, clinic_id: str, now: datetime) -> None:
        """A task for each patient with texts planned ahead, at the minute after next (a request never spans two
        minute boundaries, so the change is written by then; if it never is, the re-plan changes nothing): dispatch
        writes them again with the settings as they are then. Changes within one minute share one task per patient
        (its id is the minute's), which reads them all."""
        at = now.replace(second=0, microsecond=0) + timedelta(minutes=2)
        patients = [p for status in PLANNED_AGAIN for p in self.store.patients_of_clinic(clinic_id, status.value)]
        self.store.put_jobs_once([Job.new(patient_id=p.patient_id, channel=Channel.TASK, kind=JobKind.SETTINGS_REPLAN,
                                          to=p.phone, send_at=at, unique="settings") for p in patients])

    def plan_again(self, job: Job, patient: Patient, now: datetime) -> None:
        """Task: the patient's texts still ahead, written again with their clinic's settings as they are now."""
        self.clinics_now.forget(patient.clinic_id)  # every change before the task's minute (a consistent read)
        on_fresh_record(self.store, patient.patient_id, lambda fresh: self._plan_again_for(fresh, now))

    def _plan_again_for(self, patient: Patient | None, now: datetime) -> None:
        if patient is None:
            return
        if patient.status is PatientStatus.ACTIVE and patient.plan_generation:
            generation = f"set-{secrets.token_hex(6)}"
            jobs = self.store.jobs_of(patient.patient_id)
            self.store.put_jobs_once([*taken_back(self.cancels_scheduled, patient.patient_id, now, generation),
                                      *plan_jobs(patient, now, generation, baseline=baseline_waits(patient, jobs))])
            self.store.apply_change(patient, ProfileChange(plan_generation=generation), now)
        elif patient.status is PatientStatus.AWAITING_CONSENT:
            consent_reminder_again(self.store, patient, now)


def _field_of(message: str) -> str:
    for word, name in (("clinic name", "name"), ("Quiet", "quiet_hours"), ("zone", "timezone"), ("mood", "safety_mood_at_or_below"),
                       ("retention", "retention_years")):
        if word in message:
            return name
    return "_schema"
