"""Settings of the local stack (`make dev`) on top of the service's own; never deployed."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from shared.config import ConfigError, non_negative_float, positive_int


@dataclass(frozen=True)
class DevStackSettings:
    """Settings of the local stack (`make dev`) on top of the service's own."""

    port: int = 8000
    local_api_key: str = ""
    dev_start_time: str = ""
    dev_tick_seconds: float = 5.0
    demo_enrollments_per_minute: int = 0  # 0: the Demo Clinic has the default enrollment limits

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "DevStackSettings":
        env = os.environ if environ is None else environ
        start = env.get("DEV_START_TIME", "")
        if start:
            try:
                moment = datetime.fromisoformat(start.replace("Z", "+00:00"))
            except ValueError as exc:
                raise ConfigError(f"DEV_START_TIME must be an ISO-8601 time, not {start!r}") from exc
            if moment.tzinfo is None:
                raise ConfigError("DEV_START_TIME needs a zone, like 2027-03-13T17:00:00Z")
        return cls(
            port=positive_int(env, "PORT", 8000, allow_zero=True),
            local_api_key=env.get("LOCAL_API_KEY", ""),
            dev_start_time=start,
            dev_tick_seconds=non_negative_float(env, "DEV_TICK_SECONDS", 5.0),
            demo_enrollments_per_minute=positive_int(env, "DEV_DEMO_ENROLLMENTS_PER_MINUTE", 0, allow_zero=True),
        )

    @staticmethod
    def environ() -> Mapping[str, str]:
        """The process environment, for the local stack to pass its children."""
        return dict(os.environ)
