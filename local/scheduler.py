"""The simulated EventBridge schedule: dispatch at each due minute as the clock moves, and a background tick."""
from __future__ import annotations

import threading
import uuid
from collections import Counter
from datetime import datetime, timedelta
from typing import Any, Callable

from local.clock import ClockMovedBackwards
from shared.domain.jobs import utc_iso


def ceil_to_minute(moment: datetime) -> datetime:
    floor = moment.replace(second=0, microsecond=0)
    return floor if floor == moment else floor + timedelta(minutes=1)


def scheduled_event(moment: datetime, region: str) -> dict:
    """The event EventBridge hands a scheduled Lambda."""
    return {"version": "0", "id": str(uuid.uuid4()), "detail-type": "Scheduled Event", "source": "aws.events",
            "account": "000000000000", "time": utc_iso(moment), "region": region,
            "resources": [f"arn:aws:events:{region}:000000000000:rule/taperline-dispatch"], "detail": {}}


class Schedule:
    """Moves the simulated clock and invokes the dispatch handler the way the one-minute rule would."""

    def __init__(self, clock: Any, store: Any, invoke: Callable[[dict], dict], region: str,
                 looks_ahead: timedelta = timedelta(0)):
        self.clock = clock
        self.store = store
        self.invoke = invoke
        self.region = region
        self.looks_ahead = looks_ahead  # dispatch hands reminders to Twilio this far ahead: it runs then too
        self.lock = threading.RLock()

    def tick(self) -> dict[str, int]:
        """One scheduled run at the simulated now."""
        with self.lock:
            return dict(self.invoke(scheduled_event(self.clock.now(), self.region)))

    def move_to(self, target: datetime) -> dict[str, int]:
        """Run dispatch at every minute up to `target` that has a job due, then once at `target`."""
        with self.lock:
            if target < self.clock.now():
                raise ClockMovedBackwards("the clock only moves forward")
            cursor = self.clock.now()
            totals: Counter[str] = Counter(self.invoke(scheduled_event(cursor, self.region)))  # what is due already
            while (due := self._next_due(cursor)) is not None:
                # a job due by now was written during the last run (an email a task queued): next minute
                minute = ceil_to_minute(due) if due > cursor else cursor.replace(second=0) + timedelta(minutes=1)
                if minute > target:
                    break
                self.clock.move_to(minute)
                totals.update(self.invoke(scheduled_event(minute, self.region)))
                cursor = minute
            self.clock.move_to(target)
            totals.update(self.invoke(scheduled_event(target, self.region)))
            return dict(totals)

    def _next_due(self, cursor: datetime) -> datetime | None:
        """The next moment a run has work: a job due, or (looking ahead) a job due `looks_ahead` later."""
        due = self.store.next_due_after(cursor - timedelta(seconds=1))
        if not self.looks_ahead:
            return due
        ahead = self.store.next_due_after(cursor + self.looks_ahead - timedelta(seconds=1))
        moments = [m for m in (due, ahead - self.looks_ahead if ahead else None) if m is not None]
        return min(moments) if moments else None

    def next_due_minute(self) -> datetime | None:
        due = self.store.next_due_after(self.clock.now())
        return ceil_to_minute(due) if due else None


class Ticker:
    """Every `seconds` of real time, a scheduled dispatch at the simulated now."""

    def __init__(self, schedule: Schedule, seconds: float, on_error: Callable[[Exception], None]):
        self.schedule = schedule
        self.seconds = seconds
        self.on_error = on_error
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="dispatch-tick", daemon=True)

    def start(self) -> None:
        if self.seconds > 0:
            self.thread.start()

    def stop(self) -> None:
        self.stopped.set()

    def _run(self) -> None:
        while not self.stopped.wait(self.seconds):
            try:
                self.schedule.tick()
            except Exception as exc:  # the tick keeps going, as the schedule would
                self.on_error(exc)
