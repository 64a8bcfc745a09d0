"""A clinic's settings: GET and PATCH /api/clinic/settings (API keys act as admins) and the admins' settings page,
with who changed what, when. The service (shared/services/clinic_settings.py) checks, writes and re-plans."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, jsonify, redirect, render_template, request
from flask.typing import ResponseReturnValue
from marshmallow import ValidationError

from functions.web.api import json_object
from functions.web.auth import admin_only, api_key_required, services, signed_in
from functions.web.settings_schemas import ClinicSettingsEditSchema
from shared.domain.escalation_rules import Thresholds
from shared.domain.settings_changes import as_fields
from shared.services.clinic_settings import SettingsRefused

bp = Blueprint("settings_page", __name__)              # the page: signed-in admins, forms with CSRF tokens
api_bp = Blueprint("settings_api", __name__)            # the API: bearer keys, no cookies
CHECKBOXES = ("discreet_texts", "hold_on_escalation")
NUMBERS = ("safety_mood_at_or_below", "ack_urgent_minutes", "ack_routine_business_days", "retention_years")
TEXTS = ("name", "phone", "timezone", "escalation_email")


@api_bp.get("/api/clinic/settings")
@api_key_required
def read_settings() -> ResponseReturnValue:
    return jsonify(as_fields(services().clinic_settings.read(g.caller.clinic_id)))


@api_bp.patch("/api/clinic/settings")
@api_key_required
@admin_only
def change_settings() -> ResponseReturnValue:
    svc = services()
    fields = ClinicSettingsEditSchema().load(json_object())
    clinic = svc.clinic_settings.change(g.caller.clinic_id, g.caller.email or "api key", fields, svc.clock.now())
    return jsonify(as_fields(clinic))


@bp.get("/clinic/settings")
@signed_in
@admin_only
def settings_page() -> ResponseReturnValue:
    return _page()


@bp.post("/clinic/settings")
@signed_in
@admin_only
def save_settings() -> ResponseReturnValue:
    svc = services()
    form = _form_fields()
    try:
        fields = ClinicSettingsEditSchema().load(form)
        svc.clinic_settings.change(g.caller.clinic_id, g.caller.email, fields, svc.clock.now())
    except ValidationError as exc:
        return _page(form, _flat_errors(exc.normalized_messages())), 400
    except SettingsRefused as exc:
        return _page(form, exc.errors), 400
    flash("Settings saved. They apply to every patient's texts and checks from now on.")
    return redirect("/clinic/settings")


def _page(form: dict[str, Any] | None = None, errors: dict[str, list[str]] | None = None) -> str:
    svc = services()
    current = as_fields(svc.clinic_settings.read(g.caller.clinic_id))
    return render_template("clinic_settings.html", current=current, values=_shown(current, form),
                           errors=errors or {}, history=svc.clinic_settings.history(g.caller.clinic_id),
                           thresholds=list(Thresholds.__dataclass_fields__))


def _form_fields() -> dict[str, Any]:
    """The form as the API's JSON: numbers as numbers where they read as whole numbers, boxes as true/false."""
    form = request.form
    fields: dict[str, Any] = {name: form.get(name, "").strip() for name in TEXTS}
    fields |= {name: form.get(name) == "on" for name in CHECKBOXES}
    fields |= {name: _number(form.get(name, "")) for name in NUMBERS}
    fields["quiet_hours"] = {"start": form.get("quiet_start", "").strip(), "end": form.get("quiet_end", "").strip()}
    fields["thresholds"] = {name: _number(form.get(f"threshold_{name}", "")) for name in Thresholds.__dataclass_fields__}
    return fields


def _number(text: str) -> Any:
    return int(text.strip()) if text.strip().isdigit() else text.strip()


def _shown(current: dict[str, Any], form: dict[str, Any] | None) -> dict[str, Any]:
    """What the form shows: as sent when it was refused, else as stored."""
    return {**current, **(form or {})}


def _flat_errors(messages: Any) -> dict[str, list[str]]:
    """Nested errors (quiet_hours.start) by the form's field names (quiet_start, threshold_mood_low)."""
    flat: dict[str, list[str]] = {}
    for name, value in (messages or {}).items():
        if isinstance(value, dict):
            for inner, texts in value.items():
                flat[f"quiet_{inner}" if name == "quiet_hours" else f"threshold_{inner}"] = list(texts)
        else:
            flat[name] = list(value)
    return flat
