"""Who is calling: a bearer API key for /api, a signed-in user for pages. Both are bound to one clinic."""
from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING, Callable, ParamSpec
from urllib.parse import urlencode

from flask import abort, current_app, g, redirect, request, session
from flask.typing import ResponseReturnValue

from shared.domain.accounts import Caller, Role

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
        caller = services().accounts.caller_for_api_key(key.strip()) if scheme.lower() == "bearer" else None
        if caller is None:
            abort(401, "A valid API key is required: Authorization: Bearer <key>.")
        g.caller = caller
        return view(*args, **kwargs)

    return checked


def signed_in(view: View[P]) -> View[P]:
    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        user = session.get("user")
        if not user:
            return redirect("/login?" + urlencode({"next": request.full_path.rstrip("?")}))
        g.caller = Caller(clinic_id=user["clinic_id"], role=Role(user["role"]), email=user["email"])
        g.user = user
        return view(*args, **kwargs)

    return checked


def admin_only(view: View[P]) -> View[P]:
    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> ResponseReturnValue:
        if not g.caller.may_enroll:
            abort(403, "Only clinic admins can do this.")
        return view(*args, **kwargs)

    return checked
