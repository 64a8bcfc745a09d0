"""The safety question's texts and answers, and the conversation's safety rules, pure (no storage, no clock)."""
from datetime import datetime, time, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from shared.domain import safety_question as safety
from shared.domain.conversation import Sender, respond
from shared.domain.patients import PatientStatus
from shared.domain.safety import RiskLevel, assess
from shared.domain.texts import fits_one_segment, gsm7_length

TEXTS = [safety.question_text, safety.reask_text, safety.answered_no_text, safety.warning_after_no_text,
         safety.crisis_text, safety.unknown_number_warning_text]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text", TEXTS, ids=lambda f: f.__name__)
def test_every_safety_text_is_one_gsm7_segment_and_names_988(text, language):
    body = text(language)
    assert gsm7_length(body) is not None and fits_one_segment(body) and "988" in body


def test_the_question_asks_for_yes_or_no_in_those_words():
    assert "Reply YES or NO" in safety.question_text("en") and "Responde SI o NO" in safety.question_text("es")


def test_the_spanish_crisis_reply_says_988_answers_in_spanish():
    reply = safety.crisis_text("es")
    assert "988 y marca 2" in reply and "AYUDA al 988" in reply and "911" in reply


@pytest.mark.parametrize("text, answer", [
    ("YES", "yes"), ("yes", "yes"), ("Y", "yes"), ("yeah", "yes"), ("Sí", "yes"), ("si", "yes"), ("SI.", "yes"),
    ("NO", "no"), ("no", "no"), ("nope", "no"), ("No, I'm ok", "no"), ("nah", "no"),
    ("no... yes", "yes"),                       # both: read as yes, a miss costs more than a call
    ("7", None), ("maybe", None), ("not sure", None), ("", None), ("no sé", None), ("No lo sé", None),
    ("y", "yes"), ("ya", "yes"), ("estoy cansada y triste", None), ("no y gracias", "no"),
    ("I am so tired of everything and I do not know anymore", None),
])
def test_answers_to_the_safety_question_are_read_as_yes_no_or_neither(text, answer):
    assert safety.read_answer(text) == answer


def test_an_open_question_holds_for_a_day_and_keeps_the_last_five_texts():
    asked = datetime(2027, 1, 5, 18, 0, tzinfo=timezone.utc)
    question = safety.SafetyQuestion("q1", asked, safety.WARNING)
    for n in range(7):
        question = question.with_words(f"text {n}")
    assert question.words == tuple(f"text {n}" for n in range(2, 7))
    assert question.is_open(asked + timedelta(hours=23)) and not question.is_open(asked + timedelta(hours=24))


def sender(status=PatientStatus.ACTIVE, **changes):
    return Sender(status=status, first_name="Ana", dose_time=time(21, 0), clinic_name="Demo Clinic", **changes)


@given(st.text(max_size=200), st.sampled_from(list(PatientStatus)), st.booleans())
def test_the_reply_to_an_ordinary_message_never_names_988(body, status, checkin_open):
    if assess(body).level is not RiskLevel.NONE:
        return
    outcome = respond(body, sender(status, checkin_open=checkin_open))
    assert "988" not in outcome.reply


@pytest.mark.parametrize("status", list(PatientStatus))
def test_a_warning_sign_asks_in_every_state_and_crisis_language_gets_988_and_911(status):
    assert respond("there's no point in anything anymore", sender(status)).safety == safety.ASK
    crisis = respond("i am going to kill myself tonight", sender(status))
    assert "crisis" in crisis.flags and "988" in crisis.reply and "911" in crisis.reply


def test_a_spanish_warning_is_asked_in_spanish():
    outcome = respond("todos estarían mejor sin mí", sender())
    assert outcome.safety == safety.ASK and outcome.reply == safety.question_text("es")


def test_crisis_language_comes_before_the_open_question_and_stop_still_works_while_it_is_open():
    open_question = sender(safety_open=True)
    assert "crisis" in respond("me quiero matar", open_question).flags
    assert respond("STOP", open_question).new_status is PatientStatus.OPTED_OUT
    assert respond("7", open_question).safety == safety.REASK


@pytest.mark.parametrize("value", [-1, 11, "1", 2.5, True])
def test_a_low_mood_trigger_outside_0_to_10_is_refused_as_a_clinic_setting(value):
    from shared.domain.patients import ClinicSettings

    with pytest.raises(ValueError, match="safety_mood_at_or_below"):
        ClinicSettings.from_dict({"safety_mood_at_or_below": value})
