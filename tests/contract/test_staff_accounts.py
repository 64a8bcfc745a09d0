"""Staff accounts in both stores: users changed in place, and one-time link tokens."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from shared.domain.accounts import Role, User
from shared.errors import NotFound
from tests.contract.records import NOW


def a_user(email="dr@example.org", **changes):
    return replace(User(email, "c1", Role.PROVIDER, "Dr Who", "hash"), **changes)


def test_a_user_changed_in_place_reads_back_and_is_listed_so(either):
    either.put_user(a_user(), NOW)
    either.save_user(a_user(role=Role.ADMIN, active=False, password_hash="new", password_changed_at=NOW))
    stored = either.get_user("dr@example.org")
    assert (stored.role, stored.active, stored.password_hash, stored.password_changed_at) == (
        Role.ADMIN, False, "new", NOW)
    [listed] = either.users_of("c1")
    assert (listed.role, listed.active, listed.password_hash) == (Role.ADMIN, False, "")


def test_saving_a_user_who_does_not_exist_is_not_found(either):
    with pytest.raises(NotFound):
        either.save_user(a_user("ghost@example.org"))
    assert either.get_user("ghost@example.org") is None


def test_a_token_is_read_any_number_of_times_and_taken_once(either):
    either.put_token("reset", "h1", {"email": "dr@example.org"}, NOW + timedelta(hours=1))
    assert either.read_token("reset", "h1", NOW) == either.read_token("reset", "h1", NOW) == {"email": "dr@example.org"}
    assert either.take_token("invite", "h1", NOW) is None  # another kind
    assert either.take_token("reset", "h1", NOW) == {"email": "dr@example.org"}
    assert either.take_token("reset", "h1", NOW) is None and either.read_token("reset", "h1", NOW) is None


def test_an_expired_token_is_not_read_nor_taken(either):
    either.put_token("invite", "h2", {"email": "x@example.org"}, NOW + timedelta(hours=72))
    later = NOW + timedelta(hours=72)
    assert either.read_token("invite", "h2", later) is None and either.take_token("invite", "h2", later) is None


def test_a_clinics_api_keys_are_listed_with_their_last_use_and_revocation(either):
    either.put_api_key("kh1", "c1", "EHR", NOW)
    either.put_api_key("kh2", "c1", "Reports", NOW + timedelta(minutes=1))
    either.put_api_key("kh3", "c2", "Other", NOW)
    either.api_key_used("kh1", "c1", NOW + timedelta(minutes=2))
    either.api_key_used("kh1", "c1", NOW + timedelta(minutes=30))  # within the hour: unchanged
    either.revoke_api_key("kh2", "c1", NOW + timedelta(minutes=3))
    keys = either.api_keys_of("c1")
    assert [(k.key_hash, k.label, k.created_at, k.last_used_at, k.revoked_at) for k in keys] == [
        ("kh1", "EHR", NOW, NOW + timedelta(minutes=2), None),
        ("kh2", "Reports", NOW + timedelta(minutes=1), None, NOW + timedelta(minutes=3))]
    either.api_key_used("kh1", "c1", NOW + timedelta(hours=2))
    assert either.api_keys_of("c1")[0].last_used_at == NOW + timedelta(hours=2)
    assert [k.key_hash for k in either.api_keys_of("c2")] == ["kh3"]


def test_a_key_reads_back_by_its_hash_with_its_state(either):
    either.put_api_key("kh1", "c1", "EHR", NOW)
    either.api_key_used("kh1", "c1", NOW + timedelta(minutes=2))
    key = either.api_key("kh1")
    assert (key.clinic_id, key.label, key.last_used_at, key.revoked_at) == ("c1", "EHR", NOW + timedelta(minutes=2),
                                                                          None)
    either.revoke_api_key("kh1", "c1", NOW + timedelta(minutes=3))
    assert either.api_key("kh1").revoked_at == NOW + timedelta(minutes=3) and either.api_key("nope") is None
