"""The local stack's clinics: Demo Clinic on the deployment's default sender, and Lakeside Clinic on a number of its
own; each with one admin, one provider and one API key."""
from __future__ import annotations

from dataclasses import dataclass

from shared.domain.accounts import Role
from shared.domain.patients import Clinic

ADMIN_EMAIL = "admin@example.org"
PROVIDER_EMAIL = "provider@example.org"
SECOND_NAME = "Lakeside Clinic"
SECOND_ADMIN_EMAIL = "admin@lakeside.example.org"
SECOND_PROVIDER_EMAIL = "provider@lakeside.example.org"
SECOND_SENDER_NUMBER = "+15005550010"  # Lakeside's own Twilio number (the local Twilio endpoint sends from it)


@dataclass(frozen=True)
class Demo:
    clinic: Clinic
    admin_email: str
    admin_password: str
    provider_email: str
    provider_password: str
    api_key: str


def seed_demo_clinic(services, api_key: str = "", enrollments_per_minute: int = 0) -> Demo:
    """Create "Demo Clinic"; the API key is `api_key` when given, else a random one; its enrollment limits are the
    defaults unless `enrollments_per_minute` raises them (the local stack's fuzz tests enroll hundreds a minute)."""
    now = services.clock.now()
    accounts = services.accounts
    limits = ({"enrollments_per_minute": enrollments_per_minute,
               "enrollments_per_day": 100 * enrollments_per_minute} if enrollments_per_minute else {})
    clinic = accounts.create_clinic("Demo Clinic", "+1 212 555 0100", now,
                                   settings={"timezone": "America/New_York", **limits})
    _, admin_password = accounts.add_user(clinic.clinic_id, ADMIN_EMAIL, Role.ADMIN, "Avery Admin", now)
    _, provider_password = accounts.add_user(clinic.clinic_id, PROVIDER_EMAIL, Role.PROVIDER, "Dr. Priya Provider", now)
    key = accounts.create_api_key(clinic.clinic_id, "local", now, key=api_key or None)
    return Demo(clinic, ADMIN_EMAIL, admin_password, PROVIDER_EMAIL, provider_password, key)


def seed_second_clinic(services, api_key: str = "", enrollments_per_minute: int = 0,
                       sender_number: str = SECOND_SENDER_NUMBER) -> Demo:
    """Create "Lakeside Clinic", which texts from a number of its own: the same patient's number may be enrolled at
    both clinics, and each clinic hears only the texts sent to its own number."""
    now = services.clock.now()
    accounts = services.accounts
    limits = ({"enrollments_per_minute": enrollments_per_minute,
               "enrollments_per_day": 100 * enrollments_per_minute} if enrollments_per_minute else {})
    clinic = accounts.create_clinic(SECOND_NAME, "+1 312 555 0100", now, settings={
        "timezone": "America/Chicago", "sender_number": sender_number, **limits})
    _, admin_password = accounts.add_user(clinic.clinic_id, SECOND_ADMIN_EMAIL, Role.ADMIN, "Lee Admin", now)
    _, provider_password = accounts.add_user(clinic.clinic_id, SECOND_PROVIDER_EMAIL, Role.PROVIDER,
                                             "Dr. Lane Provider", now)
    key = accounts.create_api_key(clinic.clinic_id, "local", now, key=api_key or None)
    return Demo(clinic, SECOND_ADMIN_EMAIL, admin_password, SECOND_PROVIDER_EMAIL, provider_password, key)
