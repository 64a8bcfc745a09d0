"""Structured logs: one JSON line per event, with a request or job id; no phone numbers, bodies or secrets."""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def logger() -> Any:
    from aws_lambda_powertools.logging import Logger

    return Logger(service="taperline", utc=True)


def mask_phone(e164: str) -> str:
    """Keep only the country code's lead and the last two digits: +1********67."""
    if len(e164) < 5:
        return "*" * len(e164)
    return e164[:2] + "*" * (len(e164) - 4) + e164[-2:]
