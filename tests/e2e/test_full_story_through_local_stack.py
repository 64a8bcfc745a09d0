"""The whole story on the local stack: enroll, YES, baseline, a step-down, worse replies, the provider's email,
the step held, the provider resumes, the next step-down text at the new date."""
from datetime import date, datetime, timezone
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import requests

from shared.domain.jobs import parse_utc
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 7, 1, 14, 0, tzinfo=timezone.utc)  # Thu 1 Jul 2027, 10:00 in New York
KEY = {"Authorization": "Bearer story-key"}
PHONE = "+12125550501"
NY = ZoneInfo("America/New_York")


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "story-key")
    yield running
    running.stop()


move = move_clock


def say(stack, body):
    return requests.post(stack.base_url + "/dev/phone", json={"from": PHONE, "body": body}, timeout=15).json()["reply"]


def texts_by_local_day(stack):
    found = {}
    for m in requests.get(f"{stack.base_url}/dev/messages?to={quote(PHONE)}", timeout=5).json()["messages"]:
        found.setdefault(parse_utc(m["created_at"]).astimezone(NY).date(), []).append(m["body"])
    return found


def test_enroll_to_escalation_hold_and_resume(stack):
    body = {"first_name": "Ana", "last_name": "Lopez", "phone": PHONE, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 4, "step_mg": 1, "step_days": 3,
            "start_date": "2027-07-01", "consent": True}
    patient = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10).json()["id"]
    move(stack, advance_minutes=1)
    say(stack, "YES")
    move(stack, advance_minutes=1)
    assert say(stack, "1 8 0").startswith("Thank you")                    # baseline
    move(stack, now="2027-07-05T22:01:00Z")                                 # the day after the Jul 4 step, 18:01
    assert texts_by_local_day(stack)[date(2027, 7, 4)] == ["Demo Clinic: Starting tonight your LDN dose is 3 mg (was 4 mg)."]
    assert say(stack, "6 4 2").startswith("Thank you")                      # symptoms 6 (baseline 1), mood 4 (8)
    move(stack, advance_minutes=2)
    [email] = requests.get(stack.base_url + "/dev/emails", timeout=5).json()["emails"]
    assert "symptoms 6, baseline 1" in email["text"] and "mood 4, baseline 8" in email["text"]
    record = requests.get(f"{stack.base_url}/api/patients/{patient}", headers=KEY, timeout=5).json()
    assert record["plan"]["steps"][-1]["dose_mg"] == 3.0                   # held: no step after 3 mg
    held_text = texts_by_local_day(stack)[date(2027, 7, 5)][-1]
    assert held_text == "Demo Clinic: Please stay on 3 mg each night until your care team contacts you."
    move(stack, now="2027-07-09T12:00:00Z")                                 # Jul 7 would have been the next step
    later = texts_by_local_day(stack)
    assert later[date(2027, 7, 7)] == ["Demo Clinic: Tonight: LDN 3 mg."]
    assert later[date(2027, 7, 8)] == ["Demo Clinic: Tonight: LDN 3 mg."]
    # The provider resumes on Jul 9: the next step-down falls tomorrow, Jul 10
    resumed = requests.post(f"{stack.base_url}/api/patients/{patient}/resume", headers=KEY, timeout=10)
    assert resumed.status_code == 200 and resumed.json()["held"] is False
    assert {"start_date": "2027-07-10", "dose_mg": 2.0} in resumed.json()["plan"]["steps"]
    move(stack, now="2027-07-11T12:00:00Z")
    days = texts_by_local_day(stack)
    assert "Your care team updated your plan: 3 mg tonight, then 2 mg from Sat 10 Jul." in " ".join(days[date(2027, 7, 9)])
    assert days[date(2027, 7, 9)][-1] == "Demo Clinic: Tonight: LDN 3 mg. From tomorrow: 2 mg."
    assert days[date(2027, 7, 10)] == ["Demo Clinic: Starting tonight your LDN dose is 2 mg (was 3 mg)."]
    assert requests.post(f"{stack.base_url}/api/patients/{patient}/resume", headers=KEY, timeout=10).status_code == 409
