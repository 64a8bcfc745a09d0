"""Hostile-input fixtures: the app world of tests/app (two clinics on moto server), per test or per module."""
from __future__ import annotations

import uuid

import pytest

from shared.config import Settings
from tests.app.conftest import NOW, World  # noqa: F401  (NOW for the tests here)
from tests.app.conftest import world  # noqa: F401  (the per-test fixture, shared)


def build_world(settings: Settings) -> World:
    """The same two clinics as tests/app's `world`, on a table of the given settings."""
    from functions.web.app import create_app
    from local.seed import seed_demo_clinic
    from local.table_definition import create_table
    from shared.domain.accounts import Role
    from shared.wiring import aws_client, build_services
    from tests.fakes import FakeMail, FakeSms, FixedClock

    create_table(aws_client(settings, "dynamodb"), settings.table_name)
    sms = FakeSms()
    services = build_services(settings, clock=FixedClock(NOW), sms=sms, mail=FakeMail(),
                              twilio_auth_token="test-token", app_secret="test-app-secret")
    demo = seed_demo_clinic(services, "demo-key")
    other = services.accounts.create_clinic("Other Clinic", "+1 312 555 0100", NOW)
    _, other_password = services.accounts.add_user(other.clinic_id, "admin@other.example", Role.ADMIN, "O", NOW)
    services.accounts.add_user(other.clinic_id, "dr@other.example", Role.PROVIDER, "Dr O", NOW)
    other_key = services.accounts.create_api_key(other.clinic_id, "other", NOW)
    app = create_app(services)
    return World(app.test_client(), services, demo, other_key, ("admin@other.example", other_password), sms)


def settings_on(moto_endpoint: str, **changes) -> Settings:
    """Settings like tests/conftest.py's `local_settings`, with a fresh table name."""
    values = dict(mode="local", table_name=f"t-{uuid.uuid4().hex[:12]}", aws_endpoint_url=moto_endpoint,
                  public_base_url="https://taper.example", twilio_account_sid="AC" + "1" * 32,
                  twilio_auth_token="test-token", twilio_from_number="+15005550006", due_shards=4)
    return Settings(**{**values, **changes})


@pytest.fixture(scope="module")
def module_world(moto_endpoint) -> World:
    """One world for a whole module, for tests that only read or whose writes do not matter to each other."""
    return build_world(settings_on(moto_endpoint))
