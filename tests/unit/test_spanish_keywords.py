"""Keywords, consent and the safety question's YES/NO in the patient's language (issue 16): the Spanish keywords
are a contract, exactly."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.domain import safety_question as safety
from shared.domain.consent import is_consent, is_yes
from shared.domain.keywords import Keyword, read_keyword

SPANISH = [("PARAR", Keyword.STOP), ("ALTO", Keyword.STOP), ("CANCELAR", Keyword.STOP), ("BASTA", Keyword.STOP),
           ("AYUDA", Keyword.HELP), ("COMENZAR", Keyword.START), ("REANUDAR", Keyword.START)]
ENGLISH = [("STOP", Keyword.STOP), ("STOPALL", Keyword.STOP), ("UNSUBSCRIBE", Keyword.STOP), ("CANCEL", Keyword.STOP),
           ("END", Keyword.STOP), ("QUIT", Keyword.STOP), ("REVOKE", Keyword.STOP), ("OPTOUT", Keyword.STOP),
           ("START", Keyword.START), ("UNSTOP", Keyword.START), ("HELP", Keyword.HELP), ("INFO", Keyword.HELP),
           ("CALL", Keyword.CALL), ("CALL ME", Keyword.CALL)]


@pytest.mark.parametrize("word, keyword", SPANISH)
def test_every_spanish_keyword_is_read_for_a_spanish_patient(word, keyword):
    assert read_keyword(word, language="es") is keyword


@pytest.mark.parametrize("word, keyword", ENGLISH)
def test_every_english_keyword_still_works_for_a_spanish_patient(word, keyword):
    assert read_keyword(word, language="es") is keyword


@pytest.mark.parametrize("word, keyword", ENGLISH)
def test_an_english_patient_keeps_every_english_keyword(word, keyword):
    assert read_keyword(word) is keyword and read_keyword(word, language="en") is keyword


@pytest.mark.parametrize("word", ["PARAR", "alto", "Cancelar", "basta!", "¡Parar!"])
def test_a_spanish_stop_word_from_an_english_patient_still_opts_out(word):
    assert read_keyword(word, language="en") is Keyword.STOP
    assert read_keyword(word) is Keyword.STOP


@pytest.mark.parametrize("word", ["AYUDA", "COMENZAR", "REANUDAR"])
def test_spanish_help_and_start_are_only_spanish_patients_keywords(word):
    assert read_keyword(word, language="en") is None


@pytest.mark.parametrize("body, keyword", [
    ("parar", Keyword.STOP), (" Parar ", Keyword.STOP), ("PÁRAR", Keyword.STOP), ("¡BASTA!", Keyword.STOP),
    ("alto.", Keyword.STOP), ("cancelár", Keyword.STOP), ("ayuda", Keyword.HELP), ("¿Ayuda?", Keyword.HELP),
    ("Ayúda", Keyword.HELP), ("comenzar", Keyword.START), ("Reanudar!", Keyword.START), ("reanudár", Keyword.START),
])
def test_spanish_keywords_are_read_in_any_case_with_or_without_accents(body, keyword):
    assert read_keyword(body, language="es") is keyword


@pytest.mark.parametrize("body", ["no quiero parar", "ayuda por favor con la dosis", "alto el dolor", "pararé",
                                  "bastante", "comenzaré mañana", "si", "sí", ""])
def test_a_spanish_keyword_inside_a_sentence_or_another_word_is_not_a_keyword(body):
    assert read_keyword(body, language="es") is None


def test_an_unknown_language_reads_as_english_and_still_honours_spanish_stop():
    assert read_keyword("PARAR", language="fr") is Keyword.STOP
    assert read_keyword("AYUDA", language="fr") is None and read_keyword("HELP", language="fr") is Keyword.HELP


@given(st.text(max_size=60), st.sampled_from(["en", "es", "", "xx"]))
def test_the_keyword_reader_never_raises_in_any_language(body, language):
    assert read_keyword(body, language=language) in (None, *Keyword)


@given(st.sampled_from(SPANISH + ENGLISH), st.sampled_from(["", " ", ".", "!", "¡", "  ¿"]))
def test_a_keyword_with_spaces_or_marks_around_it_reads_the_same_in_lower_case(pair, around):
    word, keyword = pair
    assert read_keyword(f"{around}{word.lower()}{around[::-1]}", language="es") is keyword


@pytest.mark.parametrize("body", ["SÍ", "sí", "Si", "si", "SI", "Sí!", "sí, por favor", "Si gracias", "Sí, acepto",
                                  "YES", "yes", "Yes please", "ok"])
def test_a_spanish_patient_consents_with_si_in_any_case_or_accent_or_with_yes(body):
    assert is_consent(body, language="es") is True


@pytest.mark.parametrize("body", ["no", "NO", "sí pero después", "todavía no", "claro que no", "sé", "siempre",
                                  "si tengo dudas, los llamo", "PARAR", "", "7"])
def test_a_doubtful_or_negative_spanish_reply_is_not_consent(body):
    assert is_consent(body, language="es") is False


@pytest.mark.parametrize("body", ["SÍ", "si", "Si gracias"])
def test_an_english_patient_does_not_consent_with_si(body):
    assert is_consent(body) is False and is_consent(body, language="en") is False


@given(st.text(max_size=40))
def test_an_english_patients_consent_is_exactly_yes_as_before(body):
    assert is_consent(body, language="en") == is_yes(body)


# The safety question's answer: SÍ/SI and NO for everyone, a Spanish patient's own words for "es"


@pytest.mark.parametrize("text, answer", [
    ("SÍ", "yes"), ("sí", "yes"), ("Si", "yes"), ("si.", "yes"), ("¡Sí!", "yes"), ("sí, a veces", "yes"),
    ("Ajá", "yes"), ("correcto", "yes"), ("sii", "yes"), ("YES", "yes"),
    ("NO", "no"), ("no", "no"), ("No, gracias", "no"), ("nunca", "no"), ("nel", "no"), ("no, nunca", "no"),
    ("no sé", None), ("No lo sé", None), ("no estoy segura", None), ("tal vez", None), ("7", None), ("", None),
    ("sí y no", "yes"),                                  # both: read as yes, a miss costs more than a call
    ("nunca lo haría, pero sí a veces lo pienso", None),  # a long reply starting with nunca is no NO
])
def test_a_spanish_patients_answer_to_the_safety_question(text, answer):
    assert safety.read_answer(text, language="es") == answer


@pytest.mark.parametrize("text, answer", [("Sí", "yes"), ("si", "yes"), ("NO", "no"), ("Ajá", None),
                                          ("correcto", None), ("nunca", None), ("nel", None)])
def test_an_english_patient_answers_si_or_no_and_the_spanish_only_words_are_not_read(text, answer):
    assert safety.read_answer(text) == answer and safety.read_answer(text, language="en") == answer


@given(st.text(max_size=60))
def test_a_yes_in_english_is_a_yes_in_spanish_and_the_default_is_english(text):
    english = safety.read_answer(text)
    assert english == safety.read_answer(text, language="en")
    assert safety.read_answer(text, language="es") in ("yes", "no", None)
    if english == "yes":
        assert safety.read_answer(text, language="es") == "yes"
