"""Escalations end to end: worse replies and a crisis reach the provider's inbox; acknowledging works."""
from datetime import datetime, timezone
from urllib.parse import quote

import pytest
import requests

from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York
KEY = {"Authorization": "Bearer esc-key"}
PHONE = "+12125550401"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "esc-key")
    yield running
    running.stop()


move = move_clock


def say(stack, body):
    return requests.post(stack.base_url + "/dev/phone", json={"from": PHONE, "body": body}, timeout=15).json()["reply"]


def emails(stack):
    return requests.get(stack.base_url + "/dev/emails", timeout=5).json()["emails"]


def test_worse_replies_email_the_provider_and_a_crisis_emails_urgently(stack):
    body = {"first_name": "Ana", "last_name": "Lopez", "phone": PHONE, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 3, "step_mg": 1, "step_days": 2,
            "start_date": "2027-06-01", "consent": True}
    patient = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10).json()["id"]
    move(stack, advance_minutes=1)
    say(stack, "YES")
    move(stack, advance_minutes=1)
    assert say(stack, "2 8 0").startswith("Thank you")           # baseline: symptoms 2, mood 8, no withdrawal
    move(stack, advance_minutes=2)
    assert emails(stack) == []                                   # nothing worrying in a baseline
    move(stack, now="2027-06-04T22:01:00Z")                      # the day after the June 3 step, 18:01 local
    assert say(stack, "8 4 3").startswith("Thank you")
    move(stack, advance_minutes=2)
    [routine] = emails(stack)
    assert routine["to"] == "provider@example.org" and routine["subject"] == "A patient at Demo Clinic needs review"
    assert "Ana L." in routine["text"] and "Lopez" not in routine["text"]
    assert "symptoms 8, baseline 2" in routine["text"] and "mood 4, baseline 8" in routine["text"]
    assert "withdrawal severe" in routine["text"] and f"/patients/{patient}" in routine["html"]
    listed = requests.get(stack.base_url + "/api/escalations?status=open", headers=KEY, timeout=5).json()
    assert sorted(e["reasons"][0] for e in listed["escalations"]) == ["mood_change", "symptom_return", "withdrawal"]
    assert {e["patient_id"] for e in listed["escalations"]} == {patient}

    # A crisis text: the urgent email goes out with the next minute's dispatch ("I can't go on" is a warning
    # sign now, answered with the safety question: tests/e2e/test_safety_net_through_local_stack.py)
    assert "988" in say(stack, "I can't go on, I'm going to end my life")
    move(stack, advance_minutes=1)
    urgent = [e for e in emails(stack) if e["subject"].startswith("Urgent")]
    assert len(urgent) == 1 and urgent[0]["subject"] == "Urgent: a patient at Demo Clinic needs review"
    crisis = next(e for e in requests.get(stack.base_url + "/api/escalations?status=open", headers=KEY,
                                          timeout=5).json()["escalations"] if e["reasons"] == ["crisis"])
    assert crisis["severity"] == "urgent"

    # The worse replies held the taper; acknowledging the crisis and resuming lets check-ins go out again
    record = requests.get(f"{stack.base_url}/api/patients/{patient}", headers=KEY, timeout=5).json()
    assert record["plan"]["steps"][-1] == {"start_date": "2027-06-03", "dose_mg": 2.0}   # held at 2 mg
    done = requests.post(f"{stack.base_url}/api/escalations/{crisis['id']}/acknowledge", headers=KEY, timeout=5)
    assert done.status_code == 200 and done.json()["status"] == "acknowledged"
    resumed = requests.post(f"{stack.base_url}/api/patients/{patient}/resume", headers=KEY, timeout=5)
    assert {"start_date": "2027-06-05", "dose_mg": 1.0} in resumed.json()["plan"]["steps"]
    move(stack, now="2027-06-06T22:01:00Z")                      # the day after the Jun 5 step, 18:01 local
    texts = requests.get(f"{stack.base_url}/dev/messages?to={quote(PHONE)}", timeout=5).json()["messages"]
    assert texts[-1]["body"].startswith("Check-in 1/3")
    resolved = requests.post(f"{stack.base_url}/api/escalations/{crisis['id']}/resolve", headers=KEY,
                             json={"note": "Called, safe, plan agreed"}, timeout=5).json()
    assert resolved["status"] == "resolved" and resolved["note"] == "Called, safe, plan agreed"


