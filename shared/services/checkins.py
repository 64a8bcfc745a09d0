"""Check-ins over time: opening one when its text goes out, one nudge, closing it at the end of the day."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from shared.domain import checkins
from shared.domain.history import local_today
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Channel, Job
from shared.domain.patients import REMOVE, Patient, ProfileChange
from shared.domain.schedule import outside_quiet_hours
from shared.log import logger
from shared.services.clinic_numbers import count_finished_checkin
from shared.services.dispatch import AMBIGUOUS
from shared.services.ports import PatientsAndCounts

NUDGE_AFTER = timedelta(hours=2)
SAFETY_WAIT = timedelta(minutes=15)


def safety_pending(patient: Patient, now: datetime) -> bool:
    question = patient.safety_question
    return question is not None and question.is_open(now)


# Error codes a job carries after being put back without any send failing (see shared/services/dispatch.py).
NOT_SEND_FAILURES = frozenset({"", "quiet_hours", "waiting", "record_moved", "task_error"})


def retry_of_failed_send(job: Job) -> bool:
    """This claim retries a text whose earlier send failed or whose answer was lost."""
    return job.error_code == AMBIGUOUS or (job.attempts > 1 and job.error_code not in NOT_SEND_FAILURES)


@dataclass
class CheckinService:
    store: PatientsAndCounts

    def open(self, job: Job, patient: Patient, now: datetime) -> Job | datetime | None:
        """Before a check-in's first question goes out: record the check-in, queue its nudge and its close."""
        if patient.checkins_paused_by:
            return None  # a crisis escalation waits for a provider: no questions until then
        if safety_pending(patient, now):
            return now + SAFETY_WAIT  # the safety question comes first: ask the check-in once it is answered
        current = patient.open_checkin
        if current is not None and current.checkin_id == job.job_id:  # a retried send: already open
            return job.with_body(checkins.question_text(current.current, patient.language)) if current.current else None
        finished = checkins.close(patient.open_checkin, checkins.EXPIRED, now) if patient.open_checkin else None
        kind = (job.meta or {}).get("checkin_kind", checkins.STEP)
        checkin, first_question = checkins.start(job.job_id, kind, patient.plan.dose_on(local_today(patient, now)), now,
                                                  patient.language)
        follow = [self._nudge(patient, checkin, now), self._close(patient, checkin, now)]
        self.store.apply_change(patient, ProfileChange(checkin=checkin, finished=finished), now, jobs=follow)
        count_finished_checkin(self.store, patient, finished)  # the version-guarded change above happens once
        logger().info("check-in opened", extra={"patient_id": patient.patient_id, "checkin_id": checkin.checkin_id,
                                                "kind": kind})
        return job.with_body(first_question)

    def nudge(self, job: Job, patient: Patient, now: datetime) -> Job | datetime | None:
        """One nudge, 2 hours after the last question went unanswered; never in quiet hours."""
        checkin = patient.open_checkin
        if (checkin is None or checkin.checkin_id != (job.meta or {}).get("checkin_id")
                or patient.checkins_paused_by):
            return None
        due = (checkin.last_activity or checkin.started_at) + NUDGE_AFTER
        if safety_pending(patient, now):
            return now + SAFETY_WAIT
        if checkin.nudged:
            # Marked by an earlier attempt of this job whose send failed (429, 500, a lost answer): the
            # patient has not had it yet, so this retry sends it, unless they answered meanwhile.
            if retry_of_failed_send(job) and due <= now:
                return job.with_body(checkins.nudge_text(checkin, patient.language))
            return None
        if due > now:
            return outside_quiet_hours(patient, due)
        self.store.apply_change(patient, ProfileChange(checkin=replace(checkin, nudged=True)), now)
        return job.with_body(checkins.nudge_text(checkin, patient.language))

    def close(self, job: Job, patient: Patient, now: datetime) -> None:
        """At the end of the patient's day an open check-in closes; unanswered questions are missed."""
        checkin = patient.open_checkin
        if checkin is None or checkin.checkin_id != (job.meta or {}).get("checkin_id"):
            return
        from shared.services.escalations import task_job

        finished = checkins.close(checkin, checkins.EXPIRED, now)
        self.store.apply_change(patient, ProfileChange(checkin=REMOVE, finished=finished,
                                                       jobs=(task_job(patient, JobKind.EVALUATE_CHECKIN, now),)), now)
        count_finished_checkin(self.store, patient, finished)  # a retried close finds the check-in gone: no count

    def _nudge(self, patient: Patient, checkin: checkins.CheckIn, now: datetime) -> Job:
        at = outside_quiet_hours(patient, now + NUDGE_AFTER)
        return Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=JobKind.CHECKIN_NUDGE, to=patient.phone,
                       send_at=at, unique=f"ndg-{_of(checkin)}", meta={"checkin_id": checkin.checkin_id})

    def _close(self, patient: Patient, checkin: checkins.CheckIn, now: datetime) -> Job:
        zone = ZoneInfo(patient.timezone)
        midnight = datetime.combine(now.astimezone(zone).date() + timedelta(days=1), time(0, 0), tzinfo=zone)
        return Job.new(patient_id=patient.patient_id, channel=Channel.TASK, kind=JobKind.CHECKIN_CLOSE, to="",
                       send_at=midnight.astimezone(now.tzinfo), unique=f"cls-{_of(checkin)}",
                       meta={"checkin_id": checkin.checkin_id})


def _of(checkin: checkins.CheckIn) -> str:
    """What tells a check-in's nudge and close from another check-in's: its job's id without the send time (two
    check-ins of one plan may open in the same minute: a baseline after a night's YES and that morning's)."""
    return checkin.checkin_id.split("-", 1)[-1]
