"""Pages for clinic staff: sign in and out, the patient list, the enrollment form, a patient's page."""
from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
)
from flask.typing import ResponseReturnValue
from markupsafe import Markup
from marshmallow import ValidationError

from functions.web import filters
from functions.web.auth import admin_only, services, signed_in, start_session
from functions.web.errors import problem, status_of
from functions.web.presenters import attention, upcoming
from functions.web.schemas import STATUSES, EnrollmentSchema, flat_errors
from shared.domain import enrollment as terms
from shared.domain.accounts import User
from shared.domain.clinic_settings import DEFAULT_CLINIC_ZONE
from shared.domain.plan import DEFAULT_FOLLOW_UP_DAYS
from shared.domain.taper_chart import taper_chart
from shared.errors import PhoneTaken
from shared.services.accounts import SignInRefused, SignInThrottled
from shared.services.enrollment import EnrollmentRefused

bp = Blueprint("pages", __name__, template_folder="templates")
PAGE = 50  # patients a page of the list
# The enrollment form starts from the same defaults the API applies (shared/domain/enrollment.py).
FORM_DEFAULTS = {"step_mg": str(terms.DEFAULT_STEP_MG), "step_days": str(terms.DEFAULT_STEP_DAYS),
                 "dose_time": f"{terms.DEFAULT_DOSE_TIME:%H:%M}", "checkin_time": f"{terms.DEFAULT_CHECKIN_TIME:%H:%M}",
                 "follow_up_days": ", ".join(map(str, DEFAULT_FOLLOW_UP_DAYS))}


@bp.app_context_processor
def clinic_zone() -> dict[str, str]:
    """Pages show times in the signed-in clinic's zone."""
    return {"zone": (session.get("user") or {}).get("zone") or DEFAULT_CLINIC_ZONE}

FORM_FIELDS = ("first_name", "last_name", "phone", "timezone", "provider_email", "start_dose_mg", "step_mg",
               "step_days", "dose_time", "checkin_time", "start_date", "follow_up_days", "notes", "language")


@bp.get("/")
def home() -> ResponseReturnValue:
    return redirect("/patients" if session.get("user") else "/login")


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("login.html", email="", error=None)
    svc = services()
    email, password = request.form.get("email", ""), request.form.get("password", "")
    try:
        user = svc.accounts.sign_in(email, password, svc.clock.now())
    except (SignInThrottled, SignInRefused) as exc:
        return render_template("login.html", email=email, error=exc.message), status_of(exc)[0]
    clinic = svc.accounts.clinic(user.clinic_id)
    start_session(user, clinic.timezone if clinic else DEFAULT_CLINIC_ZONE, svc.clock.now())
    flash(f"Signed in as {user.name or user.email}.")
    return redirect(_safe_next(request.args.get("next", "")))


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    session.clear()
    flash("You are signed out.")
    return redirect("/login")


@bp.get("/patients")
@signed_in
def patients() -> ResponseReturnValue:
    """The clinic's patients, what needs attention first, PAGE at a time; search, status and escalation filters."""
    from functions.web.schemas import StatusQuerySchema
    from shared.services.records import PatientList

    svc = services()
    asked = {k: v for k, v in request.args.items() if k in ("q", "status", "open_escalation", "cursor") and v.strip()}
    try:
        query = StatusQuerySchema().load(asked)
    except ValidationError as exc:
        abort(400, "; ".join(f"{k}: {' '.join(v)}" for k, v in flat_errors(exc.messages_dict).items()))
    rows, cursor = svc.records.page(g.caller, svc.clock.now(), PatientList(
        query.get("q", ""), query.get("status"), query.get("open_escalation"), PAGE, query.get("cursor")))
    filters = {k: v for k, v in asked.items() if k != "cursor"}
    return render_template("patients.html", rows=rows, status=query.get("status"), statuses=STATUSES,
                           q=query.get("q", ""), escalation=asked.get("open_escalation", ""), paged="cursor" in asked,
                           next_page=f"/patients?{urlencode({**filters, 'cursor': cursor})}" if cursor else "",
                           first_page=f"/patients?{urlencode(filters)}", clinic=svc.accounts.clinic(g.caller.clinic_id))


