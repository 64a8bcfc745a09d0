"""Issue 19's finding: NUL, ESC and U+202E (right-to-left override) were stored in names and notes and shown on
the pages, so a name could be made to read as another patient's. Now refused with a clear 400, by the API, the
form and the escalation note alike; a note keeps its tabs and line breaks."""
from __future__ import annotations

import pytest

from shared.services.ports import InboundSms
from tests.app.conftest import csrf_from, enrollment
from tests.hostile.conftest import NOW

TRICKS = [("first_name", "Ana\u202eznaD"), ("last_name", "Lopez\x00"), ("last_name", "Lo\x1b[8mpez"),
          ("notes", "see \u202eelif"), ("notes", "bell\x07"), ("first_name", "A\u200bna"), ("last_name", "Lopez\ufeff")]


@pytest.mark.parametrize("field,value", TRICKS, ids=[f"{f}:{v!r}" for f, v in TRICKS])
def test_the_api_refuses_control_and_format_characters_and_stores_nothing(world, field, value):
    response = world.api("POST", "/api/patients", json=enrollment(**{field: value}))
    assert response.status_code == 400
    assert "control or formatting characters" in " ".join(response.get_json()["errors"][field])
    assert world.api("GET", "/api/patients").get_json()["patients"] == []


def test_a_note_keeps_its_line_breaks_and_tabs(world):
    response = world.api("POST", "/api/patients", json=enrollment(notes="Line one\n\tLine two\r\n"))
    assert response.status_code == 201
    assert world.api("GET", f"/api/patients/{response.get_json()['id']}").get_json()["notes"] == "Line one\n\tLine two\r\n"


def test_the_form_refuses_a_right_to_left_override_next_to_the_field(world):
    world.sign_in(world.demo.admin_email, world.demo.admin_password)
    token = csrf_from(world.client.get("/patients/new"))
    form = {**{k: str(v) for k, v in enrollment(first_name="Ana\u202eznaD").items() if k != "consent"},
            "consent": "y", "csrf_token": token}
    response = world.client.post("/patients/new", data=form)
    assert response.status_code == 400
    assert "U+202E" in response.get_data(as_text=True)


def test_an_escalation_note_with_an_override_is_refused(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0190")).get_json()
    for sid, body in (("SMy", "YES"), ("SMc", "I want to end my life")):
        world.services.inbound.handle(InboundSms(sid, "+12125550190", "+15005550006", body, NOW))
    [escalation] = world.api("GET", "/api/escalations").get_json()["escalations"]
    assert escalation["patient_id"] == created["id"]
    refused = world.api("POST", f"/api/escalations/{escalation['id']}/resolve", json={"note": "ok\u202e"})
    assert refused.status_code == 400 and "note" in refused.get_json()["errors"]
    assert world.api("POST", f"/api/escalations/{escalation['id']}/resolve", json={"note": "Called.\nFine."}).status_code == 200


def test_the_escalation_page_refuses_an_override_in_the_note_and_keeps_the_escalation_open(world):
    world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0191"))
    for sid, body in (("SMy2", "YES"), ("SMc2", "I want to end my life")):
        world.services.inbound.handle(InboundSms(sid, "+12125550191", "+15005550006", body, NOW))
    [escalation] = world.api("GET", "/api/escalations").get_json()["escalations"]
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    token = csrf_from(world.client.get("/escalations"))
    world.client.post(f"/escalations/{escalation['id']}/resolve", data={"note": "fine\u202e", "csrf_token": token})
    assert "U+202E" in world.client.get("/escalations").get_data(as_text=True)  # the flash says why
    assert world.api("GET", "/api/escalations").get_json()["escalations"][0]["status"] == "open"
