from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from shared.domain.plan import Plan, build_plan

D = Decimal


def test_the_worked_example_from_the_issue():
    plan = build_plan(D("4.5"), D("1"), 4, date(2027, 1, 4))
    assert [(s.start_date, s.dose_mg) for s in plan.steps] == [
        (date(2027, 1, 4), D("4.5")), (date(2027, 1, 8), D("3.5")), (date(2027, 1, 12), D("2.5")),
        (date(2027, 1, 16), D("1.5")), (date(2027, 1, 20), D("0.5"))]
    assert plan.last_dose_date == date(2027, 1, 23) and plan.stop_date == date(2027, 1, 24)
    assert plan.dose_on(date(2027, 1, 7)) == D("4.5") and plan.dose_on(date(2027, 1, 23)) == D("0.5")
    assert plan.dose_on(date(2027, 1, 24)) is None and plan.dose_on(date(2027, 1, 3)) is None


def test_follow_up_day_one_is_the_stop_date():
    plan = build_plan(D("2"), D("1"), 3, date(2027, 1, 1), [1, 3, 7, 14, 28])
    assert plan.follow_up_dates[0] == plan.stop_date
    assert plan.follow_up_dates[-1] == plan.last_dose_date + timedelta(days=28)


def test_decimal_steps_are_exact():
    plan = build_plan(D("0.9"), D("0.3"), 1, date(2027, 1, 1))
    assert [s.dose_mg for s in plan.steps] == [D("0.9"), D("0.6"), D("0.3")]
    assert plan.as_data()["steps"][2]["dose_mg"] == 0.3


def test_a_step_larger_than_the_dose_ends_after_one_step():
    plan = build_plan(D("1"), D("3"), 5, date(2027, 1, 1))
    assert len(plan.steps) == 1 and plan.stop_date == date(2027, 1, 6)


def test_the_stored_record_round_trips():
    plan = build_plan(D("3.75"), D("0.25"), 2, date(2027, 6, 1))
    assert Plan.from_record(plan.to_record()) == plan


def test_api_shape_lists_only_doses_above_zero_with_iso_dates():
    data = build_plan(D("2"), D("1"), 4, date(2027, 1, 4)).as_data()
    assert data == {"steps": [{"start_date": "2027-01-04", "dose_mg": 2.0}, {"start_date": "2027-01-08", "dose_mg": 1.0}],
                    "last_dose_date": "2027-01-11", "stop_date": "2027-01-12",
                    "follow_up_dates": ["2027-01-12", "2027-01-14", "2027-01-18", "2027-01-25", "2027-02-08"]}


@pytest.mark.parametrize("start, step, days", [(D("0"), D("1"), 4), (D("1"), D("0"), 4), (D("1"), D("1"), 0)])
def test_impossible_plans_are_refused(start, step, days):
    with pytest.raises(ValueError):
        build_plan(start, step, days, date(2027, 1, 1))


hundredths = st.integers(min_value=50, max_value=600).map(lambda n: D(n) / 100)
step_sizes = st.integers(min_value=25, max_value=300).map(lambda n: D(n) / 100)


@given(hundredths, step_sizes, st.integers(1, 30), st.dates(date(2026, 1, 1), date(2030, 12, 31)))
def test_plan_properties(start, step, days, start_date):
    plan = build_plan(start, step, days, start_date)
    doses = [s.dose_mg for s in plan.steps]
    assert all(d > 0 for d in doses)                              # never negative, never zero
    assert doses == sorted(doses, reverse=True) and doses[0] == start  # never rising
    assert doses[-1] <= step                                       # the next step would reach zero
    assert plan.dose_on(plan.stop_date) is None                    # ends at zero
    day, total_days = start_date, 0
    while day <= plan.last_dose_date:                              # every day has exactly one dose
        assert plan.dose_on(day) in doses
        day += timedelta(days=1)
        total_days += 1
    assert total_days == len(doses) * days
    assert Plan.from_record(plan.to_record()) == plan
