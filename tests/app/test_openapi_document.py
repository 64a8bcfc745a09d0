"""The published OpenAPI document as clinics' tools read it: valid, complete, linked, and saying exactly what
the API accepts; and every route answers OPTIONS, and a method it does not take with 405 and Allow."""
from __future__ import annotations

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

from tests.app.conftest import enrollment

def _page_not_operation(rule) -> bool:
    """The API reference's HTML page and its script and styles: read by browsers, not clients."""
    return rule.endpoint.startswith("api_docs.")


def _document(world) -> dict:
    response = world.client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def _operations(document: dict):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_the_reference_validator_accepts_the_published_document(world):
    validate(_document(world))  # openapi-spec-validator: raises on any error


def test_the_document_has_exactly_the_apps_api_operations(world):
    app = world.client.application
    routes = {(rule.rule.replace("<", "{").replace(">", "}"), method.lower())
              for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")
              and not _page_not_operation(rule) for method in rule.methods - {"HEAD", "OPTIONS"}}
    documented = {(path, method) for path, method, _ in _operations(_document(world))}
    assert routes == documented


def test_each_operation_has_a_unique_id_and_each_link_leads_to_one_with_its_parameter(world):
    document = _document(world)
    operations = {op["operationId"]: (path, op) for path, _, op in _operations(document)}
    assert len(operations) == len(list(_operations(document)))
    links = [(name, link) for _, _, op in _operations(document) for answer in op["responses"].values()
             for name, link in answer.get("links", {}).items()]
    assert len(links) >= 19
    for name, link in links:
        _, target = operations[link["operationId"]]
        names = {p["name"] for p in target.get("parameters", [])}
        assert set(link["parameters"]) <= names, name
        assert all(v.startswith("$response.body#/") for v in link["parameters"].values())
    enrolled = document["paths"]["/api/patients"]["post"]["responses"]["201"]["links"]
    assert {link["operationId"] for link in enrolled.values()} == {
        "getPatient", "holdTaper", "resumeTaper", "adjustTaper", "endTaper", "getPatientFhir",
        "messagePatient"}


def test_every_400_the_schema_cannot_express_is_written_in_the_description(world):
    from functions.web.schemas import UNCHECKED_RULES

    enroll = _document(world)["paths"]["/api/patients"]["post"]
    assert all(rule in enroll["description"] for rule in UNCHECKED_RULES["enroll"])


def _schema_says(document: dict, body: dict) -> bool:
    validator = OAS30Validator({"$ref": "#/components/schemas/Enrollment", "components": document["components"]},
                               format_checker=OAS30Validator.FORMAT_CHECKER)
    return validator.is_valid(body)


# Values around each rule the schema states. The schema and the API must agree on every one.
EDGES = [("consent", True), ("consent", False), ("consent", 1), ("consent", "true"), ("consent", None),
         ("start_dose_mg", 2.25), ("start_dose_mg", 4), ("start_dose_mg", "2.5"), ("start_dose_mg", 2.255),
         ("start_dose_mg", 0.49), ("start_dose_mg", 6.01), ("start_dose_mg", True),
         ("step_days", 4), ("step_days", "4"), ("step_days", 4.5), ("step_days", 0), ("step_days", 31),
         ("step_days", False), ("dose_time", "21:00"), ("dose_time", "9:30"), ("dose_time", "24:00"),
         ("dose_time", "21:0"), ("dose_time", " 21:00"), ("dose_time", "21:00:00"), ("checkin_time", "7:60"),
         ("start_date", "2027-01-04"), ("start_date", "2027-1-4"), ("start_date", "20270104"), ("start_date", None),
         ("start_date", "2027-02-30"), ("timezone", "America/Chicago"), ("timezone", "Etc/GMT+5"),
         ("timezone", "Mars/Olympus"), ("timezone", "localtime"), ("timezone", ""), ("timezone", " America/Chicago"),
         ("first_name", "Ana"), ("first_name", ""), ("first_name", "   "), ("first_name", "A" * 20),
         ("first_name", "A" * 21), ("first_name", " Ana " + " " * 15), ("first_name", 7),
         ("phone", "(212) 555-0123"), ("phone", "+1 212 555 0123"), ("phone", "212.555.0123"), ("phone", ""),
         ("phone", "call me"), ("phone", "2125550123 ext. 4"), ("follow_up_days", [1, 7]), ("follow_up_days", []),
         ("follow_up_days", ["7"]), ("follow_up_days", [0]), ("follow_up_days", list(range(1, 14))),
         ("notes", "x" * 2000), ("notes", "x" * 2001), ("notes", None), ("unknown_field", "x"),
         ("first_name", "Ana\u202eorP"), ("last_name", "Lo\x00pez"), ("last_name", "Lo\x1bpez"),
         ("first_name", "Zo\u00ebe"), ("first_name", "\x1c"), ("notes", "line\nbreak\ttab"),
         ("notes", "esc\x1b[31m"), ("notes", "zero\u200bwidth")]


@pytest.mark.parametrize("field,value", EDGES, ids=[f"{f}={v!r}"[:40] for f, v in EDGES])
def test_the_schema_and_the_api_agree_on_what_is_accepted(world, field, value):
    body = {**enrollment(phone=f"(212) 555-01{len(repr(value)) % 100:02d}"), field: value}
    response = world.api("POST", "/api/patients", json=body)
    assert response.status_code in (201, 400), response.get_data(as_text=True)
    assert _schema_says(_document(world), body) == (response.status_code == 201), response.get_data(as_text=True)


def test_a_dose_off_a_hundredth_only_by_float_noise_is_that_hundredth(world):
    body = enrollment(start_dose_mg=0.1 * 3 + 4, step_mg=0.1 * 3)  # 4.3 and 0.30000000000000004
    response = world.api("POST", "/api/patients", json=body)
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["plan"]["steps"][0]["dose_mg"] == 4.3


@pytest.mark.parametrize("method", ["OPTIONS", "PUT", "DELETE", "PATCH"])
def test_every_route_answers_options_and_refuses_other_methods_with_allow(world, method):
    app = world.client.application
    methods_of: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        methods_of.setdefault(rule.rule, set()).update(rule.methods)
    for rule in app.url_map.iter_rules():
        if method in methods_of[rule.rule]:
            continue  # the route takes it (PATCH routes come with the clinic-operations issue)
        path = rule.rule.replace("<path:filename>", "x.js")
        for name in rule.arguments - {"filename"}:
            path = path.replace(f"<{name}>", "some-id")
        response = world.client.open(path, method=method)
        allow = {m.strip() for m in response.headers.get("Allow", "").split(",") if m.strip()}
        assert allow == methods_of[rule.rule] | {"OPTIONS"}, (path, allow)
        assert response.status_code == (200 if method == "OPTIONS" else 405), (path, response.status_code)


def test_every_dose_the_document_allows_is_accepted_and_no_finer_one():
    """multipleOf 0.01 means hundredths exactly: all 551 doses from 0.50 to 6.00, sent as JSON numbers, load;
    a thousandth more does not. (Validators that divide binary floats disagree on some, e.g. 0.57: the
    document's description says so.)"""
    import json
    from decimal import Decimal

    from marshmallow import ValidationError

    from functions.web.schemas import AdjustSchema

    for cents in range(50, 601):
        sent = json.loads(json.dumps(cents / 100))  # as a client's JSON arrives
        assert AdjustSchema().load({"dose_mg": sent})["dose_mg"] == Decimal(cents) / 100
        with pytest.raises(ValidationError):
            AdjustSchema().load({"dose_mg": json.loads(json.dumps((cents * 10 + 5) / 1000))})
