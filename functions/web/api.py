"""The JSON API for clinics' scripts: enroll, list and read patients. Bearer API keys, one clinic each."""
from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, current_app, g, jsonify, request
from flask.typing import ResponseReturnValue

from functions.web.auth import admin_only, api_key_required, services
from functions.web.presenters import escalation_view, patient_created, patient_record, patient_summary
from functions.web.schemas import (AdjustSchema, EnrollmentSchema, EscalationQuerySchema, PatientEditSchema,
                                   ProviderMessageSchema, ResolutionSchema, StatusQuerySchema)
from shared.domain.jobs import utc_iso
from shared.errors import Refused
from shared.services.records import PatientList

bp = Blueprint("api", __name__, url_prefix="/api")
# Errors (schemas' ValidationError, the services' TaperlineError kinds) are answered in functions/web/errors.py.

NOT_AN_OBJECT = {"_body": ["Send a JSON object (Content-Type: application/json)."]}


class BadBody(Refused):
    """A request body that is not the JSON object the operation takes."""

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return NOT_AN_OBJECT


def json_object() -> dict[str, Any]:
    """The request's JSON object; BadBody when the body is anything else."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadBody()
    return body


def optional_object() -> dict[str, Any]:
    """The JSON object of an optional body: {} when there is none; BadBody when there is one but it is not."""
    return json_object() if request.get_data(cache=True) else {}


@bp.post("/patients")
@api_key_required
def enroll() -> ResponseReturnValue:
    svc = services()
    body = json_object()
    now = svc.clock.now()
    countries = svc.enrollment.countries_of(g.caller)
    patient = svc.enrollment.enroll(g.caller, EnrollmentSchema(now=now, countries=countries).load(body), now)
    return jsonify(patient_created(patient)), 201


@bp.get("/patients")
@api_key_required
def list_patients() -> ResponseReturnValue:
    svc = services()
    query = StatusQuerySchema().load(request.args.to_dict())
    rows, cursor = svc.records.page(g.caller, svc.clock.now(), PatientList(
        query.get("q", ""), query.get("status"), query.get("open_escalation"), query.get("limit"), query.get("cursor")))
    return jsonify({"patients": [patient_summary(p, s) for p, s in rows], "next_cursor": cursor})


@bp.get("/patients/<patient_id>")
@api_key_required
def get_patient(patient_id: str) -> ResponseReturnValue:
    svc = services()
    return jsonify(patient_record(svc.records.record(g.caller, patient_id, svc.clock.now())))


@bp.patch("/patients/<patient_id>")
@api_key_required
def edit_patient(patient_id: str) -> ResponseReturnValue:
    """Change a patient's fields ({"language": "es"}); answers the whole record as GET does. A new phone must answer
    YES again (shared/services/phone_changes.py)."""
    svc = services()
    now = svc.clock.now()
    fields = PatientEditSchema(countries=svc.enrollment.countries_of(g.caller)).load(json_object())
    svc.edits.edit(g.caller.clinic_id, g.caller.email or "api key", patient_id, fields, now)
    return jsonify(patient_record(svc.records.record(g.caller, patient_id, now)))


@bp.post("/patients/<patient_id>/messages")
@api_key_required
def message_patient(patient_id: str) -> ResponseReturnValue:
    """Text the patient a provider's words (queued to the end of their quiet hours when it is night there)."""
    svc = services()
    body = ProviderMessageSchema().load(json_object())["body"]
    job = svc.messages.send(g.caller.clinic_id, g.caller.email or "api key", patient_id, body, svc.clock.now())
    return jsonify({"id": job.job_id, "status": job.status.value, "send_at": utc_iso(job.send_at)}), 202


@bp.get("/patients/<patient_id>/fhir")
@api_key_required
def patient_fhir(patient_id: str) -> ResponseReturnValue:
    """The patient's record as a FHIR R4 (4.3.0 models) Bundle of type collection, for the clinic's EHR."""
    from functions.web.fhir_bundle import patient_bundle  # pydantic and the models: only when asked for

    svc = services()
    now = svc.clock.now()
    record = svc.records.record(g.caller, patient_id, now)
    bundle = patient_bundle(record.patient, record.checkins, record.escalations, svc.store.audit_of(patient_id),
                            record.jobs, now)
    return current_app.response_class(json.dumps(bundle), mimetype="application/fhir+json")


@bp.delete("/patients/<patient_id>")
@api_key_required
@admin_only
def erase_patient(patient_id: str) -> ResponseReturnValue:
    """Erase every item of a patient whose taper is over or who opted out (the clinic's erasure log keeps who, when
    and the patient id)."""
    svc = services()
    now = svc.clock.now()
    items = svc.erasure.erase(g.caller.clinic_id, patient_id, g.caller.email or "api key", now)
    return jsonify({"id": patient_id, "erased": True, "erased_at": utc_iso(now), "items": items})


@bp.post("/patients/<patient_id>/hold", defaults={"action": "hold"})
@bp.post("/patients/<patient_id>/resume", defaults={"action": "resume"})
@bp.post("/patients/<patient_id>/adjust", defaults={"action": "adjust"})
@bp.post("/patients/<patient_id>/end", defaults={"action": "end"})
@api_key_required
def plan_action(patient_id: str, action: str) -> ResponseReturnValue:
    """hold, resume, adjust ({"dose_mg"?, "step_mg"?, "step_days"?}) or end a patient's taper."""
    svc = services()
    params = AdjustSchema().load(optional_object()) if action == "adjust" else {}
    patient = svc.plans.act(g.caller.clinic_id, g.caller.email or "api", patient_id, action, svc.clock.now(), params)
    return jsonify({"id": patient.patient_id, "status": patient.status.value, "held": bool(patient.held_since),
                    "plan": patient.plan.as_data()})


@bp.get("/escalations")
@api_key_required
def list_escalations() -> ResponseReturnValue:
    svc = services()
    query = EscalationQuerySchema().load(request.args.to_dict())
    rows = svc.escalations.list(g.caller, query.get("status") or None)
    return jsonify({"escalations": [{**escalation_view(e), "patient_id": pid} for pid, e in rows]})


@bp.post("/escalations/<escalation_id>/acknowledge")
@api_key_required
def acknowledge_escalation(escalation_id: str) -> ResponseReturnValue:
    svc = services()
    return jsonify(escalation_view(svc.escalations.acknowledge(g.caller, escalation_id, svc.clock.now())))


@bp.post("/escalations/<escalation_id>/resolve")
@api_key_required
def resolve_escalation(escalation_id: str) -> ResponseReturnValue:
    svc = services()
    note = ResolutionSchema().load(optional_object()).get("note", "")
    return jsonify(escalation_view(svc.escalations.resolve(g.caller, escalation_id, svc.clock.now(), note)))


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    from functions.web.openapi import document

    return jsonify(document())
