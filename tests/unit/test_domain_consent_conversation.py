from datetime import time

import pytest
from hypothesis import given, strategies as st

from shared.domain import texts
from shared.domain.consent import is_yes
from shared.domain.conversation import Sender, respond
from shared.domain.patients import PatientStatus


@pytest.mark.parametrize("text", ["YES", "yes", "Y", "yes!", "ok yes", "Yes please", "yeah", "yep", "OK", "sure",
                                  "Yes, I agree", "yes \u2019", "  YES.  "])
def test_clear_yes_is_consent(text):
    assert is_yes(text)


@pytest.mark.parametrize("text", ["no", "not yet", "yes no", "don't", "what?", "7", "", "yes but later",
                                  "STOP", "help", "yes " * 7])
def test_anything_doubtful_is_not_consent(text):
    assert not is_yes(text)


def sender(status, before=None):
    return Sender(status=status, first_name="Ana", dose_time=time(21, 0), clinic_name="Demo Clinic",
                  clinic_phone="+1 212 555 0100", status_before_opt_out=before)


@given(st.text(max_size=300), st.sampled_from(list(PatientStatus) + [None]))
def test_every_text_in_every_state_gets_a_well_formed_one_segment_answer(body, status):
    outcome = respond(body, sender(status) if status else None)
    assert outcome.reply == "" or texts.fits_one_segment(outcome.reply)
    assert outcome.flags


def test_opted_out_patients_get_no_reply_except_crisis_and_start():
    out = sender(PatientStatus.OPTED_OUT, before=PatientStatus.ACTIVE)
    assert respond("how are you", out).reply == ""
    assert "988" in respond("i want to die", out).reply
    back = respond("START", out)
    assert back.new_status is PatientStatus.ACTIVE and back.reply


def test_help_names_the_clinic_and_its_phone():
    reply = respond("HELP", sender(PatientStatus.ACTIVE)).reply
    assert "Demo Clinic" in reply and "+1 212 555 0100" in reply and "STOP" in reply
