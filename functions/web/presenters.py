"""Domain records shaped for the JSON API (dates YYYY-MM-DD, times ISO-8601 UTC, doses as numbers)."""
from __future__ import annotations

from shared.domain.history import Standing
from shared.domain.jobs import Channel, Job, JobStatus, utc_iso
from shared.domain.patients import Patient
from shared.services.records import PatientRecord


def patient_created(patient: Patient) -> dict:
    return {"id": patient.patient_id, "status": patient.status.value, "plan": patient.plan.as_data()}


def patient_summary(patient: Patient, standing: Standing) -> dict:
    return {"id": patient.patient_id, "first_name": patient.first_name, "last_name": patient.last_name,
            "status": patient.status.value,
            "current_dose_mg": float(standing.current_dose_mg) if standing.current_dose_mg is not None else None,
            "next_step_date": standing.next_step.start_date.isoformat() if standing.next_step else None,
            "last_checkin_at": None, "open_escalations": 0, "created_at": utc_iso(patient.created_at)}


def patient_record(record: PatientRecord) -> dict:
    patient = record.patient
    return {**patient_summary(patient, record.standing), "phone": patient.phone, "timezone": patient.timezone,
            "provider_email": patient.provider_email, "dose_time": patient.dose_time.strftime("%H:%M"),
            "notes": patient.notes, "consented_at": utc_iso(patient.consented_at) if patient.consented_at else None,
            "plan": patient.plan.as_data(),
            "messages": [{"at": utc_iso(m.at), "direction": m.direction, "body": m.body, "status": m.status,
                          "kind": m.kind} for m in record.messages],
            "checkins": [], "escalations": [], "phone_problem": patient.phone_problem or None,
            "deliveries_needing_attention": [job_view(j) for j in attention(record)],
            "upcoming": [job_view(j) for j in upcoming(record)[:10]]}


def attention(record: PatientRecord) -> list[Job]:
    """Texts that did not go out as planned: expired (found too late), failed, or unconfirmed."""
    return [j for j in record.jobs if j.status in (JobStatus.EXPIRED, JobStatus.FAILED, JobStatus.UNCONFIRMED)]


def upcoming(record: PatientRecord) -> list[Job]:
    return sorted((j for j in record.jobs if j.status is JobStatus.PENDING and j.channel is Channel.SMS),
                  key=lambda j: j.send_at)


def job_view(job: Job) -> dict:
    return {"id": job.job_id, "kind": job.kind, "status": job.status.value, "send_at": utc_iso(job.send_at),
            "error_code": job.error_code or None, "body": job.body}
