"""Retention and erasure (issue 19): the same promises from both stores."""
from __future__ import annotations

from datetime import date, timedelta

from shared.domain.patients import PatientStatus, ProfileChange
from shared.services.ports import InboundSms
from tests.builders import a_patient
from tests.contract.records import (NOW, a_checkin, a_job, an_escalation, enrolled, everything_of,
                                    finished)

PHONE = "+12125550123"


def with_a_history(store, patient_id: str = "p1", phone: str = PHONE):
    """A patient with a job, a finished check-in, an escalation, an audit entry and two texts."""
    patient = enrolled(store, patient_id, phone)
    store.put_job(a_job("j1", patient_id=patient_id))
    checkin = a_checkin()
    store.apply_change(patient, ProfileChange(checkin=checkin), NOW)
    patient = store.get_patient(patient_id)
    store.apply_change(patient, ProfileChange(checkin="remove", finished=finished(checkin),
                                              audit={"id": "a1", "who": "dr@x", "action": "hold", "at": "x"}), NOW)
    store.save_escalations(store.get_patient(patient_id), [an_escalation()])
    for n, body in enumerate(("YES", "feeling low")):
        store.save_inbound(InboundSms(f"SM{patient_id}{n}", phone, "+15005550006", body, NOW + timedelta(minutes=n)),
                           store.get_patient(patient_id), "thanks", [])
    return store.get_patient(patient_id)


def test_erasing_a_patient_leaves_nothing_the_ports_can_read(either):
    patient = with_a_history(either)
    assert all(everything_of(either)[1:])  # jobs, escalations, check-ins, audit and texts are there
    assert either.erase(patient, "admin@clinic", NOW) > 0
    assert everything_of(either) == (None, [], [], [], [], [])
    assert either.patient_for_phone(PHONE) is None
    assert either.reply_for("SMp10") is None and either.reply_for("SMp11") is None  # the dedupe went too
    assert list(either.due_jobs(NOW + timedelta(days=1))) == []


def test_an_erasure_is_logged_with_who_when_and_the_id_only(either):
    patient = with_a_history(either)
    either.erase(patient, "admin@clinic", NOW)
    [entry] = either.erasures_of(patient.clinic_id)
    assert {k: entry[k] for k in ("patient_id", "by", "at")} == {"patient_id": "p1", "by": "admin@clinic",
                                                                  "at": "2027-03-10T14:00:00Z"}
    assert entry["items"] > 0
    assert patient.first_name not in str(entry) and patient.phone not in str(entry)
    assert either.erasures_of("another clinic") == []


def test_erasing_one_patient_leaves_the_others_and_a_number_enrolled_again(either):
    first = with_a_history(either)
    either.set_status(first, PatientStatus.COMPLETED, NOW)  # the plan is over: the number is free
    second = with_a_history(either, "p2")  # the same number, enrolled again
    either.erase(either.get_patient("p1"), "admin@clinic", NOW)
    assert either.patient_for_phone(PHONE).patient_id == "p2"
    assert either.get_patient("p2") == second and [j.job_id for j in either.jobs_of("p2")]
    assert len(either.messages_of_patient("p2")) == 2 and either.reply_for("SMp20") == "thanks"


def test_a_finished_patients_retention_reads_back_on_the_profile(either):
    patient = enrolled(either, "p1")
    assert patient.kept_until is None
    assert either.keep_data_until(patient, date(2034, 3, 10)) > 0
    assert either.get_patient("p1").kept_until == date(2034, 3, 10)
    later = either.get_patient("p1")
    either.apply_change(later, ProfileChange(new_status=PatientStatus.COMPLETED), NOW)
    assert either.get_patient("p1").kept_until == date(2034, 3, 10)  # later changes keep it


def test_erasing_a_patient_who_was_never_stored_removes_nothing_else(either):
    enrolled(either, "p2", "+12125550124")
    assert either.erase(a_patient("ghost", phone="+12125550124"), "admin@clinic", NOW) == 0
    assert either.get_patient("p2") is not None and either.patient_for_phone("+12125550124").patient_id == "p2"


def test_a_text_or_an_escalation_for_a_patient_erased_since_they_were_read_writes_nothing(either):
    from shared.errors import JobExists, StatusMoved
    import pytest

    patient = with_a_history(either)
    either.erase(patient, "admin@clinic", NOW)
    with pytest.raises(StatusMoved):
        either.save_inbound(InboundSms("SMlate", PHONE, "+15005550006", "hello", NOW), patient, "thanks", [])
    with pytest.raises(JobExists):
        either.save_escalations(patient, [an_escalation("e9")])
    assert everything_of(either) == (None, [], [], [], [], []) and either.reply_for("SMlate") is None


def test_a_late_delivery_failure_does_not_bring_an_erased_profile_back(either):
    patient = with_a_history(either)
    either.erase(patient, "admin@clinic", NOW)
    either.flag_phone_problem(patient, "30006", NOW)
    assert either.get_patient("p1") is None
