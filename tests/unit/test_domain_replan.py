"""Plan rewrites for provider actions (issue 7 groundwork): the past stays, the future follows the action."""
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, strategies as st

from shared.domain.plan import build_plan
from shared.domain.replan import adjust, end, hold, resume

D = Decimal
PLAN = build_plan(D("4.5"), D("1"), 4, date(2027, 1, 4))  # 4.5 (Jan 4-7), 3.5, 2.5, 1.5, 0.5 (Jan 20-23)
FOLLOW = (1, 3, 7, 14, 28)


def test_resume_steps_down_tomorrow_then_every_step_days():
    # Held at 3.5 mg on Jan 9; resumed on Jan 15
    held = hold(PLAN, date(2027, 1, 9))
    assert held.dose_on(date(2027, 1, 14)) == D("3.5") and held.dose_on(date(2027, 2, 1)) == D("3.5")
    resumed = resume(held, date(2027, 1, 15), D("3.5"), D("1"), 4, FOLLOW)
    assert [(s.start_date, s.dose_mg) for s in resumed.steps] == [
        (date(2027, 1, 4), D("4.5")), (date(2027, 1, 8), D("3.5")), (date(2027, 1, 16), D("2.5")),
        (date(2027, 1, 20), D("1.5")), (date(2027, 1, 24), D("0.5"))]
    assert resumed.last_dose_date == date(2027, 1, 27) and resumed.stop_date == date(2027, 1, 28)
    assert resumed.dose_on(date(2027, 1, 15)) == D("3.5") and resumed.follow_up_dates[0] == resumed.stop_date


def test_adjust_goes_back_to_the_previous_dose_with_a_gentler_step():
    adjusted = adjust(PLAN, date(2027, 1, 13), D("3.5"), D("0.5"), 7, FOLLOW)
    assert adjusted.dose_on(date(2027, 1, 12)) == D("2.5")          # the past is kept
    assert adjusted.dose_on(date(2027, 1, 13)) == D("3.5")
    assert adjusted.dose_on(date(2027, 1, 20)) == D("3")


def test_end_makes_today_the_last_dose_and_moves_the_follow_ups():
    ended = end(PLAN, date(2027, 1, 10), D("3.5"), FOLLOW)
    assert ended.last_dose_date == date(2027, 1, 10) and ended.stop_date == date(2027, 1, 11)
    assert ended.dose_on(date(2027, 1, 11)) is None
    assert [(d - ended.last_dose_date).days for d in ended.follow_up_dates] == [1, 3, 7, 14, 28]


@given(st.integers(0, 19), st.sampled_from([D("0.25"), D("0.5"), D("1")]), st.integers(1, 10))
def test_rewrites_keep_the_past_and_never_raise_a_dose_unasked(day, step, days):
    today = date(2027, 1, 4) + timedelta(days=day)
    current = PLAN.dose_on(today)
    for new in (resume(PLAN, today, current, step, days, FOLLOW), end(PLAN, today, current, FOLLOW)):
        for past in range((today - date(2027, 1, 4)).days):
            moment = date(2027, 1, 4) + timedelta(days=past)
            assert new.dose_on(moment) == PLAN.dose_on(moment)
        doses = [s.dose_mg for s in new.steps]
        assert doses == sorted(doses, reverse=True) and all(d > 0 for d in doses)
        assert new.dose_on(today) == current
