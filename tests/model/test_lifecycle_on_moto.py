"""The model-based test of the whole patient lifecycle (tests/model/lifecycle.py) on DynamoDB: the real store the
wiring builds, over a fresh table per run on this worker's moto server (the session's `moto_endpoint`, shared
with the other moto tests the worker runs). Fewer runs, and a failure is reported as found, not shrunk (a run
here costs seconds, so shrinking would take hypothesis's full 5 minutes): rerun the in-memory test to see
whether it is the service's or the store's. A file of its own, so `--dist loadfile` runs it beside that one."""
from __future__ import annotations

from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from tests.model.lifecycle import Lifecycle
from tests.model.world import moto_world

RUNS = settings(max_examples=8, stateful_step_count=25, deadline=None,
                phases=[Phase.explicit, Phase.reuse, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_the_patient_lifecycle_keeps_every_promise_on_dynamodb(moto_endpoint):
    class LifecycleOnMoto(Lifecycle):
        def make_world(self, now, quiet, hold_on_escalation):
            return moto_world(moto_endpoint, now, quiet, hold_on_escalation)

    run_state_machine_as_test(LifecycleOnMoto, settings=RUNS)
