"""Quiet hours: no text but the patient's own dose-time reminder goes out at night, local time."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

DEFAULT_START, DEFAULT_END = time(21, 0), time(8, 0)


def in_quiet_hours(moment: datetime, zone: str, start: time = DEFAULT_START, end: time = DEFAULT_END) -> bool:
    local = moment.astimezone(ZoneInfo(zone)).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def next_allowed(moment: datetime, zone: str, start: time = DEFAULT_START, end: time = DEFAULT_END) -> datetime:
    """The moment itself when allowed, else the end of the quiet hours it falls in (UTC)."""
    if not in_quiet_hours(moment, zone, start, end):
        return moment
    local = moment.astimezone(ZoneInfo(zone))
    day = local.date() if local.time() < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end).replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
