"""Lambda entry points for dispatch. `handler`: EventBridge calls it every minute with the minute in event["time"];
it starts one worker per due shard (fan-out) or, with no worker function set, sends everything itself. `worker`:
one shard's sends for that minute, started by `handler` with an asynchronous invoke."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from shared.domain.jobs import parse_utc
from shared.log import logger

if TYPE_CHECKING:
    from shared.wiring import Services

_services: Services | None = None


def handler(event: dict[str, Any], context: Any, services: Services | None = None) -> dict[str, int]:
    """Send what is due at the event's time (never the wall clock: the schedule says when), or start the workers."""
    services = services or _default_services()
    dispatcher, fanout = services.dispatcher, services.fanout
    if fanout is not None:
        report = _logged(event, context, lambda: fanout.run(parse_utc(event["time"])))
        if report["workers_not_started"]:  # fail the run: the Errors alarm names it; the shard waits a minute
            raise WorkersNotStarted(f"{report['workers_not_started']} of {report['shards_due']} workers not started")
        return report
    return _logged(event, context, lambda: dispatcher.run(parse_utc(event["time"]), _time_left(context)))


class WorkersNotStarted(RuntimeError):
    """Some due shards' workers could not be started (their jobs stay due for the next minute's run)."""


def worker(event: dict[str, Any], context: Any, services: Services | None = None) -> dict[str, int]:
    """Send what is due at the event's time in the event's shard of the due index."""
    services = services or _default_services()
    shard = int(event["shard"])
    if not 0 <= shard < services.settings.due_shards:
        raise ValueError(f"shard {shard} is not one of the {services.settings.due_shards} of the due index")
    return _logged(event, context, lambda: services.dispatcher.run(parse_utc(event["time"]), _time_left(context),
                                                                   shard=shard))


def _logged(event: dict[str, Any], context: Any, run: Callable[[], dict[str, int]]) -> dict[str, int]:
    logger().thread_safe_append_keys(invocation=event.get("id") or getattr(context, "aws_request_id", ""),
                                     **({"shard": event["shard"]} if "shard" in event else {}))
    try:
        report = run()
        log = logger().info if any(report.values()) else logger().debug
        log("dispatch done", extra={"at": event["time"], **report})
        return report
    finally:
        logger().thread_safe_remove_keys(["invocation", "shard"])


def _time_left(context: Any) -> Callable[[], int] | None:
    remaining: Callable[[], int] | None = getattr(context, "get_remaining_time_in_millis", None)
    return remaining


def _default_services() -> Services:
    global _services
    if _services is None:
        from shared.config import Settings
        from shared.wiring import build_services

        _services = build_services(Settings.from_env())
    return _services
