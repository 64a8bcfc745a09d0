"""The JSON API for clinics' scripts: enroll, list and read patients. Bearer API keys, one clinic each."""
from __future__ import annotations

from flask import Blueprint, g, jsonify, request
from marshmallow import ValidationError

from functions.web.auth import api_key_required, services
from functions.web.presenters import escalation_view, patient_created, patient_record, patient_summary
from functions.web.schemas import (AdjustSchema, EnrollmentSchema, EscalationQuerySchema, ResolutionSchema,
                                   StatusQuerySchema, flat_errors)
from shared.services.enrollment import EnrollmentRefused
from shared.services.plans import PlanActionRefused
from shared.services.ports import PhoneTaken

bp = Blueprint("api", __name__, url_prefix="/api")


def errors(messages: dict, status: int = 400):
    return jsonify({"errors": flat_errors(messages)}), status


class BadBody(Exception):
    """A request body that is not the JSON object the operation takes."""


NOT_AN_OBJECT = {"_body": ["Send a JSON object (Content-Type: application/json)."]}


def optional_object() -> dict:
    """The JSON object of an optional body: {} when there is none; BadBody when there is one but it is not."""
    if not request.get_data(cache=True):
        return {}
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadBody()
    return body


@bp.errorhandler(BadBody)
def bad_body(_exc: BadBody):
    return errors(NOT_AN_OBJECT)


@bp.post("/patients")
@api_key_required
def enroll():
    svc = services()
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return errors(NOT_AN_OBJECT)
    now = svc.clock.now()
    try:
        data = EnrollmentSchema(now=now).load(body)
        patient = svc.enrollment.enroll(g.caller, data, now)
    except ValidationError as exc:
        return errors(exc.messages)
    except EnrollmentRefused as exc:
        return errors(exc.errors)
    except PhoneTaken:
        return errors({"phone": ["This number already belongs to a patient whose plan is not over."]}, 409)
    return jsonify(patient_created(patient)), 201


@bp.get("/patients")
@api_key_required
def list_patients():
    svc = services()
    try:
        query = StatusQuerySchema().load(request.args.to_dict())
    except ValidationError as exc:
        return errors(exc.messages)
    rows = svc.records.list(g.caller, svc.clock.now(), query.get("status"))
    return jsonify({"patients": [patient_summary(p, s) for p, s in rows]})


@bp.get("/patients/<patient_id>")
@api_key_required
def get_patient(patient_id: str):
    svc = services()
    return jsonify(patient_record(svc.records.record(g.caller, patient_id, svc.clock.now())))


@bp.post("/patients/<patient_id>/hold", defaults={"action": "hold"})
@bp.post("/patients/<patient_id>/resume", defaults={"action": "resume"})
@bp.post("/patients/<patient_id>/adjust", defaults={"action": "adjust"})
@bp.post("/patients/<patient_id>/end", defaults={"action": "end"})
@api_key_required
def plan_action(patient_id: str, action: str):
    """hold, resume, adjust ({"dose_mg"?, "step_mg"?, "step_days"?}) or end a patient's taper."""
    svc = services()
    params = {}
    if action == "adjust":
        try:
            params = AdjustSchema().load(optional_object())
        except ValidationError as exc:
            return errors(exc.messages)
    try:
        patient = svc.plans.act(g.caller.clinic_id, g.caller.email or "api", patient_id, action, svc.clock.now(),
                                params)
    except PlanActionRefused as exc:
        return errors({"plan": [str(exc)]}, 409)
    return jsonify({"id": patient.patient_id, "status": patient.status.value, "held": bool(patient.held_since),
                    "plan": patient.plan.as_data()})


@bp.get("/escalations")
@api_key_required
def list_escalations():
    svc = services()
    try:
        query = EscalationQuerySchema().load(request.args.to_dict())
    except ValidationError as exc:
        return errors(exc.messages)
    rows = svc.escalations.list(g.caller, query.get("status") or None)
    return jsonify({"escalations": [{**escalation_view(e), "patient_id": pid} for pid, e in rows]})


@bp.post("/escalations/<escalation_id>/acknowledge")
@api_key_required
def acknowledge_escalation(escalation_id: str):
    svc = services()
    return jsonify(escalation_view(svc.escalations.acknowledge(g.caller, escalation_id, svc.clock.now())))


@bp.post("/escalations/<escalation_id>/resolve")
@api_key_required
def resolve_escalation(escalation_id: str):
    svc = services()
    try:
        note = ResolutionSchema().load(optional_object()).get("note", "")
    except ValidationError as exc:
        return errors(exc.messages)
    return jsonify(escalation_view(svc.escalations.resolve(g.caller, escalation_id, svc.clock.now(), note)))


@bp.get("/openapi.json")
def openapi():
    from functions.web.openapi import document

    return jsonify(document())
