"""schemathesis against /api/openapi.json, in-process: no 500 for any input, every answer as documented.

Each documented operation gets a bounded number of generated requests (valid by the schema, then invalid),
sent with the Demo Clinic's API key; path ids are drawn at random or are a real patient or escalation of the
clinic, so the 200, 400, 404 and 409 answers are all checked against their documented JSON shapes.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, negative_data_rejection,
                                                response_schema_conformance, status_code_conformance)

from functions.web.openapi import document
from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment

EXAMPLES = 25  # per operation and mode: 21 runs of up to 25 requests, about 15 s on this machine
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
INVALID_CHECKS = [*CHECKS, negative_data_rejection]  # and invalid input is refused with a 4xx
OPERATIONS = [(method.upper(), path) for path, operations in document()["paths"].items() for method in operations]


def has_inputs(method: str, path: str) -> bool:
    operation = document()["paths"][path][method.lower()]
    return bool(operation.get("parameters") or operation.get("requestBody"))


def enrollments():
    """Enrollments the service accepts (the schema alone cannot say which phone numbers are mobile),
    with any printable names and notes; a repeated number is a documented 409."""
    names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20) \
        .filter(str.strip)
    return st.builds(lambda first, last, notes, line: enrollment(first_name=first, last_name=last, notes=notes,
                                                                 phone=f"(212) 555-{line:04d}"),
                     names, names, st.text(max_size=200), st.integers(100, 199))


@pytest.fixture(scope="module")
def known_ids(module_world):
    """A real, consenting patient of the Demo Clinic, and a real (crisis) escalation of that patient."""
    world = module_world
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0188"))
    assert created.status_code == 201, created.get_data(as_text=True)
    patient_id = created.get_json()["id"]
    for sid, text in (("SMschema1", "YES"), ("SMschema2", "I want to end my life")):
        world.services.inbound.handle(InboundSms(sid, "+12125550188", "+15005550006", text, NOW))
    assert world.api("GET", f"/api/patients/{patient_id}").get_json()["status"] == "active"
    escalations = world.api("GET", "/api/escalations").get_json()["escalations"]
    assert escalations, "the crisis text raised no escalation"
    return {"patient_id": patient_id, "escalation_id": escalations[0]["id"]}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("method,path", OPERATIONS)
def test_api_answers_every_generated_request_as_documented(module_world, known_ids, method, path, mode):
    world = module_world
    if mode is GenerationMode.NEGATIVE and not has_inputs(method, path):
        return  # nothing to make invalid (the valid run covers it)
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", world.client.application)
    operation = schema[path][method]
    strategy = operation.as_strategy(mode)
    known = {name: value for name, value in known_ids.items() if "{" + name + "}" in path}
    if known:
        strategy = st.one_of(strategy, operation.as_strategy(mode, path_parameters=known))
    if (method, path, mode) == ("POST", "/api/patients", GenerationMode.POSITIVE):
        strategy = st.one_of(strategy, enrollments().flatmap(lambda body: operation.as_strategy(mode, body=body)))
    statuses = []

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def answers_as_documented(case):
        response = case.call_and_validate(headers={"Authorization": f"Bearer {world.demo.api_key}"},
                                          checks=CHECKS if mode is GenerationMode.POSITIVE else INVALID_CHECKS)
        statuses.append(response.status_code)

    answers_as_documented()
    assert statuses and all(status < 500 for status in statuses)
