"""Dose reminders handed to Twilio ahead of their minute (ScheduleType=fixed, SendAt), and taken back when no longer
wanted (Status=canceled).

Each minute's run (each fan-out worker, for its shard) also looks ahead, after what is due now and with the same
pool: the dose reminders due from 16 minutes to `lead` from now and never tried are claimed, checked as dispatch checks a text (the patient's state, their plan's generation, a
refused number) and handed over with SendAt = their minute, through a Messaging Service; Twilio releases them on
the minute whatever dispatch is doing then. A reminder not handed over (dispatch was down that minute, the sender is
a phone number, Twilio refused) goes back in the due index at its own minute and is sent then as any text is.

A plan change, hold, end, STOP or a refused number queues a `scheduled.cancel` task, due at once: it cancels at
Twilio each handed-over reminder the patient no longer wants, before any of the new plan's reminders can be handed
over (dispatch hands a patient's reminders over only when no cancel of theirs waits). A cancel Twilio cannot take
now is tried again (the task's retries); one Twilio refuses because the text already went (30409) is recorded on
the job (`cancel_too_late`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Iterator, Protocol
from zoneinfo import ZoneInfo

from shared.domain.job_kinds import JobKind
from shared.domain.jobs import AMBIGUOUS_AHEAD, HANDED_AHEAD, Channel, Job, JobStatus, held_at_twilio
from shared.domain.patients import Patient
from shared.domain.senders import is_messaging_service
from shared.domain.sending import may_send
from shared.errors import SendError
from shared.log import logger
from shared.services.ports import ClaimMiss, Deliveries, DueJob, PatientsAndJobs, SmsSender

SCHEDULED = HANDED_AHEAD           # error_code of a job handed to Twilio ahead (status sent, not yet released)
CANCELLED_AT_TWILIO = "canceled"   # Twilio's delivery status of a scheduled message taken back
TOO_LATE = "cancel_too_late"       # its cancel came after Twilio had sent it
MIN_LEAD, MAX_LEAD = timedelta(minutes=16), timedelta(days=35)  # Twilio: SendAt 15 minutes to 35 days ahead


class ScheduledStore(PatientsAndJobs, Deliveries, Protocol):
    """Patients, their jobs, and what Twilio says of each text."""


def cancel_task(patient_id: str, now: datetime, unique: str) -> Job:
    """The task that takes back a patient's unwanted scheduled reminders, due at once."""
    return Job.new(patient_id=patient_id, channel=Channel.TASK, kind=JobKind.SCHEDULED_CANCEL, to="", send_at=now,
                   unique=f"scx-{unique}")


def taken_back(enabled: bool, patient_id: str, now: datetime, unique: str) -> list[Job]:
    """With reminders handed over ahead (`enabled`), the cancel task a new generation of a patient's texts queues
    first: any old reminder at Twilio is taken back before one of the new plan's can be handed over."""
    return [cancel_task(patient_id, now, unique)] if enabled else []


def is_waiting_cancel(job: Job) -> bool:
    """A `scheduled_cancel` task still to run (or running)."""
    return job.kind == JobKind.SCHEDULED_CANCEL and job.status in (JobStatus.PENDING, JobStatus.SENDING)


def wanted(job: Job, patient: Patient | None) -> bool:
    """Whether a reminder still belongs to the patient's live plan and may reach them (dispatch's own checks)."""
    generation = (job.meta or {}).get("generation")
    return patient is not None and may_send(patient.status, job.kind) and not patient.phone_problem \
        and (not generation or generation == patient.plan_generation)


