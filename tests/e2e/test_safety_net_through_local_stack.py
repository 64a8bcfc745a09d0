"""The safety net end to end on the local stack, in every conversation state: the real webhook, moto's DynamoDB,
the simulated clock running dispatch, and the emails it sends."""
from datetime import datetime, timezone

import pytest
import requests

from shared.domain.accounts import Role
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York
KEY = {"Authorization": "Bearer safety-key"}
EXPLICIT = "I want to kill myself"
WARNING = "everyone would be better off without me"
STATES = ["unknown", "awaiting_consent", "active", "active_checkin", "held", "opted_out", "completed"]


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "unused-key")
    accounts, now = running.services.accounts, running.clock.now()
    clinic = accounts.create_clinic("Safe Clinic", "+1 212 555 0100", now,
                                    settings={"timezone": "America/New_York", "escalation_email": "oncall@example.org"})
    accounts.add_user(clinic.clinic_id, "dr.safe@example.org", Role.PROVIDER, "Dr Safe", now)
    accounts.create_api_key(clinic.clinic_id, "safety", now, key="safety-key")
    yield running
    running.stop()


class Phone:
    """One patient's phone, brought into a conversation state through the API and the webhook."""
    count = 0

    def __init__(self, stack, state):
        Phone.count += 1
        self.stack, self.number, self.patient = stack, f"+1212555{Phone.count + 700:04d}", None
        if state != "unknown":
            self.enroll(state)

    def enroll(self, state):
        body = {"first_name": "Ana", "last_name": "Lopez", "phone": self.number, "timezone": "America/New_York",
                "provider_email": "dr.safe@example.org", "start_dose_mg": 1, "step_mg": 1, "step_days": 1,
                "follow_up_days": [1], "consent": True}
        self.patient = self.api("post", "/api/patients", json=body)["id"]
        move_clock(self.stack, advance_minutes=1)
        if state == "awaiting_consent":
            return
        self.say("YES")
        move_clock(self.stack, advance_minutes=1)           # the baseline check-in's first question goes out
        if state != "active_checkin":
            assert self.say("2 8 0").startswith("Thank you")
        if state == "held":
            self.api("post", f"/api/patients/{self.patient}/hold")
        if state == "opted_out":
            self.say("STOP")
        if state == "completed":
            move_clock(self.stack, advance_minutes=4 * 24 * 60)  # past the follow-up day: the plan is over
            assert self.record()["status"] == "completed"

    def api(self, method, path, **kwargs):
        response = requests.request(method, self.stack.base_url + path, headers=KEY, timeout=15, **kwargs)
        assert response.status_code in (200, 201), response.text
        return response.json()

    def say(self, body):
        return requests.post(self.stack.base_url + "/dev/phone", json={"from": self.number, "body": body},
                             timeout=15).json()["reply"]

    def record(self):
        return self.api("get", f"/api/patients/{self.patient}")

    def escalations(self, reason):
        return [e for e in self.record()["escalations"] if e["reasons"] == [reason]]


def emails_since(stack, seen):
    return requests.get(stack.base_url + "/dev/emails", timeout=5).json()["emails"][seen:]


def email_count(stack):
    return len(requests.get(stack.base_url + "/dev/emails", timeout=5).json()["emails"])


@pytest.mark.parametrize("state", STATES)
def test_crisis_language_gets_988_and_an_urgent_emailed_escalation_in_every_state(stack, state):
    phone = Phone(stack, state)
    seen = email_count(stack)
    reply = phone.say(EXPLICIT)
    assert "988" in reply and "911" in reply
    if state == "unknown":
        return  # no patient, no care team to tell: the reply is all there is
    [crisis] = phone.escalations("crisis")
    assert crisis["severity"] == "urgent" and crisis["status"] == "open"
    move_clock(stack, advance_minutes=1)
    sent = [e for e in emails_since(stack, seen) if f"/patients/{phone.patient}" in e["html"]]
    assert {e["to"] for e in sent} == {"dr.safe@example.org", "oncall@example.org"}
    assert all(e["subject"].startswith("Urgent") and EXPLICIT not in e["text"] + e["html"] for e in sent)
    if state == "active_checkin":
        assert phone.record()["checkins"][-1]["status"] == "interrupted"


