"""Drives `make dev`'s stack over HTTP through the dev routes, as a person or our acceptance checks would."""
import time
from urllib.parse import quote

import requests

from tests.e2e.conftest import START

PATIENT = "+15557654321"


def test_the_tick_sends_a_job_due_now_without_moving_the_clock(dev_stack):
    # Enrolling queues the welcome text due now; only the background tick (every 1 s here) sends it
    now = requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"]
    requests.post(dev_stack + "/api/patients", headers={"Authorization": "Bearer e2e-key"}, timeout=10, json={
        "first_name": "Tia", "last_name": "Tick", "phone": "(212) 555-0177", "timezone": "America/Chicago",
        "provider_email": "provider@example.org", "start_dose_mg": 1, "consent": True}).raise_for_status()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not requests.get(
            f"{dev_stack}/dev/messages?to={quote('+12125550177')}", timeout=5).json()["messages"]:
        time.sleep(0.2)
    sent = requests.get(f"{dev_stack}/dev/messages?to={quote('+12125550177')}", timeout=5).json()["messages"]
    assert len(sent) == 1 and sent[0]["created_at"] == now
    assert requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"] == now


def test_clock_starts_at_dev_start_time_and_stands_still(dev_stack):
    first = requests.get(dev_stack + "/dev/clock", timeout=5).json()
    time.sleep(1.2)
    # (this file's earlier tests never move the clock; pytest runs a file in order, on one worker)
    assert requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"] == first["now"] == START


def test_forged_webhook_is_refused_and_nothing_is_sent(dev_stack):
    before = requests.get(dev_stack + "/dev/messages", timeout=5).json()["messages"]
    form = {"From": PATIENT, "To": "+15005550006", "Body": "HELP", "MessageSid": "SMforged",
            "AccountSid": "AC00000000000000000000000000000001", "NumMedia": "0"}
    for headers in ({}, {"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}):
        response = requests.post(dev_stack + "/sms/inbound", data=form, headers=headers, timeout=5)
        assert response.status_code == 403
    assert requests.get(dev_stack + "/dev/messages", timeout=5).json()["messages"] == before


def test_help_from_the_phone_simulator_is_answered_and_recorded_as_sent(dev_stack):
    answer = requests.post(dev_stack + "/dev/phone", json={"from": PATIENT, "body": "help"}, timeout=15).json()
    assert answer["status"] == 200
    assert "LDN taper texts. Msg freq varies" in answer["reply"] and "STOP" in answer["reply"]
    sent = requests.get(f"{dev_stack}/dev/messages?to={quote(PATIENT)}", timeout=5).json()["messages"]
    assert sent[-1]["body"] == answer["reply"]
    assert set(sent[-1]) == {"sid", "to", "from", "body", "status", "created_at"}
    assert sent[-1]["to"] == PATIENT and sent[-1]["from"] == "+15005550006"
    assert sent[-1]["created_at"].endswith("Z")


def test_crisis_text_gets_988_from_the_simulator(dev_stack):
    answer = requests.post(dev_stack + "/dev/phone", json={"from": PATIENT, "body": "i want to end it all"},
                           timeout=15).json()
    assert answer["status"] == 200 and "988" in answer["reply"]


def test_phone_simulator_rejects_a_bad_number_clearly(dev_stack):
    response = requests.post(dev_stack + "/dev/phone", json={"from": "555-1234", "body": "hi"}, timeout=5)
    assert response.status_code == 400 and "E.164" in response.json()["message"]


def test_clock_moves_forward_only_and_reports_dispatch(dev_stack):
    now = requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"]
    moved = requests.post(dev_stack + "/dev/clock", json={"advance_minutes": 90}, timeout=30)
    assert moved.status_code == 200
    body = moved.json()
    assert body["now"] > now and {"sent", "failed", "expired"} <= set(body["dispatch"])
    back = requests.post(dev_stack + "/dev/clock", json={"now": now}, timeout=5)
    assert back.status_code == 409
    assert requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"] == body["now"]


def test_email_outbox_and_dev_page_are_served(dev_stack):
    assert requests.get(dev_stack + "/dev/emails", timeout=5).json() == {"emails": []}
    page = requests.get(dev_stack + "/dev", timeout=5)
    assert page.status_code == 200 and "Email outbox" in page.text and "+1 hour" in page.text


import pytest  # noqa: E402


@pytest.mark.parametrize("path, body, content_type", [
    ("/dev/phone", '["from"]', "application/json"), ("/dev/phone", '"x"', "application/json"),
    ("/dev/phone", "{bad", "application/json"), ("/dev/phone", "from=+1555", "application/x-www-form-urlencoded"),
    ("/dev/clock", '["now"]', "application/json"), ("/dev/clock", '"advance_minutes"', "application/json"),
    ("/dev/clock", '{"advance_minutes": 1e12}', "application/json"),
    ("/dev/clock", '{"advance_minutes": NaN}', "application/json"),
    ("/dev/clock", '{"advance_minutes": "60"}', "application/json"),
    ("/dev/clock", '{"now": "2027-03-14T12:00:00"}', "application/json"),
    ("/dev/clock", '{"now": "99999-01-01T00:00:00Z"}', "application/json"), ("/dev/clock", "{}", "application/json"),
])
def test_hostile_dev_input_gets_a_clear_400_not_a_500(dev_stack, path, body, content_type):
    before = requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"]
    response = requests.post(dev_stack + path, data=body, headers={"Content-Type": content_type}, timeout=10)
    assert response.status_code == 400 and response.json()["message"]
    assert requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"] == before


def test_the_local_twilio_api_refuses_odd_credentials_and_senders(dev_stack):
    url = dev_stack + "/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json"
    odd = requests.post(url, auth=("\u00e9", "x"), data={"To": PATIENT, "From": "+15005550006", "Body": "x"}, timeout=5)
    assert odd.status_code == 401
    token = ("AC00000000000000000000000000000001", "local-twilio-auth-token")
    stranger = requests.post(url, auth=token, data={"To": PATIENT, "From": "+15559998888", "Body": "x"}, timeout=5)
    assert stranger.status_code == 400 and stranger.json()["code"] == 21606
    nobody = requests.post(url, auth=token, data={"To": PATIENT, "Body": "x"}, timeout=5)
    assert nobody.status_code == 400 and nobody.json()["code"] == 21603


def test_sub_second_times_are_whole_seconds_so_a_shown_time_can_be_posted_back(dev_stack):
    now = requests.get(dev_stack + "/dev/clock", timeout=5).json()["now"]
    later = now.replace("Z", ".5Z")
    moved = requests.post(dev_stack + "/dev/clock", json={"now": later}, timeout=10).json()["now"]
    assert requests.post(dev_stack + "/dev/clock", json={"now": moved}, timeout=10).status_code == 200
