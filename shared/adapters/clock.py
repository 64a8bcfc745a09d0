"""Clocks: the system clock in AWS, a simulated one that stands still until moved in local mode."""
from __future__ import annotations

import threading
from datetime import datetime, timezone


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class ClockMovedBackwards(ValueError):
    """The simulated clock only moves forward."""


class SimulatedClock:
    """A clock that stands still until it is moved forward."""

    def __init__(self, start: datetime):
        if start.tzinfo is None:
            raise ValueError("the simulated clock needs an aware start time")
        self._now = start.astimezone(timezone.utc)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def move_to(self, moment: datetime) -> None:
        with self._lock:
            if moment < self._now:
                raise ClockMovedBackwards(f"cannot move the clock back to {moment.isoformat()}")
            self._now = moment.astimezone(timezone.utc)
