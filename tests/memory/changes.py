"""A ProfileChange applied to the in-memory table with DynamoStore's conditions, all or nothing."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, Sequence

from shared.domain import attention
from shared.domain.escalation_rules import TEXT_REASONS
from shared.domain.jobs import Job, JobStatus, utc_iso
from shared.domain.patients import PLAN_OVER, REMOVE, Patient, PatientStatus, ProfileChange
from shared.errors import NumberUnavailable, PhoneTaken, StatusMoved
from tests.memory.table import MemoryTable, kept


def apply(table: MemoryTable, patient: Patient, change: ProfileChange, now: datetime, jobs: Sequence[Job] = ()) -> None:
    """Check every condition first, then write everything (the caller holds the lock)."""
    current = table.patients.get(patient.patient_id)
    if current is None or current.version != patient.version or \
            (change.new_status and change.new_status is not patient.status and current.status is not patient.status):
        raise StatusMoved(patient.patient_id)
    known = {e.escalation_id for e in table.escalations.get(patient.patient_id, [])}
    if any(escalation_id not in known for escalation_id, _ in change.add_evidence) \
            or any(e.escalation_id in known for e in change.opened) \
            or any((job.patient_id, job.job_id) in table.jobs for job in (*change.jobs, *jobs)):
        raise StatusMoved(patient.patient_id)  # an item's condition failed: the transaction fails whole
    if change.phone:
        held = table.phones.get((patient.sender, change.phone))
        if held and not held["plan_over"]:
            raise taken(replace(patient, phone=change.phone), held)
        if table.phones.get((patient.sender, patient.phone), {}).get("patient_id", patient.patient_id) \
                != patient.patient_id:
            raise StatusMoved(patient.patient_id)  # the old number is someone else's now: DynamoDB's delete fails
    table.patients[patient.patient_id] = kept(_profile(current, patient, change, now))
    _written_with(table, patient, change, now, jobs)


def _profile(current: Patient, read: Patient, change: ProfileChange, now: datetime) -> Patient:
    updated = replace(current, version=current.version + 1)
    new = change.new_status
    if new and new is not read.status:
        before = read.status if new is PatientStatus.OPTED_OUT else updated.status_before_opt_out
        consented = now if new is PatientStatus.ACTIVE and updated.consented_at is None else updated.consented_at
        updated = replace(updated, status=new, status_before_opt_out=before, consented_at=consented)
    if change.checkin == REMOVE:
        updated = replace(updated, open_checkin=None)
    elif change.checkin is not None and not isinstance(change.checkin, str):
        updated = replace(updated, open_checkin=change.checkin)
    if change.finished:
        updated = replace(updated, last_checkin_at=change.finished.started_at)
    if change.pause_checkins_for:
        updated = replace(updated, checkins_paused_by=change.pause_checkins_for)
    elif change.resume_checkins:
        updated = replace(updated, checkins_paused_by="")
    return _safety(_plan(updated, change), change)


def _plan(updated: Patient, change: ProfileChange) -> Patient:
    if change.plan_over_while_opted_out:
        updated = replace(updated, status_before_opt_out=PatientStatus.COMPLETED)
    if change.plan_generation:
        updated = replace(updated, plan_generation=change.plan_generation)
    if change.plan is not None:
        updated = replace(updated, plan=change.plan)
    if change.pace:
        updated = replace(updated, enrollment=updated.enrollment.with_pace(change.pace.step_mg,
                                                                          change.pace.step_days))
    if change.held_since is not None:
        updated = replace(updated, held_since=change.held_since)
    if change.language:
        updated = replace(updated, language=change.language)
    for name, value in change.details:
        updated = replace(updated, enrollment=replace(updated.enrollment, checkin_time=value)) \
            if name == "checkin_time" else replace(updated, **{name: value})
    if change.phone:
        updated = replace(updated, phone=change.phone, phone_problem="")
    return replace(updated, open_levels=attention.open_levels(updated.open_levels, (*change.opened, *change.rewritten)))


def _safety(patient: Patient, change: ProfileChange) -> Patient:
    if change.safety_question == REMOVE:
        patient = replace(patient, safety_question=None)
    elif change.safety_question is not None and not isinstance(change.safety_question, str):
        patient = replace(patient, safety_question=change.safety_question)
    if change.safety_no_at:
        patient = replace(patient, safety_no_at=change.safety_no_at)
    pointers = dict(patient.open_escalations)
    pointers.update({e.reasons[0]: e.escalation_id for e in change.opened if e.reasons[0] in TEXT_REASONS})
    if change.forget_escalation in TEXT_REASONS:
        pointers.pop(change.forget_escalation, None)
    return replace(patient, open_escalations=pointers)


def _written_with(table: MemoryTable, read: Patient, change: ProfileChange, now: datetime, jobs: Sequence[Job]) -> None:
    patient_id = read.patient_id
    if change.phone:  # the old number's mapping goes (checked: theirs, or none); the new one is theirs
        table.phones.pop((read.sender, read.phone), None)
        table.phones[(read.sender, change.phone)] = mapping(replace(read, phone=change.phone))
    if (change.new_status in PLAN_OVER and change.new_status is not read.status) or change.plan_over_while_opted_out:
        phone = table.phones.get((read.sender, read.phone))
        if phone and phone["patient_id"] == patient_id:
            phone["plan_over"] = True
    if change.finished:
        mine = table.checkins.setdefault(patient_id, [])
        mine[:] = sorted([c for c in mine if c.checkin_id != change.finished.checkin_id] + [kept(change.finished)],
                         key=lambda c: (utc_iso(c.started_at), c.checkin_id))
    found = table.escalations.setdefault(patient_id, [])
    found.extend(kept(change.opened))
    rewritten = {e.escalation_id: kept(e) for e in change.rewritten}
    found[:] = [rewritten.get(e.escalation_id, e) for e in found] + \
        [e for e in rewritten.values() if e.escalation_id not in {f.escalation_id for f in found}]
    for escalation_id, evidence in change.add_evidence:
        found[:] = [replace(e, evidence=(*e.evidence, kept(evidence))) if e.escalation_id == escalation_id else e
                    for e in found]
    found.sort(key=lambda e: e.escalation_id)
    if change.audit:
        entries = table.audit.setdefault(patient_id, [])  # listed by when written, as DynamoDB's AUDIT#<at>#<ns> keys
        entries.append(((utc_iso(now), next(table.sequence)), kept(change.audit)))
        entries.sort(key=lambda entry: entry[0])
    for job in (*change.jobs, *jobs):
        add_job(table, job)


def add_job(table: MemoryTable, job: Job) -> None:
    """A new job, in the due index while pending (the caller checked it is new)."""
    key = (job.patient_id, job.job_id)
    table.jobs[key] = kept(job)
    if job.status is JobStatus.PENDING:
        table.due[key] = utc_iso(job.send_at)


def mapping(patient: Patient) -> dict[str, Any]:
    return {"patient_id": patient.patient_id, "clinic_id": patient.clinic_id, "plan_over": False}


def taken(patient: Patient, phone: dict[str, Any]) -> PhoneTaken:
    """As DynamoPatients: the clinic's own patient holds it, or anyone else's (who is not said)."""
    return PhoneTaken(patient.phone) if phone.get("clinic_id") == patient.clinic_id else NumberUnavailable(patient.phone)
