"""The reply reader in Spanish (issue 16): example and property tests, like the English ones in
test_domain_checkins.py. A Spanish patient's reply is read in Spanish and English, with or without accents."""
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.domain import reader
from shared.domain.questions import HIGHER_IS_WORSE, QUESTIONS
from shared.domain.reader import read_reply

SYMPTOMS, MOOD, WITHDRAWAL = QUESTIONS
ALL = QUESTIONS
SPANISH_NUMBERS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"]
ENGLISH_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def es(text, questions=ALL):
    return read_reply(text, questions, language="es").values


def without_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize("text, value", [
    ("siete", 7), ("Siete", 7), ("SIETE!", 7), ("cero", 0), ("diez", 10), ("uno", 1), ("una", 1), ("dos", 2),
    ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("ocho", 8), ("nueve", 9),
    ("ninguno", 0), ("ninguna", 0), ("nada", 0), ("sin síntomas", 0), ("lo peor", 10),
    ("7", 7), ("6-7", 7), ("6 a 7", 7), ("6 o 7", 7), ("de 6 a 7", 7), ("entre 6 y 7", 7), ("6–7", 7),
    ("7 de 10", 7), ("7/10", 7), ("siete de diez", 7), ("7 sobre 10", 7), ("creo que 8", 8), ("como un 5", 5),
    ("seven", 7), ("7 out of 10", 7), ("none", 0), ("una noche mala, 6", 6), ("7.5", 8),
])
def test_symptom_replies_spanish_patients_write(text, value):
    assert es(text)[:1] == (value,)


@pytest.mark.parametrize("text, value", [
    ("ninguno", 0), ("Ninguna", 0), ("nada", 0), ("ningún efecto", 0), ("ningun efecto", 0), ("no", 0),
    ("leve", 1), ("Leve.", 1), ("moderado", 2), ("moderada", 2), ("MODERADO", 2), ("fuerte", 3), ("severo", 3),
    ("severa", 3), ("grave", 3), ("uno", 1), ("dos", 2), ("1-2", 2), ("1 o 2", 2), ("mild", 1), ("severe", 3),
])
def test_withdrawal_words_in_spanish_and_english_read_on_its_scale(text, value):
    assert es(text, (WITHDRAWAL,)) == (value,)


@pytest.mark.parametrize("text, value", [("6-7", 6), ("6 a 7", 6), ("entre 6 y 7", 6), ("muy bajo", 0),
                                         ("muy baja", 0), ("muy bien", 10), ("muy buena", 10), ("fatal", 0),
                                         ("genial", 10), ("8 de 10", 8), ("very good", 10), ("estado de ánimo 7", 7)])
def test_mood_ranges_take_the_lower_end_and_spanish_mood_words_count(text, value):
    assert es(text, (MOOD, WITHDRAWAL))[:1] == (value,)


@pytest.mark.parametrize("text", ["3, 7 y 0", "3 7 0", "3,7,0", "tres siete cero", "tres, siete y cero",
                                  "síntomas 3, ánimo 7, abstinencia 0", "sintomas 3 animo 7 abstinencia 0",
                                  "3 y 7 y 0", "3, luego 7, luego 0", "síntomas 3 estado de ánimo 7 sueño 0",
                                  "three, siete y 0"])
def test_several_spanish_answers_fill_the_next_questions(text):
    assert es(text) == (3, 7, 0)


@pytest.mark.parametrize("text, value", [("8, quizás 9", 8), ("creo que 4 pero ayer 6", 4), ("una vez 3", 3),
                                         ("tuve una noche mala y 6", 6)])
def test_a_number_in_a_spanish_sentence_answers_one_question(text, value):
    assert es(text) == (value,)


@pytest.mark.parametrize("text, questions", [
    ("no sé", ALL), ("No lo sé", ALL), ("no se", (WITHDRAWAL,)), ("no sé", (WITHDRAWAL,)), ("ni idea", (WITHDRAWAL,)),
    ("no estoy segura", (WITHDRAWAL,)), ("bien", (MOOD,)), ("nada", (MOOD,)), ("ninguno", (MOOD,)),
    ("no muy bien", (MOOD,)), ("once", ALL), ("11", ALL), ("cuatro", (WITHDRAWAL,)), ("grave", (MOOD,)),
    ("hola", ALL), ("", ALL), ("¿qué?", ALL), ("muy bajo", ALL),
])
def test_unreadable_or_out_of_range_spanish_gives_nothing(text, questions):
    assert es(text, questions) == ()


