"""A whole app over DynamoDB on moto, with two clinics, for API and page tests."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

from functions.web.app import create_app
from local.seed import seed_demo_clinic
from shared.domain.accounts import Role
from shared.wiring import build_services
from tests.fakes import FakeMail, FakeSms, FixedClock

NOW = datetime(2027, 1, 3, 17, 0, tzinfo=timezone.utc)  # noon in New York


@dataclass
class World:
    client: object
    services: object
    demo: object
    other_key: str
    other_admin: tuple[str, str]
    sms: FakeSms

    def api(self, method, path, key=None, **kwargs):
        headers = {"Authorization": f"Bearer {key or self.demo.api_key}"}
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def sign_in(self, email, password):
        token = csrf_from(self.client.get("/login"))
        return self.client.post("/login", data={"email": email, "password": password, "csrf_token": token})


def csrf_from(response) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True))
    assert found, "page has no CSRF token"
    return found.group(1)


@pytest.fixture
def world(local_settings, dynamodb):
    sms = FakeSms()
    services = build_services(local_settings, clock=FixedClock(NOW), sms=sms, mail=FakeMail(),
                              twilio_auth_token="test-token", app_secret="test-app-secret")
    demo = seed_demo_clinic(services, "demo-key")
    other = services.accounts.create_clinic("Other Clinic", "+1 312 555 0100", NOW)
    _, other_password = services.accounts.add_user(other.clinic_id, "admin@other.example", Role.ADMIN, "O", NOW)
    services.accounts.add_user(other.clinic_id, "dr@other.example", Role.PROVIDER, "Dr O", NOW)
    other_key = services.accounts.create_api_key(other.clinic_id, "other", NOW)
    app = create_app(services)
    return World(app.test_client(), services, demo, other_key, ("admin@other.example", other_password), sms)


def enrollment(**changes) -> dict:
    body = {"first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 4.5, "step_mg": 1, "step_days": 4,
            "dose_time": "21:00", "start_date": "2027-01-04", "consent": True}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


# One bad value per case, with words the error must say: checked through the API and the form alike.
BAD_FIELDS = [
    ("phone", "555-1234", "phone"), ("phone", "+44 20 7946 0958", "not a mobile"), ("phone", "hello", "mobile number"),
    ("timezone", "Mars/Olympus", "IANA"), ("timezone", "", "IANA"),
    ("provider_email", "not-an-email", "email"), ("provider_email", "admin@example.org", "provider of this clinic"),
    ("provider_email", "dr@other.example", "provider of this clinic"),
    ("start_dose_mg", 0.4, "between 0.5 and 6"), ("start_dose_mg", 6.5, "between 0.5 and 6"),
    ("start_dose_mg", 2.125, "two decimals"), ("start_dose_mg", "lots", "valid"),
    ("step_mg", 0.2, "between 0.25 and 3"), ("step_mg", 3.5, "between 0.25 and 3"),
    ("step_days", 0, "between 1 and 30"), ("step_days", 31, "between 1 and 30"),
    ("dose_time", "9pm", "HH:MM"), ("dose_time", "24:00", "HH:MM"),
    ("start_date", "2027-01-02", "past"), ("start_date", "next week", "valid date"),
    ("follow_up_days", [0, 3], "1 to 365"), ("follow_up_days", [], "1 to 12"),
    ("consent", False, "must agree"), ("consent", None, "must agree"),
    ("first_name", "", "enter a name"), ("first_name", "   ", "enter a name"), ("first_name", "A" * 21, "1 to 20"),
    ("last_name", None, "required"), ("timezone", "localtime", "IANA"), ("start_date", "9999-12-01", "within 365"),
    ("checkin_time", "23:30", "quiet hours"), ("checkin_time", "07:00", "quiet hours"),
]
