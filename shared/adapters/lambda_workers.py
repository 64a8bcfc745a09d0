"""Dispatch workers as asynchronous Lambda invokes: one event per due shard, queued by Lambda, never waited for."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from shared.domain.jobs import utc_iso


def worker_event(now: datetime, shard: int) -> dict[str, Any]:
    """What a worker gets: the schedule's minute (it sends what is due by then, as the schedule would) and its shard."""
    return {"time": utc_iso(now), "shard": shard}


class LambdaWorkers:
    """Starts the worker function with `InvocationType=Event`: Lambda answers 202 once the event is queued. A throttled
    event (the worker's reserved concurrency is its shard count) waits in Lambda's queue, up to the function's maximum
    event age; a shard whose event is dropped keeps its jobs due for the next minute's run."""

    def __init__(self, client: Any, function_name: str):
        self.client = client
        self.function_name = function_name

    def start(self, now: datetime, shard: int) -> None:
        answer = self.client.invoke(FunctionName=self.function_name, InvocationType="Event",
                                    Payload=json.dumps(worker_event(now, shard)).encode())
        if answer.get("StatusCode") != 202:
            raise RuntimeError(f"worker for shard {shard} not queued: HTTP {answer.get('StatusCode')}")
