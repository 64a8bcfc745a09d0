"""The minute's fan-out: one dispatch worker per shard of the due index that has work due.

The schedule's run only reads (one small query a shard) and starts workers; each worker claims and sends its
own shard's jobs (`Dispatcher.run(now, shard=...)`) with its own concurrency. Claims keep every job to one
sender whatever overlaps: two schedule runs of one minute (EventBridge delivers at least once), a worker
still draining its shard when the next minute starts another, or a worker started twice by a retried invoke.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.log import logger
from shared.services.ports import Outbox, Workers

FANOUT_REPORT_KEYS = ("shards_due", "workers_started", "workers_not_started")


@dataclass
class FanOut:
    outbox: Outbox
    workers: Workers
    looks_ahead: timedelta = timedelta(0)  # the workers also hand over the reminders due this far ahead

    def run(self, now: datetime) -> dict[str, int]:
        """Start a worker for each shard with a job due by `now` (or by the minute the workers look ahead to); a
        shard whose worker could not be started keeps its jobs due, for the next minute's run."""
        shards = self.outbox.due_shards(now + self.looks_ahead)
        started = 0
        for shard in shards:
            try:
                self.workers.start(now, shard)
                started += 1
            except Exception:  # noqa: BLE001 - the other shards still go; this one's jobs wait a minute
                logger().exception("dispatch worker not started", extra={"shard": shard})
        return {"shards_due": len(shards), "workers_started": started, "workers_not_started": len(shards) - started}
