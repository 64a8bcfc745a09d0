"""What a clinic asked for when it enrolled a patient, kept with the patient, typed; each default once."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from decimal import Decimal
from typing import Any

from shared.domain.clinic_settings import ClinicSettings
from shared.domain.plan import DEFAULT_FOLLOW_UP_DAYS

DEFAULT_STEP_MG = Decimal("1.0")
DEFAULT_STEP_DAYS = 4
DEFAULT_DOSE_TIME = time(21, 0)       # LDN is taken at bedtime
DEFAULT_CHECKIN_TIME = time(18, 0)
TYPED = ("clinic_name", "clinic_phone", "clinic_settings", "step_mg", "step_days", "follow_up_days", "checkin_time",
         "enrolled_by", "consent_recorded")


def default_checkin_time(quiet_start: time, quiet_end: time) -> time:
    """The check-in time of a patient enrolled without one: 18:00, or the end of the clinic's quiet hours when
    they cover 18:00 (they may start from noon)."""
    inside = DEFAULT_CHECKIN_TIME >= quiet_start or DEFAULT_CHECKIN_TIME < quiet_end
    return quiet_end if inside else DEFAULT_CHECKIN_TIME


@dataclass(frozen=True)
class Pace:
    """How a taper steps down: by `step_mg` every `step_days` days."""

    step_mg: Decimal
    step_days: int


@dataclass(frozen=True)
class Enrollment:
    """The pace and follow-ups later plan changes keep, the clinic's name, number and settings as they were then,
    and the rest of the request as given (`asked`: names, start dose and date, time zone...)."""

    clinic_name: str = "your clinic"
    clinic_phone: str = ""
    settings: ClinicSettings = field(default_factory=ClinicSettings)
    step_mg: Decimal = DEFAULT_STEP_MG
    step_days: int = DEFAULT_STEP_DAYS
    follow_up_days: tuple[int, ...] = DEFAULT_FOLLOW_UP_DAYS
    checkin_time: time = DEFAULT_CHECKIN_TIME
    enrolled_by: str = ""
    consent_recorded: bool = False
    asked: dict[str, Any] = field(default_factory=dict)

    def with_pace(self, step_mg: Decimal, step_days: int) -> Enrollment:
        """After an adjustment, later resumes follow the new pace."""
        return replace(self, step_mg=Decimal(str(step_mg)), step_days=int(step_days))

    @classmethod
    def from_record(cls, record: dict[str, Any] | None) -> Enrollment:
        record = record or {}
        checkin = record.get("checkin_time")
        return cls(clinic_name=record.get("clinic_name") or "your clinic",
                   clinic_phone=record.get("clinic_phone") or "",
                   settings=ClinicSettings.from_stored(record.get("clinic_settings")),
                   step_mg=Decimal(str(record.get("step_mg", DEFAULT_STEP_MG))),
                   step_days=int(record.get("step_days", DEFAULT_STEP_DAYS)),
                   follow_up_days=tuple(int(d) for d in record.get("follow_up_days", DEFAULT_FOLLOW_UP_DAYS)),
                   checkin_time=time.fromisoformat(checkin) if checkin else DEFAULT_CHECKIN_TIME,
                   enrolled_by=record.get("enrolled_by") or "", consent_recorded=bool(record.get("consent_recorded")),
                   asked={k: v for k, v in record.items() if k not in TYPED})

    def to_record(self) -> dict[str, Any]:
        """As stored: no floats, times and dates in ISO form (DynamoDB's pace update writes step_mg, step_days)."""
        return {**self.asked, "clinic_name": self.clinic_name, "clinic_phone": self.clinic_phone,
                "clinic_settings": self.settings.as_dict(), "step_mg": str(self.step_mg), "step_days": self.step_days,
                "follow_up_days": list(self.follow_up_days), "checkin_time": self.checkin_time.isoformat(),
                "enrolled_by": self.enrolled_by, "consent_recorded": self.consent_recorded}

    @classmethod
    def of_request(cls, data: dict[str, Any], clinic_name: str, clinic_phone: str, settings: ClinicSettings,
                   enrolled_by: str) -> Enrollment:
        """A validated enrollment request, as it will be kept."""
        def plain(value: Any) -> Any:
            if isinstance(value, (date, time)):
                return value.isoformat()
            if isinstance(value, Decimal):
                return str(value)
            return [plain(v) for v in value] if isinstance(value, list) else value

        asked = {k: plain(v) for k, v in data.items() if k not in ("consent", "notes")}
        return cls.from_record({**asked, "clinic_name": clinic_name, "clinic_phone": clinic_phone,
                                "clinic_settings": settings.as_dict(), "enrolled_by": enrolled_by,
                                "consent_recorded": bool(data.get("consent"))})
