"""Lambda entry point for dispatch: EventBridge calls it every minute with the minute in event["time"]."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shared.domain.jobs import parse_utc
from shared.log import logger

if TYPE_CHECKING:
    from shared.wiring import Services

_services: Services | None = None


def handler(event: dict[str, Any], context: Any, services: Services | None = None) -> dict[str, int]:
    """Send what is due at the event's time (never the wall clock: the schedule says when)."""
    services = services or _default_services()
    now = parse_utc(event["time"])
    logger().thread_safe_append_keys(invocation=event.get("id") or getattr(context, "aws_request_id", ""))
    try:
        report = services.dispatcher.run(now, getattr(context, "get_remaining_time_in_millis", None))
        log = logger().info if any(report.values()) else logger().debug
        log("dispatch done", extra={"at": event["time"], **report})
        return report
    finally:
        logger().thread_safe_remove_keys(["invocation"])


def _default_services() -> Services:
    global _services
    if _services is None:
        from shared.config import Settings
        from shared.wiring import build_services

        _services = build_services(Settings.from_env())
    return _services
