"""The model-based test of the whole patient lifecycle (tests/model/lifecycle.py) on the in-memory store: many
runs, each shrunk to its shortest failing story when one breaks a promise."""
from __future__ import annotations

from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from tests.model.lifecycle import Lifecycle
from tests.model.world import memory_world

# 10-15 s on a busy 2-core machine when it passes; a failure is then shrunk, in 0.5-1.5 minutes here. No
# `explain` phase: its line tracing made every shrink run into hypothesis's 5-minute cap.
RUNS = settings(max_examples=100, stateful_step_count=40, deadline=None,
                phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class LifecycleInMemory(Lifecycle):
    def make_world(self, now, quiet, hold_on_escalation):
        return memory_world(now, quiet, hold_on_escalation)


def test_the_patient_lifecycle_keeps_every_promise_on_the_in_memory_store():
    run_state_machine_as_test(LifecycleInMemory, settings=RUNS)
