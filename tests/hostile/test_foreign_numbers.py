"""Issue 19's finding: one API key enrolled mobile numbers in Uzbekistan, Russia, Nigeria, the Philippines, the
Maldives and Mauritania, where the crisis reply's 988 does not answer. Now a clinic texts only the countries of
its setting, by default the United States and its territories and Canada: a clear 400 names them."""
from __future__ import annotations

import pytest

from shared.domain.accounts import Role
from tests.app.conftest import enrollment
from tests.hostile.conftest import NOW

ABROAD = ["+998 90 123 4567", "+7 912 345 6789", "+234 802 123 4567", "+63 917 123 4567", "+960 771 2345",
          "+222 22 12 34 56"]
AT_HOME = ["(212) 555-0123", "+1 416 555 0123", "+1 787 555 0123"]  # New York, Toronto, Puerto Rico


@pytest.mark.parametrize("phone", ABROAD)
def test_a_number_where_988_does_not_answer_is_refused_and_nothing_is_queued(world, phone):
    response = world.api("POST", "/api/patients", json=enrollment(phone=phone))
    assert response.status_code == 400
    assert "988" in response.get_json()["errors"]["phone"][0]
    assert world.api("GET", "/api/patients").get_json()["patients"] == [] and world.sms.sent == []


@pytest.mark.parametrize("phone", AT_HOME)
def test_the_united_states_its_territories_and_canada_are_enrolled(world, phone):
    assert world.api("POST", "/api/patients", json=enrollment(phone=phone)).status_code == 201


def test_a_clinic_that_allows_another_country_enrolls_there_and_not_elsewhere(world):
    svc = world.services
    clinic = svc.accounts.create_clinic("London Clinic", "+1 212 555 0112", NOW, settings={"countries": ["GB"]})
    svc.accounts.add_user(clinic.clinic_id, "dr@london.example", Role.PROVIDER, "Dr L", NOW)
    key = svc.accounts.create_api_key(clinic.clinic_id, "l", NOW)
    british = enrollment(phone="+44 7400 123456", provider_email="dr@london.example", timezone="Europe/London")
    assert world.api("POST", "/api/patients", key=key, json=british).status_code == 201
    american = world.api("POST", "/api/patients", key=key, json={**british, "phone": "(212) 555-0124"})
    assert american.status_code == 400 and "GB only" in american.get_json()["errors"]["phone"][0]


def test_a_clinics_countries_are_two_letter_codes():
    from shared.domain.clinic_settings import ClinicSettings

    assert ClinicSettings.from_dict({"countries": ["us", "ca"]}).countries == ("US", "CA")
    for wrong in ([], ["USA"], ["1"]):
        with pytest.raises(ValueError, match="two-letter"):
            ClinicSettings.from_dict({"countries": wrong})
