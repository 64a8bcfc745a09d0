import pytest
from hypothesis import given, strategies as st

from shared.domain import texts
from shared.domain.crisis import mentions_crisis
from shared.domain.keywords import Keyword, read_keyword

LONGEST_CLINIC = "C" * 40
LONGEST_PHONE = "+1 (555) 555-5555"


@pytest.mark.parametrize("text", [
    texts.help_text(LONGEST_CLINIC, LONGEST_PHONE), texts.help_text(LONGEST_CLINIC, ""), texts.not_enrolled_text(),
    texts.crisis_text(), texts.note_received_text(), texts.opted_out_text(), texts.opted_in_text(),
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
    assert "988" in texts.crisis_text() and "911" in texts.crisis_text()


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


CRISIS_CORPUS = [
    "I want to die", "i wanna die", "thinking about killing myself", "gonna kill my self", "I might end it all",
    "there is no reason to live", "I want to hurt myself", "suicidal today", "feeling sucidal", "kms",
    "I don\u2019t want to live anymore", "thinking of self-harm", "wish I were dead", "nothing to live for",
    "might overdose", "I want to take my own life", "KILL MYSELF", "thinking about ending it all",
    "I might hang myself", "Id rather be dead", "kill me now", "I want 2 die", "they are better off without me",
    "no point living anymore", "going to take all my pills", "i cant go on", "I can't take it anymore",
    "3 and honestly i want to die", "mood 0. suicidal.", "want to unalive", "I wish I wasn't alive",
    "Ready to die", "i'm going to end my life", "cutting myself again", "life isn't worth living",
    "I feel like dying", "thinking about dying", "wish i could die", "dont wanna live", "i dont wanna be here anymore",
    "tired of living", "nobody would miss me", "off myself", "kill myslef", "kil myself", "killmyself", "want2die",
    "I took all my pills",
]


@pytest.mark.parametrize("body", CRISIS_CORPUS)
def test_crisis_language_is_caught(body):
    assert mentions_crisis(body)


@pytest.mark.parametrize("body", ["7", "mood 3 today", "sleep was bad", "HELP", "killing it at work",
                                  "dying to see my kids", "the end of the week", "stomach upset, 2",
                                  "vivid dreams", "yes", "moderate", "the odd headache"])
def test_ordinary_replies_are_not_crisis(body):
    assert not mentions_crisis(body)


@given(st.text())
def test_crisis_check_and_keyword_reader_never_raise(body):
    assert mentions_crisis(body) in (True, False)
    assert read_keyword(body) in (None, *Keyword)
