"""A patient's check-ins end to end on the local stack, through /dev/phone and /dev/clock only."""
from datetime import datetime, timezone
from urllib.parse import quote

import pytest
import requests

from tests.e2e.conftest import in_process_stack, move_clock


START = datetime(2027, 5, 3, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York
KEY = {"Authorization": "Bearer checkin-key"}
PHONE = "+12125550301"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "checkin-key")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def patient(stack):
    body = {"first_name": "Ana", "last_name": "Lopez", "phone": PHONE, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 2, "step_mg": 1, "step_days": 2,
            "start_date": "2027-05-03", "follow_up_days": [1, 3], "consent": True}
    created = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10).json()
    move(stack, advance_minutes=1)
    return created["id"]


def move(stack, **body):
    return move_clock(stack, **body)["dispatch"]


def say(stack, body, sid=None):
    payload = {"from": PHONE, "body": body, **({"message_sid": sid} if sid else {})}
    answer = requests.post(stack.base_url + "/dev/phone", json=payload, timeout=15).json()
    assert answer["status"] == 200
    return answer["reply"]


def last_text(stack):
    return requests.get(f"{stack.base_url}/dev/messages?to={quote(PHONE)}", timeout=5).json()["messages"][-1]["body"]


def record(stack, patient_id):
    return requests.get(f"{stack.base_url}/api/patients/{patient_id}", headers=KEY, timeout=5).json()


def test_baseline_check_in_after_yes_with_a_reask_and_a_multi_answer(stack, patient):
    assert say(stack, "YES").startswith("Thanks Ana!")
    move(stack, advance_minutes=1)
    assert last_text(stack).startswith("Check-in 1/3: How are your usual symptoms")
    assert say(stack, "banana").startswith("Sorry, I could not read that.")
    assert say(stack, "3 7").startswith("3/3: Any sleep trouble")
    assert say(stack, "mild").startswith("Thank you, your check-in is done")
    [baseline] = record(stack, patient)["checkins"]
    assert (baseline["kind"], baseline["status"], baseline["dose_mg"]) == ("baseline", "completed", 2.0)
    assert {q: a["value"] for q, a in baseline["answers"].items()} == {"symptoms": 3, "mood": 7, "withdrawal": 1}
    assert baseline["answers"]["symptoms"]["raw"] == "3 7"
    assert "care team" in say(stack, "feeling ok")  # no check-in open: a note, acknowledged


def test_step_check_in_dedupes_a_retried_reply_nudges_once_and_expires_at_midnight(stack, patient):
    move(stack, now="2027-05-06T22:01:00Z")                      # 18:01 local, the day after the May 5 step
    assert last_text(stack).startswith("Check-in 1/3")
    first = say(stack, "4", sid="SMretry0001")
    again = say(stack, "4", sid="SMretry0001")                   # Twilio retried the webhook
    assert first == again and first.startswith("2/3")
    open_checkin = record(stack, patient)["checkins"][0]
    assert open_checkin["status"] == "open" and open_checkin["answers"]["symptoms"]["value"] == 4
    assert list(open_checkin["answers"]) == ["symptoms"]
    move(stack, now="2027-05-07T00:02:00Z")                      # 2 hours later (20:02 local)
    assert last_text(stack).startswith("Reminder: 2/3: How is your mood")
    nudges = [m for m in requests.get(f"{stack.base_url}/dev/messages?to={quote(PHONE)}", timeout=5).json()["messages"]
              if m["body"].startswith("Reminder:")]
    assert len(nudges) == 1
    move(stack, now="2027-05-07T04:30:00Z")                      # past local midnight
    step = record(stack, patient)["checkins"][0]
    assert (step["kind"], step["status"], step["dose_mg"]) == ("step", "expired", 1.0)
    assert step["answers"]["mood"]["value"] is None and step["answers"]["withdrawal"]["value"] is None


def test_crisis_mid_check_in_answers_988_escalates_and_holds_further_check_ins(stack, patient):
    move(stack, now="2027-05-07T22:01:00Z")                      # follow-up day 1, 18:01 local
    assert last_text(stack).startswith("Check-in 1/3")
    reply = say(stack, "5, and honestly I want to end it all")
    assert "988" in reply and "911" in reply
    data = record(stack, patient)
    assert data["checkins"][0]["status"] == "interrupted" and data["checkins"][0]["kind"] == "follow_up"
    crisis = [e for e in data["escalations"] if e["reasons"] != ["patient_message"]]
    assert [(e["reasons"], e["severity"], e["status"]) for e in crisis] == [(["crisis"], "urgent", "open")]
    [messages] = [e for e in data["escalations"] if e["reasons"] == ["patient_message"]]   # what it could not read
    assert [m["text"] for m in messages["evidence"]] == ["banana", "feeling ok"] and messages["severity"] == "routine"
    move(stack, now="2027-05-10T12:00:00Z")                      # past the day-3 follow-up at 18:00 on May 9
    texts = requests.get(f"{stack.base_url}/dev/messages?to={quote(PHONE)}", timeout=5).json()["messages"]
    after = [m["body"] for m in texts if m["created_at"] > "2027-05-07T22:02:00Z"]
    assert not [t for t in after if t.startswith("Check-in")]     # no questions until a provider acknowledges
    assert [t for t in after if "taper is done" in t]             # the stop-date text still went out
    assert record(stack, patient)["status"] == "completed"        # the last follow-up day is over
