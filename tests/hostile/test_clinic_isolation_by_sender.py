"""Issue 15's finding, tried as an attacker would on moto: "Clinic B's key learns that a number is enrolled at clinic A
(409 "already belongs to a patient"), and can enroll a number first, so that number's texts are routed to clinic B:
phone numbers are unique service-wide and inbound routing ignores which number was texted."

Demo Clinic and Other Clinic share the deployment's default sender (+15005550006); Lake Clinic texts from its own
number and Hill Clinic from its own Messaging Service."""
from __future__ import annotations

from datetime import timedelta

import pytest
from twilio.request_validator import RequestValidator

from shared.domain.accounts import Role
from tests.app.conftest import enrollment
from tests.hostile.conftest import NOW

PHONE, TYPED = "+12125550123", "(212) 555-0123"
DEFAULT_NUMBER = "+15005550006"
LAKE_NUMBER = "+13125550199"
HILL_SERVICE, HILL_NUMBER = "MG" + "4c" * 16, "+13125550142"
GENERIC = "This number cannot be enrolled now; ask the patient to text HELP or contact support."


def a_clinic(world, name: str, slug: str, **settings) -> str:
    """A clinic with a provider and an API key; its key."""
    clinic = world.services.accounts.create_clinic(name, "+1 312 555 0100", NOW, settings=settings)
    world.services.accounts.add_user(clinic.clinic_id, f"dr@{slug}.example", Role.PROVIDER, "Dr", NOW)
    return world.services.accounts.create_api_key(clinic.clinic_id, slug, NOW)


def enroll(world, key: str | None, provider: str = "provider@example.org", phone: str = TYPED):
    return world.api("POST", "/api/patients", key=key, json=enrollment(phone=phone, provider_email=provider))


def text(world, body: str, to: str = DEFAULT_NUMBER, sid: str = "SM1", messaging_service: str = "",
         sender: str = PHONE):
    """A text from a phone to one of the service's senders, signed as Twilio signs it; the TwiML reply."""
    settings = world.services.settings
    form = {"From": sender, "To": to, "Body": body, "MessageSid": sid, "AccountSid": settings.twilio_account_sid,
            "NumMedia": "0", **({"MessagingServiceSid": messaging_service} if messaging_service else {})}
    signature = RequestValidator("test-token").compute_signature(settings.public_base_url + "/sms/inbound", form)
    response = world.client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def status(world, patient_id: str) -> str:
    return world.services.store.get_patient(patient_id).status.value


@pytest.fixture
def lake(world) -> str:
    return a_clinic(world, "Lake Clinic", "lake", sender_number=LAKE_NUMBER)


def test_another_clinic_on_the_shared_sender_learns_nothing_from_the_refusal(world):
    # Given Demo Clinic's patient, awaiting consent
    assert enroll(world, None).status_code == 201
    # When Other Clinic, on the same default sender, tries the number
    refused = enroll(world, world.other_key, "dr@other.example")
    # Then it is refused with words that say nothing of a patient, the same words once the patient is active
    assert refused.status_code == 409 and refused.get_json() == {"errors": {"phone": [GENERIC]}}
    text(world, "YES")
    again = enroll(world, world.other_key, "dr@other.example")
    assert again.status_code == 409 and again.get_json() == refused.get_json()
    # and Demo Clinic, whose patient it is, gets today's answer
    own = enroll(world, None)
    assert own.status_code == 409 and "already belongs to a patient" in own.get_json()["errors"]["phone"][0]


def test_another_clinic_cannot_take_a_patients_texts_by_enrolling_their_number(world, lake):
    demo = enroll(world, None).get_json()["id"]
    # When Other Clinic (same sender) and Lake Clinic (its own number) enroll the same number
    assert enroll(world, world.other_key, "dr@other.example").status_code == 409
    lakes = enroll(world, lake, "dr@lake.example")
    assert lakes.status_code == 201
    # Then the patient's YES to Demo's sender reaches Demo Clinic only
    assert "Thanks" in text(world, "YES")
    assert status(world, demo) == "active" and status(world, lakes.get_json()["id"]) == "awaiting_consent"
    # and their STOP to Demo's sender opts them out there only
    text(world, "STOP", sid="SM2")
    assert status(world, demo) == "opted_out" and status(world, lakes.get_json()["id"]) == "awaiting_consent"


def test_one_number_in_two_clinics_with_two_senders_gets_each_clinics_texts_from_its_sender(world, lake):
    demo = enroll(world, None).get_json()["id"]
    lakes = enroll(world, lake, "dr@lake.example").get_json()["id"]
    # When the welcome texts go out
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    sent = {m["sender"]: m["body"] for m in world.sms.sent if m["to"] == PHONE}
    assert set(sent) == {"", LAKE_NUMBER}  # Demo's from the default sender, Lake's from Lake's own number
    assert sent[""].startswith("Demo Clinic") and sent[LAKE_NUMBER].startswith("Lake Clinic")
    # Then a YES to Lake's number starts Lake's plan, and a YES to the default starts Demo's
    text(world, "YES", to=LAKE_NUMBER, sid="SMlake")
    assert status(world, lakes) == "active" and status(world, demo) == "awaiting_consent"
    text(world, "YES", sid="SMdemo")
    assert status(world, demo) == "active"
    # and each clinic's record holds only the texts sent to its own sender
    assert [m["sid"] for m in world.services.store.messages_of_patient(lakes)] == ["SMlake"]
    assert [m["sid"] for m in world.services.store.messages_of_patient(demo)] == ["SMdemo"]


def test_a_clinic_on_its_own_messaging_service_texts_from_it_and_hears_texts_to_its_numbers(world):
    hill_key = a_clinic(world, "Hill Clinic", "hill", messaging_service_sid=HILL_SERVICE)
    demo = enroll(world, None).get_json()["id"]
    hill = enroll(world, hill_key, "dr@hill.example").get_json()["id"]
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    assert {m["sender"] for m in world.sms.sent if m["to"] == PHONE} == {"", HILL_SERVICE}
    # Twilio names the Messaging Service of the number texted
    text(world, "YES", to=HILL_NUMBER, messaging_service=HILL_SERVICE, sid="SMhill")
    assert status(world, hill) == "active" and status(world, demo) == "awaiting_consent"


@pytest.mark.parametrize("to", [DEFAULT_NUMBER, LAKE_NUMBER])
def test_a_crisis_text_from_an_unknown_number_to_either_sender_gets_988(world, lake, to):
    reply = text(world, "I want to kill myself", to=to, sender="+12125550999", sid=f"SMc{to[-4:]}")
    assert "988" in reply and "911" in reply


def test_a_crisis_text_to_a_sender_the_number_is_not_enrolled_on_gets_988_and_tells_no_clinic(world, lake):
    demo = enroll(world, None).get_json()["id"]
    text(world, "YES")
    # When Demo's patient texts crisis words to Lake's number, where they are nobody's patient
    reply = text(world, "I want to kill myself", to=LAKE_NUMBER, sid="SMcrisis")
    # Then they get 988 at once, and Demo's record is not reached through another clinic's number
    assert "988" in reply
    assert world.services.store.escalations_of(demo) == []
    # while the same words to Demo's sender reach Demo Clinic
    assert "988" in text(world, "I want to kill myself", sid="SMcrisis2")
    assert [e.reasons for e in world.services.store.escalations_of(demo)] == [("crisis",)]
