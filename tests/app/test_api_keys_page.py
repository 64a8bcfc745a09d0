"""API keys for a clinic's admins (issue 15): create with a name (the key shown once), last used, revoke."""
from __future__ import annotations

import re
from datetime import timedelta

from tests.app.conftest import NOW, csrf_from
from tests.app.test_staff import admin_client


def create(client, label):
    return client.post("/api-keys", data={"label": label, "csrf_token": csrf_from(client.get("/api-keys"))})


def test_a_key_is_shown_once_then_listed_by_name_and_last_use(world):
    client = admin_client(world)
    made = create(client, "EHR sync")
    assert made.status_code == 201
    key = re.search(r'id="new-key" readonly value="(tl_[^"]+)"', made.get_data(True)).group(1)
    listed = client.get("/api-keys").get_data(True)
    assert key not in listed and "EHR sync" in listed and listed.count("Never") >= 1
    world.services.clock.set(NOW + timedelta(minutes=5))
    assert world.api("GET", "/api/patients", key=key).status_code == 200
    [ehr] = [k for k in world.services.accounts.api_keys(world.demo.clinic.clinic_id) if k.label == "EHR sync"]
    assert ehr.last_used_at == NOW + timedelta(minutes=5) and ehr.revoked_at is None
    world.services.clock.set(NOW + timedelta(minutes=30))  # within the hour: not written again
    world.api("GET", "/api/patients", key=key)
    [ehr] = [k for k in world.services.accounts.api_keys(world.demo.clinic.clinic_id) if k.label == "EHR sync"]
    assert ehr.last_used_at == NOW + timedelta(minutes=5)


def test_revoking_a_key_on_the_page_refuses_it_at_once(world):
    client = admin_client(world)
    key = re.search(r'value="(tl_[^"]+)"', create(client, "Old script").get_data(True)).group(1)
    [old] = [k for k in world.services.accounts.api_keys(world.demo.clinic.clinic_id) if k.label == "Old script"]
    revoked = client.post(f"/api-keys/{old.key_hash}/revoke", data={"csrf_token": csrf_from(client.get("/api-keys"))})
    assert revoked.status_code == 302 and "is revoked" in client.get("/api-keys").get_data(True)
    assert world.api("GET", "/api/patients", key=key).status_code == 401
    assert "Revoked" in client.get("/api-keys").get_data(True)


def test_a_key_needs_a_name_and_another_clinics_key_cannot_be_revoked(world):
    client = admin_client(world)
    assert create(client, "   ").status_code == 400
    other = world.services.accounts.api_keys(world.services.accounts.caller_for_api_key(world.other_key).clinic_id)
    attempt = client.post(f"/api-keys/{other[0].key_hash}/revoke", data={"csrf_token": csrf_from(client.get("/api-keys"))})
    assert attempt.status_code == 404 and world.api("GET", "/api/patients", key=world.other_key).status_code == 200


def test_requests_with_a_key_write_its_last_use_at_most_once_an_hour(world):
    updates: list[str] = []
    world.services.store.client.meta.events.register(
        "before-parameter-build.dynamodb.UpdateItem", lambda params, **_: updates.append(params["Key"]["PK"]["S"]))
    for minute in (0, 10, 20):
        world.services.clock.set(NOW + timedelta(minutes=minute))
        assert world.api("GET", "/api/patients").status_code == 200
    assert len([pk for pk in updates if pk.startswith(("APIKEY#", "CLINIC#"))]) == 2  # the key and its listing, once
