"""Staff pages: the clinic's staff (admins invite, change roles, deactivate), an invitation's password,
forgotten and changed passwords. Forms carry CSRF tokens like every page."""
from __future__ import annotations

import time
from typing import Callable

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session
from flask.typing import ResponseReturnValue

from functions.web.auth import admin_only, services, signed_in, start_session
from functions.web.errors import status_of
from shared.domain.accounts import Role
from shared.domain.clinic_settings import DEFAULT_CLINIC_ZONE
from shared.domain.patients import Clinic
from shared.errors import Conflict, NotFound, Refused, SendError
from shared.services.accounts import SignInRefused, SignInThrottled
from shared.services.staff import LinkInvalid

bp = Blueprint("staff", __name__)
ROLES = {role.value: role for role in Role}


@bp.get("/staff")
@signed_in
@admin_only
def staff() -> ResponseReturnValue:
    return _staff_page()


@bp.post("/staff/invite")
@signed_in
@admin_only
def invite() -> ResponseReturnValue:
    svc = services()
    form = {name: request.form.get(name, "").strip() for name in ("email", "name", "role")}
    if "@" not in form["email"] or form["role"] not in ROLES:
        return _staff_page(form, "Give an email address and a role."), 400
    try:
        svc.staff.invite(g.caller, form["email"], ROLES[form["role"]], form["name"], svc.clock.now())
    except Conflict as exc:
        return _staff_page(form, exc.message), 409
    except SendError:
        return _staff_page(form, "The invitation email could not be sent just now; please try again."), 503
    flash(f"Invitation sent to {form['email'].lower()}. The link works for 72 hours.")
    return redirect("/staff")


@bp.post("/staff/<path:email>/<action>")
@signed_in
@admin_only
def change(email: str, action: str) -> ResponseReturnValue:
    svc = services()
    try:
        if action == "role" and request.form.get("role") in ROLES:
            user = svc.staff.set_role(g.caller, email, ROLES[request.form["role"]])
            flash(f"{user.name or user.email} is now {user.role.value}.")
        elif action in ("deactivate", "reactivate"):
            user = svc.staff.set_active(g.caller, email, action == "reactivate", svc.clock.now())
            flash(f"{user.name or user.email} is {'active again' if user.active else 'deactivated: signed out everywhere'}.")
        else:
            abort(404)
    except (Conflict, NotFound) as exc:
        return _staff_page(error=exc.message), status_of(exc)[0]
    return redirect("/staff")


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept(token: str) -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("set_password.html", heading="Join your clinic on taperline", ask_name=True,
                               error=None, name="")
    svc = services()
    name = request.form.get("name", "")
    try:
        user = svc.staff.accept_invite(token, request.form.get("password", ""), name, svc.clock.now())
    except (LinkInvalid, Refused) as exc:
        return render_template("set_password.html", heading="Join your clinic on taperline", ask_name=True,
                               error=exc.message, name=name), status_of(exc)[0]
    return _signed_in_as(user.email, "Welcome: your password is set.")


@bp.route("/password/forgot", methods=["GET", "POST"])
def forgot() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("forgot_password.html", sent=False)
    svc = services()
    started = time.monotonic()
    try:
        svc.staff.forgot(request.form.get("email", ""), svc.clock.now())
    except SendError:
        pass  # the same answer whether or not the email has an account, or the email went
    padded(started, time.monotonic, time.sleep)
    return render_template("forgot_password.html", sent=True)


FORGOT_TAKES_SECONDS = 1.0  # far above a reset link's write and email (~0.1-0.3 s): its time says nothing


def padded(started: float, monotonic: Callable[[], float], sleep: Callable[[float], None]) -> None:
    """Answer a forgotten password no sooner than FORGOT_TAKES_SECONDS after it was asked, account or not: only an
    account's answer writes a link and sends an email, and the time that takes must not tell that it exists."""
    left = FORGOT_TAKES_SECONDS - (monotonic() - started)
    if left > 0:
        sleep(left)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset(token: str) -> ResponseReturnValue:
    heading = "Choose a new password"
    if request.method == "GET":
        return render_template("set_password.html", heading=heading, ask_name=False, error=None, name="")
    svc = services()
    try:
        user = svc.staff.reset(token, request.form.get("password", ""), svc.clock.now())
    except (LinkInvalid, Refused) as exc:
        return render_template("set_password.html", heading=heading, ask_name=False, error=exc.message,
                               name=""), status_of(exc)[0]
    return _signed_in_as(user.email, "Your new password is set; other sign-ins have ended.")


@bp.route("/password", methods=["GET", "POST"])
@signed_in
def change_password() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("change_password.html", error=None)
    svc = services()
    try:
        user = svc.staff.change_password(g.caller.email, request.form.get("current", ""),
                                         request.form.get("password", ""), svc.clock.now())
    except SignInThrottled as exc:
        return render_template("change_password.html", error=exc.message), 429
    except (SignInRefused, Refused) as exc:
        message = "Your current password is not right." if isinstance(exc, SignInRefused) else exc.message
        return render_template("change_password.html", error=message), 400
    return _signed_in_as(user.email, "Your password is changed; other sign-ins have ended.")


@bp.get("/api-keys")
@signed_in
@admin_only
def api_keys() -> ResponseReturnValue:
    return _keys_page()


@bp.post("/api-keys")
@signed_in
@admin_only
def create_api_key() -> ResponseReturnValue:
    svc = services()
    label = " ".join(request.form.get("label", "").split())[:60]
    if not label:
        return _keys_page(error="Name the key after what will use it (like \"EHR sync\")."), 400
    key = svc.accounts.create_api_key(g.caller.clinic_id, label, svc.clock.now())
    return _keys_page(new_key=key, label=label), 201


@bp.post("/api-keys/<key_hash>/revoke")
@signed_in
@admin_only
def revoke_api_key(key_hash: str) -> ResponseReturnValue:
    svc = services()
    if not svc.accounts.revoke_api_key_by_hash(g.caller.clinic_id, key_hash, svc.clock.now()):
        abort(404)
    flash("The key is revoked: requests with it are refused from now on.")
    return redirect("/api-keys")


def _keys_page(new_key: str = "", label: str = "", error: str | None = None) -> str:
    svc = services()
    return render_template("api_keys.html", keys=svc.accounts.api_keys(g.caller.clinic_id), new_key=new_key,
                           label=label, error=error)


def _signed_in_as(email: str, message: str) -> ResponseReturnValue:
    """A fresh session for the person who just set their password."""
    svc = services()
    user = svc.accounts.user(email)
    clinic: Clinic | None = svc.accounts.clinic(user.clinic_id) if user else None
    if user is None:
        abort(404)
    start_session(user, clinic.timezone if clinic else DEFAULT_CLINIC_ZONE, svc.clock.now())
    flash(message)
    return redirect("/patients")


def _staff_page(form: dict[str, str] | None = None, error: str | None = None) -> str:
    svc = services()
    members = sorted(svc.staff.staff(g.caller), key=lambda u: (not u.active, u.role.value, u.email))
    return render_template("staff.html", members=members, form=form or {"role": "provider"}, error=error,
                           me=session["user"]["email"], roles=list(ROLES))
