"""Escalations: findings of finished check-ins (and crisis, and CALL) become escalations and provider emails;
staff acknowledge and resolve them."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from shared.domain import texts
from shared.domain.accounts import Caller, Role
from shared.domain.escalation_rules import CONTACT_REQUEST, HOLDING_REASONS, Finding, findings
from shared.domain.escalations import Update, deadline, merge, overdue_email, provider_email
from shared.domain.history import standing
from shared.domain.job_kinds import JobKind
from shared.domain.jobs import Channel, Job
from shared.domain.patients import Escalation, Patient, ProfileChange
from shared.errors import NotFound
from shared.log import logger
from shared.services.ports import EscalationStore
from shared.services.retry import on_fresh_record

if TYPE_CHECKING:  # plans imports this module's texts' siblings; only the type is needed here
    from shared.services.plans import PlanService



class EscalationNotFound(NotFound):
    """No such escalation in the caller's clinic."""

    public = "No such escalation."


def task_job(patient: Patient, kind: str, now: datetime) -> Job:
    return Job.new(patient_id=patient.patient_id, channel=Channel.TASK, kind=kind, to="", send_at=now,
                   unique=f"{kind[:4]}-{secrets.token_hex(6)}")


def overdue_check_job(patient: Patient, escalation: Escalation) -> Job:
    """A task at the moment the escalation would become overdue (clinic settings, 1 hour / 2 business days)."""
    return Job.new(patient_id=patient.patient_id, channel=Channel.TASK, kind=JobKind.ESCALATION_OVERDUE, to="",
                   send_at=deadline(escalation, patient.clinic_settings),
                   unique=f"ovd-{escalation.escalation_id}",
                   meta={"escalation_id": escalation.escalation_id})


def email_jobs(patient: Patient, escalations: list[Escalation], now: datetime, public_base_url: str) -> list[Job]:
    """The provider's email (and, when urgent, the clinic's escalation address) as outbox jobs."""
    state = standing(patient, now)
    dose = f"{texts.mg(state.current_dose_mg)} mg" if state.current_dose_mg is not None else "none (taper done)"
    step = (f"{texts.mg(state.next_step.dose_mg)} mg from {state.next_step.start_date:%a %d %b %Y}"
            if state.next_step else "none")
    email = provider_email(patient.clinic_name, patient.first_name, patient.last_name, escalations, dose, step,
                           f"{public_base_url}/patients/{patient.patient_id}", patient.language)
    recipients = [patient.provider_email]
    escalation_address = patient.clinic_settings.escalation_email
    if escalation_address and any(e.severity == "urgent" for e in escalations):
        recipients.append(escalation_address)
    return [Job.new(patient_id=patient.patient_id, channel=Channel.EMAIL, kind=JobKind.ESCALATION_EMAIL, to=to,
                    send_at=now, unique=f"mail-{secrets.token_hex(6)}", subject=email.subject, body=email.text,
                    html=email.html) for to in recipients]


