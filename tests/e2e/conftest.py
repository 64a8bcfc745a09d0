"""The local stack, started the way `make dev` starts it, on a free port."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
START = "2027-03-13T17:00:00Z"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def dev_stack(tmp_path_factory):
    """`python -m local` as a subprocess; yields its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("stack") / "stack.log"
    env = {**os.environ, "PORT": str(port), "DEV_START_TIME": START, "DEV_TICK_SECONDS": "1",
           "PUBLIC_BASE_URL": "", "TWILIO_AUTH_TOKEN": "", "LOCAL_API_KEY": "e2e-key"}
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "local"], cwd=ROOT, env=env, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"local stack exited:\n{log.read_text()}")
        try:
            if requests.get(base + "/health", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"local stack did not come up:\n{log.read_text()}")
