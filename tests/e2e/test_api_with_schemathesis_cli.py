"""The schemathesis command line against the local stack, as a clinic's developer would run it.

`schemathesis run <stack>/api/openapi.json --checks all` with all four phases (examples, coverage, fuzzing,
stateful), a bounded number of examples (tests/e2e/schemathesis.toml), warnings failing the run. Path ids
come from dictionaries of real records most of the time. Its output is kept in test-output/ and its figures
(operations, cases, phases, links) are printed at the end of `make test`.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import requests

from tests.e2e.conftest import ROOT

CONFIG = Path(__file__).with_name("schemathesis.toml")
OUTPUT = ROOT / "test-output" / "schemathesis-cli.txt"
SUMMARY = ROOT / "test-output" / "schemathesis-summary.txt"
KEY = {"Authorization": "Bearer e2e-key"}
PHASES = ("Examples", "Coverage", "Fuzzing", "Stateful")


def _active_patient(base: str, phone: str) -> str:
    created = requests.post(f"{base}/api/patients", headers=KEY, timeout=30, json={
        "first_name": "Sam", "last_name": "Schema", "phone": phone, "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 4.5, "consent": True})
    assert created.status_code == 201, created.text
    e164 = "+1" + re.sub(r"\D", "", phone)
    assert requests.post(f"{base}/dev/phone", json={"from": e164, "body": "YES"}, timeout=30).ok
    return created.json()["id"]


def _records(base: str) -> tuple[list[str], list[str]]:
    """Two active patients, the first with an urgent escalation from a crisis text."""
    patients = [_active_patient(base, "(202) 555-0150"), _active_patient(base, "(202) 555-0151")]
    crisis = requests.post(f"{base}/dev/phone", json={"from": "+12025550150", "body": "I want to end my life"},
                           timeout=30)
    assert crisis.ok, crisis.text
    escalations = requests.get(f"{base}/api/escalations", headers=KEY, timeout=30).json()["escalations"]
    assert escalations, "the crisis text raised no escalation"
    return patients, [e["id"] for e in escalations]


def _config_beside(tmp_path: Path, patients: list[str], escalations: list[str]) -> Path:
    config = tmp_path / "schemathesis.toml"
    shutil.copy(CONFIG, config)
    (tmp_path / "patients.dict").write_text("".join(f'"{p}"\n' for p in patients))
    (tmp_path / "escalations.dict").write_text("".join(f'"{e}"\n' for e in escalations))
    return config


FIGURES = (r"^(Selected|Tested):\s+\d+", r"^\S+\s+(Examples|Coverage|Fuzzing|Stateful) \(in ", r"^Scenarios:",
           r"^API Links:", r"^\d+ generated, ")


def _figures(output: str) -> str:
    """The run's figures, from its summary: operations, phases and their times, scenarios, links, test cases."""
    lines = [line.strip() for line in output.splitlines() if any(re.match(f, line.strip()) for f in FIGURES)]
    return "\n".join(dict.fromkeys(lines))


def test_schemathesis_cli_finds_nothing_with_every_check_and_phase(dev_stack, tmp_path):
    patients, escalations = _records(dev_stack)
    config = _config_beside(tmp_path, patients, escalations)
    env = {**os.environ, "TAPERLINE_BASE_URL": dev_stack, "TAPERLINE_API_KEY": "e2e-key", "NO_COLOR": "1",
           "TAPERLINE_KEPT_PATIENTS": ",".join(patients)}  # the hooks never erase these: every run reads them
    command = [str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(config), "--no-color",
               "run", f"{dev_stack}/api/openapi.json", "--checks", "all",
               "--phases", "examples,coverage,fuzzing,stateful"]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(output)
    SUMMARY.write_text(_figures(output) + "\n")
    assert run.returncode == 0, output[-6000:]
    tested = re.search(r"Tested:\s+(\d+)", output)
    assert tested and int(tested.group(1)) >= 10, "every operation of the document is tested"
    for phase in PHASES:
        assert re.search(rf"✅ {phase}", output), f"the {phase} phase did not pass:\n{output[-3000:]}"
    assert re.search(r"\d+ generated, \d+ passed", output), output[-3000:]
