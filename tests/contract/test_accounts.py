"""Clinics, staff (one user per email in the whole service) and API keys, revoked only by their own clinic."""
import pytest

from shared.domain.accounts import Role, User
from shared.domain.clinic_settings import ClinicSettings
from shared.domain.patients import Clinic
from shared.errors import AlreadyExists, NotFound
from tests.contract.records import LATER, NOW

DR = User("dr@example.org", "c1", Role.PROVIDER, "Dr Diaz", "hash-1")


def test_a_clinic_reads_back_with_its_settings_and_is_replaced_whole(either):
    clinic = Clinic("c1", "Demo Clinic", "+1 212 555 0100", ClinicSettings.from_dict(
        {"timezone": "America/Chicago", "thresholds": {"mood_low": 2}, "discreet_texts": True,
         "escalation_email": "a@b.org", "ack_urgent_minutes": 30}))
    either.put_clinic(clinic, NOW)
    assert either.get_clinic("c1") == clinic
    either.put_clinic(Clinic("c1", "Renamed"), LATER)
    assert either.get_clinic("c1") == Clinic("c1", "Renamed") and either.get_clinic("c2") is None


def test_an_email_belongs_to_one_user_in_the_whole_service(either):
    either.put_user(DR, NOW)
    with pytest.raises(AlreadyExists):
        either.put_user(User("dr@example.org", "c2", Role.ADMIN, "Someone else", "hash-2"), NOW)
    assert either.get_user("dr@example.org") == DR
    assert either.users_of("c2") == [] and either.get_user("nobody@example.org") is None


def test_a_clinics_users_are_listed_by_email_without_password_hashes(either):
    for user in (DR, User("admin@example.org", "c1", Role.ADMIN, "Ana Admin", "hash-2"),
                 User("zed@example.org", "c2", Role.PROVIDER, "Zed", "hash-3")):
        either.put_user(user, NOW)
    assert either.users_of("c1") == [User("admin@example.org", "c1", Role.ADMIN, "Ana Admin"),
                                     User("dr@example.org", "c1", Role.PROVIDER, "Dr Diaz")]


def test_a_password_hash_is_set_for_a_user_there_and_only_then(either):
    either.put_user(DR, NOW)
    either.set_password_hash("dr@example.org", "hash-new")
    assert either.get_user("dr@example.org").password_hash == "hash-new"
    assert either.users_of("c1")[0].password_hash == ""
    with pytest.raises(NotFound):
        either.set_password_hash("nobody@example.org", "hash")
    assert either.get_user("nobody@example.org") is None


def test_an_api_key_is_written_once_and_leads_to_its_clinic(either):
    either.put_api_key("kh1", "c1", "EHR", NOW)
    with pytest.raises(AlreadyExists):
        either.put_api_key("kh1", "c2", "other", LATER)
    assert either.clinic_for_api_key("kh1") == "c1" and either.clinic_for_api_key("kh2") is None


def test_an_api_key_is_revoked_only_by_its_own_clinic_and_then_leads_nowhere(either):
    either.put_api_key("kh1", "c1", "EHR", NOW)
    assert either.revoke_api_key("kh1", "c2", NOW) is False
    assert either.clinic_for_api_key("kh1") == "c1"
    assert either.revoke_api_key("kh1", "c1", NOW) is True
    assert either.clinic_for_api_key("kh1") is None
    assert either.revoke_api_key("kh1", "c1", LATER) is True  # revoked already: still its clinic's
    assert either.revoke_api_key("nope", "c1", NOW) is False
    with pytest.raises(AlreadyExists):  # a revoked key is kept, for the record
        either.put_api_key("kh1", "c1", "again", LATER)


def test_enrollments_are_counted_per_clinic_per_minute_and_per_utc_day(either):
    from datetime import timedelta

    assert [either.count_enrollment("c1", NOW) for _ in range(3)] == [(1, 1), (2, 2), (3, 3)]
    assert either.count_enrollment("c2", NOW) == (1, 1)  # another clinic counts apart
    assert either.count_enrollment("c1", NOW + timedelta(seconds=59)) == (4, 4)  # NOW is on the minute
    assert either.count_enrollment("c1", NOW + timedelta(minutes=1)) == (1, 5)
    assert either.count_enrollment("c1", NOW.replace(hour=0, minute=0) + timedelta(days=1)) == (1, 1)
