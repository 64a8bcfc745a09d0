"""Sign-in sessions expire by the time asked about, and login failures count within a window."""
from datetime import timedelta

from tests.contract.records import NOW

WINDOW = timedelta(minutes=15)


def test_a_session_is_there_until_it_expires_by_now_and_after_it_is_deleted(either):
    data = {"email": "dr@example.org", "clinic_id": "c1", "roles": ["provider"], "csrf": "t0k"}
    either.put_session("h1", data, NOW + timedelta(hours=1))
    assert either.get_session("h1", NOW) == data
    assert either.get_session("h1", NOW + timedelta(minutes=59, seconds=59)) == data
    assert either.get_session("h1", NOW + timedelta(hours=1)) is None  # expired at its own time, before TTL deletion
    assert either.get_session("h2", NOW) is None
    either.delete_session("h1")
    assert either.get_session("h1", NOW) is None
    either.delete_session("never-there")


def test_a_session_comes_back_as_json_carries_it(either):
    either.put_session("h1", {"roles": ("provider", "admin"), "n": 2, "nested": {"a": None}}, NOW + timedelta(hours=1))
    assert either.get_session("h1", NOW) == {"roles": ["provider", "admin"], "n": 2, "nested": {"a": None}}


def test_a_session_put_again_is_replaced(either):
    either.put_session("h1", {"v": 1}, NOW + timedelta(hours=1))
    either.put_session("h1", {"v": 2}, NOW + timedelta(minutes=5))
    assert either.get_session("h1", NOW) == {"v": 2}
    assert either.get_session("h1", NOW + timedelta(minutes=6)) is None


def test_login_failures_count_within_a_window_from_the_first_then_start_again(either):
    assert [either.record_login_failure("a@b.org", NOW + timedelta(minutes=n), WINDOW) for n in range(3)] == [1, 2, 3]
    assert either.login_failures("a@b.org", NOW + WINDOW - timedelta(seconds=1)) == 3
    assert either.login_failures("a@b.org", NOW + WINDOW) == 0  # the window started at the first failure
    assert either.record_login_failure("a@b.org", NOW + WINDOW, WINDOW) == 1
    assert either.login_failures("a@b.org", NOW + WINDOW) == 1
    assert either.login_failures("other@b.org", NOW) == 0


def test_cleared_login_failures_count_from_nothing(either):
    either.record_login_failure("a@b.org", NOW, WINDOW)
    either.record_login_failure("a@b.org", NOW, WINDOW)
    either.clear_login_failures("a@b.org")
    assert either.login_failures("a@b.org", NOW) == 0
    assert either.record_login_failure("a@b.org", NOW, WINDOW) == 1
    either.clear_login_failures("never@b.org")
