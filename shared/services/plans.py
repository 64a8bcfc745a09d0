"""Provider actions on a running taper: hold, resume, adjust, end. Each rewrites the future jobs in one
consistent change (a new generation of plan jobs), texts the patient, and is written to the audit log."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from shared.domain import replan, texts
from shared.domain.enrollment import Pace
from shared.domain.history import local_today
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Channel, Job, utc_iso
from shared.domain.patients import Patient, PatientStatus, ProfileChange
from shared.domain.plan import Plan
from shared.domain.reminders import local_moment
from shared.domain.schedule import baseline_waits, outside_quiet_hours, plan_jobs
from shared.errors import Conflict, StatusMoved
from shared.log import logger
from shared.services.enrollment import PatientNotFound
from shared.services.ports import PatientsAndJobs
from shared.services.scheduled_sends import taken_back


class PlanActionRefused(Conflict):
    """The action does not fit where the plan stands (resume when not held, anything after the last dose)."""

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"plan": [str(self)]}


@dataclass
class PlanService:
    store: PatientsAndJobs
    cancels_scheduled: bool = False  # reminders are handed to Twilio ahead: a rewrite takes the old ones back

    def act(self, clinic_id: str, who: str, patient_id: str, action: str, now: datetime,
            params: dict[str, Any] | None = None) -> Patient:
        handlers = {"hold": self.hold, "resume": self.resume, "adjust": self.adjust, "end": self.end}
        for attempt in range(3):
            patient = self.store.get_patient(patient_id)
            if patient is None or patient.clinic_id != clinic_id:
                raise PatientNotFound(patient_id)
            try:
                return handlers[action](patient, who, now, **(params or {}))
            except StatusMoved:  # the record changed as we wrote (a reply came in): read it again
                if attempt == 2:
                    raise PlanActionRefused("The patient's record kept changing; please try again.")
        raise AssertionError("unreachable")

    def hold(self, patient: Patient, who: str, now: datetime) -> Patient:
        today, dose = self._today(patient, now)
        if patient.held_since:
            raise PlanActionRefused("The plan is already held.")
        new = replan.hold(patient.plan, today)
        step_today = patient.plan.step_on(today)
        if (step_today and step_today != patient.plan.steps[0]
                and now < local_moment(today, patient.dose_time, patient.timezone)):
            # tonight's step-down has not been taken yet: hold at the dose the patient is on now
            new = replan.hold(replace(patient.plan, steps=tuple(s for s in patient.plan.steps if s.start_date < today)),
                              today)
        return self._rewrite(patient, new, now, who, "hold", today.isoformat(),
                             texts.plan_held_text(patient.clinic_name, _tonight(new, today), patient.language))

    def extend_hold(self, job: Job, patient: Patient, now: datetime) -> None:
        """Task: a long hold is planned again from today, quietly (no text, no audit entry)."""
        if not patient.held_since:
            return
        today = local_today(patient, now)
        self._rewrite(patient, replan.hold(patient.plan, today), now, "taperline", "hold", patient.held_since, "",
                      quiet=True)

    def resume(self, patient: Patient, who: str, now: datetime) -> Patient:
        today, dose = self._today(patient, now)
        if not patient.held_since:
            raise PlanActionRefused("The plan is not held.")
        step, days = self._pace(patient)
        new = replan.resume(patient.plan, today, dose, step, days, self._follow_ups(patient))
        return self._rewrite(patient, new, now, who, "resume", "", self._changed_text(patient, new, today))

    def adjust(self, patient: Patient, who: str, now: datetime, dose_mg: Decimal | None = None,
               step_mg: Decimal | None = None, step_days: int | None = None) -> Patient:
        today, dose = self._today(patient, now)
        pace_step, pace_days = self._pace(patient)
        new = replan.adjust(patient.plan, today, dose_mg or dose, step_mg or pace_step, step_days or pace_days,
                            self._follow_ups(patient))
        pace = Pace(Decimal(str(step_mg or pace_step)), int(step_days or pace_days))
        if patient.held_since:  # a held taper stays held at the new dose until a provider resumes it
            new = replan.hold(new, today)
            return self._rewrite(patient, new, now, who, "adjust", patient.held_since,
                                 texts.plan_held_text(patient.clinic_name, _tonight(new, today), patient.language),
                                 pace=pace)
        return self._rewrite(patient, new, now, who, "adjust", "", self._changed_text(patient, new, today), pace=pace)

    def end(self, patient: Patient, who: str, now: datetime) -> Patient:
        today, dose = self._today(patient, now)
        new = replan.end(patient.plan, today, dose, self._follow_ups(patient))
        return self._rewrite(patient, new, now, who, "end", "", texts.plan_ended_text(patient.clinic_name, dose,
                                                                                          patient.language))

    def _today(self, patient: Patient, now: datetime) -> tuple[date, Decimal]:
        today = local_today(patient, now)
        dose = patient.plan.dose_on(today)
        if patient.status is not PatientStatus.ACTIVE or dose is None:
            raise PlanActionRefused("Only an active patient's running taper can be changed.")
        return today, dose

    @staticmethod
    def _pace(patient: Patient) -> tuple[Decimal, int]:
        return patient.enrollment.step_mg, patient.enrollment.step_days

    @staticmethod
    def _follow_ups(patient: Patient) -> tuple[int, ...]:
        return patient.enrollment.follow_up_days

    @staticmethod
    def _changed_text(patient: Patient, plan: Plan, today: date) -> str:
        step = plan.next_step_after(today)
        return texts.plan_changed_text(patient.clinic_name, _tonight(plan, today), step.dose_mg if step else None,
                                       step.start_date if step else None, patient.language)

    def _rewrite(self, patient: Patient, plan: Plan, now: datetime, who: str, action: str, held_since: str,
                 text: str, pace: Pace | None = None, quiet: bool = False) -> Patient:
        generation = f"{action[:3]}-{secrets.token_hex(6)}"
        enrollment = patient.enrollment.with_pace(pace.step_mg, pace.step_days) if pace else patient.enrollment
        updated = replace(patient, plan=plan, held_since=held_since, enrollment=enrollment)
        # With reminders handed to Twilio ahead, the old plan's are taken back there first (scheduled_sends.py)
        cancel = taken_back(self.cancels_scheduled, patient.patient_id, now, generation)
        baseline = baseline_waits(patient, self.store.jobs_of(patient.patient_id))  # still to go: planned again
        self.store.put_jobs_once([*cancel, *plan_jobs(updated, now, generation, baseline=baseline)])
        notice = Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=JobKind.PLAN_CHANGE, to=patient.phone,
                         send_at=outside_quiet_hours(patient, now), unique=f"pc-{generation}", body=text,
                         meta={"generation": generation})
        audit = {"id": generation, "who": who, "action": action, "at": utc_iso(now),
                 "before": patient.plan.as_data(), "after": plan.as_data()}
        self.store.apply_change(patient, ProfileChange(plan=plan, plan_generation=generation, held_since=held_since,
                                                       audit=None if quiet else _storable(audit), pace=pace,
                                                       jobs=() if quiet else (notice,)), now)
        logger().info("plan changed", extra={"patient_id": patient.patient_id, "action": action})
        return self.store.get_patient(patient.patient_id) or updated


def _tonight(plan: Plan, today: date) -> Decimal:
    """Tonight's dose in a rewritten plan; a rewrite of a running taper always has one."""
    dose = plan.dose_on(today)
    if dose is None:
        raise PlanActionRefused("The changed plan has no dose tonight.")
    return dose


def _storable(value: Any) -> Any:
    """Floats are not storable in DynamoDB: doses as strings."""
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable(v) for v in value]
    if isinstance(value, float):
        return str(value)
    return value
