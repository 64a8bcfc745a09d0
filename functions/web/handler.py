"""Lambda entry point for the web function: Flask behind the HTTP API, through apig-wsgi."""
from __future__ import annotations

from typing import Any, Callable

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]

_handler: LambdaHandler | None = None


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    global _handler
    if _handler is None:
        _handler = _build()
    return _handler(event, context)


def _build() -> LambdaHandler:
    from apig_wsgi import make_lambda_handler

    from functions.web.app import create_app
    from shared.config import Settings
    from shared.wiring import build_services

    settings = Settings.from_env()
    return make_lambda_handler(create_app(build_services(settings, for_web=True)))
