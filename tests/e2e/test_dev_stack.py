"""Drives `make dev`'s stack over HTTP through the dev routes, as a person or our acceptance checks would."""
import time
from urllib.parse import quote

import requests

from tests.e2e.conftest import START

PATIENT = "+15557654321"


def test_clock_starts_at_dev_start_time_and_stands_still(dev_stack):
    first = requests.get(dev_stack + "/dev/clock", timeout=5).json()
    time.sleep(1.2)
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
    assert answer["reply"].startswith("LDN taper texts from") and "STOP" in answer["reply"]
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
