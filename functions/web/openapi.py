"""The OpenAPI 3 document, generated from the same marshmallow schemas the API validates with.

Every operation has an operationId (generated clients name their functions by it), the 4xx answers it can
give with the rules behind any 400 the schema cannot express, and `links` to the operations its answer
leads to, so clients and stateful tests can follow an enrollment to its record, hold, resume, adjust and end.
"""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from functools import lru_cache
from typing import Any

from functions.web import schemas

PATIENT_ID = {"in": "path", "name": "patient_id", "required": True, "schema": {"type": "string", "minLength": 1}}
ESCALATION_ID = {**PATIENT_ID, "name": "escalation_id"}
KEYED: list[dict[str, list[str]]] = [{"apiKey": []}]
PLAN_ACTIONS = {
    "hold": ("holdTaper", "Hold: no further step-down; the patient is told to stay on the dose"),
    "resume": ("resumeTaper", "Resume: the next step-down falls tomorrow"),
    "adjust": ("adjustTaper", "Adjust the dose, step size or days per step from today"),
    "end": ("endTaper", "End the taper today; follow-up check-ins still run")}
PLAN_STATE_RULE = ("409 when the action does not fit where the plan stands: hold a held plan, resume one that is "
                   "not held, or change the taper of a patient who is not active or whose taper is over.")


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: str, description: str, links: dict[str, Any] | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}
    if links:
        answer["links"] = links
    return answer


def _links(source: str, *operations: str, name: str = "patient_id") -> dict[str, Any]:
    """Links from a response value (a runtime expression) to each operation taking it as `name`."""
    return {operation[0].upper() + operation[1:]: {"operationId": operation, "parameters": {name: source}}
            for operation in operations}


def _body(schema: str, required: bool = True) -> dict[str, Any]:
    return {"required": required, "content": {"application/json": {"schema": _ref(schema)}}}


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
    """Keyed operations may answer 401, those with a body 413, and every one 503; all in the Problem shape."""
    responses = operation["responses"]
    if operation.get("security"):
        responses.setdefault("401", _json("Problem", "No valid API key"))
    if operation.get("requestBody"):
        responses.setdefault("413", _json("Problem", "The body is larger than 256 KiB"))
    unavailable = _json("Problem", "Storage is unavailable for a moment; try again")
    unavailable["headers"] = {"Retry-After": {"description": "Seconds to wait before trying again",
                                              "schema": {"type": "integer"}}}
    responses.setdefault("503", unavailable)
    return operation


def _described(summary: str, rules: tuple[str, ...]) -> str:
    """An operation's description: what it does, then each rule behind a 400 that the schema cannot express."""
    if not rules:
        return summary
    return summary + "\n\nBesides what the schema says, a 400 answers when:\n" + "\n".join(f"- {r}" for r in rules)


# Response shapes whose every property is always sent (null where the schema says nullable), but these.
SOMETIMES_SENT = {"Escalation": {"patient_id"}}  # only in the escalation list
RESPONSES = ("Step", "Plan", "PatientCreated", "PatientSummary", "PatientList", "Message", "Answer", "Checkin",
             "Escalation", "Job", "PatientRecord", "EscalationList", "PlanAction", "Erasure", "MessageQueued",
             "ClinicSettings", "QuietHoursAnswer", "ThresholdsAnswer")


def _all_required(components: dict[str, Any]) -> None:
    for name in RESPONSES:
        properties = components[name]["properties"]
        components[name]["required"] = [p for p in properties if p not in SOMETIMES_SENT.get(name, set())]


def _visible_only(properties: dict[str, Any]) -> None:
    """Patterns refusing the Basic Multilingual Plane's control and format characters (names must also hold
    something besides spaces; notes may keep tabs and line breaks): schemas.invisible says the same."""
    import unicodedata

    def excluded(keep: str) -> str:
        chars = [c for c in range(0x10000) if unicodedata.category(chr(c)) in schemas.INVISIBLE and chr(c) not in keep]
        runs: list[list[int]] = []
        for c in chars:
            if runs and runs[-1][1] == c - 1:
                runs[-1][1] = c
            else:
                runs.append([c, c])
        return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)

    bad = excluded("")
    for name in ("first_name", "last_name"):
        properties[name]["pattern"] = f"^[^{bad}]*[^\\s{bad}][^{bad}]*$"
    properties["notes"]["pattern"] = f"^[^{excluded(schemas.NOTE_WHITESPACE)}]*$"