@dataclass
class HandAhead:
    store: ScheduledStore
    sms: SmsSender
    lead: timedelta
    default_is_service: bool                       # the deployment's default sender is a Messaging Service
    callback_url: Callable[[Job], str]

    def due(self, now: datetime, shard: int | None = None) -> Iterator[DueJob]:
        """The jobs due from 16 minutes to `lead` from now (one shard's, or all): dispatch hands each to `one`. A
        reminder a run could not reach (its time ran out) is in the next run's window too; one that was tried is
        left to its minute."""
        return self.store.due_jobs(now + self.lead, shard, after=now + MIN_LEAD)

    def one(self, due: DueJob, now: datetime) -> str:
        """Hand one over if it is a dose reminder never tried yet; what became of it."""
        job = self.store.get_job(due.patient_id, due.job_id)
        if job is None or job.kind != JobKind.DOSE_REMINDER or job.status is not JobStatus.PENDING or job.error_code:
            return "not_ahead"  # another kind, or one that has been tried already: sent at its minute
        claimed = self.store.claim(due, now, job.send_at)  # a run that vanishes leaves it to its own minute
        if isinstance(claimed, ClaimMiss):
            return "skipped"
        return self._hand_over(claimed, now)

    def _hand_over(self, job: Job, now: datetime) -> str:
        patient = self.store.get_patient(job.patient_id)
        sender = patient.sender if patient else ""
        through_service = is_messaging_service(sender) or (not sender and self.default_is_service)
        if not wanted(job, patient) or not through_service or self._cancel_waits(job):
            self.store.retry_later(job, job.send_at, "not_scheduled", count_attempt=False)
            return "left_for_its_minute"
        try:
            sid = self.sms.schedule(job.to, job.body, self.callback_url(job), job.send_at, sender=sender)
        except SendError as exc:  # at its minute it goes as any text does (an answer lost: Twilio is asked first)
            found = self._lost_answer(job, now) if exc.ambiguous else ""
            if found:
                self.store.finish(job, JobStatus.SENT, now, sid=found, error_code=SCHEDULED)
                return "handed_ahead"
            self.store.retry_later(job, job.send_at, AMBIGUOUS_AHEAD if found is None else "not_scheduled",
                                   count_attempt=False)
            return "left_for_its_minute"
        self.store.finish(job, JobStatus.SENT, now, sid=sid, error_code=SCHEDULED)
        if not wanted(job, self.store.get_patient(job.patient_id)):  # a re-plan or STOP landed while it was handed over
            self.store.put_jobs_once([cancel_task(job.patient_id, now, f"late-{job.job_id[-12:]}")])
        return "handed_ahead"

    def _lost_answer(self, job: Job, now: datetime) -> str | None:
        """After a lost answer, ask Twilio at once (the message, if made, was made just now): its SID, "" when it
        has none, None when it cannot say (the job's code then says to look back as far as the lead)."""
        try:
            return self.sms.find_sent(job.to, job.body, now - timedelta(minutes=1)) or ""
        except Exception:  # noqa: BLE001 - any failed lookup leaves it unknown
            return None

    def went_ahead(self, job: Job, patient: Patient) -> bool:
        """Whether another reminder of this kind for the same night is at Twilio (handed over, not taken back):
        sending this one would make two (a re-plan too close to that one's minute to take it back)."""
        def night(moment: datetime) -> date:
            return moment.astimezone(ZoneInfo(patient.timezone)).date()

        return any(other.job_id != job.job_id and other.kind == job.kind and other.error_code == SCHEDULED
                   and other.status is JobStatus.SENT and other.delivery_status != CANCELLED_AT_TWILIO
                   and night(other.send_at) == night(job.send_at) for other in self.store.jobs_of(job.patient_id))

    def _cancel_waits(self, job: Job) -> bool:
        return any(is_waiting_cancel(other) for other in self.store.jobs_of(job.patient_id))


@dataclass
class CancelScheduled:
    """The `scheduled.cancel` task: take back at Twilio every handed-over reminder of the patient they no longer
    want; a cancel that fails raises, so the task runs again later."""

    store: ScheduledStore
    sms: SmsSender

    def cancel(self, task: Job, patient: Patient, now: datetime) -> None:
        failed = 0
        for job in self.store.jobs_of(patient.patient_id):
            if not held_at_twilio(job, now) or wanted(job, patient):
                continue  # within two minutes of its minute it goes: a re-plan counts it as sent (schedule.py)
            try:
                taken_back = self.sms.cancel(job.sid)
            except SendError:
                failed += 1
                continue
            self.store.record_delivery(job.patient_id, job.job_id, job.sid, CANCELLED_AT_TWILIO if taken_back
                                       else "sent", now, error="" if taken_back else TOO_LATE)
            logger().info("scheduled text cancelled" if taken_back else "scheduled text went before its cancel",
                          extra={"job_id": job.job_id, "sid": job.sid})
        if failed:
            raise SendError(f"{failed} scheduled texts not cancelled yet", code="cancel_failed", retryable=True)
