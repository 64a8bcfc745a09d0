"""A clinic's running counts: a count not yet kept is absent (read as 0), each `count` adds its `by` atomically,
counts are kept per clinic and by exact name (names with `#` in them included), and concurrent counts all land."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor


def test_a_clinic_with_no_counts_has_none(either):
    assert either.counters_of("c1") == {}


def test_counts_add_up_by_name_with_by_defaulting_to_one(either):
    either.count("c1", "completed")
    either.count("c1", "completed")
    either.count("c1", "checkins_finished", by=3)
    either.count("c1", "days_to_complete#23")
    either.count("c1", "days_to_complete#3", by=2)
    assert either.counters_of("c1") == {"completed": 2, "checkins_finished": 3, "days_to_complete#23": 1,
                                        "days_to_complete#3": 2}


def test_another_clinics_counts_are_its_own(either):
    either.count("c1", "completed")
    either.count("c2", "completed", by=5)
    either.count("c10", "started")
    assert either.counters_of("c1") == {"completed": 1}
    assert either.counters_of("c2") == {"completed": 5}
    assert either.counters_of("c10") == {"started": 1}


def test_counts_live_beside_the_clinics_profile_and_staff_without_mixing_with_them(either):
    from tests.contract.records import NOW
    from shared.domain.patients import Clinic

    either.put_clinic(Clinic("c1", "Counting Clinic", "+12125550100"), NOW)
    either.count("c1", "started")
    assert either.get_clinic("c1").name == "Counting Clinic"
    assert either.users_of("c1") == []
    assert either.counters_of("c1") == {"started": 1}


def test_concurrent_counts_all_land(either):
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _: either.count("c1", "checkins_finished"), range(40)))
    assert either.counters_of("c1") == {"checkins_finished": 40}
