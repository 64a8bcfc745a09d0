"""The Flask app: Twilio webhooks, the clinic's JSON API and staff pages (dev pages added locally)."""
from __future__ import annotations

import secrets
import uuid
from typing import Iterable

from flask import Blueprint, Flask, Response, jsonify, request, session

from functions.web import errors
from functions.web.errors import problem
from shared.log import logger
from shared.wiring import Services

# No inline script anywhere (pages have none; the dev page loads /dev/static/dev.js); inline styles are
# used by the templates and the inline SVG chart; nothing may frame us.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                           "frame-ancestors 'none'")
HSTS = "max-age=63072000; includeSubDomains"


def create_app(services: Services, extra_blueprints: Iterable[Blueprint] = ()) -> Flask:
    """An app serving the given services; the local stack adds its dev blueprints."""
    from flask_wtf.csrf import CSRFError, CSRFProtect

    from functions.web import api, api_docs, clinic_settings, exports, filters, pages, staff, webhooks
    from functions.web.sessions import DynamoSessionInterface

    app = Flask(__name__)
    app.secret_key = services.app_secret or secrets.token_hex(32)  # deployed, check_deployed insists on one
    app.config.update(WTF_CSRF_TIME_LIMIT=None, MAX_CONTENT_LENGTH=256 * 1024)
    app.extensions["taperline"] = services
    deployed = services.settings.mode == "aws"
    app.session_interface = DynamoSessionInterface(
        services.store, services.clock, secure=deployed or services.settings.public_base_url.startswith("https://"))
    app.before_request(_tag_logs)
    app.before_request(_session_readable)  # before the CSRF check, which would read the session as empty
    csrf = CSRFProtect(app)
    for blueprint in (webhooks.bp, api.bp, clinic_settings.api_bp, exports.bp, api_docs.bp, pages.bp, staff.bp,
                      clinic_settings.bp, *extra_blueprints):
        app.register_blueprint(blueprint)
        if blueprint.name not in ("pages", "staff", "settings_page"):
            csrf.exempt(blueprint)  # signed webhooks, bearer-key API and local dev routes carry no cookies
    filters.register(app)
    app.add_url_rule("/health", "health", lambda: jsonify({"ok": True}))
    app.after_request(lambda response: _security_headers(response, deployed))
    app.teardown_request(_untag_logs)
    app.register_error_handler(CSRFError, lambda exc: problem(400, "Form expired",
                               "The form expired or was not sent from this site. Please go back and try again."))
    errors.register(app)
    return app


def _tag_logs() -> None:
    """Give every log line of this request the API Gateway request id (or a fresh one)."""
    context = request.environ.get("apig_wsgi.request_context") or {}
    request_id = context.get("requestId") or request.headers.get("X-Request-Id") or uuid.uuid4().hex
    logger().thread_safe_append_keys(request_id=request_id)


def _untag_logs(_exc: BaseException | None) -> None:
    logger().thread_safe_remove_keys(["request_id"])


def _session_readable() -> None:
    """A page needs its session; if the session store could not be read, answer 503 like any storage failure."""
    failure = getattr(session, "load_error", None)
    if failure is not None and request.blueprint == "pages":
        raise failure


def _security_headers(response: Response, deployed: bool) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")  # same-origin form posts keep the Referer CSRF checks over https
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if response.mimetype == "text/html" or request.path.startswith("/api/"):
        headers.setdefault("Cache-Control", "no-store")  # patient details stay out of shared and browser caches
    if deployed:
        headers.setdefault("Strict-Transport-Security", HSTS)
    return response
