"""A revoked API key stops working at once; only its own clinic can revoke it."""
from __future__ import annotations

from tests.hostile.conftest import NOW


def test_a_revoked_key_is_refused_and_the_clinics_other_keys_still_work(world):
    accounts = world.services.accounts
    clinic_id = world.demo.clinic.clinic_id
    spare = accounts.create_api_key(clinic_id, "spare", NOW)
    assert world.api("GET", "/api/patients", key=spare).status_code == 200

    assert accounts.revoke_api_key(clinic_id, spare, NOW) is True

    assert accounts.caller_for_api_key(spare) is None
    refused = world.api("GET", "/api/patients", key=spare)
    assert refused.status_code == 401 and "API key" in refused.get_json()["message"]
    assert world.api("GET", "/api/patients").status_code == 200  # the clinic's first key is untouched
    assert accounts.revoke_api_key(clinic_id, spare, NOW) is True  # revoking again changes nothing


def test_a_clinic_cannot_revoke_another_clinics_key_nor_an_unknown_one(world):
    accounts = world.services.accounts
    other_clinic = accounts.caller_for_api_key(world.other_key).clinic_id

    assert accounts.revoke_api_key(other_clinic, world.demo.api_key, NOW) is False
    assert accounts.revoke_api_key(other_clinic, "tl_never_issued", NOW) is False
    assert accounts.revoke_api_key(other_clinic, "", NOW) is False

    assert world.api("GET", "/api/patients").status_code == 200
