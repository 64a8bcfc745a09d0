"""Two clinics, two numbers (issue 15), on the local stack as `make dev` runs it: Demo Clinic texts from the default
sender, Lakeside Clinic from its own number; one person is a patient of both, and each clinic hears only the
texts sent to its number. Through HTTP only: the API, the phone simulator's routes and the local Twilio endpoint."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests

from local.seed import SECOND_PROVIDER_EMAIL, SECOND_SENDER_NUMBER
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York, 09:00 in Chicago
PHONE = "+12125550161"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "two-numbers-key")
    yield running
    running.stop()


def api(stack, method: str, path: str, key: str, **kwargs) -> requests.Response:
    return requests.request(method, stack.base_url + path, headers={"Authorization": f"Bearer {key}"}, timeout=30,
                            **kwargs)


def enroll(stack, key: str, provider: str, zone: str) -> str:
    body = {"first_name": "Sam", "last_name": "Reyes", "phone": PHONE, "timezone": zone, "provider_email": provider,
            "start_dose_mg": 4.5, "step_mg": 1, "step_days": 4, "dose_time": "21:00", "start_date": "2027-06-02",
            "consent": True}
    created = api(stack, "POST", "/api/patients", key, json=body)
    assert created.status_code == 201, created.text
    return created.json()["id"]


def texted(stack, body: str, to: str = "", sender: str = PHONE) -> str:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": sender, "body": body, "to": to}, timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["reply"]


def status(stack, key: str, patient_id: str) -> str:
    return api(stack, "GET", f"/api/patients/{patient_id}", key).json()["status"]


def test_one_person_at_two_clinics_hears_each_from_its_number_and_answers_each_there(stack):
    default, demo_key, lake_key = stack.settings.twilio_from_number, stack.demo.api_key, stack.second.api_key
    assert lake_key == "two-numbers-key-lakeside" and stack.second.clinic.settings.sender_number == SECOND_SENDER_NUMBER
    demo = enroll(stack, demo_key, "provider@example.org", "America/New_York")
    lake = enroll(stack, lake_key, SECOND_PROVIDER_EMAIL, "America/Chicago")
    # When the welcome texts go out through the local Twilio endpoint
    move_clock(stack, advance_minutes=1)
    welcomes = requests.get(stack.base_url + "/dev/messages", params={"to": PHONE}, timeout=30).json()["messages"]
    by_sender = {m["from"]: m["body"] for m in welcomes}
    # Then each clinic's welcome came from its own number
    assert set(by_sender) == {default, SECOND_SENDER_NUMBER}
    assert by_sender[default].startswith("Demo Clinic") and by_sender[SECOND_SENDER_NUMBER].startswith("Lakeside")
    # When the person answers YES to Lakeside's number only
    reply = texted(stack, "YES", to=SECOND_SENDER_NUMBER)
    # Then Lakeside's taper starts (its reply from its number), Demo's still waits for its own YES
    assert "Thanks Sam" in reply
    assert status(stack, lake_key, lake) == "active" and status(stack, demo_key, demo) == "awaiting_consent"
    assert stack.network.sent(PHONE)[-1]["from"] == SECOND_SENDER_NUMBER
    # and STOP to the default number opts out of Demo Clinic only
    texted(stack, "STOP", to=default)
    assert status(stack, demo_key, demo) == "opted_out" and status(stack, lake_key, lake) == "active"
    # Each clinic's record shows the texts sent to its number, and neither clinic reads the other's patient
    lake_texts = [m["body"] for m in api(stack, "GET", f"/api/patients/{lake}", lake_key).json()["messages"]
                  if m.get("direction") == "inbound"]
    assert lake_texts == ["YES"]
    assert api(stack, "GET", f"/api/patients/{demo}", lake_key).status_code == 404
    # The simulator shows one thread per number the phone talks with
    threads = requests.get(stack.base_url + "/dev/threads", timeout=30).json()["threads"]
    assert [(t["service_number"], t["default"]) for t in threads if t["phone"] == PHONE] == [
        (default, True), (SECOND_SENDER_NUMBER, False)]
    assert SECOND_SENDER_NUMBER in requests.get(stack.base_url + "/dev", timeout=30).text


@pytest.mark.parametrize("to", ["", SECOND_SENDER_NUMBER])
def test_a_crisis_text_from_an_unknown_number_to_either_number_gets_988(stack, to):
    reply = texted(stack, "I want to kill myself", to=to, sender="+12125550999")
    assert "988" in reply and "911" in reply


def test_the_simulator_texts_only_the_services_numbers(stack):
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": PHONE, "body": "hi", "to": "+12125550000"},
                           timeout=30)
    assert answer.status_code == 400 and SECOND_SENDER_NUMBER in answer.text
