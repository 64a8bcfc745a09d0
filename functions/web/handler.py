"""Lambda entry point for the web function: Flask behind the HTTP API, through apig-wsgi.

With SnapStart (serverless.yml) the function is initialised once per published version and every new
environment is restored from that snapshot: init imports what a first request needs (pure code, no
secrets, no connections), so the snapshot holds it; after a restore, randomness is re-seeded and the
services (the secrets read from SSM, the boto3 and Twilio clients) are built by the first call, fresh in
each restored environment, never carried in the snapshot.
"""
from __future__ import annotations

import os
import random
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


def warm() -> None:
    """Import what the first request needs and compile the safety lexicons: pure work worth snapshotting."""
    import apig_wsgi  # noqa: F401
    import functions.web.app  # noqa: F401
    import shared.wiring  # noqa: F401
    from shared.domain.safety import reader

    reader()


def after_restore() -> None:
    """A restored environment: its own random stream, and services built afresh by the first call."""
    global _handler
    random.seed()
    _handler = None


if os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") == "snap-start":
    from snapshot_restore_py import register_after_restore  # the Lambda runtime's own module

    warm()
    register_after_restore(after_restore)