@bp.route("/patients/new", methods=["GET", "POST"])
@signed_in
@admin_only
def enroll() -> ResponseReturnValue:
    svc = services()
    providers = svc.accounts.providers_of(g.caller.clinic_id)
    if request.method == "GET":
        quiet = svc.clinic_settings.read(g.caller.clinic_id).settings
        values = {**FORM_DEFAULTS, "checkin_time": f"{terms.default_checkin_time(quiet.quiet_start, quiet.quiet_end):%H:%M}"}
        return render_template("enroll.html", values=values, errors={}, providers=providers)
    values = {name: request.form.get(name, "") for name in FORM_FIELDS}
    values["consent"] = request.form.get("consent", "")
    now = svc.clock.now()
    try:
        data = EnrollmentSchema(now=now, countries=svc.enrollment.countries_of(g.caller)).load(form_to_json(values))
        patient = svc.enrollment.enroll(g.caller, data, now)
    except ValidationError as exc:
        return _form_errors(values, exc.messages_dict, providers)
    except (EnrollmentRefused, PhoneTaken) as exc:
        return _form_errors(values, exc.field_errors, providers, status_of(exc)[0])
    flash(f"{patient.first_name} {patient.last_name} is enrolled. The welcome text asks them to reply YES.")
    return redirect(f"/patients/{patient.patient_id}")


@bp.get("/patients/<patient_id>")
@signed_in
def patient(patient_id: str) -> ResponseReturnValue:
    svc = services()
    from functions.web.chart import (
        taper_svg,  # pygal loads on the first patient page, not at cold start
    )

    now = svc.clock.now()
    record = svc.records.record(g.caller, patient_id, now)
    audit = svc.store.audit_of(patient_id)
    chart = taper_chart(record.patient, record.checkins, record.escalations, audit, now)
    name = f"{record.patient.first_name} {record.patient.last_name}"
    return render_template("patient.html", record=record, p=record.patient, attention=attention(record),
                           upcoming=upcoming(record), audit=audit, chart=chart,
                           providers=svc.accounts.providers_of(g.caller.clinic_id),
                           chart_svg=Markup(taper_svg(chart, f"Taper of {name}: dose steps and check-in answers")))


@bp.get("/patients/<patient_id>/summary")
@signed_in
def patient_summary(patient_id: str) -> ResponseReturnValue:
    """One printable page for the chart: the same record, audit and chart as the patient page."""
    from functions.web.summary import stylesheet, summarise

    svc = services()
    now = svc.clock.now()
    record = svc.records.record(g.caller, patient_id, now)
    return render_template("summary.html", s=summarise(record, svc.store.audit_of(patient_id), now),
                           p=record.patient, printed_at=now, css=stylesheet())


@bp.get("/escalations")
@signed_in
def escalations() -> ResponseReturnValue:
    svc = services()
    rows = svc.escalations.list(g.caller, request.args.get("status") or None)
    names = {p.patient_id: p for p, _ in svc.records.list(g.caller, svc.clock.now())}
    return render_template("escalations.html", rows=rows, patients=names, status=request.args.get("status"))


@bp.get("/exports")
@signed_in
@admin_only
def exports() -> ResponseReturnValue:
    """A range of the clinic's days (the last 30 by default) and a download link per export."""
    from functions.web.exports import ExportQuerySchema
    from shared.services.exports import ExportService

    svc = services()
    zone = ExportService(svc.store).clinic_zone(g.caller.clinic_id)
    today = svc.clock.now().astimezone(ZoneInfo(zone)).date()
    values = {"from": request.args.get("from", (today - timedelta(days=29)).isoformat()),
              "to": request.args.get("to", today.isoformat())}
    try:
        ExportQuerySchema().load(values)
        errors: dict[str, list[str]] = {}
    except ValidationError as exc:
        errors = flat_errors(exc.messages_dict)
    return render_template("exports.html", values=values, errors=errors, query=urlencode(values), zone=zone), \
        400 if errors else 200


@bp.get("/clinic/numbers")
@signed_in
@admin_only
def clinic_numbers() -> ResponseReturnValue:
    """The clinic's numbers on one page: from the clinic index and the counts kept as things happen."""
    from shared.services.clinic_numbers import ClinicNumbersService

    svc = services()
    figures = ClinicNumbersService(svc.store).numbers(g.caller.clinic_id, svc.clock.now())
    return render_template("clinic_numbers.html", n=figures)