def _zone_enum(property_: dict[str, Any]) -> None:
    """The zones offered, with names generated clients can use as constants (GMT+0 and GMT0 are both zones)."""
    zones = list(schemas.iana_zones())
    property_["enum"] = zones
    property_["x-enum-varnames"] = [zone.replace("+", "_PLUS_").replace("-", "_MINUS_") for zone in zones]


INVALID = _json("Errors", "Invalid fields, keyed by field name")
ERASE_RULES = ("Erase a patient's data on request: the profile, plan, reminders, check-ins, escalations, texts, audit "
               "and the number's mapping all go; the clinic keeps who erased which patient id when, nothing else.\n\n"
               "409 unless the patient is done with the service: completed, consent expired, opted out, or their "
               "taper over (ended by a provider or past its last dose); and, with reminders handed to Twilio ahead, while one is "
               "still to go or being taken back (a few minutes). A finished patient's data is otherwise kept "
               "for the clinic's retention (default 7 years after the last dose) and then goes by itself.")
NO_PATIENT = _json("Problem", "No such patient in this clinic")
PATIENT_LINKS = ("getPatient", "holdTaper", "resumeTaper", "adjustTaper", "endTaper", "getPatientFhir",
                 "messagePatient")
FHIR_DESCRIPTION = (
    "The patient's record as a FHIR Bundle of type `collection`, built and validated with fhir.resources' R4B models "
    "(FHIR 4.3.0; these resources have R4's shape): the Patient (identifier, name, SMS phone; nothing the record does "
    "not hold), a MedicationRequest for naltrexone (RxNorm 7243) with one dosageInstruction per step "
    "(timing.repeat.boundsPeriod), a hold as statusReason and plan changes as notes; the check-in Questionnaire "
    "(linkIds symptoms, mood, withdrawal, safety), one QuestionnaireResponse per check-in and one Observation "
    "(category survey) per answer; a Flag per escalation and a Communication per escalation email sent. "
    "The patient's own free text is never included.")
FHIR_BUNDLE = {"type": "object", "required": ["resourceType", "type", "entry"],
               "properties": {"resourceType": {"type": "string", "enum": ["Bundle"]},
                              "type": {"type": "string", "enum": ["collection"]},
                              "timestamp": {"type": "string", "format": "date-time"},
                              "entry": {"type": "array", "items": {
                                  "type": "object", "required": ["fullUrl", "resource"],
                                  "properties": {"fullUrl": {"type": "string"},
                                                 "resource": {"type": "object", "required": ["resourceType"]}}}}}}


LIST_ORDER = ("Patients in the order of what needs attention (`attention`, its enum's order): an open urgent "
              "escalation, an open routine one past its acknowledgement deadline, an open routine one, a number that "
              "cannot get texts, a held taper, on the plan or awaiting consent, opted out, finished; within each, by "
              "enrollment, oldest first. Read from the clinic index a page at a time: with `limit`, one page and "
              "`next_cursor` (null at the end; a page may hold fewer than `limit` when a filter drops some), "
              "without it every patient.\n\nBesides what the schema says, a 400 answers when:\n- `cursor` is not a "
              "`next_cursor` this list gave (for the same `open_escalation`)")


def _query_parameters(names: tuple[str, ...]) -> list[dict[str, Any]]:
    """Query parameters as the list's schema describes them (types, limits, descriptions)."""
    fields = schemas.StatusQuerySchema().fields
    described = {"q": {"type": "string", "maxLength": 100}, "open_escalation": {"type": "boolean"},
                 "limit": {"type": "integer", "minimum": 1, "maximum": schemas.MAX_PAGE},
                 "cursor": {"type": "string", "minLength": 1, "maxLength": 400}}
    return [{"in": "query", "name": name, "required": False, "description": fields[name].metadata["description"],
             "schema": described[name]} for name in names]


