"""What a clinic may tune, typed, each default in one place; checked when the clinic is created."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import time
from typing import Any

from shared.domain.escalation_rules import Thresholds
from shared.domain.quiet_hours import DEFAULT_END, DEFAULT_START
from shared.domain.senders import checked_sender

DEFAULT_CLINIC_ZONE = "America/New_York"
QUIET_START, QUIET_END = DEFAULT_START, DEFAULT_END  # the federal calling window's edges, local time
ACK_URGENT_MINUTES = 60
ACK_ROUTINE_BUSINESS_DAYS = 2
SAFETY_MOOD_AT_OR_BELOW = 1                          # a mood answer this low asks the safety question
# Where 988 answers (the crisis reply names it): the United States, its territories on the North American
# Numbering Plan, and Canada. Twilio's Geo Permissions should allow the same and no more.
COUNTRIES_988 = ("US", "PR", "VI", "GU", "AS", "MP", "CA")
# Enrollments a clinic may make: a leaked API key cannot queue texts without end (a clinic's busiest day is
# far below these; raise them in the clinic's settings when a program needs more).
ENROLLMENTS_PER_MINUTE = 30
ENROLLMENTS_PER_DAY = 300
# How long a finished patient's data is kept, counted from their last dose (medical records are commonly kept
# 6-10 years; a clinic whose state asks otherwise sets its own).
RETENTION_YEARS = 7


def valid_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class ClinicSettings:
    quiet_start: time = QUIET_START
    quiet_end: time = QUIET_END
    discreet_texts: bool = False          # texts never name the drug
    hold_on_escalation: bool = True       # an escalation holds the taper until a provider acts
    timezone: str = DEFAULT_CLINIC_ZONE   # where the staff are: pages show times in this zone
    escalation_email: str = ""            # besides the provider, who hears of urgent escalations
    thresholds: Thresholds = field(default_factory=Thresholds)
    ack_urgent_minutes: int = ACK_URGENT_MINUTES
    ack_routine_business_days: int = ACK_ROUTINE_BUSINESS_DAYS
    safety_mood_at_or_below: int = SAFETY_MOOD_AT_OR_BELOW
    countries: tuple[str, ...] = COUNTRIES_988  # patients' numbers only from these (ISO 3166 region codes)
    enrollments_per_minute: int = ENROLLMENTS_PER_MINUTE
    enrollments_per_day: int = ENROLLMENTS_PER_DAY               # a UTC day
    retention_years: int = RETENTION_YEARS   # a finished patient's data is kept this long after the last dose
    sender_number: str = ""          # the clinic's own Twilio number (E.164), or
    messaging_service_sid: str = ""  # its own Messaging Service; neither: the deployment's default sender

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ClinicSettings:
        """Settings as given or stored; ValueError names the first one that is wrong."""
        data = data or {}
        settings = cls(quiet_start=time.fromisoformat(data.get("quiet_start", QUIET_START.strftime("%H:%M"))),
                       quiet_end=time.fromisoformat(data.get("quiet_end", QUIET_END.strftime("%H:%M"))),
                       discreet_texts=bool(data.get("discreet_texts", False)),
                       hold_on_escalation=bool(data.get("hold_on_escalation", True)),
                       timezone=data.get("timezone") or DEFAULT_CLINIC_ZONE,
                       escalation_email=data.get("escalation_email") or "",
                       thresholds=Thresholds.from_dict(data.get("thresholds")),
                       ack_urgent_minutes=int(data.get("ack_urgent_minutes", ACK_URGENT_MINUTES)),
                       ack_routine_business_days=int(data.get("ack_routine_business_days", ACK_ROUTINE_BUSINESS_DAYS)),
                       safety_mood_at_or_below=_mood(data.get("safety_mood_at_or_below", SAFETY_MOOD_AT_OR_BELOW)),
                       countries=_countries(data.get("countries", COUNTRIES_988)),
                       enrollments_per_minute=_at_least_one(data.get("enrollments_per_minute", ENROLLMENTS_PER_MINUTE)),
                       enrollments_per_day=_at_least_one(data.get("enrollments_per_day", ENROLLMENTS_PER_DAY)),
                       retention_years=_years(data.get("retention_years", RETENTION_YEARS)),
                       **_sender(data))
        if not valid_zone(settings.timezone):
            raise ValueError(f"Unknown time zone {settings.timezone!r}: use an IANA name like America/Chicago.")
        if not (time(12, 0) <= settings.quiet_start <= QUIET_START and QUIET_END <= settings.quiet_end <= time(12, 0)):
            raise ValueError("Quiet hours must cover at least 21:00-08:00 local (the federal calling window).")
        return settings

    @classmethod
    def from_stored(cls, data: dict[str, Any] | None) -> ClinicSettings:
        """Settings kept with a patient's record: a setting that no longer reads falls back to its default, so
        the patient stays readable (their texts and replies go on); new settings are checked by `from_dict`."""
        try:
            return cls.from_dict(data)
        except (ValueError, TypeError):
            readable = {}
            for name, value in (data or {}).items():
                try:
                    cls.from_dict({name: value})
                except (ValueError, TypeError):
                    continue
                readable[name] = value
            return cls.from_dict(readable)

    @property
    def sender(self) -> str:
        """The clinic's own sender key (shared/domain/senders.py): its Messaging Service or number; empty for the
        deployment's default."""
        return self.messaging_service_sid or self.sender_number

    def as_dict(self) -> dict[str, Any]:
        """Every setting, as stored."""
        return {**asdict(self), "quiet_start": self.quiet_start.strftime("%H:%M"),
                "quiet_end": self.quiet_end.strftime("%H:%M"), "thresholds": asdict(self.thresholds),
                "countries": list(self.countries)}


def _sender(data: dict[str, Any]) -> dict[str, str]:
    number, service = checked_sender(str(data.get("sender_number") or ""), str(data.get("messaging_service_sid") or ""))
    return {"sender_number": number, "messaging_service_sid": service}


def _mood(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError("safety_mood_at_or_below is a mood from 0 to 10 (default 1).")
    return value


def _countries(value: Any) -> tuple[str, ...]:
    codes = tuple(str(code).strip().upper() for code in (value or ()))
    if not codes or any(len(code) != 2 or not code.isalpha() for code in codes):
        raise ValueError("Countries are two-letter region codes, like US and CA; at least one.")
    return codes


def _at_least_one(value: Any) -> int:
    if isinstance(value, bool) or int(value) < 1:
        raise ValueError("Enrollment limits are whole numbers of 1 or more.")
    return int(value)


def _years(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 30:
        raise ValueError("retention_years is a whole number of years from 1 to 30 (default 7).")
    return value