@pytest.mark.parametrize("state", STATES)
def test_a_warning_sign_asks_the_safety_question_and_silence_for_an_hour_is_urgent(stack, state):
    phone = Phone(stack, state)
    reply = phone.say(WARNING)
    assert "988" in reply
    if state == "unknown":
        assert "YES or NO" not in reply
        return
    assert "YES or NO" in reply
    seen = email_count(stack)
    move_clock(stack, advance_minutes=61)
    [unanswered] = phone.escalations("safety_check_unanswered")
    assert unanswered["severity"] == "urgent" and unanswered["evidence"][0]["words"] == [WARNING]
    urgent = [e for e in emails_since(stack, seen)
              if e["subject"].startswith("Urgent") and f"/patients/{phone.patient}" in e["html"]]
    assert {e["to"] for e in urgent} == {"dr.safe@example.org", "oncall@example.org"}


@pytest.mark.parametrize("state", ["awaiting_consent", "active", "active_checkin", "held", "completed"])
def test_yes_is_a_crisis_and_no_is_a_routine_warning_with_the_patients_words(stack, state):
    yes, no = Phone(stack, state), Phone(stack, state)
    yes.say(WARNING)
    assert "911" in yes.say("yes")
    assert yes.escalations("crisis")[0]["severity"] == "urgent"
    no.say(WARNING)
    answer = no.say("No")
    assert "988" in answer
    [warning] = no.escalations("warning_signs")
    assert warning["severity"] == "routine" and warning["evidence"][0]["words"] == [WARNING]
    if state == "active_checkin":  # the check-in picks up where it was
        assert answer.split("\n")[1].startswith("Check-in 1/3")
        assert no.say("2").startswith("2/3")
    assert "YES or NO" not in no.say("this is goodbye")


@pytest.mark.parametrize("state", ["awaiting_consent", "active", "held", "opted_out", "completed"])
def test_free_text_reaches_the_care_team_as_one_patient_message_escalation(stack, state):
    phone = Phone(stack, state)
    seen = email_count(stack)
    reply = phone.say("Can someone call me about the dose change?")
    assert "988" not in reply
    phone.say("Also my sleep is off")
    [message] = phone.escalations("patient_message")
    assert message["severity"] == "routine"
    assert [e["text"] for e in message["evidence"]] == ["Can someone call me about the dose change?",
                                                         "Also my sleep is off"]
    move_clock(stack, advance_minutes=1)
    [email] = [e for e in emails_since(stack, seen) if f"/patients/{phone.patient}" in e["html"]]
    assert email["to"] == "dr.safe@example.org" and "dose change" not in email["text"] + email["html"]
    done = requests.post(f"{stack.base_url}/api/escalations/{message['id']}/acknowledge", headers=KEY, timeout=5)
    assert done.json()["status"] == "acknowledged"
    phone.say("thanks")
    messages = sorted(phone.escalations("patient_message"), key=lambda e: e["created_at"])
    assert [e["status"] for e in messages] == ["acknowledged", "open"]


def test_a_mood_of_1_asks_the_safety_question_then_the_checkin_goes_on(stack):
    phone = Phone(stack, "active_checkin")
    assert phone.say("3").startswith("2/3")
    assert "YES or NO" in phone.say("1")
    assert phone.say("no").split("\n")[1].startswith("3/3")
    assert phone.say("0").startswith("Thank you")
    assert phone.escalations("warning_signs")[0]["evidence"][0]["why"].startswith("answered NO")


def test_spanish_crisis_language_is_answered_in_spanish_naming_988_and_its_spanish_line(stack):
    reply = Phone(stack, "active").say("me quiero matar")
    assert "988" in reply and "marca 2" in reply and "AYUDA" in reply
