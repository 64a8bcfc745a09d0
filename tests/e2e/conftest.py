"""The local stack, started the way `make dev` starts it, on a free port."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
START = "2027-03-13T17:00:00Z"


READY = re.compile(r"ready at (http://127\.0\.0\.1:\d+)")


@pytest.fixture(scope="module")
def dev_stack(tmp_path_factory):
    """`python -m local` as a subprocess; yields its base URL."""
    log = tmp_path_factory.mktemp("stack") / "stack.log"
    env = {**os.environ, "PORT": "0", "DEV_START_TIME": START, "DEV_TICK_SECONDS": "1",
           "PUBLIC_BASE_URL": "", "TWILIO_AUTH_TOKEN": "", "LOCAL_API_KEY": "e2e-key",
           "DEV_DEMO_ENROLLMENTS_PER_MINUTE": "1000"}  # the schemathesis run enrolls hundreds a minute
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "local"], cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        yield _wait_until_up(process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a busy machine: do not leave it running
            process.kill()
            process.wait(timeout=10)


def _wait_until_up(process: subprocess.Popen, log: Path) -> str:
    """Wait for the banner (the stack binds a free port itself), then for /health; return the base URL."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"local stack exited:\n{log.read_text()}")
        found = READY.search(log.read_text())
        if found and requests.get(found.group(1) + "/health", timeout=5).status_code == 200:
            return found.group(1)
        time.sleep(0.1)
    raise RuntimeError(f"local stack did not come up:\n{log.read_text()}")


def in_process_stack(start, api_key: str, enrollments_per_minute: int = 0):
    """A DevStack in this process (tick off, clock at `start`), for tests that also look inside it; a test that
    enrolls a whole fleet at one moment raises the Demo Clinic's enrollment limits."""
    from local.stack import DevStack
    from shared.domain.jobs import utc_iso

    return DevStack({"PORT": "0", "DEV_TICK_SECONDS": "0", "DEV_START_TIME": utc_iso(start),
                     "LOCAL_API_KEY": api_key, "DEV_DEMO_ENROLLMENTS_PER_MINUTE": str(enrollments_per_minute)}).start()


def move_clock(stack, **body) -> dict:
    """POST /dev/clock on an in-process stack; the answer ({"now", "dispatch"}) of a successful move."""
    response = requests.post(stack.base_url + "/dev/clock", json=body, timeout=120)
    assert response.status_code == 200, response.text
    return response.json()
