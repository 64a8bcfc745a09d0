"""The simulated clock of the dev stack: it stands still until it is moved forward."""
from __future__ import annotations

import threading
from datetime import datetime, timezone


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
