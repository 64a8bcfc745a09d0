import pytest
from hypothesis import given, strategies as st

from shared.domain import safety_question, texts
from shared.domain.safety import RiskLevel, assess
from shared.domain.keywords import Keyword, read_keyword

LONGEST_CLINIC = "C" * 40
LONGEST_PHONE = "+1 (555) 555-5555"


@pytest.mark.parametrize("text", [
    texts.help_text(LONGEST_CLINIC, LONGEST_PHONE), texts.help_text(LONGEST_CLINIC, ""), texts.not_enrolled_text(),
    safety_question.crisis_text(), texts.note_received_text(), texts.opted_out_text(), texts.opted_in_text(),
])
def test_every_text_fits_one_gsm7_segment_at_its_longest(text):
    assert texts.gsm7_length(text) is not None, f"needs UCS-2: {text!r}"
    assert texts.fits_one_segment(text), f"{texts.gsm7_length(text)} septets: {text!r}"


def test_curly_quote_or_emoji_is_not_gsm7_and_extended_chars_count_double():
    assert texts.gsm7_length("don\u2019t") is None
    assert texts.gsm7_length("ok \U0001F600") is None
    assert texts.gsm7_length("a[b]") == 6
    assert not texts.fits_one_segment("x" * 161)
    assert texts.fits_one_segment("x" * 160)


def test_crisis_text_names_988_and_911():
    assert "988" in safety_question.crisis_text() and "911" in safety_question.crisis_text()


@pytest.mark.parametrize("body, keyword", [
    ("HELP", Keyword.HELP), (" help ", Keyword.HELP), ("Help!", Keyword.HELP), ("info", Keyword.HELP),
    ("STOP", Keyword.STOP), ("stopall", Keyword.STOP), ("Unsubscribe", Keyword.STOP), ("cancel", Keyword.STOP),
    ("end", Keyword.STOP), ("quit", Keyword.STOP), ("revoke", Keyword.STOP), ("optout", Keyword.STOP),
    ("START", Keyword.START), ("unstop", Keyword.START),
])
def test_keywords_are_read_whole_in_any_case(body, keyword):
    assert read_keyword(body) is keyword


@pytest.mark.parametrize("body", ["please stop texting so late", "help me understand", "7", "", "stopp"])
def test_a_keyword_inside_a_sentence_is_not_a_keyword(body):
    assert read_keyword(body) is None


# The first detector's own examples, sorted into the safety net's two levels (issue 13): intent, plan or act is
# explicit; passive wishes, hopelessness, burden and feeling trapped are warning signs (the safety question).
EXPLICIT_EXAMPLES = [
    "I want to die", "i wanna die", "thinking about killing myself", "gonna kill my self", "I might end it all",
    "I want to hurt myself", "suicidal today", "feeling sucidal", "kms", "I don\u2019t want to live anymore",
    "thinking of self-harm", "might overdose", "I want to take my own life", "KILL MYSELF",
    "thinking about ending it all", "I might hang myself", "I want 2 die", "going to take all my pills",
    "3 and honestly i want to die", "mood 0. suicidal.", "want to unalive", "Ready to die", "i'm going to end my life",
    "cutting myself again", "dont wanna live", "off myself", "kill myslef", "kil myself", "killmyself", "want2die",
    "I took all my pills",
]
WARNING_EXAMPLES = [
    "there is no reason to live", "wish I were dead", "nothing to live for", "Id rather be dead", "kill me now",
    "they are better off without me", "no point living anymore", "i cant go on", "I can't take it anymore",
    "I wish I wasn't alive", "life isn't worth living", "I feel like dying", "thinking about dying", "wish i could die",
    "i dont wanna be here anymore", "tired of living", "nobody would miss me",
]


@pytest.mark.parametrize("body", EXPLICIT_EXAMPLES)
def test_crisis_language_is_caught_as_explicit(body):
    assert assess(body).level is RiskLevel.EXPLICIT


@pytest.mark.parametrize("body", WARNING_EXAMPLES)
def test_warning_signs_are_caught_at_least_as_warnings(body):
    assert assess(body).level is not RiskLevel.NONE


@pytest.mark.parametrize("body", ["7", "mood 3 today", "sleep was bad", "HELP", "killing it at work",
                                  "dying to see my kids", "the end of the week", "stomach upset, 2",
                                  "vivid dreams", "yes", "moderate", "the odd headache"])
def test_ordinary_replies_are_not_crisis(body):
    assert assess(body).level is RiskLevel.NONE


@given(st.text())
def test_crisis_check_and_keyword_reader_never_raise(body):
    assert assess(body).level in RiskLevel
    assert read_keyword(body) in (None, *Keyword)
