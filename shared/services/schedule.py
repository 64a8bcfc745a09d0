"""Turning a patient's plan into outbox jobs: dose reminders from now on, quiet hours for the rest."""
from __future__ import annotations

from datetime import datetime

from shared.domain.jobs import Channel, Job
from shared.domain.patients import Patient
from shared.domain.quiet_hours import next_allowed
from shared.domain.reminders import plan_reminders


def reminder_jobs(patient: Patient, now: datetime, generation: str) -> list[Job]:
    """The plan's dose-time texts still ahead of `now`. Ids depend on `generation` (the text that started
    them), so building them twice for the same reason gives the same jobs, never a second set."""
    settings = patient.clinic_settings
    reminders = plan_reminders(patient.plan, patient.dose_time, patient.timezone, patient.clinic_name,
                               settings.discreet_texts)
    return [Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=r.kind, to=patient.phone,
                    send_at=r.send_at, unique=f"{r.kind[:4]}-{generation[-12:]}", body=r.text)
            for r in reminders if r.send_at > now]


def outside_quiet_hours(patient: Patient, moment: datetime) -> datetime:
    """When a text other than the dose reminder may go out: `moment`, or the end of the quiet hours."""
    settings = patient.clinic_settings
    return next_allowed(moment, patient.timezone, settings.quiet_start, settings.quiet_end)
