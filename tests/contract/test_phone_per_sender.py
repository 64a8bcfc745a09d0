"""A patient's number is theirs on one sender (issue 15, each clinic its own sender): the same promises from both
stores. The default sender is "", a clinic's own sender its number or Messaging Service SID."""
from __future__ import annotations

from datetime import timedelta

import pytest

from shared.domain.patients import PatientStatus, ProfileChange
from shared.errors import NumberUnavailable, PhoneTaken
from tests.builders import a_patient
from tests.contract.records import NOW, a_job, enrolled

PHONE = "+12125550123"
CLINIC_B_NUMBER = "+13125550199"
SERVICE = "MG" + "ab" * 16


def test_the_same_number_is_two_patients_on_two_senders_and_each_is_found_by_its_sender(either):
    enrolled(either, "pa", PHONE, clinic_id="ca")
    enrolled(either, "pb", PHONE, clinic_id="cb", sender=CLINIC_B_NUMBER)
    enrolled(either, "pc", PHONE, clinic_id="cc", sender=SERVICE)
    assert either.patient_for_phone(PHONE).patient_id == "pa"
    assert either.patient_for_phone(PHONE, "").patient_id == "pa"
    assert either.patient_for_phone(PHONE, CLINIC_B_NUMBER).patient_id == "pb"
    assert either.patient_for_phone(PHONE, SERVICE).patient_id == "pc"
    assert either.get_patient("pb").sender == CLINIC_B_NUMBER and either.get_patient("pa").sender == ""


def test_a_number_on_a_sender_nobody_enrolled_it_on_is_nobodys(either):
    enrolled(either, "pa", PHONE, clinic_id="ca")
    assert either.patient_for_phone(PHONE, CLINIC_B_NUMBER) is None
    enrolled(either, "pb", "+12125550124", clinic_id="cb", sender=CLINIC_B_NUMBER)
    assert either.patient_for_phone("+12125550124") is None


def test_on_a_shared_sender_another_clinics_patient_makes_a_refusal_that_says_nothing_of_them(either):
    enrolled(either, "pa", PHONE, clinic_id="ca")
    with pytest.raises(NumberUnavailable) as refused:
        either.enroll(a_patient("pb", PHONE, clinic_id="cb"), [a_job("welcome", patient_id="pb")])
    assert "belongs" not in refused.value.message and either.get_patient("pb") is None
    assert either.jobs_of("pb") == [] and either.patient_for_phone(PHONE).patient_id == "pa"


def test_on_a_shared_sender_the_clinics_own_patient_makes_todays_answer(either):
    enrolled(either, "pa", PHONE, clinic_id="ca", sender=CLINIC_B_NUMBER)
    with pytest.raises(PhoneTaken) as refused:
        either.enroll(a_patient("pb", PHONE, clinic_id="ca", sender=CLINIC_B_NUMBER), [])
    assert type(refused.value) is PhoneTaken and "already belongs to a patient" in refused.value.message


def test_a_plan_over_frees_the_number_on_its_own_sender_only(either):
    first = enrolled(either, "pa", PHONE, clinic_id="ca", sender=CLINIC_B_NUMBER)
    enrolled(either, "px", PHONE, clinic_id="cx")  # the same person at a clinic on the default sender
    either.apply_change(first, ProfileChange(new_status=PatientStatus.COMPLETED), NOW)
    either.enroll(a_patient("pb", PHONE, clinic_id="cb", sender=CLINIC_B_NUMBER), [])
    assert either.patient_for_phone(PHONE, CLINIC_B_NUMBER).patient_id == "pb"
    with pytest.raises(NumberUnavailable):  # the default sender's patient still holds it there
        either.enroll(a_patient("py", PHONE, clinic_id="cy"), [])


def test_erasing_a_patient_frees_their_number_on_their_sender_and_leaves_the_other(either):
    mine = enrolled(either, "pa", PHONE, clinic_id="ca", sender=CLINIC_B_NUMBER,
                    status=PatientStatus.COMPLETED)
    enrolled(either, "px", PHONE, clinic_id="cx")
    assert either.erase(mine, "admin@a", NOW) >= 2  # the profile and the mapping at least
    assert either.patient_for_phone(PHONE, CLINIC_B_NUMBER) is None
    assert either.patient_for_phone(PHONE).patient_id == "px"
    either.enroll(a_patient("pb", PHONE, clinic_id="cb", sender=CLINIC_B_NUMBER), [])


def test_retention_reaches_the_patient_by_their_own_sender(either):
    mine = enrolled(either, "pa", PHONE, clinic_id="ca", sender=SERVICE, status=PatientStatus.COMPLETED)
    assert either.keep_data_until(mine, (NOW + timedelta(days=30)).date()) >= 1
    assert either.patient_for_phone(PHONE, SERVICE).kept_until == (NOW + timedelta(days=30)).date()