@bp.get("/exports/checkins.csv", defaults={"kind": "checkins"})
@bp.get("/exports/escalations.csv", defaults={"kind": "escalations"})
@bp.get("/exports/plan_changes.csv", defaults={"kind": "plan_changes"})
@signed_in
@admin_only
def export_download(kind: str) -> ResponseReturnValue:
    """The same files as the API's /api/exports/<kind>.csv, for a signed-in admin."""
    from functions.web.exports import csv_download

    try:
        return csv_download(kind, g.caller.clinic_id, request.args.to_dict())
    except ValidationError as exc:
        messages = "; ".join(f"{field}: {' '.join(m)}" for field, m in flat_errors(exc.messages_dict).items())
        return problem(400, "Bad Request", f"Choose a valid range on the exports page ({messages}).")


@bp.post("/escalations/<escalation_id>/<action>")
@signed_in
def act_on_escalation(escalation_id: str, action: str) -> ResponseReturnValue:
    svc = services()
    if action == "acknowledge":
        svc.escalations.acknowledge(g.caller, escalation_id, svc.clock.now())
        flash("Escalation acknowledged.")
    elif action == "resolve":
        from functions.web.schemas import ResolutionSchema

        try:
            note = ResolutionSchema().load({"note": request.form.get("note", "")})["note"]
        except ValidationError as exc:
            flash("Not resolved: " + " ".join(flat_errors(exc.messages_dict)["note"]))
            return redirect(_safe_next(request.form.get("next", "")) if request.form.get("next") else "/escalations")
        svc.escalations.resolve(g.caller, escalation_id, svc.clock.now(), note)
        flash("Escalation resolved.")
    else:
        abort(404)
    return redirect(_safe_next(request.form.get("next", "")) if request.form.get("next") else "/escalations")


