"""The safety detector: explicit risk, warning signs and ordinary texts, in English and Spanish, as patients write."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from tests.debian import ensure_installed
from shared.domain.safety import Risk, RiskLevel, assess
from shared.domain.safety.normalise import tokens

EXPLICIT = [
    # the issue's own examples
    "I have been thinking of taking my own life", "i cut myself tonight", "me quiero matar",
    "going to overdose on my pills", "I want to die", "SI thoughts again", "kms", "no quiero vivir",
    # intent, plan, act, in other words
    "i'm going to end my life tonight", "I want to hang myself", "I took the whole bottle",
    "swallowed a handful of tylenol", "I'm planning to overdose this weekend", "I've been hurting myself",
    "I keep thinking about killing myself", "feeling very suicidal", "started self harming again",
    "going to jump off the bridge by my house", "I WANT TO KILL MYSELF", "i'm gonna unalive myself",
    "quiero matarme", "me voy a suicidar", "ya no quiero vivir", "me corté los brazos anoche",
    "me tomé todo el frasco", "voy a tomarme todas las pastillas", "pienso en matarme todos los días",
]
WARNING = [
    # the issue's own examples
    "no way out", "this is goodbye", "todos estarían mejor sin mí", "I've been stockpiling my pills",
    "i'd rather not exist", "I can't live like this anymore", "I want to go to sleep and not wake up",
    # 988 and C-SSRS warning signs in other words
    "I feel hopeless", "I'm such a burden to everyone", "my family would be better off without me",
    "I feel trapped", "the pain is unbearable", "I wish I was dead", "goodbye everyone", "I'm giving away my stuff",
    "I bought a rope", "nothing to live for anymore", "nobody would miss me", "soy una carga para mi familia",
    "ya no puedo más", "no hay salida", "ojalá no despertara mañana", "quisiera desaparecer", "adiós a todos",
    "estoy juntando pastillas", "la vida no tiene sentido",
]
ORDINARY = [
    # the issue's idioms
    "this pain is killing me", "dying to know", "dead tired", "my phone is dying", "I cut my finger cooking",
    "I could die of boredom lol", "od? no, just 3", "can't go on the trip, mood 6", "killing it at work",
    "me muero de hambre", "me mata el calor",
    # check-in answers, withdrawal talk and low mood numbers: the check-ins handle those
    "3 7 0", "7", "mood 1 today, rough week", "slept terribly, woke up 3 times", "vivid dreams again",
    "stomach cramps all afternoon", "anxiety through the roof today", "ánimo 2, dormí fatal", "sueños muy raros",
    # near misses
    "when do I cut my dose again", "can I take all my pills in the morning", "I'm so done with this rain",
    "goodbye for now", "thanks for everything, the taper went great", "my car battery died", "si", "sí, gracias",
    "mi jefe me va a matar", "me corté el pelo ayer", "se me murió el teléfono",
]


@pytest.mark.parametrize("text", EXPLICIT)
def test_intent_plan_or_act_of_suicide_or_self_harm_is_explicit(text):
    assert assess(text).level is RiskLevel.EXPLICIT, assess(text)


@pytest.mark.parametrize("text", WARNING)
def test_warning_signs_short_of_intent_are_at_least_a_warning(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", WARNING[:7])
def test_the_issues_warning_examples_are_warnings_not_explicit(text):
    assert assess(text).level is RiskLevel.WARNING, assess(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_idioms_withdrawal_talk_and_ordinary_replies_raise_nothing(text):
    assert assess(text).level is RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", [
    "not suicidal", "I'm not going to hurt myself", "I would never hurt myself, don't worry",
    "no thoughts of hurting myself, just sad", "I have no plans to kill myself", "never had any suicidal thoughts",
    "no SI, just low energy", "no quiero morir", "no me quiero matar", "no tengo pensamientos suicidas",
    "nunca me haría daño", "my therapist asked if I'm suicidal, I said no",
])
def test_a_negated_statement_raises_nothing(text):
    assert assess(text).level is RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", [
    "I'm not ok, I want to die", "not eating not sleeping want to die", "idk i just want to die",
    "I don't want to die but I can't go on", "no, I want to die",
])
def test_negation_reaches_only_the_words_it_governs(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", ["I don't want to live anymore", "ya no quiero vivir", "no quiero seguir viviendo"])
def test_not_wanting_to_live_is_explicit_though_it_is_negated(text):
    assert assess(text).level is RiskLevel.EXPLICIT, assess(text)


@pytest.mark.parametrize("text", ["sucide", "killl myself", "suisidarme", "i want to kil my self", "kill myslef",
                                  "suicdal thoughts all day", "i wnat to die", "pienso en el suisidio", "kiero morir"])
def test_misspelt_key_words_are_read(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", ["kms", "kmsss", "honestly im about to kys", "i wanna sewer slide",
                                  "thinking about ctb", "want to unalive", "i want 2 die", "want2die",
                                  "having SI again", "su1c1dal", "ur all better off w/o me"])
def test_slang_and_texting_shorthand_are_read(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


def test_spanish_si_is_never_suicidal_ideation():
    assert tokens("si, SI tengo dudas") == ["si", ",", "si", "tengo", "dudas"]
    assert tokens("SI thoughts") == ["suicidal", "ideation", "thoughts"]


@pytest.mark.parametrize("text", ["mood 1. I want to end it all", "2. want to end my life",
                                  "sleep 1 mood 0 want to die", "0/10 want to die", "ánimo 0, quiero morirme"])
def test_a_number_beside_intent_does_not_hide_it(text):
    assert assess(text).level is RiskLevel.EXPLICIT, assess(text)


@pytest.mark.parametrize("text", ["3 7 0", "4/10", "mood 0", "2, 6 y 1", "0 withdrawal symptoms, yay"])
def test_numbers_alone_raise_nothing(text):
    assert assess(text).level is RiskLevel.NONE


def test_a_question_answered_no_raises_nothing_but_a_question_left_open_does():
    assert assess("od? no, just 3").level is RiskLevel.NONE
    assert assess("should I just overdose?").level is RiskLevel.EXPLICIT


def test_joking_hyperbole_is_let_go_but_a_wish_to_die_is_not():
    assert assess("ugh kill me now, 4 more hours of this meeting lol").level is RiskLevel.NONE
    assert assess("lol i want to die").level is RiskLevel.EXPLICIT


def test_means_and_a_farewell_together_are_explicit():
    # Given two preparatory acts, neither explicit alone
    risk = assess("I bought a rope. this is goodbye")
    # Then they are read as a plan in the making
    assert risk.level is RiskLevel.EXPLICIT
    assert {"preparations", "means", "farewell"} <= set(risk.concepts)


def test_why_names_the_concept_and_the_words_that_showed_it():
    risk = assess("I want to go to sleep and not wake up")
    assert risk.concepts == ("passive_wish",)
    assert risk.why().startswith("warning signs: passive wish to be gone (")
    assert "wake up" in risk.matched[0] and "wake up" in risk.why()
    assert assess("I want to die").why().startswith("explicit risk: intent to die")
    assert assess("7").why() == "no risk language"


def test_concepts_and_matched_words_go_together():
    risk = assess("i cut myself tonight")
    assert risk.concepts == ("self_harm",) and risk.matched == ("cut myself",)


@pytest.mark.parametrize("text", ["me quiero matar", "ánimo 6, dormí mal", "suisidarme", "gracias por todo",
                                  "no quiero vivir"])
def test_a_spanish_text_reads_as_spanish_whatever_its_risk(text):
    assert assess(text).language == "es"


@pytest.mark.parametrize("text", ["I want to die", "mood 6", "7", "", "thanks!"])
def test_an_english_or_languageless_text_reads_as_english(text):
    assert assess(text).language == "en"


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x1b[31m", "\U0001F600" * 50, "x" * 1_000_000, "🔪💊",
                                  "\u202e\u200b", "I\u2019m done.\u2026", "\ud800"])
def test_assess_never_raises_on_odd_text(text):
    assert isinstance(assess(text), Risk)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_assess_returns_a_risk_for_any_text(text):
    risk = assess(text)
    assert isinstance(risk, Risk) and risk.level in RiskLevel and risk.language in ("en", "es")
    assert (risk.level is RiskLevel.NONE) == (risk.concepts == ())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ñé'.,?!0123456789")), max_size=80))
def test_assess_returns_a_risk_for_any_text_made_of_letters_digits_and_marks(text):
    assert isinstance(assess(text), Risk)


DICTIONARIES = {"wamerican": Path("/usr/share/dict/american-english"), "wspanish": Path("/usr/share/dict/spanish")}


def test_the_speller_never_turns_a_dictionary_word_into_another_word():
    # Given every word of the English and Spanish dictionaries (Debian's word lists), folded as the normaliser folds
    paths = [ensure_installed(package, path) for package, path in DICTIONARIES.items()]
    from shared.domain.safety import _SPELLER
    from shared.domain.safety.normalise import fold
    words = {fold(w.strip()) for d in paths for w in d.read_text(encoding="utf-8", errors="ignore").split()}
    wanted = {"goodby", "goodbyes", "goodbys", "farewells", "ideacion", "unbearably", "squirrelled", "squirrelling",
              "desperanza", "desparecer", "wanna", "quier", "quijero", "loll"}
    # Then none is rewritten, but for misspellings we mean to read (real_words.py lists the rest)
    rewritten = {w for w in words if w.isalpha() and _SPELLER.correct(w) != (w,)} - wanted
    assert not rewritten, sorted(rewritten)[:50]