def _patient_paths() -> dict[str, dict[str, Any]]:
    enrolled = _links("$response.body#/id", *PATIENT_LINKS)
    record_links = {**_links("$response.body#/id", *PATIENT_LINKS[1:]),
                    **_links("$response.body#/escalations/0/id", "acknowledgeEscalation", name="escalation_id")}
    paths: dict[str, dict[str, Any]] = {
        "/api/patients": {
            "post": {"operationId": "enrollPatient", "summary": "Enroll a patient; the welcome text asks for consent",
                     "description": _described("Enroll a patient; the welcome text asks for consent.",
                                               schemas.UNCHECKED_RULES["enroll"]),
                     "security": KEYED, "requestBody": _body("Enrollment"),
                     "responses": {"201": _json("PatientCreated", "Enrolled, awaiting consent", enrolled),
                                   "400": INVALID,
                                   "409": _json("Errors", "The number belongs to a patient whose plan is not over")}},
            "get": {"operationId": "listPatients", "summary": "This clinic's patients, what needs attention first",
                    "description": LIST_ORDER, "security": KEYED,
                    "parameters": [{"in": "query", "name": "status", "required": False,
                                    "schema": {"type": "string", "enum": list(schemas.STATUSES)}},
                                   *_query_parameters(("q", "open_escalation", "limit", "cursor"))],
                    "responses": {"200": _json("PatientList", "Patients",
                                               _links("$response.body#/patients/0/id", "getPatient")),
                                  "400": INVALID}}},
        "/api/patients/{patient_id}": {
            "get": {"operationId": "getPatient", "summary": "One patient's whole record", "security": KEYED,
                    "parameters": [PATIENT_ID],
                    "responses": {"200": _json("PatientRecord", "The record", record_links), "404": NO_PATIENT}},
            "patch": {"operationId": "editPatient", "summary": "Change a patient's fields",
                      "description": _described(
                          "Change any of a patient's first and last name, mobile number, provider, notes, time zone, "
                          "dose time, check-in time and language. A new zone or time plans the texts ahead again "
                          "(tonight's reminder goes once: not again if it went, now if its new time has passed); a new "
                          "language writes the queued texts again in it. A new number must answer YES again: the "
                          "status goes back to `awaiting_consent`, the welcome text goes to the new number, texts from "
                          "the old one no longer reach the patient, and nothing else is sent until YES (then the texts "
                          "ahead go to the new number; no YES in 96 hours and consent expires, as at enrollment). Plan "
                          "changes are the hold, resume, adjust and end actions.\n\n409 when the new number is in a "
                          "plan that is not over on the clinic's sender (the same answer as enrollment), when the "
                          "patient opted out or their plan is over (a new number is refused), or when the record kept "
                          "changing.", schemas.UNCHECKED_RULES["edit"]),
                      "security": KEYED, "parameters": [PATIENT_ID],
                      "requestBody": _body("PatientEdit"),
                      "responses": {"200": _json("PatientRecord", "The record after the change", record_links),
                                    "400": INVALID, "404": NO_PATIENT,
                                    "409": {"description": "The new number is in use, the patient cannot take a new "
                                                           "one, or the record kept changing; try again",
                                            "content": {"application/json": {"schema": {
                                                "oneOf": [_ref("Errors"), _ref("Problem")]}}}}}},
            "delete": {"operationId": "erasePatient", "summary": "Erase a patient's data on request",
                       "description": ERASE_RULES, "security": KEYED, "parameters": [PATIENT_ID],
                       "responses": {"200": _json("Erasure", "Erased: nothing of the patient is left"),
                                     "404": NO_PATIENT,
                                     "409": _json("Problem", "The patient's taper is not over: end it first")}}}}
    paths["/api/patients/{patient_id}/messages"] = {"post": {
        "operationId": "messagePatient", "summary": "Text the patient a provider's words",
        "description": "Text the patient a provider's words, with the clinic's name in front, as one GSM-7 text "
                       "(accents folded). Queued at once, or to the end of the patient's quiet hours; it shows "
                       "in the record's messages, and the patient's answer reaches their provider as a patient "
                       "message.\n\nBesides what the schema says, a 400 answers when:\n- the clinic's name and "
                       "the words do not fit one text, or a character has no GSM-7 form (an emoji)\n\n409 when "
                       "the patient opted out or never agreed to texts.",
        "security": KEYED, "parameters": [PATIENT_ID], "requestBody": _body("ProviderMessage"),
        "responses": {"202": _json("MessageQueued", "Queued: at once, or at the end of the patient's quiet hours"),
                      "400": INVALID, "404": NO_PATIENT,
                      "409": _json("Errors", "The patient opted out or never agreed to texts")}}}
    paths["/api/patients/{patient_id}/fhir"] = {"get": {
        "operationId": "getPatientFhir", "summary": "One patient's record as a FHIR Bundle for an EHR",
        "description": FHIR_DESCRIPTION, "security": KEYED, "parameters": [PATIENT_ID],
        "responses": {"200": {"description": "A FHIR Bundle (type collection)",
                              "content": {"application/fhir+json": {"schema": FHIR_BUNDLE}}},
                      "404": NO_PATIENT}}}
    for action, (operation_id, summary) in PLAN_ACTIONS.items():
        operation: dict[str, Any] = {
            "operationId": operation_id, "summary": summary, "description": f"{summary}.\n\n{PLAN_STATE_RULE}",
            "security": KEYED, "parameters": [PATIENT_ID],
            "responses": {"200": _json("PlanAction", "The patient and the rewritten plan",
                                       _links("$response.body#/id", "getPatient")),
                          "404": NO_PATIENT, "409": _json("Errors", "The action does not fit where the plan stands")}}
        if action == "adjust":
            operation["requestBody"] = _body("Adjust", required=False)
            operation["responses"]["400"] = INVALID
        paths[f"/api/patients/{{patient_id}}/{action}"] = {"post": operation}
    return paths


