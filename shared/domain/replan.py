"""Provider changes to a running taper (issue 7 groundwork): pure plan rewrites from `today` on.
The past is kept as it was; only the steps from today change."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from shared.domain.plan import Plan, Step, build_plan


def _past(plan: Plan, today: date) -> list[Step]:
    return [s for s in plan.steps if s.start_date < today]


def _join(plan: Plan, today: date, future: Plan, follow_up_days: tuple[int, ...]) -> Plan:
    steps = _past(plan, today)
    if steps and future.steps and steps[-1].dose_mg == future.steps[0].dose_mg:
        future_steps = future.steps[1:]  # the dose does not change today: no new step
    else:
        future_steps = future.steps
    follow_ups = tuple(future.last_dose_date + timedelta(days=n) for n in sorted(set(follow_up_days)))
    return Plan(tuple(steps) + tuple(future_steps), future.last_dose_date, future.stop_date, follow_ups)


HOLD_HORIZON = timedelta(days=28)


def hold(plan: Plan, today: date) -> Plan:
    """No further step-down: the current dose continues (planned for a horizon the service extends while held)."""
    steps = tuple(s for s in plan.steps if s.start_date <= today)
    last = today + HOLD_HORIZON
    return Plan(steps, last, last + timedelta(days=1), ())


def resume(plan: Plan, today: date, current_dose: Decimal, step_mg: Decimal, step_days: int,
           follow_up_days: tuple[int, ...]) -> Plan:
    """After a hold: today stays at the current dose, the next step-down is tomorrow, then every step_days."""
    tomorrow = today + timedelta(days=1)
    rest = current_dose - step_mg
    if rest <= 0:
        return end(plan, today, current_dose, follow_up_days)
    future = build_plan(rest, step_mg, step_days, tomorrow, ())
    future = Plan((Step(today, current_dose), *future.steps), future.last_dose_date, future.stop_date, ())
    return _join(plan, today, future, follow_up_days)


def adjust(plan: Plan, today: date, dose_mg: Decimal, step_mg: Decimal, step_days: int,
           follow_up_days: tuple[int, ...]) -> Plan:
    """A new dose from today (e.g. back to the previous one), and a new step size or pace after it."""
    return _join(plan, today, build_plan(dose_mg, step_mg, step_days, today, ()), follow_up_days)


def end(plan: Plan, today: date, current_dose: Decimal, follow_up_days: tuple[int, ...]) -> Plan:
    """End the taper: today is the last dose; follow-up check-ins still run from it."""
    future = Plan((Step(today, current_dose),), today, today + timedelta(days=1), ())
    return _join(plan, today, future, follow_up_days)
