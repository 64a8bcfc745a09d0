"""The clinic numbers' arithmetic: medians from a histogram of counts, shares, days to complete in the patient's
zone, minutes to acknowledge, and the figures made from statuses, counts, holds and escalations."""
from __future__ import annotations

import statistics
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from shared.domain import clinic_numbers as numbers
from shared.domain.checkins import COMPLETED, EXPIRED, INTERRUPTED, CheckIn
from shared.domain.patients import Escalation
from shared.domain.status import PatientStatus

T0 = datetime(2027, 3, 1, 15, 0, tzinfo=timezone.utc)


def test_the_median_of_a_histogram_is_its_middle_value_or_the_mean_of_the_middle_two():
    assert numbers.median_of_histogram({}) is None
    assert numbers.median_of_histogram({7: 0}) is None
    assert numbers.median_of_histogram({20: 1}) == 20
    assert numbers.median_of_histogram({20: 1, 30: 1}) == 25
    assert numbers.median_of_histogram({10: 2, 30: 1}) == 10
    assert numbers.median_of_histogram({30: 1, 10: 1, 20: 5, 40: 0}) == 20
    assert numbers.median_of_histogram({1: 3, 9: 3}) == 5


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=60))
def test_the_median_of_a_histogram_is_the_median_of_the_values_it_counts(values):
    histogram: dict[int, int] = {}
    for value in values:
        histogram[value] = histogram.get(value, 0) + 1
    assert numbers.median_of_histogram(histogram) == statistics.median(values)
    assert numbers.median(values) == statistics.median(values)


def test_a_histogram_is_read_from_counts_named_with_its_prefix_and_a_whole_number():
    counts = {"completed": 4, "days_to_complete#23": 3, "days_to_complete#9": 1, "days_to_complete#x": 5,
              "days_to_complete#12": 0, "started": 9}
    assert numbers.histogram(counts, numbers.DAYS_TO_COMPLETE) == {23: 3, 9: 1}


def test_a_share_is_none_without_a_whole():
    assert numbers.share(1, 4) == 0.25
    assert numbers.share(0, 3) == 0
    assert numbers.share(0, 0) is None


def test_days_to_complete_count_the_patients_calendar_days():
    # 2027-03-01 23:30 in New York is already 2 March in UTC: the patient's dates count
    consent = datetime(2027, 3, 2, 4, 30, tzinfo=timezone.utc)
    assert numbers.days_to_complete(consent, datetime(2027, 3, 25, 5, 1, tzinfo=timezone.utc), "America/New_York") == 24
    assert numbers.days_to_complete(consent, datetime(2027, 3, 25, 5, 1, tzinfo=timezone.utc), "UTC") == 23
    assert numbers.days_to_complete(consent, consent, "UTC") == 0


def test_days_to_complete_across_the_spring_dst_change_on_2027_03_14_are_whole_days():
    start = datetime(2027, 3, 13, 17, 0, tzinfo=timezone.utc)          # noon EST
    assert numbers.days_to_complete(start, start + timedelta(days=2), "America/New_York") == 2


def test_a_completion_counts_the_taper_and_its_days():
    assert numbers.completion_counts(31) == ("completed", "days_to_complete#31")


def checkin(status: str) -> CheckIn:
    return CheckIn("ci", "step", T0, Decimal("2.5"), status=status)


def test_a_finished_checkin_counts_as_answered_only_when_completed():
    assert numbers.checkin_counts(checkin(COMPLETED)) == ("checkins_finished", "checkins_answered")
    assert numbers.checkin_counts(checkin(EXPIRED)) == ("checkins_finished",)
    assert numbers.checkin_counts(checkin(INTERRUPTED)) == ("checkins_finished",)


def escalation(reasons: tuple[str, ...], acknowledged_after: timedelta | None = None) -> Escalation:
    return Escalation("e", reasons, "routine", "acknowledged" if acknowledged_after else "open", T0,
                      acknowledged_at=T0 + acknowledged_after if acknowledged_after is not None else None)


def test_minutes_to_acknowledge_are_whole_minutes_rounded_down():
    assert numbers.minutes_to_acknowledge(escalation(("crisis",), timedelta(minutes=44, seconds=59))) == 44
    assert numbers.minutes_to_acknowledge(escalation(("crisis",))) is None


def test_the_figures_from_statuses_counts_holds_and_escalations():
    got = numbers.clinic_numbers(
        [PatientStatus.ACTIVE, PatientStatus.ACTIVE, PatientStatus.COMPLETED, PatientStatus.OPTED_OUT],
        {"started": 4, "completed": 2, "days_to_complete#20": 1, "days_to_complete#31": 1,
         "checkins_finished": 8, "checkins_answered": 6},
        {"p1"},
        [escalation(("symptom_return", "mood_change"), timedelta(minutes=10)), escalation(("crisis",)),
         escalation(("symptom_return",), timedelta(minutes=30, seconds=5))])
    assert got.by_status == {"awaiting_consent": 0, "active": 2, "opted_out": 1, "consent_expired": 0, "completed": 1}
    assert got.patients == 4
    assert (got.started, got.completed, got.median_days_to_complete) == (4, 2, 25.5)
    assert (got.ever_held, got.held_share) == (1, 0.25)
    assert got.escalations == 3
    assert list(got.by_reason.items()) == [("symptom_return", 2), ("crisis", 1), ("mood_change", 1)]
    assert (got.acknowledged, got.median_minutes_to_acknowledge) == (2, 20)
    assert (got.checkins_finished, got.checkins_answered, got.answered_share) == (8, 6, 0.75)


def test_a_clinic_with_nothing_yet_has_no_medians_and_no_shares():
    got = numbers.clinic_numbers([], {}, set(), [])
    assert got.patients == 0 and got.completed == 0
    assert (got.median_days_to_complete, got.held_share, got.median_minutes_to_acknowledge, got.answered_share) == \
        (None, None, None, None)