def test_another_clinic_cannot_see_or_touch_escalations(stack):
    other = stack.services.accounts.create_clinic("Other Clinic", "+1 312 555 0100", stack.clock.now())
    key = stack.services.accounts.create_api_key(other.clinic_id, "o", stack.clock.now())
    headers = {"Authorization": f"Bearer {key}"}
    phone = "+12125550405"
    requests.post(stack.base_url + "/api/patients", headers=KEY, timeout=10, json={
        "first_name": "Ed", "last_name": "Ray", "phone": phone, "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}).raise_for_status()
    requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": "i want to die"}, timeout=15)
    assert requests.get(stack.base_url + "/api/escalations", headers=headers, timeout=5).json() == {"escalations": []}
    some = requests.get(stack.base_url + "/api/escalations", headers=KEY, timeout=5).json()["escalations"]
    assert some
    response = requests.post(f"{stack.base_url}/api/escalations/{some[0]['id']}/acknowledge", headers=headers,
                             timeout=5)
    assert response.status_code == 404


def test_an_unacknowledged_crisis_climbs_to_every_admin_once(stack):
    phone = "+12125550402"
    body = {"first_name": "Bo", "last_name": "Diaz", "phone": phone, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}
    created = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10).json()["id"]

    def overdue_for_bo():
        return [e for e in emails(stack) if e["subject"].startswith("Overdue") and f"/patients/{created}" in e["text"]]

    move(stack, advance_minutes=1)
    requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": "YES"}, timeout=15)
    requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": "i want to die"}, timeout=15)
    move(stack, advance_minutes=59)
    assert not overdue_for_bo()
    move(stack, advance_minutes=2)
    overdue = overdue_for_bo()
    assert [e["to"] for e in overdue] == ["admin@example.org"]
    assert overdue[0]["subject"] == "Overdue: a patient at Demo Clinic still needs review"
    move(stack, advance_minutes=24 * 60)
    assert len(overdue_for_bo()) == 1


def test_an_ses_outage_loses_no_email_and_sends_it_once(stack):
    phone = "+12125550403"
    body = {"first_name": "Cy", "last_name": "Park", "phone": phone, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}
    requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10).raise_for_status()
    move(stack, advance_minutes=1)
    requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": "YES"}, timeout=15)
    before = len(emails(stack))
    stack.mail.fail_next(times=2)                                 # SES is down for the next two tries
    requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": "I want to kill myself"}, timeout=15)
    move(stack, advance_minutes=1)
    assert len(emails(stack)) == before                           # failed, kept for a retry
    move(stack, advance_minutes=10)                               # backoff: 1 then 2 minutes
    urgent = [e for e in emails(stack)[before:] if e["subject"].startswith("Urgent") and "Cy P." in e["text"]]
    assert len(urgent) == 1 and urgent[0]["to"] == "provider@example.org"


def test_call_reaches_the_provider_as_a_contact_request(stack):
    phone = "+12125550404"
    body = {"first_name": "Di", "last_name": "Ng", "phone": phone, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}
    requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10).raise_for_status()
    move(stack, advance_minutes=1)
    requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": "YES"}, timeout=15)
    before = len(emails(stack))
    reply = requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": "CALL"}, timeout=15).json()
    assert "care team to call you" in reply["reply"]
    move(stack, advance_minutes=2)
    [email] = [e for e in emails(stack)[before:] if "Di N." in e["text"]]
    assert "contact request: the patient asked for a call" in email["text"]
