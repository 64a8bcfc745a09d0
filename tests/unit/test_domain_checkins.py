"""The reply reader and the check-in state machine: pure, example and property tests."""
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from shared.domain import checkins, texts
from shared.domain.questions import QUESTIONS
from shared.domain.reader import read_reply

NOW = datetime(2027, 3, 10, 23, 0, tzinfo=timezone.utc)
SYMPTOMS, MOOD, WITHDRAWAL = QUESTIONS
ALL = QUESTIONS


@pytest.mark.parametrize("text, value", [
    ("7", 7), ("7/10", 7), ("a 7", 7), ("7!!", 7), ("  7 ", 7), ("seven", 7), ("zero", 0), ("ten", 10),
    ("none", 0), ("7 out of 10", 7), ("I'd say 4", 4), ("6-7", 7), ("6 to 7", 7), ("Six", 6),
])
def test_symptom_replies_people_write(text, value):
    assert read_reply(text, ALL).values[:1] == (value,)


@pytest.mark.parametrize("text, value", [("6-7", 6), ("very low", 0), ("very good", 10), ("8/10", 8)])
def test_mood_ranges_take_the_lower_end_and_mood_words_count(text, value):
    assert read_reply(text, (MOOD, WITHDRAWAL)).values[:1] == (value,)


@pytest.mark.parametrize("text, value", [("none", 0), ("mild", 1), ("Moderate", 2), ("severe!", 3), ("2", 2),
                                         ("1-2", 2)])
def test_withdrawal_words_and_numbers(text, value):
    assert read_reply(text, (WITHDRAWAL,)).values == (value,)


@pytest.mark.parametrize("text, value", [("7.5", 8), ("8, maybe 9", 8), ("I think 4 but yesterday 6", 4)])
def test_a_decimal_or_a_number_in_a_sentence_answers_one_question(text, value):
    assert read_reply(text, ALL).values == (value,)


@pytest.mark.parametrize("text", ["3 7 0", "3,7,0", "3, 7, 0", "3;7;0", "three seven zero", "symptoms 3 mood 7 0"])
def test_several_answers_fill_the_next_questions(text):
    assert read_reply(text, ALL).values == (3, 7, 0)


@pytest.mark.parametrize("text, questions", [("11", ALL), ("-", ALL), ("abc", ALL), ("", ALL), ("4", (WITHDRAWAL,)),
                                             ("great", (WITHDRAWAL,)), ("very low", ALL)])
def test_out_of_range_or_unreadable_gives_nothing(text, questions):
    assert read_reply(text, questions).values == ()


@given(st.text(max_size=200), st.integers(0, 2))
def test_the_reader_never_raises_and_only_returns_values_in_range(text, start):
    questions = ALL[start:]
    reading = read_reply(text, questions)
    assert len(reading.values) <= len(questions)
    assert all(q.accepts(v) for q, v in zip(questions, reading.values))


@given(st.integers(0, 10))
def test_a_bare_number_in_range_is_read_as_itself(value):
    assert read_reply(str(value), ALL).values == (value,)


def fresh():
    return checkins.start("c1", checkins.STEP, Decimal("2.5"), NOW)[0]


def test_answers_go_question_by_question_and_end_with_thanks():
    checkin, first = checkins.start("c1", checkins.BASELINE, Decimal("3"), NOW)
    assert first == SYMPTOMS.text
    checkin, reply = checkins.answer(checkin, "4", "SM1", NOW)
    assert reply == MOOD.text and checkin.answers["symptoms"].value == 4
    checkin, reply = checkins.answer(checkin, "very good", "SM2", NOW)
    assert reply == WITHDRAWAL.text
    checkin, reply = checkins.answer(checkin, "mild", "SM3", NOW)
    assert checkin.status == checkins.COMPLETED and reply == checkins.thank_you_text()
    assert {q: a.value for q, a in checkin.answers.items()} == {"symptoms": 4, "mood": 10, "withdrawal": 1}
    assert checkin.answers["withdrawal"].raw == "mild" and checkin.answers["withdrawal"].message_sid == "SM3"


def test_one_reask_then_the_question_is_recorded_unanswered():
    checkin, reply = checkins.answer(fresh(), "dunno", "SM1", NOW)
    assert reply.startswith("Sorry, I could not read that.") and "0 (none) to 10" in reply and checkin.position == 0
    checkin, reply = checkins.answer(checkin, "still dunno", "SM2", NOW)
    assert checkin.answers["symptoms"].value is None and checkin.position == 1 and reply == MOOD.text


def test_several_answers_in_one_text_fill_the_check_in_at_once():
    checkin, reply = checkins.answer(fresh(), "3,7,0", "SM1", NOW)
    assert checkin.status == checkins.COMPLETED and reply == checkins.thank_you_text()


def test_closing_records_the_unanswered_questions_as_missed():
    checkin, _ = checkins.answer(fresh(), "5", "SM1", NOW)
    closed = checkins.close(checkin, checkins.EXPIRED, NOW)
    assert closed.status == checkins.EXPIRED and closed.answers["mood"].value is None
    assert closed.answers["symptoms"].value == 5


@given(st.lists(st.text(max_size=60), max_size=8))
def test_every_reply_in_any_order_gets_a_one_segment_answer(replies):
    checkin = fresh()
    for n, text in enumerate(replies):
        if not checkin.is_open:
            break
        checkin, reply = checkins.answer(checkin, text, f"SM{n}", NOW)
        assert reply and texts.fits_one_segment(reply)
    assert checkin.position <= len(QUESTIONS)


def test_every_question_reask_and_nudge_fits_one_segment():
    for question in QUESTIONS:
        for text in (question.text, checkins.reask_text(question)):
            assert texts.fits_one_segment(text), text
    checkin = fresh()
    for _ in QUESTIONS:
        assert texts.fits_one_segment(checkins.nudge_text(checkin))
        checkin, _ = checkins.answer(checkin, "1", "SM", NOW)
