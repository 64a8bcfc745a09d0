"""The local stack's demo clinic: one admin, one provider, one API key."""
from __future__ import annotations

from dataclasses import dataclass

from shared.domain.accounts import Role
from shared.domain.patients import Clinic

ADMIN_EMAIL = "admin@example.org"
PROVIDER_EMAIL = "provider@example.org"


@dataclass(frozen=True)
class Demo:
    clinic: Clinic
    admin_email: str
    admin_password: str
    provider_email: str
    provider_password: str
    api_key: str


def seed_demo_clinic(services, api_key: str = "") -> Demo:
    """Create "Demo Clinic"; the API key is `api_key` when given, else a random one."""
    now = services.clock.now()
    accounts = services.accounts
    clinic = accounts.create_clinic("Demo Clinic", "+1 212 555 0100", now,
                                   settings={"timezone": "America/New_York"})
    _, admin_password = accounts.add_user(clinic.clinic_id, ADMIN_EMAIL, Role.ADMIN, "Avery Admin", now)
    _, provider_password = accounts.add_user(clinic.clinic_id, PROVIDER_EMAIL, Role.PROVIDER, "Dr. Priya Provider", now)
    key = accounts.create_api_key(clinic.clinic_id, "local", now, key=api_key or None)
    return Demo(clinic, ADMIN_EMAIL, admin_password, PROVIDER_EMAIL, provider_password, key)
