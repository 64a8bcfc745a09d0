"""A provider's change of pace (step size, days per step) is part of the plan change it came with: written in
the same transaction, so a second provider action racing the first can never leave one's plan with the
other's pace. On DynamoDB (moto) and the in-memory store."""
from datetime import datetime, timezone
from decimal import Decimal

from shared.services.plans import PlanService
from tests.builders import a_patient

MIDDAY = datetime(2027, 1, 6, 17, 0, tzinfo=timezone.utc)  # 12:00 in New York, the taper's third day


class SecondWriterAfterCommit:
    """The store, with another writer's whole action run just after the first profile change commits."""

    def __init__(self, store, between):
        self._store, self._between = store, between

    def __getattr__(self, name):
        return getattr(self._store, name)

    def apply_change(self, *args, **kwargs):
        self._store.apply_change(*args, **kwargs)
        between, self._between = self._between, None
        if between:
            between()


def test_two_providers_adjusting_at_once_leave_one_plan_with_its_own_pace(either):
    either.enroll(a_patient("p1"), [])
    second = PlanService(either)

    def second_provider_adjusts():
        second.act("c1", "dr.b", "p1", "adjust", MIDDAY, {"step_mg": Decimal("2"), "step_days": 7})

    # Given a first provider slowing the taper while a second speeds it up, the second writing in between
    first = PlanService(SecondWriterAfterCommit(either, second_provider_adjusts))
    first.act("c1", "dr.a", "p1", "adjust", MIDDAY, {"step_mg": Decimal("0.5"), "step_days": 3})
    # Then the stored plan and the stored pace are the same provider's: the second's, written last
    stored = either.get_patient("p1")
    steps = [s.dose_mg for s in stored.plan.steps]
    assert steps[1] - steps[2] == Decimal("2")
    assert (stored.enrollment.step_mg, stored.enrollment.step_days) == (Decimal("2"), 7)
