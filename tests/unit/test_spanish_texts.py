"""Spanish texts (issue 16): each fits one GSM-7 segment at its longest, folded into GSM-7 character by character
as the GSM 03.38 table allows, and the English texts are unchanged."""
from __future__ import annotations

from datetime import date, time
from decimal import Decimal as D

import pytest

from shared.domain import checkins, safety_question, texts
from shared.domain.gsm7 import GSM7_BASIC, GSM7_EXTENDED, gsm_fold
from shared.domain.questions import QUESTIONS

WORST_CLINIC, WORST_NAME, WORST_PHONE = "C" * 40, "F" * 20, "+1 (555) 555-5555"
DOSES = (D("5.75"), D("0.25"), D("2.25"))

# GSM 03.38's default alphabet, written out in code order 0x00-0x7F (0x1B is the escape to the extension table),
# independently of the sets the service uses.
GSM_03_38 = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
             "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_03_38_EXTENSION = "\f^{}\\[~]|€"


def every_text(language: str, discreet: bool) -> list[str]:
    rendered = [
        texts.help_text(WORST_CLINIC, WORST_PHONE, discreet, language), texts.help_text(WORST_CLINIC, "", discreet, language),
        texts.welcome_text(WORST_CLINIC, WORST_NAME, discreet, language), texts.welcome_text(WORST_CLINIC, "李", discreet, language),
        texts.consent_reminder_text(WORST_CLINIC, discreet, language), texts.taper_done_text(WORST_CLINIC, discreet, language),
        texts.consent_confirmed_text(WORST_NAME, time(10, 30), language), texts.consent_confirmed_text("", time(21), language),
        texts.not_enrolled_text(language), texts.note_received_text(language), texts.opted_out_text(language),
        texts.opted_in_text(language), texts.already_active_text(language), texts.call_requested_text(language),
        texts.resubscribed_text(language), texts.plan_held_text(WORST_CLINIC, D("5.75"), language),
        texts.plan_ended_text(WORST_CLINIC, D("5.75"), language), checkins.thank_you_text(language),
        texts.plan_changed_text(WORST_CLINIC, D("5.75"), D("5.25"), date(2027, 9, 29), language),
        texts.plan_changed_text(WORST_CLINIC, D("5.75"), language=language),
    ]
    rendered += [text(language) for text in (safety_question.question_text, safety_question.reask_text,
                                             safety_question.answered_no_text, safety_question.warning_after_no_text,
                                             safety_question.crisis_text, safety_question.unknown_number_warning_text)]
    rendered += [checkins.question_text(q, language) for q in QUESTIONS]
    rendered += [checkins.reask_text(q, language) for q in QUESTIONS]
    rendered += [f(checkins.CheckIn("c", "step", None, None, position=n), language)  # type: ignore[arg-type]
                 for n in range(len(QUESTIONS)) for f in (checkins.nudge_text,)]
    for dose in DOSES:
        for previous in (None, D("5.75")):
            for tomorrow, last in ((None, False), (D("0.25"), False), (None, True)):
                rendered.append(texts.dose_reminder_text(WORST_CLINIC, dose, previous=previous, tomorrow=tomorrow,
                                                         last=last, discreet=discreet, language=language))
    return rendered


@pytest.mark.parametrize("discreet", [False, True])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_text_fits_one_gsm7_segment_at_its_longest(language, discreet):
    for text in every_text(language, discreet):
        assert texts.gsm7_length(text) is not None, f"needs UCS-2: {text!r}"
        assert texts.fits_one_segment(text), f"{texts.gsm7_length(text)} septets: {text!r}"


def test_the_service_uses_the_gsm_03_38_alphabet():
    assert len(GSM_03_38) == 128 and GSM7_BASIC == set(GSM_03_38) - {"\x1b"}
    assert GSM7_EXTENDED == set(GSM_03_38_EXTENSION)


@pytest.mark.parametrize("char, folded", [
    ("á", "a"), ("é", "é"), ("í", "i"), ("ó", "o"), ("ú", "u"), ("ü", "ü"), ("ñ", "ñ"), ("¿", "¿"), ("¡", "¡"),
    ("Á", "A"), ("É", "É"), ("Í", "I"), ("Ó", "O"), ("Ú", "U"), ("Ü", "Ü"), ("Ñ", "Ñ"), ("à", "à"), ("ç", "c"),
    ("\u201c", ""), ("\U0001F600", ""),
])
def test_each_spanish_character_folds_to_what_gsm_03_38_has(char, folded):
    assert gsm_fold(char) == folded
    assert (char in GSM_03_38) == (folded == char)  # kept exactly when the table has it


def test_spanish_texts_keep_n_tilde_and_the_inverted_marks_and_lose_the_other_accents():
    assert texts.plan_held_text("Clinica Sur", D("2"), "es") == (
        "Clinica Sur: Sigue con 2 mg cada noche hasta que tu equipo de salud se comunique contigo.")
    assert texts.welcome_text("Sur", "Begoña", language="es").startswith("Sur: Hola Begona, tu reduccion de LDN")
    reminder = texts.dose_reminder_text("Sur", D("2"), last=True, language="es")
    assert reminder == "Sur: Esta noche: LDN 2 mg. Es tu ultima dosis."
    assert texts.consent_confirmed_text("María", time(21), "es").startswith("¡Gracias Maria! Recibiras")
    assert texts.dose_reminder_text("Sur", D("2"), tomorrow=D("1"), language="es").endswith("Desde mañana: 1 mg.")


def test_english_texts_are_unchanged():
    assert texts.welcome_text("Demo", "María") == ("Demo: Hi Maria, your LDN taper dose reminders and check-ins by "
                                                   "text. Reply YES to start, STOP to opt out.")
    assert texts.plan_changed_text("Demo", D("2"), D("1"), date(2027, 1, 4)) == (
        "Demo: Your care team updated your plan: 2 mg tonight, then 1 mg from Mon 4 Jan.")
    assert texts.plan_changed_text("Demo", D("2"), D("1"), date(2027, 1, 4), "es") == (
        "Demo: Tu equipo de salud cambio tu plan: 2 mg esta noche, luego 1 mg desde el lun 4 ene.")
    assert texts.help_text("Demo", "") == ("Demo LDN taper texts. Msg freq varies. Help: call your clinic. Msg&data "
                                           "rates may apply. CALL for a call, STOP to opt out.")


def test_a_language_we_do_not_text_in_is_english():
    assert texts.opted_out_text("fr") == texts.opted_out_text("en")
