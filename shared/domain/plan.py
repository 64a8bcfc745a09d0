"""The taper plan: the provider's start dose, step and days per step turned into dated doses."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Iterable

MIN_START_MG, MAX_START_MG = Decimal("0.5"), Decimal("6")
MIN_STEP_MG, MAX_STEP_MG = Decimal("0.25"), Decimal("3")
MIN_STEP_DAYS, MAX_STEP_DAYS = 1, 30
DEFAULT_FOLLOW_UP_DAYS = (1, 3, 7, 14, 28)


@dataclass(frozen=True)
class Step:
    """One dose, taken every day from start_date until the next step starts."""

    start_date: date
    dose_mg: Decimal


@dataclass(frozen=True)
class Plan:
    steps: tuple[Step, ...]
    last_dose_date: date
    stop_date: date
    follow_up_dates: tuple[date, ...]

    def dose_on(self, day: date) -> Decimal | None:
        """The dose planned for a day, or None outside the dosing days."""
        if not self.steps or day < self.steps[0].start_date or day > self.last_dose_date:
            return None
        current = self.steps[0].dose_mg
        for step in self.steps:
            if step.start_date > day:
                break
            current = step.dose_mg
        return current

    def step_on(self, day: date) -> Step | None:
        """The step that starts on this day, if one does."""
        return next((step for step in self.steps if step.start_date == day), None)

    def next_step_after(self, day: date) -> Step | None:
        return next((step for step in self.steps if step.start_date > day), None)

    def as_data(self) -> dict[str, Any]:
        """The plan in the API's shape: dates as YYYY-MM-DD, doses as numbers."""
        return {"steps": [{"start_date": s.start_date.isoformat(), "dose_mg": float(s.dose_mg)} for s in self.steps],
                "last_dose_date": self.last_dose_date.isoformat(), "stop_date": self.stop_date.isoformat(),
                "follow_up_dates": [d.isoformat() for d in self.follow_up_dates]}

    def to_record(self) -> dict[str, Any]:
        """The plan as stored: exact decimal strings, ISO dates."""
        return {"steps": [{"start_date": s.start_date.isoformat(), "dose_mg": str(s.dose_mg)} for s in self.steps],
                "last_dose_date": self.last_dose_date.isoformat(), "stop_date": self.stop_date.isoformat(),
                "follow_up_dates": [d.isoformat() for d in self.follow_up_dates]}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Plan":
        return cls(steps=tuple(Step(date.fromisoformat(s["start_date"]), Decimal(str(s["dose_mg"])))
                               for s in record["steps"]),
                   last_dose_date=date.fromisoformat(record["last_dose_date"]),
                   stop_date=date.fromisoformat(record["stop_date"]),
                   follow_up_dates=tuple(date.fromisoformat(d) for d in record["follow_up_dates"]))


def build_plan(start_dose_mg: Decimal, step_mg: Decimal, step_days: int, start_date: date,
               follow_up_days: Iterable[int] = DEFAULT_FOLLOW_UP_DAYS) -> Plan:
    """Lower the dose by step_mg every step_days days while it stays above zero; stop the day after."""
    if start_dose_mg <= 0 or step_mg <= 0 or step_days < 1:
        raise ValueError("start dose and step must be above zero, and each step at least a day")
    steps, dose, day = [], Decimal(start_dose_mg), start_date
    while dose > 0:
        steps.append(Step(day, dose))
        dose -= step_mg
        day += timedelta(days=step_days)
    last_dose_date = day - timedelta(days=1)
    follow_ups = tuple(last_dose_date + timedelta(days=n) for n in sorted(set(follow_up_days)))
    return Plan(tuple(steps), last_dose_date, last_dose_date + timedelta(days=1), follow_ups)