def test_an_unsure_english_reply_is_not_the_withdrawal_answer_no():
    assert read_reply("no idea", (WITHDRAWAL,)).values == ()
    assert read_reply("no", (WITHDRAWAL,)).values == (0,)


@pytest.mark.parametrize("text", ["7", "6-7", "3 7 0", "seven", "none", "mild", "very low", "7/10", "8, maybe 9"])
def test_an_english_patients_reading_is_the_same_with_the_default_language(text):
    assert read_reply(text, ALL) == read_reply(text, ALL, language="en")


# Properties, like the English ones


@given(st.text(max_size=200), st.integers(0, 2), st.sampled_from(["es", "en", "xx"]))
def test_the_reader_never_raises_and_only_returns_values_in_range_in_any_language(text, start, language):
    questions = ALL[start:]
    values = reader._values(text, questions, language)
    assert len(values) <= len(questions) and all(q.accepts(v) for q, v in zip(questions, values))
    assert read_reply(text, questions, language=language).values == tuple(values)


SPANISH_BITS = ["síntomas", "ánimo", "sueño", "abstinencia", "ningún", "ninguno", "nada", "leve", "moderado", "grave",
                "sí", "no", "sé", "y", "o", "a", "de", "10", "7", "3", "0", "-", ",", "siete", "tres", "diez", "más",
                "también", "después", "está", "mejoró", "dolió", "náuseas"]
SPANISH_TEXT = st.lists(st.sampled_from(SPANISH_BITS), max_size=8).map(" ".join)


@given(SPANISH_TEXT, st.integers(0, 2))
def test_spanish_words_in_any_order_read_in_range(text, start):
    questions = ALL[start:]
    values = es(text, questions)
    assert all(q.accepts(v) for q, v in zip(questions, values))


@given(SPANISH_TEXT, st.integers(0, 2))
def test_a_reply_reads_the_same_with_or_without_its_accents(text, start):
    assert es(text, ALL[start:]) == es(without_accents(text), ALL[start:])


@given(st.integers(0, 10), st.integers(0, 2))
def test_a_spanish_number_word_reads_as_its_digit(value, start):
    questions = ALL[start:]
    assert es(SPANISH_NUMBERS[value], questions) == es(str(value), questions)
    assert es(SPANISH_NUMBERS[value].upper(), questions) == es(str(value), questions)


@given(st.integers(0, 10))
def test_an_english_number_word_reads_the_same_for_a_spanish_patient(value):
    assert es(ENGLISH_NUMBERS[value]) == read_reply(ENGLISH_NUMBERS[value], ALL).values == (value,)


@given(st.integers(0, 10))
def test_a_bare_number_in_range_is_read_as_itself_for_a_spanish_patient(value):
    assert es(str(value)) == (value,) and es(f"{value} de 10") == (value,)


@given(st.integers(0, 10), st.integers(0, 10), st.integers(0, 3), st.booleans(), st.booleans())
def test_three_answers_in_one_spanish_text_fill_the_check_in(symptoms, mood, withdrawal, spelled, with_y):
    def say(n):
        return SPANISH_NUMBERS[n] if spelled else str(n)
    text = f"{say(symptoms)}, {say(mood)} {'y' if with_y else ','} {say(withdrawal)}"
    assert es(text) == (symptoms, mood, withdrawal)


@given(st.integers(0, 10), st.integers(0, 10), st.sampled_from(["-", " a ", " o ", " - "]), st.integers(0, 1))
def test_a_spanish_range_reads_as_its_worse_end(a, b, joiner, which):
    question = (SYMPTOMS, MOOD)[which]
    worse = max(a, b) if question.worse == HIGHER_IS_WORSE else min(a, b)
    assert es(f"{a}{joiner}{b}", (question,)) == (worse,)
    assert es(f"entre {a} y {b}", (question,)) == (worse,)


@given(st.text(alphabet="0123456789 ,;/-.", max_size=30), st.integers(0, 2))
def test_digits_and_punctuation_read_the_same_in_either_language(text, start):
    assert es(text, ALL[start:]) == read_reply(text, ALL[start:]).values


@given(st.sampled_from(sorted(WITHDRAWAL.scale_words("es").items())), st.booleans())
def test_every_spanish_withdrawal_word_reads_as_its_value_in_any_case(pair, upper):
    word, value = pair
    assert es(word.upper() if upper else word, (WITHDRAWAL,)) == (value,)