def _escalation_paths() -> dict[str, dict[str, Any]]:
    listed = {**_links("$response.body#/escalations/0/id", "acknowledgeEscalation", "resolveEscalation",
                       name="escalation_id"),
              **_links("$response.body#/escalations/0/patient_id", "getPatient")}
    paths: dict[str, dict[str, Any]] = {"/api/escalations": {"get": {
        "operationId": "listEscalations", "summary": "This clinic's escalations, open first, urgent on top",
        "security": KEYED,
        "parameters": [{"in": "query", "name": "status", "required": False,
                        "description": "Only escalations in this state (empty: all)",
                        "schema": {"type": "string", "enum": ["", "open", "acknowledged", "resolved"]}}],
        "responses": {"200": _json("EscalationList", "Escalations", listed), "400": INVALID}}}}
    for action, operation_id, summary in (
            ("acknowledge", "acknowledgeEscalation", "Acknowledge (a crisis hold on check-ins ends)"),
            ("resolve", "resolveEscalation", "Resolve, with an optional note")):
        after = _links("$response.body#/id", "resolveEscalation", name="escalation_id") if action == "acknowledge" else None
        operation: dict[str, Any] = {
            "operationId": operation_id, "summary": summary, "security": KEYED, "parameters": [ESCALATION_ID],
            "responses": {"200": _json("Escalation", "The escalation after the change", after),
                          "404": _json("Problem", "No such escalation in this clinic")}}
        if action == "resolve":
            operation["requestBody"] = _body("Resolution", required=False)
            operation["responses"]["400"] = INVALID
        paths[f"/api/escalations/{{escalation_id}}/{action}"] = {"post": operation}
    return paths


EXPORTS = {
    "checkins": ("exportCheckins", "The clinic's finished check-ins started in a range of days, as CSV",
                 "One row per finished check-in, oldest first: patient_id, first_name, last_name, checkin_id, kind, "
                 "started_at_utc (ISO 8601), local_date (the patient's day, in the patient's zone), dose_mg, a value "
                 "and raw text per question (symptoms_value, symptoms_raw, mood_value, mood_raw, withdrawal_value, "
                 "withdrawal_raw; empty when not answered), status."),
    "escalations": ("exportEscalations", "The clinic's escalations opened in a range of days, as CSV",
                    "One row per escalation, oldest first: escalation_id, patient_id, first_name, last_name, reasons "
                    "(separated by ;), severity, status, created_at_utc, acknowledged_by, acknowledged_at_utc, "
                    "minutes_to_acknowledge, resolved_by, resolved_at_utc, minutes_to_resolve (whole minutes from "
                    "creation, empty until it happens), note."),
    "plan_changes": ("exportPlanChanges", "The clinic's plan changes (hold, resume, adjust, end) in a range of days, "
                                          "as CSV",
                     "One row per change, in the order made: change_id, patient_id, first_name, last_name, at_utc, "
                     "local_date (the patient's day), who, action, dose_before_mg and dose_after_mg (that night's dose "
                     "under the plan before and after the change)."),
}
EXPORT_COMMON = (
    "`from` and `to` are days of the clinic (its time zone setting), both included. The file is UTF-8 with a byte "
    "order mark, comma separated with CRLF line ends, a header row first, and is streamed as it is read. A text "
    "cell that starts with =, +, -, @, a tab or a carriage return is written with a single quote (') in front so a "
    "spreadsheet never runs it as a formula; number cells (values, minutes, doses) are never negative and are "
    "written as they are.")


