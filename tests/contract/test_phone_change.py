"""A patient's number changes (issue 15): the mapping moves with the profile, all or nothing, on the patient's sender,
with enrollment's refusals; and the jobs made for the old number can be cancelled by it. Both stores alike."""
from __future__ import annotations

from dataclasses import replace

import pytest

from shared.domain.jobs import JobStatus
from shared.domain.patients import PatientStatus, ProfileChange
from shared.errors import NumberUnavailable, PhoneTaken, StatusMoved
from tests.builders import a_patient
from tests.contract.records import LATER, NOW, a_job, enrolled, everything_of

OLD, NEW = "+12125550123", "+13125550177"
CLINIC_SENDER = "+13125550199"


def moved(store, patient, phone=NEW, **fields):
    change = ProfileChange(phone=phone, new_status=PatientStatus.AWAITING_CONSENT,
                           audit={"id": "ph1", "who": "admin@a", "action": "phone",
                                  "phone": {"from": "+1********23", "to": "+1********77"}},
                           jobs=(a_job("welcome2", kind="welcome", to=phone),), **fields)
    store.apply_change(patient, change, NOW)
    return store.get_patient(patient.patient_id)


def test_the_new_number_leads_to_the_patient_and_the_old_one_to_nobody(either):
    patient = enrolled(either, "p1", OLD, clinic_id="ca")
    after = moved(either, patient)
    assert after.phone == NEW and after.status is PatientStatus.AWAITING_CONSENT and after.version == patient.version + 1
    assert either.patient_for_phone(NEW).patient_id == "p1" and either.patient_for_phone(OLD) is None
    assert [a["action"] for a in either.audit_of("p1")] == ["phone"]
    assert [j.to for j in either.jobs_of("p1") if j.kind == "welcome"] == [NEW]


def test_the_old_number_is_free_to_enroll_once_it_moved(either):
    moved(either, enrolled(either, "p1", OLD, clinic_id="ca"))
    either.enroll(a_patient("p2", OLD, clinic_id="cb"), [])
    assert either.patient_for_phone(OLD).patient_id == "p2" and either.patient_for_phone(NEW).patient_id == "p1"


def test_a_new_number_clears_the_old_numbers_phone_problem(either):
    patient = enrolled(either, "p1", OLD)
    either.flag_phone_problem(patient, "21211", NOW)
    assert moved(either, either.get_patient("p1")).phone_problem == ""


@pytest.mark.parametrize("holder_clinic, refusal", [("ca", PhoneTaken), ("cb", NumberUnavailable)])
def test_a_number_in_another_patients_ongoing_plan_is_refused_as_at_enrollment_and_nothing_moves(either, holder_clinic,
                                                                                                 refusal):
    patient = enrolled(either, "p1", OLD, clinic_id="ca")
    enrolled(either, "p2", NEW, clinic_id=holder_clinic)
    before = everything_of(either, "p1")
    with pytest.raises(PhoneTaken) as refused:
        moved(either, patient)
    assert type(refused.value) is refusal
    if refusal is NumberUnavailable:  # another clinic's patient: the generic words, nothing of them
        assert "belongs" not in refused.value.message
    assert everything_of(either, "p1") == before
    assert either.patient_for_phone(OLD).patient_id == "p1" and either.patient_for_phone(NEW).patient_id == "p2"


def test_a_number_whose_plan_is_over_can_be_taken(either):
    done = enrolled(either, "p2", NEW, clinic_id="cb")
    either.set_status(done, PatientStatus.COMPLETED, NOW)
    moved(either, enrolled(either, "p1", OLD, clinic_id="ca"))
    assert either.patient_for_phone(NEW).patient_id == "p1"


def test_a_stale_read_moves_nothing(either):
    patient = enrolled(either, "p1", OLD)
    either.apply_change(patient, ProfileChange(plan_generation="g2"), NOW)
    before = everything_of(either, "p1")
    with pytest.raises(StatusMoved):
        moved(either, patient)
    assert everything_of(either, "p1") == before
    assert either.patient_for_phone(OLD).patient_id == "p1" and either.patient_for_phone(NEW) is None


def test_on_a_clinics_own_sender_the_number_moves_there_and_the_default_senders_patient_is_no_obstacle(either):
    enrolled(either, "px", NEW, clinic_id="cx")  # the new number is someone's on the default sender
    patient = enrolled(either, "p1", OLD, clinic_id="ca", sender=CLINIC_SENDER)
    moved(either, patient)
    assert either.patient_for_phone(NEW, CLINIC_SENDER).patient_id == "p1"
    assert either.patient_for_phone(OLD, CLINIC_SENDER) is None
    assert either.patient_for_phone(NEW).patient_id == "px"


def test_only_the_waiting_jobs_of_the_patients_side_addressed_to_the_old_number_are_cancelled(either):
    patient = enrolled(either, "p1", OLD)
    either.put_job(a_job("dose", to=OLD))
    either.put_job(a_job("email", kind="escalation_email", to="dr@example.org"))
    moved(either, patient)  # writes the welcome for the new number
    assert either.cancel_pending_jobs("p1", LATER, to=OLD) == 1
    statuses = {job.kind: job.status for job in either.jobs_of("p1")}
    assert statuses == {"dose_reminder": JobStatus.CANCELLED, "escalation_email": JobStatus.PENDING,
                        "welcome": JobStatus.PENDING}


def test_the_moved_patient_reads_back_whole(either):
    patient = enrolled(either, "p1", OLD)
    assert moved(either, patient) == replace(patient, phone=NEW, status=PatientStatus.AWAITING_CONSENT,
                                             version=patient.version + 1)
