"""A patient's new number (issue 15) on the local stack as `make dev` runs it: the clinic changes it through the API,
the new phone gets the welcome, answers YES and gets the next reminder; the old phone gets nothing after the change
and its texts reach nobody. Through HTTP only: the API, the phone simulator's routes and the simulated clock."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests

from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York
OLD, NEW = "+12125550171", "+13125550172"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "phone-change-key")
    yield running
    running.stop()


def api(stack, method: str, path: str, **kwargs) -> requests.Response:
    return requests.request(method, stack.base_url + path, headers={"Authorization": f"Bearer {stack.demo.api_key}"},
                            timeout=30, **kwargs)


def texted(stack, phone: str, body: str) -> str:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": body}, timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["reply"]


def sent_to(stack, phone: str) -> list[str]:
    return [m["body"] for m in requests.get(stack.base_url + "/dev/messages", params={"to": phone},
                                            timeout=30).json()["messages"]]


def test_the_new_phone_answers_yes_and_gets_the_next_reminder_while_the_old_one_gets_nothing(stack):
    body = {"first_name": "Noa", "last_name": "Park", "phone": OLD, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 4.5, "dose_time": "21:00",
            "start_date": "2027-06-01", "consent": True}
    created = api(stack, "POST", "/api/patients", json=body)
    assert created.status_code == 201, created.text
    patient_id = created.json()["id"]
    move_clock(stack, advance_minutes=1)
    assert "Thanks Noa" in texted(stack, OLD, "YES")
    # When the clinic changes the number (in the afternoon, before tonight's reminder; the baseline check-in went)
    move_clock(stack, advance_minutes=120)
    before = len(sent_to(stack, OLD))
    assert any(text.startswith("Check-in") for text in sent_to(stack, OLD))
    changed = api(stack, "PATCH", f"/api/patients/{patient_id}", json={"phone": "(312) 555-0172"})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["phone"], changed.json()["status"]) == (NEW, "awaiting_consent")
    # Then the new phone gets the welcome, and tonight nobody gets a reminder
    move_clock(stack, advance_minutes=1)
    assert any("Reply YES" in text for text in sent_to(stack, NEW))
    move_clock(stack, now="2027-06-02T01:30:00Z")  # 21:30 in New York
    assert not [t for t in sent_to(stack, NEW) if "Tonight" in t]
    # and a text from the old phone reaches nobody: it is a stranger's now
    assert "not enrolled" in texted(stack, OLD, "hello?")
    # When the new phone answers YES
    assert "Thanks Noa" in texted(stack, NEW, "YES")
    assert api(stack, "GET", f"/api/patients/{patient_id}").json()["status"] == "active"
    # Then the next night's reminder goes to the new phone, and the old phone got nothing since the change
    move_clock(stack, now="2027-06-03T01:05:00Z")  # 21:05 in New York
    assert len([t for t in sent_to(stack, NEW) if "Tonight" in t]) == 1
    assert sent_to(stack, OLD)[before:] == [sent_to(stack, OLD)[-1]]  # only the reply to its own "hello?"
    assert "not enrolled" in sent_to(stack, OLD)[-1]
    inbound = [m["body"] for m in api(stack, "GET", f"/api/patients/{patient_id}").json()["messages"]
               if m.get("direction") == "inbound"]
    assert inbound == ["YES", "YES"]  # the old phone's "hello?" is not the patient's