def _settings_paths() -> dict[str, dict[str, Any]]:
    from functions.web.settings_schemas import RULES

    answer = _json("ClinicSettings", "The clinic's settings as they are now")
    return {"/api/clinic/settings": {
        "get": {"operationId": "getClinicSettings", "summary": "The clinic's settings", "security": KEYED,
                "responses": {"200": answer}},
        "patch": {"operationId": "changeClinicSettings", "summary": "Change any of the clinic's settings",
                  "description": _described(
                      "Each setting applies to every patient's texts and checks from then on (read when each "
                      "decision is made; running functions see a change within a minute). A change of the name, "
                      "the discreet wording or the quiet hours writes each patient's planned texts again within a "
                      "few minutes. Every change is kept: who, when, each setting's old and new value (the "
                      "settings page lists them).", RULES),
                  "security": KEYED, "requestBody": _body("ClinicSettingsEdit"),
                  "responses": {"200": answer, "400": INVALID,
                                "409": _json("Problem", "Other changes kept landing at the same moment: send it again")}}}}


def _export_paths() -> dict[str, dict[str, Any]]:
    from functions.web.exports import RANGE_RULES

    days = [{"in": "query", "name": name, "required": True, "description": description,
             "schema": {"type": "string", "format": "date"}}
            for name, description in (("from", "The first day (YYYY-MM-DD), included"),
                                      ("to", "The last day (YYYY-MM-DD), included"))]
    paths: dict[str, dict[str, Any]] = {}
    for kind, (operation_id, summary, columns) in EXPORTS.items():
        paths[f"/api/exports/{kind}.csv"] = {"get": {
            "operationId": operation_id, "summary": summary,
            "description": _described(f"{columns}\n\n{EXPORT_COMMON}", RANGE_RULES),
            "security": KEYED, "parameters": days,
            "responses": {"200": {"description": "The CSV file, as an attachment",
                                  "headers": {"Content-Disposition": {
                                      "description": f"attachment; filename={kind}-<from>-<to>.csv",
                                      "schema": {"type": "string"}}},
                                  "content": {"text/csv": {"schema": {"type": "string"}}}},
                          "400": INVALID}}}
    return paths


@lru_cache(maxsize=1)
def document() -> dict[str, Any]:
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin

    spec = APISpec(title="taperline API", version="1.0.0", openapi_version="3.0.3", plugins=[MarshmallowPlugin()],
                   info={"description": "Enroll patients in an SMS-supervised LDN taper and read their records. "
                                        "Send `Authorization: Bearer <API key>`; the key's clinic is the caller."})
    spec.components.security_scheme("apiKey", {"type": "http", "scheme": "bearer"})
    # Described here, never loaded: the moment it would judge start dates by plays no part in the document.
    spec.components.schema("Enrollment", schema=schemas.EnrollmentSchema(now=datetime.fromtimestamp(0, timezone.utc)))
    for name in ("PatientCreated", "PatientList", "PatientRecord", "Errors", "Problem", "EscalationList", "Adjust",
                 "PlanAction", "Resolution", "Erasure", "PatientEdit", "ProviderMessage", "MessageQueued"):
        spec.components.schema(name, schema=getattr(schemas, f"{name}Schema"))
    from functions.web.settings_schemas import ClinicSettingsEditSchema, ClinicSettingsSchema

    spec.components.schema("ClinicSettings", schema=ClinicSettingsSchema)
    spec.components.schema("ClinicSettingsEdit", schema=ClinicSettingsEditSchema)
    document: dict[str, Any] = _numbers(spec.to_dict())
    document["components"]["schemas"]["ClinicSettingsEdit"]["minProperties"] = 1
    _zone_enum(document["components"]["schemas"]["ClinicSettingsEdit"]["properties"]["timezone"])
    for name in ("Enrollment", "PatientEdit"):  # the same fields, the same rules
        _zone_enum(document["components"]["schemas"][name]["properties"]["timezone"])
        _visible_only(document["components"]["schemas"][name]["properties"])
    document["components"]["schemas"]["ClinicSettingsEdit"]["properties"]["name"]["pattern"] = \
        document["components"]["schemas"]["Enrollment"]["properties"]["first_name"]["pattern"]
    document["components"]["schemas"]["Resolution"]["properties"]["note"]["pattern"] = \
        document["components"]["schemas"]["Enrollment"]["properties"]["notes"]["pattern"]
    _all_required(document["components"]["schemas"])
    document["paths"] = {**_patient_paths(), **_escalation_paths(), **_settings_paths(), **_export_paths(),
                         "/api/openapi.json": {"get": {
        "operationId": "getOpenApiDocument", "summary": "This document",
        "responses": {"200": {"description": "OpenAPI 3 document",
                              "content": {"application/json": {"schema": {"type": "object"}}}}}}}}
    for path, operations in document["paths"].items():
        if path != "/api/openapi.json":
            for operation in operations.values():
                _with_common_errors(operation)
    return document