@bp.post("/patients/<patient_id>/plan/<action>")
@signed_in
def plan_action(patient_id: str, action: str) -> ResponseReturnValue:
    """A provider's hold, resume, adjust or end, from the patient page."""
    from functions.web.schemas import AdjustSchema
    from shared.services.plans import PlanActionRefused

    if action not in ("hold", "resume", "adjust", "end"):
        abort(404)
    svc = services()
    params = {}
    if action == "adjust":
        raw = {k: request.form.get(k, "").strip() for k in ("dose_mg", "step_mg", "step_days")}
        try:
            params = AdjustSchema().load(form_numbers({k: v for k, v in raw.items() if v}))
        except ValidationError as exc:
            flash("Not changed: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in flat_errors(exc.messages_dict).items()))
            return redirect(f"/patients/{patient_id}")
    try:
        svc.plans.act(g.caller.clinic_id, g.caller.email, patient_id, action, svc.clock.now(), params)
    except PlanActionRefused as exc:
        flash(f"Not changed: {exc}")
        return redirect(f"/patients/{patient_id}")
    flash({"hold": "The taper is held; the patient was told to stay on the current dose.",
           "resume": "The taper resumes; the next step-down is tomorrow.", "adjust": "The plan was changed.",
           "end": "The taper ends tonight; follow-up check-ins continue."}[action])
    return redirect(f"/patients/{patient_id}")


@bp.post("/patients/<patient_id>/message")
@signed_in
def message_patient(patient_id: str) -> ResponseReturnValue:
    """A provider's text to the patient, from the patient page."""
    from shared.services.messages import MessageRefused, NotTextable

    svc = services()
    now = svc.clock.now()
    try:
        job = svc.messages.send(g.caller.clinic_id, g.caller.email, patient_id, request.form.get("body", ""), now)
    except (MessageRefused, NotTextable) as exc:
        flash(f"Not sent: {exc}")
        return redirect(f"/patients/{patient_id}")
    flash("The text is on its way." if job.send_at <= now else
          f"It is night for the patient: the text goes at {filters.when(job.send_at, session['user']['zone'])}.")
    return redirect(f"/patients/{patient_id}")


EDITABLE = ("first_name", "last_name", "phone", "provider_email", "timezone", "dose_time", "checkin_time", "notes")


@bp.post("/patients/<patient_id>/edit")
@signed_in
def edit_patient(patient_id: str) -> ResponseReturnValue:
    """Names, provider, zone, times and notes, from the patient page (the same rules as the API's PATCH)."""
    from functions.web.schemas import PatientEditSchema
    from shared.services.patient_edits import EditRefused
    from shared.services.phone_changes import PhoneChangeRefused

    svc = services()
    now = svc.clock.now()
    values = {name: request.form.get(name, "").strip() for name in EDITABLE}
    fields = {k: v for k, v in values.items() if v or k == "notes"}
    try:
        edited = PatientEditSchema(countries=svc.enrollment.countries_of(g.caller)).load(fields)
        before = svc.edits.edit(g.caller.clinic_id, g.caller.email, patient_id, {}, now).phone  # 404 if not theirs
        after = svc.edits.edit(g.caller.clinic_id, g.caller.email, patient_id, edited, now).phone
    except (ValidationError, EditRefused, PhoneTaken, PhoneChangeRefused) as exc:
        svc.edits.edit(g.caller.clinic_id, g.caller.email, patient_id, {}, now)  # 404 if not theirs
        errors = flat_errors(exc.messages_dict) if isinstance(exc, ValidationError) else exc.field_errors
        flash("Not changed: " + "; ".join(f"{k.replace('_', ' ')}: {' '.join(v)}" for k, v in errors.items()))
        return redirect(f"/patients/{patient_id}")
    flash("The details are saved; texts ahead follow any new time or zone." if before == after else
          "The details are saved. The new number gets the welcome text: no other text goes until the patient "
          "answers YES from it.")
    return redirect(f"/patients/{patient_id}")


@bp.post("/patients/<patient_id>/language")
@signed_in
def patient_language(patient_id: str) -> ResponseReturnValue:
    """The language of the patient's texts, from the patient page."""
    from functions.web.schemas import PatientEditSchema

    svc = services()
    try:
        fields = PatientEditSchema().load({"language": request.form.get("language", "")})
    except ValidationError as exc:
        svc.edits.edit(g.caller.clinic_id, g.caller.email, patient_id, {}, svc.clock.now())  # 404 if not theirs
        flash("Not changed: " + " ".join(flat_errors(exc.messages_dict).get("language", [])))
        return redirect(f"/patients/{patient_id}")
    patient = svc.edits.edit(g.caller.clinic_id, g.caller.email, patient_id, fields, svc.clock.now())
    flash(f"Texts now go out in {filters.LANGUAGE_NAMES.get(patient.language, patient.language)}.")
    return redirect(f"/patients/{patient_id}")


def form_to_json(values: dict[str, str]) -> dict[str, Any]:
    """The form's strings as the API's JSON: empty optional fields left out so defaults apply."""
    data: dict[str, Any] = {k: v.strip() for k, v in values.items() if k != "consent" and v.strip() != ""}
    if "follow_up_days" in data:
        parts = [part.strip() for part in data["follow_up_days"].replace(";", ",").split(",") if part.strip()]
        data["follow_up_days"] = [int(p) if p.isdigit() else p for p in parts]
    if values.get("consent"):
        data["consent"] = True
    return form_numbers(data)


def form_numbers(data: dict[str, Any]) -> dict[str, Any]:
    """A form's typed-in numbers as the JSON numbers the schemas take; anything else is left for them to refuse."""
    from decimal import Decimal, InvalidOperation

    for name in ("start_dose_mg", "step_mg", "dose_mg"):
        if isinstance(data.get(name), str):
            try:
                data[name] = Decimal(data[name])
            except InvalidOperation:
                pass
    if isinstance(data.get("step_days"), str) and data["step_days"].isdigit():
        data["step_days"] = int(data["step_days"])
    return data


FORM_LABELS = {"first_name": "First name", "last_name": "Last name", "phone": "Mobile number", "timezone": "Time zone",
               "provider_email": "Provider", "start_dose_mg": "Starting dose (mg)", "step_mg": "Step down by (mg)",
               "step_days": "Days on each dose", "dose_time": "Dose time", "checkin_time": "Check-in time",
               "start_date": "First day of the plan", "follow_up_days": "Follow-up check-in days", "notes": "Notes",
               "consent": "Consent", "_clinic": "Enrollment limit"}


def _form_errors(values: dict[str, str], messages: dict[str, Any], providers: list[User],
                 status: int = 400) -> ResponseReturnValue:
    return render_template("enroll.html", values=values, errors=flat_errors(messages), providers=providers,
                           labels=FORM_LABELS), status


def _safe_next(target: str) -> str:
    """Only our own paths: never an open redirect (no scheme, no host, no tricks with slashes or spaces)."""
    from urllib.parse import urlsplit

    if (not target.startswith("/") or any(c.isspace() or ord(c) < 32 or c == "\\" for c in target)
            or target.startswith("//")):
        return "/patients"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else "/patients"
