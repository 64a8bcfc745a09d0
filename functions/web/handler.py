"""Lambda entry point for the web function: Flask behind the HTTP API, through apig-wsgi."""
from __future__ import annotations

from typing import Any

_handler = None


def handler(event: dict, context: Any) -> dict:
    global _handler
    if _handler is None:
        _handler = _build()
    return _handler(event, context)


def _build():
    from apig_wsgi import make_lambda_handler

    from functions.web.app import create_app
    from shared.config import Settings
    from shared.wiring import build_services

    settings = Settings.from_env()
    return make_lambda_handler(create_app(build_services(settings, for_web=True)))
