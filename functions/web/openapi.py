"""The OpenAPI 3 document, generated from the same marshmallow schemas the API validates with."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from functools import lru_cache
from typing import Any

from functions.web import schemas


def _json(schema: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _numbers(value: Any) -> Any:
    """Decimal limits and defaults (0.5 mg) as JSON numbers: JSON Schema wants numbers, not strings."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _with_common_errors(operation: dict[str, Any]) -> dict[str, Any]:
    """Every API operation may answer 503 (storage briefly unavailable); keyed ones 401; all in one shape."""
    responses = operation["responses"]
    if operation.get("security"):
        responses.setdefault("401", _json("Problem", "No valid API key"))
    responses.setdefault("503", _json("Problem", "Storage is unavailable for a moment; try again"))
    return operation


@lru_cache(maxsize=1)
def document() -> dict[str, Any]:
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

    spec = APISpec(title="taperline API", version="1.0.0", openapi_version="3.0.3", plugins=[MarshmallowPlugin()],
                   info={"description": "Enroll patients in an SMS-supervised LDN taper and read their records."})
    spec.components.security_scheme("apiKey", {"type": "http", "scheme": "bearer"})
    # Described here, never loaded: the moment it would judge start dates by plays no part in the document.
    spec.components.schema("Enrollment", schema=schemas.EnrollmentSchema(now=datetime.fromtimestamp(0, timezone.utc)))
    for name in ("PatientCreated", "PatientList", "PatientRecord", "Errors", "Problem", "EscalationList"):
        spec.components.schema(name, schema=getattr(schemas, f"{name}Schema"))
    unauthorised = _json("Problem", "No valid API key")
    invalid = _json("Errors", "Invalid fields, keyed by field name")
    spec.path(path="/api/patients", operations={
        "post": {"summary": "Enroll a patient; the welcome text asks for consent", "security": [{"apiKey": []}],
                 "requestBody": {"required": True, "content": {"application/json": {"schema": "Enrollment"}}},
                 "responses": {"201": _json("PatientCreated", "Enrolled, awaiting consent"),
                               "400": _json("Errors", "Invalid fields, keyed by field name"), "401": unauthorised,
                               "409": _json("Errors", "The number belongs to a patient whose plan is not over")}},
        "get": {"summary": "This clinic's patients", "security": [{"apiKey": []}],
                "parameters": [{"in": "query", "name": "status", "required": False,
                                "schema": {"type": "string", "enum": list(schemas.STATUSES)}}],
                "responses": {"200": _json("PatientList", "Patients"), "400": invalid, "401": unauthorised}}})
    spec.path(path="/api/patients/{patient_id}", operations={
        "get": {"summary": "One patient's whole record", "security": [{"apiKey": []}],
                "parameters": [{"in": "path", "name": "patient_id", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": _json("PatientRecord", "The record"), "401": unauthorised,
                              "404": _json("Problem", "No such patient in this clinic")}}})
    spec.components.schema("Adjust", schema=schemas.AdjustSchema)
    spec.components.schema("PlanAction", schema=schemas.PlanActionSchema)
    operation: dict[str, Any]
    for action, summary in (("hold", "Hold: no further step-down; the patient is told to stay on the dose"),
                            ("resume", "Resume: the next step-down falls tomorrow"),
                            ("adjust", "Adjust the dose, step size or days per step from today"),
                            ("end", "End the taper today; follow-up check-ins still run")):
        operation = {"summary": summary, "security": [{"apiKey": []}],
                     "parameters": [{"in": "path", "name": "patient_id", "required": True,
                                     "schema": {"type": "string"}}],
                     "responses": {"200": _json("PlanAction", "The patient and the rewritten plan"),
                                   "401": unauthorised, "404": _json("Problem", "No such patient in this clinic"),
                                   "409": _json("Errors", "The action does not fit where the plan stands")}}
        if action == "adjust":
            operation["requestBody"] = {"content": {"application/json": {"schema": "Adjust"}}}
            operation["responses"]["400"] = invalid
        spec.path(path=f"/api/patients/{{patient_id}}/{action}", operations={"post": operation})
    spec.path(path="/api/escalations", operations={
        "get": {"summary": "This clinic's escalations, open first, urgent on top", "security": [{"apiKey": []}],
                "parameters": [{"in": "query", "name": "status", "required": False,
                                "description": "Only escalations in this state (empty: all)",
                                "schema": {"type": "string", "enum": ["", "open", "acknowledged", "resolved"]}}],
                "responses": {"200": _json("EscalationList", "Escalations"), "400": invalid,
                              "401": unauthorised}}})
    spec.components.schema("Resolution", schema=schemas.ResolutionSchema)
    for action, summary in (("acknowledge", "Acknowledge (a crisis hold on check-ins ends)"),
                            ("resolve", "Resolve, with an optional note")):
        operation = {"summary": summary, "security": [{"apiKey": []}],
                     "parameters": [{"in": "path", "name": "escalation_id", "required": True,
                                     "schema": {"type": "string"}}],
                     "responses": {"200": _json("Escalation", "The escalation after the change"),
                                   "401": unauthorised, "404": _json("Problem", "No such escalation in this clinic")}}
        if action == "resolve":
            operation["requestBody"] = {"content": {"application/json": {"schema": "Resolution"}}}
            operation["responses"]["400"] = invalid
        spec.path(path=f"/api/escalations/{{escalation_id}}/{action}", operations={"post": operation})
    spec.path(path="/api/openapi.json", operations={
        "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3 document"}}}})
    document: dict[str, Any] = _numbers(spec.to_dict())
    for path, operations in document["paths"].items():
        if path != "/api/openapi.json":
            for operation in operations.values():
                _with_common_errors(operation)
    return document
