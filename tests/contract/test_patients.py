"""Patients: enrollment and its conditions (one number per plan going, retries, job ids), reads, status moves."""
from dataclasses import replace
from datetime import timedelta

import pytest

from shared.domain.patients import PatientStatus, ProfileChange
from shared.errors import JobExists, PhoneTaken, StatusMoved
from tests.builders import a_patient
from tests.contract.records import LATER, NOW, a_job, enrolled, everything_of


def test_an_enrolled_patient_reads_back_whole_by_id_and_by_phone(either):
    patient = a_patient("p1", status=PatientStatus.AWAITING_CONSENT, notes="prefers evenings",
                        enrollment={"clinic_name": "Demo", "step_mg": "1", "step_days": 4,
                                    "clinic_settings": {"quiet_start": "20:00", "discreet_texts": True}})
    either.enroll(patient, [a_job("welcome", kind="welcome")])
    assert either.get_patient("p1") == patient
    assert either.patient_for_phone(patient.phone) == patient
    assert [job.kind for job in either.jobs_of("p1")] == ["welcome"]


def test_unknown_ids_and_numbers_read_as_none(either):
    assert either.get_patient("nobody") is None and either.patient_for_phone("+12125550000") is None


def test_a_number_whose_plan_is_going_is_taken_and_the_loser_writes_nothing(either):
    enrolled(either, "p1")
    with pytest.raises(PhoneTaken):
        either.enroll(a_patient("p2"), [a_job("welcome", patient_id="p2")])
    assert either.get_patient("p2") is None and either.jobs_of("p2") == []
    assert either.patient_for_phone("+12125550123").patient_id == "p1"


def test_an_opted_out_patients_number_is_still_theirs(either):
    patient = enrolled(either, "p1")
    either.set_status(patient, PatientStatus.OPTED_OUT, NOW)
    with pytest.raises(PhoneTaken):
        either.enroll(a_patient("p2"), [])
    assert either.patient_for_phone("+12125550123").patient_id == "p1"


@pytest.mark.parametrize("over", [PatientStatus.COMPLETED, PatientStatus.CONSENT_EXPIRED])
@pytest.mark.parametrize("how", ["set_status", "apply_change"])
def test_a_number_can_be_enrolled_again_once_its_patients_plan_is_over(either, over, how):
    first = enrolled(either, "p1", status=PatientStatus.AWAITING_CONSENT if over is PatientStatus.CONSENT_EXPIRED
                     else PatientStatus.ACTIVE)
    if how == "set_status":
        either.set_status(first, over, NOW)
    else:
        either.apply_change(first, ProfileChange(new_status=over, audit={"id": "a1", "action": "end"}), NOW)
    # When the number is enrolled again for a new plan
    either.enroll(a_patient("p2"), [a_job("welcome", patient_id="p2")])
    # Then it leads to the new patient, and the old one is kept as it ended
    assert either.patient_for_phone("+12125550123").patient_id == "p2"
    assert either.get_patient("p1").status is over and either.get_patient("p2").status is PatientStatus.ACTIVE
    assert [job.job_id for job in either.jobs_of("p2")] == [a_job("welcome", patient_id="p2").job_id]
    with pytest.raises(PhoneTaken):  # and the new plan holds the number in turn
        either.enroll(a_patient("p3"), [])


def test_a_patient_whose_number_went_to_a_new_plan_can_still_move_between_plan_over_states(either):
    first = enrolled(either, "p1")
    either.set_status(first, PatientStatus.COMPLETED, NOW)
    enrolled(either, "p2")
    # When the first patient's record moves on (to another status where the plan is over)
    either.set_status(either.get_patient("p1"), PatientStatus.CONSENT_EXPIRED, LATER)
    # Then it does, and the number stays with the new plan
    assert either.get_patient("p1").status is PatientStatus.CONSENT_EXPIRED
    assert either.patient_for_phone("+12125550123").patient_id == "p2"
    with pytest.raises(PhoneTaken):
        either.enroll(a_patient("p3"), [])


def test_a_retried_enrollment_of_the_same_patient_changes_nothing(either):
    patient = a_patient("p1")
    either.enroll(patient, [a_job("welcome")])
    either.apply_change(either.get_patient("p1"), ProfileChange(plan_generation="g2"), NOW)
    before = everything_of(either)
    either.enroll(patient, [a_job("welcome"), a_job("other")])  # the SDK's retry after a lost answer
    assert everything_of(either) == before and before[0].plan_generation == "g2"


def test_an_enrollment_with_a_job_id_already_there_raises_job_exists_and_writes_nothing(either):
    taken = a_job("welcome", patient_id="p2", body="the first")
    either.put_job(taken)
    with pytest.raises(JobExists):
        either.enroll(a_patient("p2"), [a_job("fresh", patient_id="p2"), replace(taken, body="the second")])
    assert either.get_patient("p2") is None and either.patient_for_phone("+12125550123") is None
    assert [(job.job_id, job.body) for job in either.jobs_of("p2")] == [(taken.job_id, "the first")]
    either.enroll(a_patient("p2"), [])  # the number was not claimed
    assert either.patient_for_phone("+12125550123").patient_id == "p2"


