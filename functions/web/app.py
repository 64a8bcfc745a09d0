"""The Flask app: Twilio webhooks now; admin and provider pages and the JSON API join it later."""
from __future__ import annotations

from typing import Iterable

import uuid

from flask import Blueprint, Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from shared.log import logger
from shared.services.ports import StoreUnavailable
from shared.wiring import Services


def create_app(services: Services, extra_blueprints: Iterable[Blueprint] = ()) -> Flask:
    """An app serving the given services; the local stack adds its dev blueprints."""
    from functions.web import webhooks

    app = Flask(__name__)
    app.extensions["taperline"] = services
    app.register_blueprint(webhooks.bp)
    for blueprint in extra_blueprints:
        app.register_blueprint(blueprint)
    app.add_url_rule("/health", "health", lambda: jsonify({"ok": True}))
    app.before_request(_tag_logs)
    app.teardown_request(_untag_logs)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(StoreUnavailable, _store_unavailable)
    return app


def _tag_logs() -> None:
    """Give every log line of this request the API Gateway request id (or a fresh one)."""
    context = request.environ.get("apig_wsgi.request_context") or {}
    request_id = context.get("requestId") or request.headers.get("X-Request-Id") or uuid.uuid4().hex
    logger().thread_safe_append_keys(request_id=request_id)


def _untag_logs(_exc: BaseException | None) -> None:
    logger().thread_safe_remove_keys(["request_id"])


def _http_error(exc: HTTPException):
    return jsonify({"error": exc.name, "message": exc.description}), exc.code


def _store_unavailable(exc: StoreUnavailable):
    logger().error("store unavailable", extra={"error": str(exc)})
    return jsonify({"error": "Service Unavailable", "message": "Storage is unavailable; try again."}), 503
