"""Consent end to end on the local stack: enroll by API, welcome text, YES, active; silence expires."""
import time
from urllib.parse import quote

import requests

KEY = {"Authorization": "Bearer e2e-key"}


def enroll(base, phone, first_name="Ana"):
    response = requests.post(base + "/api/patients", headers=KEY, timeout=10, json={
        "first_name": first_name, "last_name": "Lopez", "phone": phone, "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 3, "consent": True})
    assert response.status_code == 201, response.text
    return response.json()


def texts_to(base, e164):
    return requests.get(f"{base}/dev/messages?to={quote(e164)}", timeout=5).json()["messages"]


def status_of(base, patient_id):
    return requests.get(f"{base}/api/patients/{patient_id}", headers=KEY, timeout=5).json()["status"]


def wait_for_texts(base, e164, count, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = texts_to(base, e164)
        if len(found) >= count:
            return found
        time.sleep(0.2)
    return texts_to(base, e164)


def test_enroll_welcome_yes_active(dev_stack):
    patient = enroll(dev_stack, "(212) 555-0142")
    assert patient["status"] == "awaiting_consent"
    # The welcome text goes out on the next scheduled tick, without touching the clock
    welcome = wait_for_texts(dev_stack, "+12125550142", 1)
    assert len(welcome) == 1 and "Reply YES to start, STOP to opt out" in welcome[0]["body"]
    assert welcome[0]["body"].startswith("Demo Clinic: Hi Ana")
    # The patient answers YES from the phone simulator
    answer = requests.post(dev_stack + "/dev/phone", json={"from": "+12125550142", "body": "yes!"}, timeout=15).json()
    assert answer["status"] == 200 and answer["reply"].startswith("Thanks Ana!")
    assert status_of(dev_stack, patient["id"]) == "active"
    record = requests.get(f"{dev_stack}/api/patients/{patient['id']}", headers=KEY, timeout=5).json()
    messages = record["messages"]
    assert [m["direction"] for m in messages[:3]] == ["outbound", "inbound", "outbound"]
    # the stack's 1 s tick may already have sent the baseline check-in's first question, and nothing else
    assert all(m["direction"] == "outbound" and m["body"].startswith("Check-in 1/3") for m in messages[3:])
    assert record["consented_at"]


def test_no_answer_gets_one_reminder_then_consent_expires(dev_stack):
    patient = enroll(dev_stack, "(212) 555-0143", first_name="Bo")
    requests.post(dev_stack + "/dev/clock", json={"advance_minutes": 1}, timeout=30)
    assert len(texts_to(dev_stack, "+12125550143")) == 1
    moved = requests.post(dev_stack + "/dev/clock", json={"advance_minutes": 48 * 60}, timeout=30).json()
    texts = texts_to(dev_stack, "+12125550143")
    assert len(texts) == 2 and "reply YES" in texts[1]["body"] and moved["dispatch"]["sent"] >= 1
    assert status_of(dev_stack, patient["id"]) == "awaiting_consent"
    requests.post(dev_stack + "/dev/clock", json={"advance_minutes": 48 * 60}, timeout=30)
    assert status_of(dev_stack, patient["id"]) == "consent_expired"
    assert len(texts_to(dev_stack, "+12125550143")) == 2  # nothing more was sent
    # The number is free again for a new enrollment
    assert enroll(dev_stack, "(212) 555-0143", first_name="Bo")["status"] == "awaiting_consent"


def test_stop_opts_out_and_nothing_more_is_sent(dev_stack):
    patient = enroll(dev_stack, "(212) 555-0144", first_name="Cy")
    requests.post(dev_stack + "/dev/clock", json={"advance_minutes": 1}, timeout=30)
    answer = requests.post(dev_stack + "/dev/phone", json={"from": "+12125550144", "body": "STOP"}, timeout=15).json()
    assert answer["status"] == 200 and status_of(dev_stack, patient["id"]) == "opted_out"
    before = len(texts_to(dev_stack, "+12125550144"))
    requests.post(dev_stack + "/dev/clock", json={"advance_minutes": 5 * 24 * 60}, timeout=30)
    assert len(texts_to(dev_stack, "+12125550144")) == before
    assert status_of(dev_stack, patient["id"]) == "opted_out"