def test_set_status_moves_from_the_status_read_and_no_other(either):
    patient = enrolled(either, status=PatientStatus.AWAITING_CONSENT)
    either.set_status(patient, PatientStatus.ACTIVE, NOW)
    with pytest.raises(StatusMoved):  # read while awaiting consent: it is active now
        either.set_status(patient, PatientStatus.CONSENT_EXPIRED, LATER)
    stored = either.get_patient("p1")
    assert (stored.status, stored.consented_at) == (PatientStatus.ACTIVE, NOW)


def test_a_status_change_checks_the_status_even_when_the_version_matches(either):
    patient = enrolled(either, status=PatientStatus.ACTIVE)
    misread = replace(patient, status=PatientStatus.OPTED_OUT)
    with pytest.raises(StatusMoved):
        either.set_status(misread, PatientStatus.ACTIVE, NOW)
    assert either.get_patient("p1") == patient


def test_a_change_to_a_patient_never_enrolled_fails(either):
    with pytest.raises(StatusMoved):
        either.apply_change(a_patient("ghost"), ProfileChange(plan_generation="g1"), NOW, [a_job(patient_id="ghost")])
    assert everything_of(either, "ghost") == (None, [], [], [], [], [])


def test_opting_out_remembers_the_status_before_and_consent_is_stamped_once(either):
    patient = enrolled(either, status=PatientStatus.AWAITING_CONSENT)
    either.set_status(patient, PatientStatus.ACTIVE, NOW)
    either.set_status(either.get_patient("p1"), PatientStatus.OPTED_OUT, LATER)
    out = either.get_patient("p1")
    assert (out.status, out.status_before_opt_out, out.consented_at) == (
        PatientStatus.OPTED_OUT, PatientStatus.ACTIVE, NOW)
    either.set_status(out, PatientStatus.ACTIVE, LATER + timedelta(hours=1))
    back = either.get_patient("p1")
    assert (back.status, back.status_before_opt_out, back.consented_at) == (
        PatientStatus.ACTIVE, PatientStatus.ACTIVE, NOW)


def test_a_status_change_to_the_status_already_there_keeps_the_stamps(either):
    patient = enrolled(either, status=PatientStatus.ACTIVE)
    either.set_status(patient, PatientStatus.ACTIVE, NOW)
    stored = either.get_patient("p1")
    assert (stored.status, stored.consented_at, stored.status_before_opt_out) == (PatientStatus.ACTIVE, None, None)


def test_a_phone_problem_is_kept_and_survives_a_change_read_before_it(either):
    patient = enrolled(either)
    either.flag_phone_problem(patient, "21614", NOW)
    either.apply_change(patient, ProfileChange(plan_generation="g2"), NOW)  # the flag does not move the version
    stored = either.get_patient("p1")
    assert (stored.phone_problem, stored.plan_generation) == ("21614", "g2")


def test_clinic_patients_are_listed_oldest_enrollment_first_and_by_status(either):
    either.enroll(a_patient("p3", phone="+12125550103", created_at=NOW), [])
    either.enroll(a_patient("p1", phone="+12125550101", created_at=NOW - timedelta(days=2)), [])
    either.enroll(a_patient("p2", phone="+12125550102", created_at=NOW - timedelta(days=1)), [])
    either.enroll(a_patient("p4", phone="+12125550104", clinic_id="c2"), [])
    either.set_status(either.get_patient("p2"), PatientStatus.OPTED_OUT, NOW)
    assert [p.patient_id for p in either.patients_of_clinic("c1")] == ["p1", "p2", "p3"]
    assert [p.patient_id for p in either.patients_of_clinic("c1", "active")] == ["p1", "p3"]
    assert [(p.patient_id, p.status) for p in either.patients_of_clinic("c1", "opted_out")] == [
        ("p2", PatientStatus.OPTED_OUT)]
    assert either.patients_of_clinic("c3") == [] and either.patients_of_clinic("c2", "completed") == []
    assert either.patients_of_clinic("c1")[1] == either.get_patient("p2")



def test_an_enrollment_under_a_patient_id_in_use_with_another_number_raises_job_exists(either):
    either.enroll(a_patient("p1"), [])
    with pytest.raises(JobExists):
        either.enroll(a_patient("p1", phone="+12125550199"), [])
    assert either.patient_for_phone("+12125550199") is None
    assert either.get_patient("p1").phone == "+12125550123"


def test_a_plan_over_while_opted_out_frees_the_number_and_keeps_the_opt_out(either):
    patient = enrolled(either)
    either.set_status(patient, PatientStatus.OPTED_OUT, NOW)
    with pytest.raises(PhoneTaken):
        either.enroll(a_patient("p2"), [])
    either.apply_change(either.get_patient("p1"), ProfileChange(plan_over_while_opted_out=True), LATER)
    ended = either.get_patient("p1")
    assert (ended.status, ended.status_before_opt_out) == (PatientStatus.OPTED_OUT, PatientStatus.COMPLETED)
    either.enroll(a_patient("p2"), [])  # the number is free for a new plan
    assert either.patient_for_phone("+12125550123").patient_id == "p2"


def test_a_patients_language_reads_back(either):
    patient = a_patient("p1", language="es")
    either.enroll(patient, [])
    assert either.get_patient("p1").language == "es" and either.patient_for_phone(patient.phone) == patient
    assert a_patient("p2").language == "en"
