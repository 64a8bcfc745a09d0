"""The Flask app: Twilio webhooks, the clinic's JSON API and staff pages (dev pages added locally)."""
from __future__ import annotations

import secrets
import uuid
from typing import Iterable

from flask import Blueprint, Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from shared.log import logger
from shared.services.enrollment import NotAllowed, PatientNotFound
from shared.services.escalations import EscalationNotFound
from shared.services.inbound import StatusRace
from shared.services.ports import StoreUnavailable
from shared.wiring import Services

JSON_PREFIXES = ("/api/", "/sms/", "/dev/", "/health")


def create_app(services: Services, extra_blueprints: Iterable[Blueprint] = ()) -> Flask:
    """An app serving the given services; the local stack adds its dev blueprints."""
    from flask_wtf.csrf import CSRFError, CSRFProtect

    from functions.web import api, filters, pages, webhooks
    from functions.web.sessions import DynamoSessionInterface

    app = Flask(__name__)
    app.secret_key = services.app_secret or secrets.token_hex(32)  # deployed, check_deployed insists on one
    app.config.update(WTF_CSRF_TIME_LIMIT=None, MAX_CONTENT_LENGTH=256 * 1024)
    app.extensions["taperline"] = services
    app.session_interface = DynamoSessionInterface(services.store, services.clock,
                                                   secure=services.settings.public_base_url.startswith("https://"))
    csrf = CSRFProtect(app)
    for blueprint in (webhooks.bp, api.bp, pages.bp, *extra_blueprints):
        app.register_blueprint(blueprint)
        if blueprint.name != "pages":
            csrf.exempt(blueprint)  # signed webhooks, bearer-key API and local dev routes carry no cookies
    filters.register(app)
    app.add_url_rule("/health", "health", lambda: jsonify({"ok": True}))
    app.before_request(_tag_logs)
    app.teardown_request(_untag_logs)
    app.register_error_handler(CSRFError, lambda exc: _problem(400, "Form expired",
                               "The form expired or was not sent from this site. Please go back and try again."))
    app.register_error_handler(HTTPException, lambda exc: _problem(exc.code, exc.name, exc.description))
    app.register_error_handler(PatientNotFound, lambda exc: _problem(404, "Not Found", "No such patient."))
    app.register_error_handler(EscalationNotFound, lambda exc: _problem(404, "Not Found", "No such escalation."))
    app.register_error_handler(NotAllowed, lambda exc: _problem(403, "Forbidden", str(exc)))
    app.register_error_handler(StoreUnavailable, _store_unavailable)
    app.register_error_handler(StatusRace, _store_unavailable)
    app.register_error_handler(Exception, _unexpected)
    return app


def _tag_logs() -> None:
    """Give every log line of this request the API Gateway request id (or a fresh one)."""
    context = request.environ.get("apig_wsgi.request_context") or {}
    request_id = context.get("requestId") or request.headers.get("X-Request-Id") or uuid.uuid4().hex
    logger().thread_safe_append_keys(request_id=request_id)


def _untag_logs(_exc: BaseException | None) -> None:
    logger().thread_safe_remove_keys(["request_id"])


def _problem(status: int, title: str, message: str):
    """JSON for machines (API, webhooks, dev routes), a page for people."""
    if request.path.startswith(JSON_PREFIXES) or request.accept_mimetypes.best == "application/json":
        return jsonify({"error": title, "message": message}), status
    return render_template("error.html", title=title, message=message), status


def _unexpected(exc: Exception):
    logger().exception("unhandled error", extra={"path": request.path})
    return _problem(500, "Internal Server Error", "Something went wrong on our side; it has been logged.")


def _store_unavailable(exc: Exception):
    logger().error("store unavailable", extra={"error": str(exc)})
    return _problem(503, "Service Unavailable", "Storage is unavailable for a moment; please try again.")
