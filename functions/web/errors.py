"""Every error mapped to its HTTP answer, in one place: a status per kind, JSON for machines, a page for people."""
from __future__ import annotations

from flask import Flask, Response, jsonify, make_response, render_template, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException, InternalServerError

from functions.web.schemas import flat_errors
from shared.errors import (Conflict, NotAllowed, NotFound, NotSignedIn, Refused, TaperlineError, Throttled,
                           Unavailable)
from shared.log import logger

JSON_PREFIXES = ("/api/", "/sms/", "/dev/", "/health")
STATUS: tuple[tuple[type[TaperlineError], int, str], ...] = (
    (Refused, 400, "Bad Request"), (NotSignedIn, 401, "Unauthorized"), (NotAllowed, 403, "Forbidden"),
    (NotFound, 404, "Not Found"), (Conflict, 409, "Conflict"), (Throttled, 429, "Too Many Requests"),
    (Unavailable, 503, "Service Unavailable"))


def status_of(exc: TaperlineError) -> tuple[int, str]:
    """The HTTP status and title of an error, by its kind (a bug-shaped one is a 500)."""
    return next(((status, title) for kind, status, title in STATUS if isinstance(exc, kind)),
                (500, "Internal Server Error"))


def register(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(TaperlineError, answer)
    app.register_error_handler(ValidationError, _invalid)
    app.register_error_handler(Exception, _unexpected)


def answer(exc: TaperlineError) -> Response:
    status, title = status_of(exc)
    if status == 503:
        logger().error("dependency unavailable", extra={"error": str(exc), "path": request.path})
    elif status == 500:
        return _unexpected(exc)
    fields = exc.field_errors
    if fields is not None and request.path.startswith("/api/"):
        response = make_response(jsonify({"errors": flat_errors(fields)}), status)
    else:
        response = problem(status, title, exc.message)
    if status == 503:
        response.headers["Retry-After"] = "5"
    return response


def problem(status: int, title: str, message: str) -> Response:
    """JSON for machines (API, dev routes), a page for people, and for a failed webhook an empty TwiML reply
    (Twilio reads no body on an error status, and never a stack trace)."""
    if request.path == "/sms/inbound" and status >= 500:
        return Response('<?xml version="1.0" encoding="UTF-8"?><Response />', status=status,
                        mimetype="application/xml")
    if request.path.startswith(JSON_PREFIXES) or request.accept_mimetypes.best == "application/json":
        return make_response(jsonify({"error": title, "message": message}), status)
    return make_response(render_template("error.html", title=title, message=message), status)


def _invalid(exc: ValidationError) -> Response:
    """A request the API's schemas refused: 400 with each field's messages."""
    return make_response(jsonify({"errors": flat_errors(exc.messages_dict)}), 400)


def _http_error(exc: HTTPException) -> Response:
    """Werkzeug's errors, and failures outside a view (opening or saving the session) that Flask wraps as 500."""
    original = exc.original_exception if isinstance(exc, InternalServerError) else None
    if isinstance(original, TaperlineError):
        return answer(original)
    if original is not None:
        return _unexpected(original)
    response = problem(exc.code or 500, exc.name, exc.description or "")
    for name, value in exc.get_headers():  # a 405's Allow (RFC 9110 requires it), a 401's challenge, ...
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _unexpected(exc: BaseException) -> Response:
    logger().exception("unhandled error", extra={"path": request.path})
    return problem(500, "Internal Server Error", "Something went wrong on our side; it has been logged.")
