"""Real in-memory stand-ins for the ports, keeping the same rules as the adapters (conditions included)."""
from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime
from typing import Iterator

from shared.domain.escalation_rules import TEXT_REASONS
from shared.domain.jobs import DELIVERY_ORDER, Job, JobStatus, utc_iso
from shared.domain.patients import REMOVE, Patient, PatientStatus, ProfileChange
from shared.domain.sending import care_team_side
from shared.services.ports import ClaimMiss, DueJob, InboundSms, JobExists, PhoneTaken, SendError, StatusMoved


class FixedClock:
    def __init__(self, now: datetime):
        self._now = now

    def now(self) -> datetime:
        return self._now

    def set(self, now: datetime) -> None:
        self._now = now


class MemoryStore:
    """Outbox and inbox in dictionaries, with the conditional-write rules of DynamoStore."""

    def __init__(self):
        self.jobs: dict[tuple[str, str], Job] = {}
        self.due: dict[tuple[str, str], str] = {}
        self.phones: dict[str, str] = {}
        self.patients: dict[str, Patient] = {}
        self.checkins: dict[str, list] = {}
        self.escalations: dict[str, list] = {}
        self.seen: dict[str, str] = {}
        self.messages: list[dict] = []
        self.clinics: dict[str, object] = {}
        self.users: dict[str, object] = {}
        self.api_keys: dict[str, str] = {}
        self.lock = threading.Lock()

    # outbox
    def put_job(self, job: Job) -> None:
        key = (job.patient_id, job.job_id)
        with self.lock:
            if key in self.jobs:
                raise JobExists(job.job_id)
            self.jobs[key] = job
            if job.status is JobStatus.PENDING:
                self.due[key] = utc_iso(job.send_at)

    def get_job(self, patient_id: str, job_id: str) -> Job | None:
        return self.jobs.get((patient_id, job_id))

    def due_jobs(self, now: datetime) -> Iterator[DueJob]:
        cutoff = utc_iso(now)
        with self.lock:
            found = sorted((at, key) for key, at in self.due.items() if at <= cutoff)
        for at, (patient_id, job_id) in found:
            yield DueJob(patient_id, job_id, at)

    def next_due_after(self, moment: datetime) -> datetime | None:
        from shared.domain.jobs import parse_utc

        with self.lock:
            later = [at for at in self.due.values() if at > utc_iso(moment)]
        return parse_utc(min(later)) if later else None

    def claim(self, due: DueJob, now: datetime, lease_until: datetime) -> Job | ClaimMiss:
        key = (due.patient_id, due.job_id)
        with self.lock:
            job = self.jobs[key]
            if job.status is not JobStatus.PENDING or self.due.get(key) != due.due_at:
                return ClaimMiss(stale_lease=job.status is JobStatus.SENDING and self.due.get(key) == due.due_at)
            job = replace(job, status=JobStatus.SENDING, attempts=job.attempts + 1)
            self.jobs[key] = job
            self.due[key] = utc_iso(lease_until)
            return job

    def finish(self, job: Job, status: JobStatus, now: datetime, *, sid: str = "", error_code: str = "",
               body: str = "") -> None:
        key = (job.patient_id, job.job_id)
        with self.lock:
            current = self.jobs[key]
            if current.status not in (JobStatus.SENDING, JobStatus.UNCONFIRMED):
                raise RuntimeError("finish on a job that is not being sent")
            self.jobs[key] = replace(current, status=status, sid=sid or current.sid,
                                     error_code=error_code or current.error_code, body=body or current.body)
            self.due.pop(key, None)

    def retry_later(self, job: Job, due_at: datetime, error_code: str, count_attempt: bool = True,
                    body: str = "") -> None:
        key = (job.patient_id, job.job_id)
        with self.lock:
            current = self.jobs[key]
            if current.status is not JobStatus.SENDING:
                raise RuntimeError("retry_later on a job that is not being sent")
            attempts = current.attempts if count_attempt else current.attempts - 1
            self.jobs[key] = replace(current, status=JobStatus.PENDING, error_code=error_code, attempts=attempts,
                                     body=body or current.body)
            self.due[key] = utc_iso(due_at)

    def record_delivery(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime,
                        error: str = "") -> bool:
        key = (patient_id, job_id)
        with self.lock:
            job = self.jobs.get(key)
            if job is None or status not in DELIVERY_ORDER:
                return False
            if DELIVERY_ORDER[status] <= DELIVERY_ORDER.get(job.delivery_status, -1):
                return False
            settled = JobStatus.SENT if job.status is JobStatus.UNCONFIRMED else job.status
            self.jobs[key] = replace(job, delivery_status=status, sid=job.sid or sid, status=settled)
            return True

    def enroll(self, patient: Patient, jobs: list[Job]) -> None:
        """The patient, their phone number and their first jobs, all or nothing (PhoneTaken when in use)."""
        with self.lock:
            holder = self.patients.get(self.phones.get(patient.phone, ""))
            if holder is not None and holder.patient_id != patient.patient_id:
                raise PhoneTaken(patient.phone)
            if any((job.patient_id, job.job_id) in self.jobs for job in jobs):
                raise JobExists(patient.patient_id)
            self.patients[patient.patient_id] = patient
            self.phones[patient.phone] = patient.patient_id
            for job in jobs:
                self.jobs[(job.patient_id, job.job_id)] = job
                if job.status is JobStatus.PENDING:
                    self.due[(job.patient_id, job.job_id)] = utc_iso(job.send_at)

    def patients_of_clinic(self, clinic_id: str, status: str | None = None) -> list[Patient]:
        with self.lock:
            patients = list(self.patients.values())
        return [p for p in patients
                if p.clinic_id == clinic_id and (status is None or p.status.value == status)]

    def messages_of_patient(self, patient_id: str) -> list[dict]:
        """The inbound log of one patient, oldest first, shaped as DynamoStore's log items."""
        return [{"direction": "inbound", "sid": m["sid"], "body": m["body"], "at": m["at"], "seq": n,
                 "reply": m["reply"], "flags": m["flags"]}
                for n, m in enumerate(self.messages) if m["patient_id"] == patient_id]

    # accounts
    def put_clinic(self, clinic, now: datetime) -> None:
        self.clinics[clinic.clinic_id] = clinic

    def get_clinic(self, clinic_id: str):
        return self.clinics.get(clinic_id)

    def put_user(self, user, now: datetime) -> None:
        from shared.adapters.dynamodb_accounts import AlreadyExists

        with self.lock:
            if user.email in self.users:
                raise AlreadyExists(user.email)
            self.users[user.email] = user

    def get_user(self, email: str):
        return self.users.get(email)

    def users_of(self, clinic_id: str) -> list:
        return [replace(u, password_hash="") for u in self.users.values() if u.clinic_id == clinic_id]

    def put_api_key(self, key_hash: str, clinic_id: str, label: str, now: datetime) -> None:
        self.api_keys[key_hash] = clinic_id

    def clinic_for_api_key(self, key_hash: str) -> str | None:
        return self.api_keys.get(key_hash)

    # patients
    def add_patient(self, patient: Patient) -> Patient:
        self.patients[patient.patient_id] = patient
        self.phones[patient.phone] = patient.patient_id
        return patient

    def get_patient(self, patient_id: str) -> Patient | None:
        return self.patients.get(patient_id)

    def set_status(self, patient: Patient, new: PatientStatus, now: datetime) -> None:
        with self.lock:
            if self.patients[patient.patient_id].status is not patient.status:
                raise StatusMoved(patient.patient_id)
        self.apply_change(self.patients[patient.patient_id], ProfileChange(new_status=new), now)

    def put_jobs_once(self, jobs: list[Job]) -> None:
        for job in jobs:
            if (job.patient_id, job.job_id) not in self.jobs:
                self.put_job(job)

    def jobs_of(self, patient_id: str) -> list[Job]:
        with self.lock:
            found = [(key, job) for key, job in self.jobs.items() if key[0] == patient_id]
        return [job for _, job in sorted(found, key=lambda entry: entry[0])]

    def flag_phone_problem(self, patient: Patient, code: str, now: datetime) -> None:
        self.patients[patient.patient_id] = replace(self.patients[patient.patient_id], phone_problem=code)

    def cancel_pending_jobs(self, patient_id: str, now: datetime, kinds: set[str] | None = None) -> int:
        cancelled = 0
        with self.lock:
            for key, job in list(self.jobs.items()):
                # a text whose send may have reached Twilio ("ambiguous") is left for dispatch to settle
                if key[0] == patient_id and not care_team_side(job) and job.status is JobStatus.PENDING \
                        and (not kinds or job.kind in kinds) and job.error_code != "ambiguous":
                    self.jobs[key] = replace(job, status=JobStatus.CANCELLED)
                    self.due.pop(key, None)
                    cancelled += 1
        return cancelled

    # inbox
    def patient_for_phone(self, e164: str) -> Patient | None:
        patient_id = self.phones.get(e164)
        return self.patients.get(patient_id) if patient_id else None

    def apply_change(self, patient: Patient, change: ProfileChange, now: datetime, jobs: list = ()) -> None:
        """The same rules as the DynamoDB transaction: the version must match, all or nothing."""
        with self.lock:
            current = self.patients[patient.patient_id]
            if current.version != patient.version or (change.new_status and current.status is not patient.status):
                raise StatusMoved(patient.patient_id)
            known = {e.escalation_id for e in self.escalations.get(patient.patient_id, [])}
            if any(escalation_id not in known for escalation_id, _ in change.add_evidence):
                raise StatusMoved(patient.patient_id)  # DynamoStore's attribute_exists(PK) condition
            if any(escalation.escalation_id in known for escalation in change.opened):
                raise StatusMoved(patient.patient_id)  # a new escalation's item must be new
            if any((job.patient_id, job.job_id) in self.jobs for job in (*change.jobs, *jobs)):
                raise StatusMoved(patient.patient_id)  # so must every job's: the transaction fails whole
            updated = replace(current, version=current.version + 1)
            if change.new_status and change.new_status is not current.status:
                before = current.status if change.new_status is PatientStatus.OPTED_OUT else current.status_before_opt_out
                updated = replace(updated, status=change.new_status, status_before_opt_out=before)
            if change.checkin == REMOVE:
                updated = replace(updated, open_checkin=None)
            elif change.checkin is not None:
                updated = replace(updated, open_checkin=change.checkin)
            if change.finished:
                self.checkins.setdefault(patient.patient_id, []).append(change.finished)
            self.escalations.setdefault(patient.patient_id, []).extend(change.opened)
            found = self.escalations.setdefault(patient.patient_id, [])
            for escalation_id, evidence in change.add_evidence:
                found[:] = [replace(e, evidence=(*e.evidence, evidence)) if e.escalation_id == escalation_id else e
                            for e in found]
            rewritten = {e.escalation_id: e for e in change.rewritten}
            found[:] = [rewritten.get(e.escalation_id, e) for e in found]
            updated = _safety_change(updated, change)
            if change.pause_checkins_for:
                updated = replace(updated, checkins_paused_by=change.pause_checkins_for)
            if change.resume_checkins and not change.pause_checkins_for:
                updated = replace(updated, checkins_paused_by="")
            if change.jobs:
                for job in change.jobs:
                    self.jobs[(job.patient_id, job.job_id)] = job
                    self.due[(job.patient_id, job.job_id)] = utc_iso(job.send_at)
            if change.plan_generation:
                updated = replace(updated, plan_generation=change.plan_generation)
            if change.plan is not None:
                updated = replace(updated, plan=change.plan)
            if change.held_since is not None:
                updated = replace(updated, held_since=change.held_since)
            if change.pace:
                pace = {"step_mg": str(change.pace["step_mg"]), "step_days": int(change.pace["step_days"])}
                updated = replace(updated, enrollment={**updated.enrollment, **pace})
            self.patients[patient.patient_id] = updated
            for job in jobs:
                self.jobs[(job.patient_id, job.job_id)] = job
                self.due[(job.patient_id, job.job_id)] = utc_iso(job.send_at)

    def checkins_of(self, patient_id: str) -> list:
        return list(self.checkins.get(patient_id, []))

    def escalations_of(self, patient_id: str) -> list:
        return list(self.escalations.get(patient_id, []))

    def escalations_of_clinic(self, clinic_id: str, status: str | None = None) -> list:
        """(patient id, escalation) of a clinic, as DynamoStore reads them from the clinic index."""
        with self.lock:
            mine = [pid for pid, p in self.patients.items() if p.clinic_id == clinic_id]
            return [(pid, e) for pid in mine for e in self.escalations.get(pid, [])
                    if status is None or e.status == status]

    def save_escalations(self, patient: Patient, escalations: list, jobs: list = ()) -> None:
        """New and updated escalations (by id) of one patient, with their jobs, all or nothing."""
        with self.lock:
            if any((job.patient_id, job.job_id) in self.jobs for job in jobs):
                raise JobExists(patient.patient_id)
            found = self.escalations.setdefault(patient.patient_id, [])
            for escalation in escalations:
                same = [n for n, e in enumerate(found) if e.escalation_id == escalation.escalation_id]
                if same:
                    found[same[0]] = escalation
                else:
                    found.append(escalation)
            for job in jobs:
                self.jobs[(job.patient_id, job.job_id)] = job
                self.due[(job.patient_id, job.job_id)] = utc_iso(job.send_at)

    def save_inbound(self, sms: InboundSms, patient: Patient | None, reply: str, flags: list[str],
                     change: ProfileChange | None = None) -> bool:
        with self.lock:
            if sms.message_sid in self.seen:
                return False
        if patient and change and not change.empty:
            self.apply_change(patient, change, sms.received_at)
        with self.lock:
            self.seen[sms.message_sid] = reply
            self.messages.append({"sid": sms.message_sid, "patient_id": patient.patient_id if patient else None,
                                  "body": sms.body, "reply": reply, "flags": flags, "at": utc_iso(sms.received_at)})
            return True

    def reply_for(self, message_sid: str) -> str | None:
        return self.seen.get(message_sid)


