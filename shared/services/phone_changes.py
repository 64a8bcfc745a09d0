"""A patient's new number: the mapping moves, and the patient answers YES again on it before any other text.

The rule: the profile's number, the old number's mapping (removed) and the new one's (written if the number is free
on the patient's sender, as at enrollment) change in one transaction, with the status back to `awaiting_consent`,
an open check-in ended as interrupted, an audit entry (old -> new, masked) and the consent texts for the new number
(the welcome now, the reminder after 48 hours, the expiry after 96 as at enrollment). Then every waiting job of the
patient's side addressed to the old number is cancelled (dispatch would drop them anyway: they are addressed
elsewhere, and plan texts wait for an active patient). The YES plans the texts ahead again to the new number.
"""
from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime

from shared.domain import checkins
from shared.domain.jobs import utc_iso
from shared.domain.patients import PLAN_OVER, REMOVE, Patient, PatientStatus, ProfileChange
from shared.errors import Conflict
from shared.log import logger, mask_phone
from shared.services.enrollment import consent_jobs
from shared.services.ports import PatientsAndJobs
from shared.services.scheduled_sends import taken_back


class PhoneChangeRefused(Conflict):
    """The patient is where a new number cannot take them: opted out, or their plan is over."""

    @property
    def field_errors(self) -> dict[str, list[str]]:
        return {"phone": [self.message]}


def move_phone(store: PatientsAndJobs, patient: Patient, phone: str, who: str, now: datetime,
               cancels_scheduled: bool = False) -> Patient:
    """Give the patient `phone` (E.164, validated as at enrollment); PhoneTaken or NumberUnavailable when the number
    is in an ongoing plan on their sender, StatusMoved when the record moved meanwhile (read again and retry)."""
    if patient.status is PatientStatus.OPTED_OUT:
        raise PhoneChangeRefused("The patient opted out: their number cannot change until they text START.")
    if patient.status in PLAN_OVER:
        raise PhoneChangeRefused("The patient's plan is over: enroll the new number for a new plan.")
    moved = replace(patient, phone=phone, status=PatientStatus.AWAITING_CONSENT)
    change_id = f"phn-{secrets.token_hex(6)}"
    audit = {"id": change_id, "who": who, "action": "phone", "at": utc_iso(now),
             "phone": {"from": mask_phone(patient.phone), "to": mask_phone(phone)}}
    ended = checkins.close(patient.open_checkin, checkins.INTERRUPTED, now) if patient.open_checkin else None
    store.apply_change(patient, ProfileChange(
        new_status=PatientStatus.AWAITING_CONSENT, phone=phone, audit=audit,
        checkin=REMOVE if ended else None, finished=ended,
        jobs=tuple([*taken_back(cancels_scheduled, patient.patient_id, now, change_id),  # reminders at Twilio too
                    *consent_jobs(moved, patient.clinic_name, now)])), now)
    cancelled = store.cancel_pending_jobs(patient.patient_id, now, to=patient.phone)
    logger().info("phone changed", extra={"patient_id": patient.patient_id, "from": mask_phone(patient.phone),
                                          "to": mask_phone(phone), "jobs_cancelled": cancelled})
    return store.get_patient(patient.patient_id) or moved
