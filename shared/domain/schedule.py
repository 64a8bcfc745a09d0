"""Turning a patient's plan into outbox jobs: dose reminders and check-ins from now on, quiet hours for the rest."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from shared.domain.checkins import BASELINE, FOLLOW_UP, STEP
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Channel, Job, JobStatus, held_at_twilio
from shared.domain.patients import Patient
from shared.domain.quiet_hours import next_allowed
from shared.domain.reminders import local_moment, plan_reminders


def plan_jobs(patient: Patient, now: datetime, generation: str, baseline: bool = True) -> list[Job]:
    """Reminders and check-ins still ahead of `now` (and a baseline check-in now, after a first YES).
    Ids depend on `generation` (the text that started them): built twice, they are the same jobs."""
    jobs = reminder_jobs(patient, now, generation) + checkin_jobs(patient, now, generation)
    if not patient.held_since:
        jobs.append(completion_job(patient, generation, now))
    else:  # a held plan is planned a few weeks ahead; a week before that runs out, it is planned again
        at = max(local_moment(patient.plan.last_dose_date - timedelta(days=7), time(12, 0), patient.timezone), now)
        jobs.append(Job.new(patient_id=patient.patient_id, channel=Channel.TASK, kind=JobKind.HOLD_EXTEND, to=patient.phone,
                            send_at=at, unique=f"hext-{generation[-12:]}", meta={"generation": generation}))
    if baseline:
        jobs.append(checkin_job(patient, outside_quiet_hours(patient, now), BASELINE, generation))
    return jobs


def reminder_jobs(patient: Patient, now: datetime, generation: str) -> list[Job]:
    settings = patient.clinic_settings
    reminders = plan_reminders(patient.plan, patient.dose_time, patient.timezone, patient.clinic_name,
                               settings.discreet_texts, open_ended=bool(patient.held_since), language=patient.language)
    return [Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=r.kind, to=patient.phone,
                    send_at=r.send_at, unique=f"{r.kind[:4]}-{generation[-12:]}", body=r.text,
                    meta={"generation": generation})
            for r in reminders if r.send_at > now]


def reminder_for_night(patient: Patient, job: Job) -> Job | None:
    """The live plan's dose-time job for the night of an older plan's one (same moment, same kind), or None when
    the live plan has no such text that night. Its id is the one the live plan's jobs gave it, if they did."""
    return next((j for j in reminder_jobs(patient, job.send_at - timedelta(seconds=1), patient.plan_generation)
                 if j.send_at == job.send_at and j.kind == job.kind), None)


def checkin_jobs(patient: Patient, now: datetime, generation: str) -> list[Job]:
    """One check-in the day after each step-down and one on each follow-up day, at the check-in time."""
    at = checkin_time(patient)
    follow_ups = set(patient.plan.follow_up_dates)
    days = [(step.start_date + timedelta(days=1), STEP) for step in patient.plan.steps[1:]
            if step.start_date + timedelta(days=1) not in follow_ups]  # one check-in a day at most
    days += [(day, FOLLOW_UP) for day in patient.plan.follow_up_dates]
    moments = [(outside_quiet_hours(patient, local_moment(day, at, patient.timezone)), kind) for day, kind in days]
    return [checkin_job(patient, moment, kind, generation) for moment, kind in moments if moment > now]


def checkin_job(patient: Patient, at: datetime, kind: str, generation: str) -> Job:
    """The job that opens a check-in: its first question is written when it goes out."""
    return Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=JobKind.CHECKIN, to=patient.phone, send_at=at,
                   unique=f"chk-{kind[:4]}-{generation[-12:]}", meta={"checkin_kind": kind, "generation": generation})


def checkin_time(patient: Patient) -> time:
    return patient.enrollment.checkin_time


def outside_quiet_hours(patient: Patient, moment: datetime) -> datetime:
    """When a text other than the dose reminder may go out: `moment`, or the end of the quiet hours."""
    settings = patient.clinic_settings
    return next_allowed(moment, patient.timezone, settings.quiet_start, settings.quiet_end)


def completion_job(patient: Patient, generation: str, now: datetime) -> Job:
    """At the end of the last follow-up day the plan is over: the patient is `completed`, the number free.
    Planned again after that moment (START after STOP), it runs at once."""
    last_day = max([patient.plan.stop_date, *patient.plan.follow_up_dates])
    at = max(local_moment(last_day + timedelta(days=1), time(0, 0), patient.timezone), now)
    return Job.new(patient_id=patient.patient_id, channel=Channel.TASK, kind=JobKind.PLAN_COMPLETE, to=patient.phone,
                   send_at=at, unique=f"done-{generation[-12:]}", meta={"generation": generation})


TIMED = frozenset({JobKind.DOSE_REMINDER, JobKind.TAPER_DONE, JobKind.CHECKIN})  # a text at a time of the day


def baseline_waits(patient: Patient, jobs: list[Job]) -> bool:
    """Whether the live plan's first check-in after YES is still to go: a re-plan plans it again, not lost."""
    return any(job.kind == JobKind.CHECKIN and job.status is JobStatus.PENDING
               and (job.meta or {}).get("checkin_kind") == BASELINE
               and (job.meta or {}).get("generation") == patient.plan_generation for job in jobs)


def replanned(before: Patient, after: Patient, jobs: list[Job], now: datetime, generation: str) -> list[Job]:
    """The jobs still ahead for a patient whose zone, dose time or check-in time changed (`before` -> `after`),
    as a new generation: a text of today's that went out at the old time is not sent again at the new one, and
    one that was still to go today but whose new time has passed goes now, so none is lost or doubled."""
    def local_day(moment: datetime, patient: Patient) -> date:
        return moment.astimezone(ZoneInfo(patient.timezone)).date()

    today = local_day(now, after)
    baseline = baseline_waits(before, jobs)
    went = {job.kind for job in jobs if job.kind in TIMED and job.status not in (JobStatus.PENDING, JobStatus.CANCELLED)
            and local_day(job.send_at, before) == local_day(now, before) and not held_at_twilio(job, now)}
    ahead = [job for job in plan_jobs(after, now, generation, baseline=baseline)
             if not (job.kind in went and local_day(job.send_at, after) == today)]
    day_start = local_moment(today, time(0, 0), after.timezone)
    passed = [job for job in plan_jobs(after, day_start, generation, baseline=False)
              if job.kind in TIMED - went and job.send_at <= now and local_day(job.send_at, after) == today]
    return ahead + [Job.new(patient_id=job.patient_id, channel=job.channel, kind=job.kind, to=job.to, send_at=now,
                            unique=f"now-{job.kind[:4]}-{generation[-12:]}", body=job.body, meta=job.meta)
                    for job in passed]
