"""Every item <-> domain mapping of the single table: one function each way per record."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timezone
from decimal import Decimal
from typing import Any

from shared.adapters import keys
from shared.adapters.dynamodb.table import plain_numbers
from shared.domain import attention
from shared.domain.accounts import Role, User
from shared.domain.checkins import Answer, CheckIn
from shared.domain.clinic_settings import ClinicSettings
from shared.domain.enrollment import Enrollment
from shared.domain.escalation_rules import TEXT_REASONS
from shared.domain.job_kinds import Channel
from shared.domain.jobs import Job, JobStatus, parse_utc, shard_of, utc_iso
from shared.domain.patients import Clinic, Escalation, Patient, PatientStatus
from shared.domain.plan import Plan
from shared.domain.safety_question import SafetyQuestion
from shared.services.ports import PLAN_CHANGE_ACTIONS

OPEN_ESCALATION = "open_esc_"   # profile attribute prefix: open_esc_<reason> = the open escalation's id


def when(moment: datetime | None) -> str | None:
    return utc_iso(moment) if moment else None


def moment(item: dict[str, Any], name: str) -> datetime | None:
    return parse_utc(item[name]) if item.get(name) else None


# --- jobs ---------------------------------------------------------------------------------------
def job_to_item(job: Job, shards: int) -> dict[str, Any]:
    key = keys.job_key(job.patient_id, job.job_id)
    item = {"PK": key.pk, "SK": key.sk, "type": "job", "job_id": job.job_id, "patient_id": job.patient_id,
            "channel": job.channel.value, "kind": job.kind, "to": job.to, "body": job.body or None,
            "subject": job.subject or None, "html": job.html or None, "send_at": utc_iso(job.send_at),
            "expires_at": utc_iso(job.expires_at), "status": job.status.value, "attempts": job.attempts,
            "sid": job.sid or None, "error_code": job.error_code or None, "meta": job.meta or None}
    if job.status is JobStatus.PENDING:
        item["due_pk"] = keys.due_pk(shard_of(job.job_id, shards))
        item["due_at"] = utc_iso(job.send_at)
    return item


def job_from_item(item: dict[str, Any]) -> Job:
    return Job(job_id=item["job_id"], patient_id=item["patient_id"], channel=Channel(item["channel"]),
               kind=item["kind"], to=item["to"], send_at=parse_utc(item["send_at"]),
               expires_at=parse_utc(item["expires_at"]), body=item.get("body", ""), subject=item.get("subject", ""),
               html=item.get("html", ""), status=JobStatus(item["status"]), attempts=int(item.get("attempts", 0)),
               sid=item.get("sid", ""), error_code=item.get("error_code", ""),
               delivery_status=item.get("delivery_status", ""), finished_at=moment(item, "finished_at"),
               meta=item.get("meta"), finished_seq=int(item.get("finished_seq", 0)))


# --- patients -----------------------------------------------------------------------------------
def patient_to_item(patient: Patient) -> dict[str, Any]:
    key = keys.patient_profile_key(patient.patient_id)
    created = utc_iso(patient.created_at)
    return {"PK": key.pk, "SK": key.sk, "type": "patient", "patient_id": patient.patient_id,
            "clinic_id": patient.clinic_id, "clinic_pk": keys.clinic_pk(patient.clinic_id),
            "clinic_sk": keys.clinic_attention_sort(attention.tier_of(patient), created, patient.patient_id),
            "search_text": attention.search_text(patient.first_name, patient.last_name, patient.phone),
            "open_levels": dict(patient.open_levels) or None,
            "first_name": patient.first_name, "last_name": patient.last_name, "phone": patient.phone,
            "timezone": patient.timezone, "provider_email": patient.provider_email,
            "dose_time": patient.dose_time.strftime("%H:%M"), "plan": patient.plan.to_record(),
            "status": patient.status.value, "created_at": created, "notes": patient.notes or None,
            "enrollment": patient.enrollment.to_record(), "version": patient.version,
            "status_before_opt_out": patient.status_before_opt_out.value if patient.status_before_opt_out else None,
            "consented_at": when(patient.consented_at), "phone_problem": patient.phone_problem or None,
            "open_checkin": checkin_to_map(patient.open_checkin) if patient.open_checkin else None,
            "last_checkin_at": when(patient.last_checkin_at),
            "checkins_paused_by": patient.checkins_paused_by or None,
            "plan_generation": patient.plan_generation or None, "held_since": patient.held_since or None,
            "safety_question": safety_question_to_map(patient.safety_question) if patient.safety_question else None,
            "safety_no_at": when(patient.safety_no_at),
            **{OPEN_ESCALATION + reason: escalation_id for reason, escalation_id in patient.open_escalations.items()},
            "language": patient.language, "sender": patient.sender or None,
            **kept_until_attributes(patient.kept_until)}


def kept_until_attributes(day: date | None) -> dict[str, Any]:
    """A finished patient's retention: the day, and DynamoDB's TTL (that day's start, UTC) on every item."""
    return {"kept_until": day.isoformat(), "ttl": ttl_of(day)} if day else {}


def ttl_of(day: date) -> int:
    return int(datetime.combine(day, time(), tzinfo=timezone.utc).timestamp())


def patient_from_item(item: dict[str, Any]) -> Patient:
    before = item.get("status_before_opt_out")
    return Patient(
        patient_id=item["patient_id"], clinic_id=item["clinic_id"], first_name=item["first_name"],
        last_name=item["last_name"], phone=item["phone"], timezone=item["timezone"],
        provider_email=item["provider_email"], dose_time=time.fromisoformat(item["dose_time"]),
        plan=Plan.from_record(item["plan"]), status=PatientStatus(item["status"]),
        created_at=parse_utc(item["created_at"]), status_before_opt_out=PatientStatus(before) if before else None,
        consented_at=moment(item, "consented_at"), notes=item.get("notes", ""),
        enrollment=Enrollment.from_record(plain_numbers(dict(item.get("enrollment") or {}))),
        phone_problem=item.get("phone_problem", ""),
        version=int(item.get("version", 0)), checkins_paused_by=item.get("checkins_paused_by", ""),
        open_checkin=checkin_from_map(item["open_checkin"]) if item.get("open_checkin") else None,
        last_checkin_at=moment(item, "last_checkin_at"), plan_generation=item.get("plan_generation", ""),
        held_since=item.get("held_since", ""),
        safety_question=safety_question_from_map(item["safety_question"]) if item.get("safety_question") else None,
        safety_no_at=moment(item, "safety_no_at"),
        open_escalations={reason: item[OPEN_ESCALATION + reason] for reason in TEXT_REASONS
                          if item.get(OPEN_ESCALATION + reason)},
        kept_until=date.fromisoformat(item["kept_until"]) if item.get("kept_until") else None,
        language=item.get("language", "en"), sender=item.get("sender") or "",
        open_levels=dict(item.get("open_levels") or {}))


def phone_item(patient: Patient) -> dict[str, Any]:
    key = keys.phone_key(patient.phone, patient.sender)
    return {"PK": key.pk, "SK": key.sk, "type": "phone", "patient_id": patient.patient_id,
            "clinic_id": patient.clinic_id, "sender": patient.sender or None, "plan_over": False}


# --- check-ins and the safety question ----------------------------------------------------------
def checkin_to_map(checkin: CheckIn) -> dict[str, Any]:
    return {"checkin_id": checkin.checkin_id, "kind": checkin.kind, "started_at": utc_iso(checkin.started_at),
            "dose_mg": str(checkin.dose_mg) if checkin.dose_mg is not None else None, "status": checkin.status,
            "position": checkin.position, "misses": checkin.misses, "nudged": checkin.nudged,
            "last_activity": when(checkin.last_activity),
            "answers": {qid: {"value": a.value, "raw": a.raw, "message_sid": a.message_sid, "at": utc_iso(a.at)}
                        for qid, a in checkin.answers.items()}}


def checkin_from_map(item: dict[str, Any]) -> CheckIn:
    def number(value: Any) -> int | None:
        return None if value is None else int(value)

    return CheckIn(
        checkin_id=item["checkin_id"], kind=item["kind"], started_at=parse_utc(item["started_at"]),
        dose_mg=Decimal(item["dose_mg"]) if item.get("dose_mg") else None, status=item["status"],
        position=int(item.get("position", 0)), misses=int(item.get("misses", 0)), nudged=bool(item.get("nudged")),
        last_activity=moment(item, "last_activity"),
        answers={qid: Answer(number(a.get("value")), a.get("raw", ""), a.get("message_sid", ""), parse_utc(a["at"]))
                 for qid, a in (item.get("answers") or {}).items()})


def checkin_item(patient: Patient, checkin: CheckIn) -> dict[str, Any]:
    """A finished check-in in the patient's collection, and in the clinic index by when it started."""
    started = utc_iso(checkin.started_at)
    key = keys.checkin_key(patient.patient_id, started, checkin.checkin_id)
    return {"PK": key.pk, "SK": key.sk, "type": "checkin", **checkin_to_map(checkin),
            **in_clinic_index(patient, keys.clinic_checkin_sort(started, checkin.checkin_id))}


def in_clinic_index(patient: Patient, clinic_sort: str) -> dict[str, Any]:
    """The attributes that put an item of a patient's collection into the clinic index, with whose it is."""
    return {"patient_id": patient.patient_id, "clinic_id": patient.clinic_id,
            "clinic_pk": keys.clinic_pk(patient.clinic_id), "clinic_sk": clinic_sort}


CLINIC_INDEX_ATTRIBUTES = ("patient_id", "clinic_id", "clinic_pk", "clinic_sk")


def safety_question_to_map(question: SafetyQuestion) -> dict[str, Any]:
    return {"question_id": question.question_id, "asked_at": utc_iso(question.asked_at), "trigger": question.trigger,
            "language": question.language, "concepts": list(question.concepts), "words": list(question.words),
            "escalation_id": question.escalation_id or None}


def safety_question_from_map(item: dict[str, Any]) -> SafetyQuestion:
    return SafetyQuestion(item["question_id"], parse_utc(item["asked_at"]), item["trigger"], item.get("language", "en"),
                          tuple(item.get("concepts") or ()), tuple(item.get("words") or ()),
                          item.get("escalation_id") or "")


# --- escalations and audit ----------------------------------------------------------------------
def escalation_to_item(patient: Patient, esc: Escalation) -> dict[str, Any]:
    key = keys.escalation_key(patient.patient_id, esc.escalation_id)
    return {"PK": key.pk, "SK": key.sk, "type": "escalation", "escalation_id": esc.escalation_id,
            "patient_id": patient.patient_id, "clinic_id": patient.clinic_id,
            "clinic_pk": keys.clinic_pk(patient.clinic_id),
            "clinic_sk": keys.clinic_escalation_sort(utc_iso(esc.created_at), esc.escalation_id),
            "reasons": list(esc.reasons), "severity": esc.severity, "status": esc.status,
            "created_at": utc_iso(esc.created_at), "evidence": [dict(e) for e in esc.evidence] or None,
            "last_emailed_at": when(esc.last_emailed_at), "acknowledged_by": esc.acknowledged_by or None,
            "acknowledged_at": when(esc.acknowledged_at), "resolved_by": esc.resolved_by or None,
            "resolved_at": when(esc.resolved_at), "note": esc.note or None,
            "overdue_notified_at": when(esc.overdue_notified_at)}


def escalation_from_item(item: dict[str, Any]) -> Escalation:
    evidence = item.get("evidence") or []
    if isinstance(evidence, dict):
        evidence = [evidence]
    return Escalation(item["escalation_id"], tuple(item["reasons"]), item["severity"], item["status"],
                      parse_utc(item["created_at"]), tuple(plain_numbers(e) for e in evidence),
                      moment(item, "last_emailed_at"), item.get("acknowledged_by", ""),
                      moment(item, "acknowledged_at"), item.get("resolved_by", ""), moment(item, "resolved_at"),
                      item.get("note", ""), moment(item, "overdue_notified_at"))


def audit_item(patient: Patient, at: str, entry: dict[str, Any]) -> dict[str, Any]:
    """An audit entry in the patient's collection; a plan change (hold, resume, adjust, end) is also in the
    clinic index by when it was made. `at` is the moment and nanoseconds, as the audit key sorts them."""
    key = keys.audit_key(patient.patient_id, at, entry["id"])
    indexed = in_clinic_index(patient, keys.clinic_plan_change_sort(at, entry["id"])) \
        if entry.get("action") in PLAN_CHANGE_ACTIONS else {}
    return {"PK": key.pk, "SK": key.sk, "type": "audit", **entry, **indexed}


NOT_OF_THE_ENTRY = ("PK", "SK", "type", "ttl", "kept_until", *CLINIC_INDEX_ATTRIBUTES)


def audit_from_item(item: dict[str, Any]) -> dict[str, Any]:
    """The audit entry as it was written (not the keys, index attributes or retention stamps it is stored with)."""
    return {k: v for k, v in plain_numbers(item).items() if k not in NOT_OF_THE_ENTRY}


# --- accounts -----------------------------------------------------------------------------------
def clinic_to_item(clinic: Clinic, now: datetime) -> dict[str, Any]:
    key = keys.clinic_key(clinic.clinic_id)
    return {"PK": key.pk, "SK": key.sk, "type": "clinic", "clinic_id": clinic.clinic_id, "name": clinic.name,
            "contact_phone": clinic.contact_phone, "settings": json.dumps(clinic.settings.as_dict()), "created_at": utc_iso(now),
            "settings_version": clinic.version}


def clinic_from_item(item: dict[str, Any]) -> Clinic:
    return Clinic(item["clinic_id"], item["name"], item.get("contact_phone", ""),
                  ClinicSettings.from_stored(json.loads(item.get("settings", "{}"))), int(item.get("settings_version", 0)))


def user_fields(user: User, now: datetime) -> dict[str, Any]:
    return {"email": user.email, "clinic_id": user.clinic_id, "role": user.role.value, "name": user.name,
            "created_at": utc_iso(now), "active": user.active, "password_changed_at": when(user.password_changed_at)}


def user_from_item(item: dict[str, Any]) -> User:
    return User(item["email"], item["clinic_id"], Role(item["role"]), item.get("name", ""), item.get("password_hash", ""),
                active=bool(item.get("active", True)), password_changed_at=moment(item, "password_changed_at"))


# --- the message log ----------------------------------------------------------------------------
LOGGED = ("direction", "sid", "from", "to", "body", "at", "seq", "reply")


def message_from_item(item: dict[str, Any]) -> dict[str, Any]:
    """A logged text as the services read it: who, what, when, the reply it got and its flags."""
    return {**{name: item.get(name, "") for name in LOGGED}, "seq": int(item.get("seq", 0)),
            "flags": list(item.get("flags") or [])}
