"""Who is calling: a bearer API key for /api, a signed-in user for pages. Both are bound to one clinic."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import wraps
from typing import TYPE_CHECKING, Any, Callable, ParamSpec
from urllib.parse import urlencode

from flask import abort, current_app, g, redirect, request, session
from flask.typing import ResponseReturnValue

from shared.domain.accounts import Caller, User
from shared.domain.jobs import parse_utc, utc_iso

if TYPE_CHECKING:
    from shared.wiring import Services

P = ParamSpec("P")
View = Callable[P, ResponseReturnValue]


def services() -> Services:
    """The services the app was created with (create_app keeps them in app.extensions)."""
    built: Services = current_app.extensions["taperline"]
    return built


def api_key_required(view: View[P]) -> View[P]:
    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        scheme, _, key = request.headers.get("Authorization", "").partition(" ")
        svc = services()
        caller = svc.accounts.caller_for_api_key(key.strip(), svc.clock.now()) if scheme.lower() == "bearer" else None
        if caller is None:
            abort(401, "A valid API key is required: Authorization: Bearer <key>.")
        g.caller = caller
        return view(*args, **kwargs)

    return checked


def signed_in(view: View[P]) -> View[P]:
    """A signed-in staff member, read again on every request: a deactivated user, a changed password or a
    session past its absolute lifetime (12 h) ends the session at once; a changed role applies at once."""
    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        user: dict[str, Any] = session.get("user") or {}
        svc = services()
        current = svc.accounts.session_user(user["email"], user["clinic_id"], _issued_at(), svc.clock.now()) \
            if user else None
        if current is None:
            session.clear()
            return redirect("/login?" + urlencode({"next": request.full_path.rstrip("?")}))
        if (user["role"], user.get("name")) != (current.role.value, current.name):
            session["user"] = {**user, "role": current.role.value, "name": current.name}
        g.caller = Caller(clinic_id=current.clinic_id, role=current.role, email=current.email)
        g.user = session["user"]
        return view(*args, **kwargs)

    return checked


def _issued_at() -> datetime:
    """When the session signed in (a session from before sign-ins were dated counts as expired)."""
    try:
        return parse_utc(session.get("issued_at", ""))
    except (TypeError, ValueError):
        return datetime.fromtimestamp(0, timezone.utc)


def start_session(user: User, zone: str, now: datetime) -> None:
    """A fresh session for a user who just proved who they are (a new token: no fixation)."""
    from functions.web.sessions import ServerSession

    assert isinstance(session, ServerSession)  # the only kind DynamoSessionInterface opens
    session.clear()
    session.regenerate()
    session["user"] = {"email": user.email, "clinic_id": user.clinic_id, "role": user.role.value, "name": user.name,
                       "zone": zone}
    session["issued_at"] = utc_iso(now)


def admin_only(view: View[P]) -> View[P]:
    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        if not g.caller.may_enroll:
            abort(403, "Only clinic admins can do this.")
        return view(*args, **kwargs)

    return checked
