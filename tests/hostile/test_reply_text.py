"""Any text a phone can send — unicode, emoji, control characters, empty, 1,600 characters, media only —
is read without an exception, and the webhook answers it with 200 and well-formed TwiML, in every state."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import time
from decimal import Decimal
from itertools import count

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from shared.domain import checkins, reader
from shared.domain.conversation import Sender, respond
from shared.domain.patients import PatientStatus, ProfileChange
from shared.domain.questions import QUESTIONS
from tests.app.conftest import enrollment
from tests.hostile.conftest import NOW

SERVICE_NUMBER = "+15005550006"
UNKNOWN, AWAITING, ACTIVE = "+12125550170", "+12125550171", "+12125550172"

# What phones send: any unicode (no lone surrogates: they cannot travel as UTF-8), emoji and symbols,
# control and format characters, blanks, Twilio's longest body (1,600), and words the service reacts to.
WORDS = ["", " ", "YES", "yes!", "STOP", "START", "HELP", "CALL", "7", "7/10", "6-7", "3 7 0", "seven", "none",
         "mild", "I want to kill myself", "99999999999999999999999999", "-1", "1e400", "\x00", "\u202e7",
         "\ufeffYES", "𝟕", "٧", "七", "😀" * 10, "<Response><Message>hi</Message></Response>", "]]>&<'\"",
         "\r\n\t", "%s %n {0}", "STOP" + "\x00"]
BODIES = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=60),
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "So", "Sk", "Mn", "Nd"]), max_size=60),
    st.builds(lambda word, noise: f"{word} {noise}", st.sampled_from(WORDS), st.text(max_size=20)),
    st.text(min_size=1590, max_size=1600),
)


@settings(max_examples=300, deadline=None)
@given(text=BODIES, first=st.integers(0, 2))
def test_the_reader_parses_any_text_itself_without_falling_back_on_its_safety_net(text, first):
    questions = QUESTIONS[first:]
    values = reader._values(text, questions)  # noqa: SLF001 - the inner parser: read_reply would hide a raise
    assert len(values) <= len(questions) and all(q.accepts(v) for q, v in zip(questions, values))
    assert reader.read_reply(text, questions).values == tuple(values)


def senders():
    return st.one_of(st.none(), st.builds(
        Sender, status=st.sampled_from(list(PatientStatus)), first_name=st.just("Ana"), dose_time=st.just(time(21)),
        clinic_name=st.just("Demo Clinic"), clinic_phone=st.just("+1 212 555 0100"),
        status_before_opt_out=st.sampled_from([None, *PatientStatus]), discreet=st.booleans(),
        checkin_open=st.booleans()))


@settings(max_examples=300, deadline=None)
@given(text=BODIES, sender=senders())
def test_the_conversation_and_the_check_in_answer_any_text_in_any_state(text, sender):
    outcome = respond(text, sender)
    assert isinstance(outcome.reply, str)
    checkin, _ = checkins.start("c1", checkins.STEP, Decimal("2.5"), NOW)
    for _ in range(3):  # the same text to each question in turn (a re-ask, then missed)
        checkin, reply = checkins.answer(checkin, text, "SM1", NOW)
        assert isinstance(reply, str)
        if checkin.status != checkins.OPEN:
            break
    for question in QUESTIONS:
        answer = checkin.answers.get(question.id)
        assert answer is None or answer.value is None or question.accepts(answer.value)


@pytest.fixture(scope="module")
def phones(module_world):
    """Three senders on the moto-backed app: a stranger, a patient awaiting consent, an active one."""
    world = module_world
    for number in (AWAITING, ACTIVE):
        local = f"(212) 555-{number[-4:]}"
        assert world.api("POST", "/api/patients", json=enrollment(phone=local)).status_code == 201
    assert post_text(world, ACTIVE, "YES").status_code == 200
    return world


SIDS = count(1)


def post_text(world, sender: str, body: str, media: bool = False):
    settings_ = world.services.settings
    form = {"From": sender, "To": SERVICE_NUMBER, "Body": body, "MessageSid": f"SMhostile{next(SIDS):06d}",
            "AccountSid": settings_.twilio_account_sid, "NumMedia": "1" if media else "0", "NumSegments": "1"}
    if media:
        form |= {"MediaUrl0": "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                 "MediaContentType0": "image/jpeg"}
    signature = RequestValidator(world.services.twilio_auth_token).compute_signature(
        settings_.public_base_url + "/sms/inbound", form)
    return world.client.post("/sms/inbound", data=form, headers={"X-Twilio-Signature": signature})


def reopen_checkin(world) -> None:
    """Keep a check-in open for the active patient, so answers are read in that state too."""
    store = world.services.store
    patient = store.patient_for_phone(ACTIVE)
    if patient.open_checkin is None and patient.status is PatientStatus.ACTIVE:
        checkin, _ = checkins.start(f"c{next(SIDS)}", checkins.STEP, Decimal("3"), NOW)
        store.apply_change(patient, ProfileChange(checkin=checkin), NOW)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sender=st.sampled_from([UNKNOWN, AWAITING, ACTIVE]), body=BODIES, media=st.booleans())
@example(sender=ACTIVE, body="", media=True)          # a picture and no words
@example(sender=AWAITING, body="", media=True)
@example(sender=ACTIVE, body="7" * 1600, media=False)  # Twilio's longest body
@example(sender=ACTIVE, body="\x00\x07\x1b[2J", media=False)
def test_the_webhook_answers_any_text_with_well_formed_twiml(phones, sender, body, media):
    world = phones
    reopen_checkin(world)
    response = post_text(world, sender, body, media)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.get_data())
    assert root.tag == "Response"
    assert all(node.tag == "Message" and (node.text or "").strip() for node in root)
    if "kill myself" in body.lower():
        assert "988" in root[0].text