def _safety_change(patient: Patient, change: ProfileChange) -> Patient:
    """The safety question, the last NO and the open-escalation pointers, as DynamoStore writes them."""
    if change.safety_question == REMOVE:
        patient = replace(patient, safety_question=None)
    elif change.safety_question is not None:
        patient = replace(patient, safety_question=change.safety_question)
    if change.safety_no_at:
        patient = replace(patient, safety_no_at=change.safety_no_at)
    pointers = dict(patient.open_escalations)
    for escalation in change.opened:
        if escalation.reasons[0] in TEXT_REASONS:
            pointers[escalation.reasons[0]] = escalation.escalation_id
    pointers.pop(change.forget_escalation, None)
    return replace(patient, open_escalations=pointers)


class FakeSms:
    """Records each text; `fail_with` makes the next sends raise the given errors in turn."""

    def __init__(self):
        self.sent: list[dict] = []
        self.fail_with: list[SendError] = []
        self.lose_answer = False

    def send(self, to: str, body: str, status_callback: str) -> str:
        if self.fail_with:
            raise self.fail_with.pop(0)
        sid = f"SM{len(self.sent):032d}"
        self.sent.append({"to": to, "body": body, "status_callback": status_callback, "sid": sid})
        if self.lose_answer:  # Twilio took it, but the answer never came back
            self.lose_answer = False
            raise SendError("read timeout", code="ambiguous", ambiguous=True)
        return sid

    def find_sent(self, to: str, body: str, since) -> str | None:
        return next((m["sid"] for m in self.sent if m["to"] == to and m["body"] == body), None)


class FakeMail:
    def __init__(self):
        self.sent: list[dict] = []
        self.fail_with: list[SendError] = []

    def send(self, to: str, subject: str, text: str, html: str) -> str:
        if self.fail_with:
            raise self.fail_with.pop(0)
        self.sent.append({"to": to, "subject": subject, "text": text, "html": html})
        return f"mail-{len(self.sent)}"
