"""The logs of a whole story on the local stack never carry a full phone number, a message body or a secret.

Enroll → the welcome text → YES → the baseline check-in answered → a note → a crisis text → the urgent
escalation email → the provider signs in, acknowledges it and holds the taper. Every log record of the
process (taperline's JSON lines and anything else at INFO or above) is captured and searched.
"""
from __future__ import annotations

import logging
import re
import secrets
from datetime import datetime, timezone
from urllib.parse import quote

import pytest
import requests

from shared.log import logger
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 7, 1, 14, 0, tzinfo=timezone.utc)  # Thu 1 Jul 2027, 10:00 in New York
PATIENT, STRANGER = "+12125550731", "+13125550199"
NOTE = "I slept badly and my dreams were vivid"
CRISIS = "Some nights I think I want to end my life"
WRONG_NUMBER = "Hello is this the pharmacy on Main Street"


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.lines: list[str] = []

    def emit(self, record):
        try:
            self.lines.append(self.format(record))
        except Exception:  # noqa: BLE001 - a record that cannot be formatted is still searched raw
            self.lines.append(f"{record.getMessage()} {record.__dict__}")


@pytest.fixture
def captured():
    """Every record of taperline's logger (its JSON formatter) and of every other logger (plain, with args)."""
    ours, theirs = Collect(), Collect()
    ours.setFormatter(logger().registered_formatter)
    theirs.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s %(args)s"))
    own, root = logging.getLogger(logger().name), logging.getLogger()
    own.addHandler(ours)
    root.addHandler(theirs)
    yield ours.lines, theirs.lines
    own.removeHandler(ours)
    root.removeHandler(theirs)


def say(stack, sender: str, body: str) -> str:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": sender, "body": body}, timeout=30)
    assert answer.status_code == 200 and answer.json()["status"] == 200, answer.text
    return answer.json()["reply"]


def test_no_log_line_of_a_whole_story_carries_a_phone_a_body_or_a_secret(captured):
    key = "tl_" + secrets.token_urlsafe(24)
    stack = in_process_stack(START, key)
    try:
        headers = {"Authorization": f"Bearer {key}"}
        base = stack.base_url
        # The story
        enrolled = requests.post(base + "/api/patients", headers=headers, timeout=30, json={
            "first_name": "Rosalind", "last_name": "Okonkwo", "phone": PATIENT, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 4, "start_date": "2027-07-01",
            "consent": True, "notes": "prefers texts after work"})
        assert enrolled.status_code == 201, enrolled.text
        patient_id = enrolled.json()["id"]
        move_clock(stack, advance_minutes=1)                           # the welcome text goes out
        say(stack, PATIENT, "YES")
        move_clock(stack, advance_minutes=1)                           # the baseline check-in's first question
        assert say(stack, PATIENT, "3 7 0").startswith("Thank you")
        say(stack, PATIENT, NOTE)
        assert "988" in say(stack, PATIENT, CRISIS)
        say(stack, STRANGER, WRONG_NUMBER)
        move_clock(stack, advance_minutes=2)                           # the urgent escalation email
        emails = requests.get(base + "/dev/emails", timeout=10).json()["emails"]
        assert emails, "no escalation email was sent"
        session = requests.Session()
        page = session.get(base + "/login", timeout=10).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        signed = session.post(base + "/login", data={"email": stack.demo.provider_email, "csrf_token": token,
                                                     "password": stack.demo.provider_password}, timeout=30)
        assert signed.status_code == 200 and "Signed in" in signed.text
        escalation = requests.get(base + "/api/escalations?status=open", headers=headers, timeout=10).json()
        escalation_id = escalation["escalations"][0]["id"]
        token = re.search(r'name="csrf_token" value="([^"]+)"', session.get(base + "/escalations", timeout=10).text)
        acknowledged = session.post(f"{base}/escalations/{escalation_id}/acknowledge",
                                    data={"csrf_token": token.group(1)}, timeout=30)
        assert acknowledged.status_code == 200 and "acknowledged" in acknowledged.text
        assert requests.post(f"{base}/api/patients/{patient_id}/hold", headers=headers, timeout=30).status_code == 200
        move_clock(stack, advance_minutes=10)                          # the hold's text goes out
        texts = requests.get(f"{base}/dev/messages?to={quote(PATIENT)}", timeout=10).json()["messages"]
        cookie = session.cookies.get("taperline_session")
        secrets_used = {"Twilio auth token": stack.services.twilio_auth_token, "app secret": stack.settings.app_secret,
                        "Flask secret key": stack._app.secret_key,
                        "API key": key, "provider password": stack.demo.provider_password,
                        "admin password": stack.demo.admin_password, "session cookie": cookie}
    finally:
        stack.stop()

    ours, theirs = captured
    everything = "\n".join(ours + theirs)
    assert len(ours) > 20 and any('"inbound stored"' in line for line in ours)  # the story was logged
    for phone in (PATIENT, STRANGER, PATIENT[1:], STRANGER[1:], quote(PATIENT)):
        assert phone not in everything, f"a phone number is in the logs: {phone}"
    bodies = [NOTE, CRISIS, WRONG_NUMBER, "prefers texts after work"] + [m["body"] for m in texts]
    bodies += [line.strip() for email in emails for line in email["text"].splitlines() if len(line.strip()) > 25]
    assert len(texts) >= 5
    for body in bodies:
        assert body not in everything, f"a message body is in the logs: {body!r}"
    for name, value in secrets_used.items():
        assert value and value not in everything, f"the {name} is in the logs"
