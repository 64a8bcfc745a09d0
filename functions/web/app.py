"""The Flask app: Twilio webhooks now; admin and provider pages and the JSON API join it later."""
from __future__ import annotations

from typing import Iterable

from flask import Blueprint, Flask, jsonify
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
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(StoreUnavailable, _store_unavailable)
    return app


def _http_error(exc: HTTPException):
    return jsonify({"error": exc.name, "message": exc.description}), exc.code


def _store_unavailable(exc: StoreUnavailable):
    logger().error("store unavailable", extra={"error": str(exc)})
    return jsonify({"error": "Service Unavailable", "message": "Storage is unavailable; try again."}), 503
