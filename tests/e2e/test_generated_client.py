"""A clinic's Python client, generated from /api/openapi.json by openapi-python-client, used against the local stack.

Enroll, read the record and hold the taper through the generated code only: its operation modules (named by
operationId), its AuthenticatedClient and its model classes. The patient's YES is sent from the phone simulator.
"""
from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest
import requests

GENERATOR = Path(sys.executable).parent / "openapi-python-client"


@pytest.fixture(scope="module")
def generated(dev_stack, tmp_path_factory):
    """The client package generated from the running stack's document, imported under a unique name."""
    work = tmp_path_factory.mktemp("generated_client")
    document = work / "openapi.json"
    response = requests.get(dev_stack + "/api/openapi.json", timeout=10)
    assert response.status_code == 200, response.text
    document.write_bytes(response.content)
    name = f"taperline_client_{uuid.uuid4().hex[:12]}"
    # the generator's post hooks run `ruff`, which is installed beside it in the venv
    env = {**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "NO_COLOR": "1", "TERM": "dumb", "_TYPER_STANDARD_TRACEBACK": "1"}
    command = [str(GENERATOR), "generate", "--path", str(document), "--output-path", str(work / name), "--meta", "none"]
    run = subprocess.run(command, check=False, cwd=work, env=env, capture_output=True, text=True, timeout=120)
    output = run.stdout + run.stderr
    assert run.returncode == 0, f"openapi-python-client failed on the document:\n{output}"
    assert not re.search(r"(?im)^\s*(warning|error|unable to)", output), \
        f"openapi-python-client could not handle all of the document:\n{output}"
    sys.path.insert(0, str(work))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(work))
        for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[module]


def operation(package: ModuleType, operation_id_module: str) -> ModuleType:
    """The generated module of one operation, whichever tag folder (api/<tag>/) it was put in."""
    found = sorted(Path(package.__file__).parent.glob(f"api/*/{operation_id_module}.py"))
    assert len(found) == 1, f"{operation_id_module}: {found}"
    return importlib.import_module(f"{package.__name__}.api.{found[0].parent.name}.{operation_id_module}")


def test_enroll_read_and_hold_through_the_generated_client(dev_stack, generated):
    models = importlib.import_module(generated.__name__ + ".models")
    client = generated.AuthenticatedClient(base_url=dev_stack, token="e2e-key", raise_on_unexpected_status=True)

    enrollment = models.Enrollment.from_dict({
        "first_name": "Gen", "last_name": "Client", "phone": "(212) 555-0171", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 3, "consent": True})
    created = operation(generated, "enroll_patient").sync_detailed(client=client, body=enrollment)
    assert created.status_code == 201, created.content
    assert isinstance(created.parsed, models.PatientCreated)
    patient_id = created.parsed.id
    assert patient_id and created.parsed.status == "awaiting_consent"
    assert isinstance(created.parsed.plan, models.Plan)

    read = operation(generated, "get_patient").sync_detailed(patient_id, client=client)
    assert read.status_code == 200, read.content
    record = read.parsed
    assert isinstance(record, models.PatientRecord)
    assert record.id == patient_id and record.status == "awaiting_consent"
    assert (record.first_name, record.phone) == ("Gen", "+12125550171")

    # the patient, not the clinic's client: the welcome goes out on the next minute, the patient answers YES
    moved = requests.post(dev_stack + "/dev/clock", json={"advance_minutes": 1}, timeout=30)
    assert moved.status_code == 200, moved.text
    answer = requests.post(dev_stack + "/dev/phone", json={"from": "+12125550171", "body": "YES"}, timeout=15).json()
    assert answer["status"] == 200 and answer["reply"].startswith("Thanks Gen!"), answer

    hold = operation(generated, "hold_taper")
    held = hold.sync_detailed(patient_id, client=client)
    assert held.status_code == 200, held.content
    assert isinstance(held.parsed, models.PlanAction)
    assert held.parsed.id == patient_id and held.parsed.held is True and held.parsed.status == "active"

    listed = operation(generated, "list_patients").sync_detailed(client=client)
    assert listed.status_code == 200, listed.content
    assert isinstance(listed.parsed, models.PatientList)
    mine = [p for p in listed.parsed.patients if p.id == patient_id]
    assert len(mine) == 1 and isinstance(mine[0], models.PatientSummary)
    assert (mine[0].first_name, mine[0].status) == ("Gen", "active")

    again = hold.sync_detailed(patient_id, client=client)
    assert again.status_code == 409, again.content
    assert isinstance(again.parsed, models.Errors)
    assert again.parsed.errors["plan"] == ["The plan is already held."]
