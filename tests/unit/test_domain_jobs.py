from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from shared.domain.jobs import (MAX_ATTEMPTS, Channel, Job, delivery_advances, new_job_id, parse_utc, shard_of,
                                utc_iso)

NOON = datetime(2027, 3, 14, 12, 0, tzinfo=timezone.utc)


def job(kind="welcome", send_at=NOON, attempts=0):
    made = Job.new(patient_id="p1", channel=Channel.SMS, kind=kind, to="+15551234567", send_at=send_at,
                   unique="abc", body="hi")
    return made if not attempts else Job(**{**made.__dict__, "attempts": attempts})


def test_dose_reminder_expires_after_three_hours_others_after_twelve():
    reminder, other = job("dose_reminder"), job("welcome")
    assert not reminder.is_expired(NOON + timedelta(hours=3))
    assert reminder.is_expired(NOON + timedelta(hours=3, seconds=1))
    assert not other.is_expired(NOON + timedelta(hours=12))
    assert other.is_expired(NOON + timedelta(hours=12, seconds=1))


def test_retries_back_off_then_stop_after_max_attempts():
    waits = [job(attempts=n).next_try(NOON) - NOON for n in range(1, MAX_ATTEMPTS)]
    assert waits == sorted(waits) and waits[0] == timedelta(minutes=1)
    assert job(attempts=MAX_ATTEMPTS).next_try(NOON) is None


def test_job_ids_sort_by_send_time():
    early, late = new_job_id(NOON, "zzz"), new_job_id(NOON + timedelta(seconds=1), "aaa")
    assert early < late and early.startswith("20270314T120000Z-")


def test_times_are_stored_as_utc_z_and_naive_times_are_refused():
    eastern = datetime(2027, 3, 14, 3, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert utc_iso(eastern) == "2027-03-14T07:00:00Z"
    assert parse_utc("2027-03-14T07:00:00Z") == eastern
    with pytest.raises(ValueError):
        utc_iso(datetime(2027, 3, 14))
    with pytest.raises(ValueError):
        parse_utc("2027-03-14T07:00:00")


@given(st.text(min_size=1), st.integers(min_value=1, max_value=64))
def test_shard_is_stable_and_in_range(job_id, shards):
    assert 0 <= shard_of(job_id, shards) < shards
    assert shard_of(job_id, shards) == shard_of(job_id, shards)


def test_shards_spread_jobs_evenly():
    counts = [0] * 8
    for n in range(8000):
        counts[shard_of(new_job_id(NOON, f"{n:06x}"), 8)] += 1
    assert min(counts) > 800 and max(counts) < 1200


def test_delivery_status_only_moves_forward():
    assert delivery_advances("", "sent")
    assert delivery_advances("sent", "delivered")
    assert not delivery_advances("delivered", "sent")
    assert not delivery_advances("delivered", "delivered")
    assert not delivery_advances("sent", "made-up")
