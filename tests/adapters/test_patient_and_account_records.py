from datetime import datetime, timedelta, timezone

import pytest

from shared.domain.accounts import Role, User
from shared.domain.jobs import JobStatus
from shared.domain.patients import Clinic, PatientStatus
from shared.services.ports import PhoneTaken, StatusMoved
from tests.builders import a_patient

NOW = datetime(2027, 1, 3, 12, 0, tzinfo=timezone.utc)


def test_a_patient_round_trips_with_the_exact_plan(store):
    patient = a_patient("p1", status=PatientStatus.AWAITING_CONSENT)
    store.enroll(patient, [])
    assert store.get_patient("p1") == patient
    assert store.patient_for_phone(patient.phone) == patient


def test_one_phone_per_ongoing_plan_and_the_loser_leaves_nothing(store):
    store.enroll(a_patient("p1"), [])
    with pytest.raises(PhoneTaken):
        store.enroll(a_patient("p2"), [])
    assert store.get_patient("p2") is None and store.patient_for_phone("+12125550123").patient_id == "p1"


def test_a_status_change_checks_the_status_it_read(store):
    patient = a_patient("p1", status=PatientStatus.AWAITING_CONSENT)
    store.enroll(patient, [])
    store.set_status(patient, PatientStatus.ACTIVE, NOW)
    with pytest.raises(StatusMoved):
        store.set_status(patient, PatientStatus.CONSENT_EXPIRED, NOW)  # it is not awaiting consent any more
    assert store.get_patient("p1").status is PatientStatus.ACTIVE and store.get_patient("p1").consented_at == NOW


def test_opting_out_remembers_where_the_patient_was(store):
    patient = a_patient("p1", status=PatientStatus.ACTIVE)
    store.enroll(patient, [])
    store.set_status(patient, PatientStatus.OPTED_OUT, NOW)
    assert store.get_patient("p1").status_before_opt_out is PatientStatus.ACTIVE


def test_cancel_pending_jobs_takes_them_out_of_the_due_index(store):
    from shared.services.enrollment import consent_jobs

    patient = a_patient("p1", status=PatientStatus.AWAITING_CONSENT)
    store.enroll(patient, consent_jobs(patient, "Demo Clinic", NOW))
    assert store.cancel_pending_jobs("p1", NOW, kinds={"consent_reminder"}) == 1
    assert {j.kind: j.status for j in store.jobs_of("p1")} == {
        "welcome": JobStatus.PENDING, "consent_reminder": JobStatus.CANCELLED, "consent_expiry": JobStatus.PENDING}
    assert len(list(store.due_jobs(NOW + timedelta(days=30)))) == 2


def test_clinic_patients_come_from_the_clinic_index_only(store):
    store.enroll(a_patient("p1", clinic_id="c1"), [])
    store.enroll(a_patient("p2", clinic_id="c2", phone="+12125550199"), [])
    assert [p.patient_id for p in store.patients_of_clinic("c1")] == ["p1"]
    assert store.patients_of_clinic("c1", "opted_out") == []


def test_users_are_unique_by_email_and_listed_by_clinic(store):
    from shared.errors import AlreadyExists

    store.put_clinic(Clinic("c1", "Demo Clinic", "+1 212 555 0100"), NOW)
    store.put_user(User("dr@example.org", "c1", Role.PROVIDER, "Dr", "hash"), NOW)
    with pytest.raises(AlreadyExists):
        store.put_user(User("dr@example.org", "c2", Role.ADMIN, "Other", "hash"), NOW)
    assert store.get_user("dr@example.org").clinic_id == "c1"
    assert [u.email for u in store.users_of("c1")] == ["dr@example.org"]
    assert store.get_clinic("c1").name == "Demo Clinic"


def test_sessions_expire_by_their_own_time_even_before_ttl_deletion(store):
    store.put_session("h1", {"user": {"email": "a"}}, NOW + timedelta(hours=1))
    assert store.get_session("h1", NOW) == {"user": {"email": "a"}}
    assert store.get_session("h1", NOW + timedelta(hours=2)) is None
    store.delete_session("h1")
    assert store.get_session("h1", NOW) is None


def test_login_failures_count_within_a_window_then_reset(store):
    window = timedelta(minutes=15)
    assert [store.record_login_failure("a@b.org", NOW, window) for _ in range(3)] == [1, 2, 3]
    assert store.login_failures("a@b.org", NOW) == 3
    assert store.login_failures("a@b.org", NOW + window + timedelta(seconds=1)) == 0
    assert store.record_login_failure("a@b.org", NOW + window + timedelta(seconds=1), window) == 1
    store.clear_login_failures("a@b.org")
    assert store.login_failures("a@b.org", NOW) == 0
