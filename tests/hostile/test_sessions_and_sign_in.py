"""Issue 15's security findings, tried as an attacker would (on moto): a deleted or deactivated admin's open
session still worked and its role was never read again; every request pushed a session's end out another
12 hours; 24 parallel guesses were all checked against the password. Now each request reads the user again, a
session lasts 12 hours at most, and sign-in attempts are counted atomically before the password is checked."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

import pytest

from shared.domain.accounts import Role
from shared.errors import NotSignedIn, Throttled
from tests.app.conftest import enrollment
from tests.hostile.conftest import NOW


def signed_in_admin(world):
    assert world.sign_in(world.demo.admin_email, world.demo.admin_password).status_code == 302
    assert world.client.get("/patients").status_code == 200


def goes_to_sign_in(response) -> bool:
    return response.status_code == 302 and response.location.startswith("/login")


def change_user(world, email, **changes):
    store = world.services.store
    store.save_user(replace(store.get_user(email), **changes))


def test_a_deactivated_admins_open_session_ends_at_its_next_request(world):
    signed_in_admin(world)
    change_user(world, world.demo.admin_email, active=False)
    assert goes_to_sign_in(world.client.get("/patients"))
    assert goes_to_sign_in(world.client.get("/patients"))  # the session is gone, not just refused once
    assert world.sign_in(world.demo.admin_email, world.demo.admin_password).status_code == 401


def test_a_role_taken_away_applies_to_an_open_session_at_once(world):
    signed_in_admin(world)
    assert world.client.get("/patients/new").status_code == 200
    change_user(world, world.demo.admin_email, role=Role.PROVIDER)
    assert world.client.get("/patients/new").status_code == 403
    assert "Enroll a patient" not in world.client.get("/patients").get_data(as_text=True)


def test_a_password_changed_elsewhere_ends_the_sessions_signed_in_before(world):
    signed_in_admin(world)
    change_user(world, world.demo.admin_email, password_changed_at=NOW + timedelta(minutes=1))
    world.services.clock.set(NOW + timedelta(minutes=2))
    assert goes_to_sign_in(world.client.get("/patients"))


def test_a_session_lasts_twelve_hours_at_most_however_busy(world):
    signed_in_admin(world)
    for hours in range(1, 12):
        world.services.clock.set(NOW + timedelta(hours=hours))
        assert world.client.get("/patients").status_code == 200, hours
    world.services.clock.set(NOW + timedelta(hours=12))
    assert goes_to_sign_in(world.client.get("/patients"))


def test_a_deleted_users_session_ends(world):
    signed_in_admin(world)
    store = world.services.store
    client, table = store.client, world.services.settings.table_name
    client.delete_item(TableName=table, Key={"PK": {"S": f"USER#{world.demo.admin_email}"}, "SK": {"S": "USER"}})
    assert goes_to_sign_in(world.client.get("/patients"))
    assert world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0190")).status_code == 201  # keys go on


def test_24_parallel_guesses_get_five_password_checks_and_the_rest_are_throttled(world):
    accounts = world.services.accounts

    def guess(n: int) -> str:
        try:
            accounts.sign_in(world.demo.provider_email, f"guess-{n}", NOW)
        except Throttled:
            return "throttled"
        except NotSignedIn:
            return "checked"
        return "signed in"

    with ThreadPoolExecutor(24) as pool:
        outcomes = list(pool.map(guess, range(24)))
    assert outcomes.count("checked") == 5 and outcomes.count("throttled") == 19
    with pytest.raises(Throttled):  # the right password too, until the window ends
        accounts.sign_in(world.demo.provider_email, world.demo.provider_password, NOW + timedelta(minutes=1))
    assert accounts.sign_in(world.demo.provider_email, world.demo.provider_password, NOW + timedelta(minutes=16))
