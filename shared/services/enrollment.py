"""Enrolling a patient: the provider's taper becomes a dated plan, and consent is asked by SMS first."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.domain import texts
from shared.domain.catalogs import DEFAULT as DEFAULT_LANGUAGE
from shared.domain.accounts import Caller, Role
from shared.domain.clinic_settings import ClinicSettings
from shared.domain.enrollment import Enrollment, default_checkin_time
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Channel, Job
from shared.domain.patients import Patient, PatientStatus
from shared.domain.plan import build_plan
from shared.domain.schedule import outside_quiet_hours
from shared.domain.sending import CONSENT_EXPIRES_AFTER, CONSENT_REMINDER_AFTER
from shared.errors import FieldsRefused, NotAllowed, NotFound, Refused  # noqa: F401 - NotAllowed is raised here
from shared.log import logger
from shared.services.ports import Accounts, Patients


class EnrollmentRefused(FieldsRefused):
    """Input the schema could not judge alone was wrong: errors keyed by the JSON field names."""


class PatientNotFound(NotFound):
    """No such patient in the caller's clinic (another clinic's patient is 'not found' too)."""

    public = "No such patient."


@dataclass
class EnrollmentService:
    patients: Patients
    accounts: Accounts

    def enroll(self, caller: Caller, data: dict[str, Any], now: datetime) -> Patient:
        """Store a validated enrollment and queue the welcome text; PhoneTaken when the number is in use on the
        clinic's sender (NumberUnavailable, saying nothing more, when another clinic's patient holds it). The
        patient keeps the sender they were enrolled on: their number is claimed there, and their replies reach it."""
        if not caller.may_enroll:
            raise NotAllowed("only clinic admins enroll patients")
        provider = self.accounts.get_user(data["provider_email"].strip().lower())
        if provider is None or provider.clinic_id != caller.clinic_id or provider.role is not Role.PROVIDER:
            raise EnrollmentRefused({"provider_email": ["Choose a provider of this clinic."]})
        clinic = self.accounts.get_clinic(caller.clinic_id)
        if clinic is None:
            raise NotFound(f"no clinic {caller.clinic_id}")
        _within_limits(clinic.settings, self.accounts.count_enrollment(caller.clinic_id, now))
        quiet = clinic.settings
        checkin_at = data.get("checkin_time")
        if checkin_at is None:  # not asked for: the default, or the end of quiet hours that now cover it
            data = {**data, "checkin_time": default_checkin_time(quiet.quiet_start, quiet.quiet_end)}
        elif checkin_at >= quiet.quiet_start or checkin_at < quiet.quiet_end:
            raise EnrollmentRefused({"checkin_time": [
                f"Choose a time outside the clinic's quiet hours ({quiet.quiet_start:%H:%M}-{quiet.quiet_end:%H:%M})."]})
        plan = build_plan(data["start_dose_mg"], data["step_mg"], data["step_days"], data["start_date"],
                          data["follow_up_days"])
        patient = Patient(
            patient_id=secrets.token_hex(8), clinic_id=caller.clinic_id, first_name=data["first_name"],
            last_name=data["last_name"], phone=data["phone"], timezone=data["timezone"],
            provider_email=provider.email, dose_time=data["dose_time"], plan=plan,
            status=PatientStatus.AWAITING_CONSENT, created_at=now, notes=data.get("notes") or "",
            language=data.get("language") or DEFAULT_LANGUAGE, sender=clinic.settings.sender,
            enrollment=Enrollment.of_request(data, clinic.name, clinic.contact_phone, clinic.settings, caller.email))
        self.patients.enroll(patient, consent_jobs(patient, clinic.name, now))
        logger().info("patient enrolled", extra={"patient_id": patient.patient_id, "clinic_id": caller.clinic_id})
        return patient

    def countries_of(self, caller: Caller) -> tuple[str, ...]:
        """Where the caller's clinic may enroll patients' numbers (its setting; 988's countries by default)."""
        clinic = self.accounts.get_clinic(caller.clinic_id)
        return clinic.settings.countries if clinic else ClinicSettings().countries

    def list(self, caller: Caller, status: str | None = None) -> list[Patient]:
        return self.patients.patients_of_clinic(caller.clinic_id, status)

    def get(self, caller: Caller, patient_id: str) -> Patient:
        patient = self.patients.get_patient(patient_id)
        if patient is None or patient.clinic_id != caller.clinic_id:
            raise PatientNotFound(patient_id)
        return patient


def consent_jobs(patient: Patient, clinic_name: str, now: datetime) -> list[Job]:
    """The welcome text now, a reminder after 48 hours without a YES, and the expiry 48 hours later.
    The texts wait for the end of the clinic's quiet hours."""
    def job(kind: str, at: datetime, channel: Channel = Channel.SMS, body: str = "") -> Job:
        return Job.new(patient_id=patient.patient_id, channel=channel, kind=kind, to=patient.phone, send_at=at,
                       unique=secrets.token_hex(6), body=body)

    discreet = patient.clinic_settings.discreet_texts
    return [job(JobKind.WELCOME, outside_quiet_hours(patient, now),
                body=texts.welcome_text(clinic_name, patient.first_name, discreet, patient.language)),
            job(JobKind.CONSENT_REMINDER, outside_quiet_hours(patient, now + CONSENT_REMINDER_AFTER),
                body=texts.consent_reminder_text(clinic_name, discreet, patient.language)),
            job(JobKind.CONSENT_EXPIRY, now + CONSENT_EXPIRES_AFTER, channel=Channel.TASK)]


def consent_restart_jobs(patient: Patient, now: datetime, generation: str) -> list[Job]:
    """After STOP then START before any YES: the consent reminder and the expiry run again."""
    discreet = patient.clinic_settings.discreet_texts
    return [Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=JobKind.CONSENT_REMINDER, to=patient.phone,
                    send_at=outside_quiet_hours(patient, now + CONSENT_REMINDER_AFTER), unique=f"cr-{generation[-12:]}",
                    body=texts.consent_reminder_text(patient.clinic_name, discreet, patient.language)),
            Job.new(patient_id=patient.patient_id, channel=Channel.TASK, kind=JobKind.CONSENT_EXPIRY, to=patient.phone,
                    send_at=now + CONSENT_EXPIRES_AFTER, unique=f"ce-{generation[-12:]}")]


def _within_limits(settings: ClinicSettings, counts: tuple[int, int]) -> None:
    """Refuse an enrollment past the clinic's limits (this one counted): a leaked key cannot text without end."""
    this_minute, today = counts
    if this_minute > settings.enrollments_per_minute:
        raise EnrollmentRefused({"_clinic": [f"This clinic may enroll {settings.enrollments_per_minute} patients a "
                                             "minute: try again in a minute."]})
    if today > settings.enrollments_per_day:
        raise EnrollmentRefused({"_clinic": [f"This clinic may enroll {settings.enrollments_per_day} patients a day "
                                             "(UTC): try again tomorrow, or ask for a higher limit."]})