@dataclass
class EscalationService:
    store: EscalationStore
    public_base_url: str
    plans: "PlanService | None" = None

    def evaluate(self, job: Job, patient: Patient, now: datetime) -> None:
        """Task after a check-in finished: run the rules against the patient's baseline and history."""
        history = sorted(self.store.checkins_of(patient.patient_id), key=lambda c: c.started_at)
        thresholds = patient.clinic_settings.thresholds
        self._record(patient, findings(history, thresholds), now)

    def contact_request(self, job: Job, patient: Patient, now: datetime) -> None:
        self._record(patient, [Finding(CONTACT_REQUEST, "the patient asked for a call (texted CALL)", {})], now)

    def _record(self, patient: Patient, found: list[Finding], now: datetime) -> None:
        """New escalations and new evidence, with their emails, under the profile's version: a second evaluation
        or an acknowledgement meanwhile makes us read both again (then the task runs again later)."""
        if not found:
            return
        updates = on_fresh_record(self.store, patient.patient_id, lambda current: self._write(current, found, now),
                                  patient)
        holding = {u.escalation.reasons[0] for u in updates} & HOLDING_REASONS
        if holding and patient.clinic_settings.hold_on_escalation and self.plans:
            self._hold(patient.patient_id, now)  # safe to repeat: a held plan stays as it is

    def _write(self, patient: Patient | None, found: list[Finding], now: datetime) -> list[Update]:
        if patient is None:
            return []
        open_by_reason = {e.reasons[0]: e for e in self.store.escalations_of(patient.patient_id) if e.status == "open"}
        dose = standing(patient, now).current_dose_mg
        found = [replace(f, evidence={**f.evidence, "dose_mg": str(dose) if dose is not None else None}) for f in found]
        updates = merge(open_by_reason, found, now, lambda: secrets.token_hex(8))
        emailed = [u.escalation for u in updates if u.email]
        jobs = email_jobs(patient, emailed, now, self.public_base_url) if emailed else []
        known = open_ids(open_by_reason)
        jobs += [overdue_check_job(patient, u.escalation) for u in updates if u.escalation.escalation_id not in known]
        self.store.apply_change(patient, ProfileChange(
            escalations=tuple(u.escalation for u in updates if u.escalation.escalation_id not in known),
            escalation_updates=tuple(u.escalation for u in updates if u.escalation.escalation_id in known),
            jobs=tuple(jobs)), now)
        logger().info("escalations recorded", extra={"patient_id": patient.patient_id, "emails": len(jobs),
                                                     "reasons": [u.escalation.reasons[0] for u in updates]})
        return updates

    def _hold(self, patient_id: str, now: datetime) -> None:
        """Clinic setting, default on: no further step-down until a provider acts."""
        from shared.services.plans import PlanActionRefused

        def attempt(patient: Patient | None) -> None:
            if patient is None or patient.held_since or self.plans is None:
                return
            try:
                self.plans.hold(patient, "taperline (escalation)", now)
            except PlanActionRefused:
                return  # nothing left to hold (the last dose is past)

        on_fresh_record(self.store, patient_id, attempt)  # the last StatusMoved: the task runs again later

    def overdue(self, job: Job, patient: Patient, now: datetime) -> None:
        """Still open when it should have been acknowledged: email the clinic's escalation address and every
        admin, once."""
        escalation_id = (job.meta or {}).get("escalation_id")
        escalation = next((e for e in self.store.escalations_of(patient.patient_id)
                           if e.escalation_id == escalation_id), None)
        if escalation is None or escalation.status != "open" or escalation.overdue_notified_at:
            return
        email = overdue_email(patient.clinic_name, escalation, f"{self.public_base_url}/patients/{patient.patient_id}")
        admins = [u.email for u in self.store.users_of(patient.clinic_id) if u.role is Role.ADMIN]
        address = patient.clinic_settings.escalation_email
        recipients = list(dict.fromkeys([*([address] if address else []), *admins]))
        jobs = tuple(Job.new(patient_id=patient.patient_id, channel=Channel.EMAIL, kind=JobKind.ESCALATION_EMAIL, to=to,
                             send_at=now, unique=f"ovm-{secrets.token_hex(6)}", subject=email.subject,
                             body=email.text, html=email.html) for to in recipients)
        # with the profile's version, so evidence a text adds (or an acknowledgement) meanwhile is not written over
        # (a StatusMoved here runs the task again, reading both afresh)
        self.store.apply_change(patient, ProfileChange(escalation_update=replace(escalation, overdue_notified_at=now),
                                                       jobs=jobs), now)
        logger().warning("escalation overdue", extra={"patient_id": patient.patient_id, "emails": len(jobs)})

    def list(self, caller: Caller, status: str | None = None) -> list[tuple[str, Escalation]]:
        rows = self.store.escalations_of_clinic(caller.clinic_id, status)
        return sorted(rows, key=lambda r: (r[1].status != "open", r[1].severity != "urgent", r[1].created_at))

    def acknowledge(self, caller: Caller, escalation_id: str, now: datetime) -> Escalation:
        return self._move(caller, escalation_id, now, "acknowledged")

    def resolve(self, caller: Caller, escalation_id: str, now: datetime, note: str = "") -> Escalation:
        return self._move(caller, escalation_id, now, "resolved", note)

    def _move(self, caller: Caller, escalation_id: str, now: datetime, status: str, note: str = "") -> Escalation:
        found = [pid for pid, e in self.store.escalations_of_clinic(caller.clinic_id) if e.escalation_id == escalation_id]
        if not found:
            raise EscalationNotFound(escalation_id)

        def attempt(patient: Patient | None) -> Escalation:
            if patient is None:
                raise EscalationNotFound(escalation_id)
            current = next(e for e in self.store.escalations_of(found[0]) if e.escalation_id == escalation_id)
            moved = _moved(current, status, caller.email or "api", now, note)
            pointed = next((r for r, i in patient.open_escalations.items() if i == escalation_id), "")
            paused = patient.checkins_paused_by == escalation_id  # a provider has seen the crisis: check-ins resume
            # with the profile's version: a text adding evidence meanwhile makes us read both again
            self.store.apply_change(patient, ProfileChange(escalation_update=moved, forget_escalation=pointed,
                                                           resume_checkins=paused), now)
            return moved

        return on_fresh_record(self.store, found[0], attempt)


def _moved(escalation: Escalation, status: str, who: str, now: datetime, note: str) -> Escalation:
    """An escalation acknowledged or resolved (resolving acknowledges too); a repeat changes nothing."""
    if status == "acknowledged" and escalation.status == "open":
        return replace(escalation, status=status, acknowledged_by=who, acknowledged_at=now)
    if status == "resolved" and escalation.status != "resolved":
        return replace(escalation, status=status, resolved_by=who, resolved_at=now, note=note[:2000],
                       acknowledged_by=escalation.acknowledged_by or who,
                       acknowledged_at=escalation.acknowledged_at or now)
    return escalation


def open_ids(open_by_reason: dict[str, Escalation]) -> set[str]:
    return {e.escalation_id for e in open_by_reason.values()}
