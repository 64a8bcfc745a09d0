"""SnapStart on the web function: init imports what a first request needs and registers a restore hook;
a restored environment re-seeds randomness and builds its services (secrets, clients) afresh."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = """
import json, random, sys
import snapshot_restore_py as hooks
random.seed(7)  # the state a snapshot would freeze into every restored environment
import functions.web.handler as h
handler_built = h._handler is not None
warm = {m: m in sys.modules for m in ("flask", "apig_wsgi", "functions.web.app", "shared.wiring")}
h._handler = object()  # as if a request had been served before the snapshot
frozen = random.getstate()
for func, args, kwargs in hooks.get_after_restore():
    func(*args, **kwargs)
print(json.dumps({"hooks": [f.__name__ for f, _, _ in hooks.get_after_restore()], "warm": warm,
                  "built_at_init": handler_built, "rebuilt": h._handler is None,
                  "reseeded": random.getstate() != frozen}))
"""


def _run(initialization: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "AWS_LAMBDA_INITIALIZATION_TYPE"}
    if initialization:
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = initialization
    run = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_snapstart_init_warms_the_imports_and_a_restore_starts_fresh():
    seen = _run("snap-start")
    assert seen["hooks"] == ["after_restore"]
    assert all(seen["warm"].values()), seen["warm"]
    assert seen["built_at_init"] is False  # no secret read, no client made before the snapshot
    assert seen["rebuilt"] and seen["reseeded"]


def test_an_ordinary_cold_start_registers_nothing_and_imports_only_the_handler():
    seen = _run("on-demand")
    assert seen["hooks"] == [] and not any(seen["warm"].values())
