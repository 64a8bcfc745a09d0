"""The system clock (the dev stack's simulated clock lives in local/clock.py)."""
from __future__ import annotations

from datetime import datetime, timezone


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)
