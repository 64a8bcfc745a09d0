"""Domain records shaped for the JSON API (dates YYYY-MM-DD, times ISO-8601 UTC, doses as numbers)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from shared.domain import attention as attention_rule
from shared.domain.checkins import CheckIn
from shared.domain.clinic_settings import ClinicSettings
from shared.domain.escalations import deadline
from shared.domain.history import Standing
from shared.domain.job_kinds import Channel
from shared.domain.jobs import Job, JobStatus, utc_iso
from shared.domain.patients import Escalation, Patient
from shared.services.records import PatientRecord


def patient_created(patient: Patient) -> dict[str, Any]:
    return {"id": patient.patient_id, "status": patient.status.value, "plan": patient.plan.as_data()}


def patient_summary(patient: Patient, standing: Standing) -> dict[str, Any]:
    return {"id": patient.patient_id, "first_name": patient.first_name, "last_name": patient.last_name,
            "status": patient.status.value,
            "current_dose_mg": float(standing.current_dose_mg) if standing.current_dose_mg is not None else None,
            "next_step_date": standing.next_step.start_date.isoformat() if standing.next_step else None,
            "last_checkin_at": utc_iso(patient.last_checkin_at) if patient.last_checkin_at else None,
            "open_escalations": len({patient.checkins_paused_by, *patient.open_escalations.values()} - {""}),
            "created_at": utc_iso(patient.created_at), "language": patient.language,
            "attention": attention_rule.TIERS[attention_rule.tier_of(patient)]}


def patient_record(record: PatientRecord) -> dict[str, Any]:
    patient = record.patient
    return {**patient_summary(patient, record.standing), "phone": patient.phone, "timezone": patient.timezone,
            "provider_email": patient.provider_email, "dose_time": patient.dose_time.strftime("%H:%M"),
            "checkin_time": patient.enrollment.checkin_time.strftime("%H:%M"), "notes": patient.notes, "consented_at": utc_iso(patient.consented_at) if patient.consented_at else None,
            "plan": patient.plan.as_data(),
            "messages": [{"at": utc_iso(m.at), "direction": m.direction, "body": m.body, "status": m.status,
                          "kind": m.kind} for m in record.messages],
            "checkins": [checkin_view(c) for c in record.checkins],
            "escalations": [escalation_view(e, patient.clinic_settings) for e in record.escalations],
            "phone_problem": patient.phone_problem or None, "checkins_paused": bool(patient.checkins_paused_by),
            "deliveries_needing_attention": [job_view(j) for j in attention(record)],
            "upcoming": [job_view(j) for j in upcoming(record)[:10]]}


def attention(record: PatientRecord) -> list[Job]:
    """Texts that did not go out as planned: expired (found too late), failed, or unconfirmed."""
    return [j for j in record.jobs if j.status in (JobStatus.EXPIRED, JobStatus.FAILED, JobStatus.UNCONFIRMED)]


def upcoming(record: PatientRecord) -> list[Job]:
    """Texts still to go: an older set of plan jobs (before a hold, an adjustment, a language change) is never sent."""
    live = record.patient.plan_generation
    return sorted((j for j in record.jobs if j.status is JobStatus.PENDING and j.channel is Channel.SMS
                   and (j.meta or {}).get("generation", live) == live), key=lambda j: j.send_at)


def job_view(job: Job) -> dict[str, Any]:
    return {"id": job.job_id, "kind": job.kind, "status": job.status.value, "send_at": utc_iso(job.send_at),
            "error_code": job.error_code or None, "body": job_text(job)}


def job_text(job: Job) -> str:
    """What the text says, or what it will be when it is written at send time."""
    if job.body:
        return job.body
    if job.kind == "checkin":
        return f"Check-in ({(job.meta or {}).get('checkin_kind', 'step').replace('_', '-')}): first question"
    if job.kind == "checkin_nudge":
        return "Check-in reminder, if a question is still unanswered"
    return job.kind.replace("_", " ")


def checkin_view(checkin: CheckIn) -> dict[str, Any]:
    return {"id": checkin.checkin_id, "kind": checkin.kind, "status": checkin.status,
            "dose_mg": float(checkin.dose_mg) if checkin.dose_mg is not None else None,
            "started_at": utc_iso(checkin.started_at),
            "answers": {qid: {"value": a.value, "raw": a.raw, "at": utc_iso(a.at) if a.message_sid else None}
                        for qid, a in checkin.answers.items()}}


def escalation_view(escalation: Escalation, clinic_settings: ClinicSettings | None = None) -> dict[str, Any]:
    def when(moment: datetime | None) -> str | None:
        return utc_iso(moment) if moment else None

    return {"id": escalation.escalation_id, "reasons": list(escalation.reasons), "severity": escalation.severity,
            "status": escalation.status, "created_at": utc_iso(escalation.created_at),
            "evidence": list(escalation.evidence), "acknowledged_by": escalation.acknowledged_by or None,
            "acknowledged_at": when(escalation.acknowledged_at), "resolved_by": escalation.resolved_by or None,
            "resolved_at": when(escalation.resolved_at), "note": escalation.note or None,
            "acknowledge_by": utc_iso(deadline(escalation, clinic_settings)),
            "overdue_notified_at": when(escalation.overdue_notified_at)}
