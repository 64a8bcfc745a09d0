"""Patients, their phone numbers and their taper plans on the single table."""
from __future__ import annotations

from datetime import datetime, time
from typing import Any

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamo_base import ITEM_IS_NEW, TableAccess, cancelled_by_condition, marshal, plain_numbers, unmarshal
from shared.adapters.dynamodb_checkins import (OPEN_ESCALATION, change_items, checkin_from_map, checkin_to_map,
                                               open_escalations_of, safety_question_from_map, safety_question_to_map)
from shared.domain.jobs import Job, JobStatus, parse_utc, utc_iso
from shared.domain.patients import Patient, PatientStatus, ProfileChange
from shared.domain.plan import Plan
from shared.domain.sending import care_team_side
from shared.services.ports import PhoneTaken, StatusMoved

PHONE_IS_FREE = "attribute_not_exists(PK) OR plan_over = :true"
# A job waiting to be sent, unless an earlier send's answer was lost (Twilio may have it: dispatch asks first).
IS_PENDING_NOT_AMBIGUOUS = "#status = :pending AND (attribute_not_exists(error_code) OR error_code <> :ambiguous)"


class PatientRecords(TableAccess):
    shards: int

    def enroll(self, patient: Patient, jobs: list[Job]) -> None:
        """Store the patient, claim the phone number and queue the first jobs, all or nothing."""
        from shared.adapters.dynamodb import job_to_item

        phone = keys.phone_key(patient.phone)
        items = [
            {"Put": {"TableName": self.table, "Item": marshal(patient_to_item(patient)),
                     "ConditionExpression": ITEM_IS_NEW}},
            {"Put": {"TableName": self.table, "ConditionExpression": PHONE_IS_FREE,
                     "ExpressionAttributeValues": marshal({":true": True}),
                     "Item": marshal({"PK": phone.pk, "SK": phone.sk, "type": "phone", "patient_id": patient.patient_id,
                                      "clinic_id": patient.clinic_id, "plan_over": False})}},
            *({"Put": {"TableName": self.table, "Item": marshal(job_to_item(job, self.shards)),
                       "ConditionExpression": ITEM_IS_NEW}} for job in jobs),
        ]
        try:
            self._call("transact_write_items", TransactItems=items)
        except ClientError as exc:
            if cancelled_by_condition(exc, 0) and self._enrolled_already(patient):
                return  # our own earlier attempt went through (the SDK retried after a timeout)
            if cancelled_by_condition(exc, 1):
                raise PhoneTaken(patient.phone) from exc
            raise

    def _enrolled_already(self, patient: Patient) -> bool:
        found = self._call("get_item", TableName=self.table, Key=keys.phone_key(patient.phone).as_item(),
                           ConsistentRead=True)
        return found.get("Item", {}).get("patient_id", {}).get("S") == patient.patient_id

    def get_patient(self, patient_id: str) -> Patient | None:
        found = self._call("get_item", TableName=self.table, Key=keys.patient_profile_key(patient_id).as_item(),
                           ConsistentRead=True)
        return patient_from_item(unmarshal(found["Item"])) if "Item" in found else None

    def patient_for_phone(self, e164: str) -> Patient | None:
        found = self._call("get_item", TableName=self.table, Key=keys.phone_key(e164).as_item())
        return self.get_patient(found["Item"]["patient_id"]["S"]) if "Item" in found else None

    def patients_of_clinic(self, clinic_id: str, status: str | None = None) -> list[Patient]:
        return [patient_from_item(item) for item in self._clinic_items(keys.clinic_pk(clinic_id), "PATIENT#", status)]

    def set_status(self, patient: Patient, new: PatientStatus, now: datetime) -> None:
        """Move a patient from the status we read to `new`; StatusMoved when it changed meanwhile."""
        try:
            self._call("transact_write_items", TransactItems=change_items(self.table, patient,
                                                                          ProfileChange(new_status=new), now))
        except ClientError as exc:
            raise StatusMoved(patient.patient_id) from exc

    def put_jobs_once(self, jobs: list[Job]) -> None:
        """Write jobs whose ids are new; a job already there (a retried webhook built it) is left alone."""
        from shared.adapters.dynamodb import job_to_item

        for start in range(0, len(jobs), 100):
            chunk = jobs[start:start + 100]
            puts = [{"Put": {"TableName": self.table, "Item": marshal(job_to_item(job, self.shards)),
                             "ConditionExpression": ITEM_IS_NEW}} for job in chunk]
            try:
                self._call("transact_write_items", TransactItems=puts)
            except ClientError:
                for job in chunk:  # some exist already: write the others one by one
                    try:
                        self._call("put_item", TableName=self.table, Item=marshal(job_to_item(job, self.shards)),
                                   ConditionExpression=ITEM_IS_NEW)
                    except ClientError:
                        continue

    def flag_phone_problem(self, patient: Patient, code: str, now: datetime) -> None:
        """Twilio says the number cannot get texts (invalid, not a mobile): the clinic must fix it."""
        self._call("update_item", TableName=self.table, Key=keys.patient_profile_key(patient.patient_id).as_item(),
                   UpdateExpression="SET phone_problem = :code, phone_problem_at = :now",
                   ExpressionAttributeValues=marshal({":code": code, ":now": utc_iso(now)}))

    def jobs_of(self, patient_id: str) -> list[Job]:
        from shared.adapters.dynamodb import job_from_item

        return [job_from_item(item) for item in self._query_all(
            TableName=self.table, KeyConditionExpression="PK = :pk AND begins_with(SK, :j)",
            ExpressionAttributeValues={":pk": {"S": keys.patient_pk(patient_id)}, ":j": {"S": keys.JOBS}})]

    def cancel_pending_jobs(self, patient_id: str, now: datetime, kinds: set[str] | None = None) -> int:
        """Cancel every job of the patient's side still waiting (of the given kinds, if any). The care team's side
        always runs: escalation emails and its tasks (the safety question's timer, overdue checks)."""
        cancelled = 0
        for job in self.jobs_of(patient_id):
            if care_team_side(job) or job.status is not JobStatus.PENDING or (kinds and job.kind not in kinds) \
                    or job.error_code == "ambiguous":
                continue  # a text whose send may have reached Twilio: dispatch settles it (sent, or not wanted)
            try:
                self._call("update_item", TableName=self.table, Key=keys.job_key(patient_id, job.job_id).as_item(),
                           ConditionExpression=IS_PENDING_NOT_AMBIGUOUS,
                           UpdateExpression="SET #status = :cancelled, finished_at = :now REMOVE due_pk, due_at",
                           ExpressionAttributeNames={"#status": "status"},
                           ExpressionAttributeValues=marshal({":pending": "pending", ":cancelled": "cancelled",
                                                              ":now": utc_iso(now), ":ambiguous": "ambiguous"}))
                cancelled += 1
            except ClientError:
                continue  # it was claimed meanwhile; dispatch checks the patient's state before sending
        return cancelled


def patient_to_item(patient: Patient) -> dict[str, Any]:
    key = keys.patient_profile_key(patient.patient_id)
    created = utc_iso(patient.created_at)
    return {"PK": key.pk, "SK": key.sk, "type": "patient", "patient_id": patient.patient_id,
            "clinic_id": patient.clinic_id, "clinic_pk": keys.clinic_pk(patient.clinic_id),
            "clinic_sk": keys.clinic_patient_sort(created, patient.patient_id),
            "first_name": patient.first_name, "last_name": patient.last_name, "phone": patient.phone,
            "timezone": patient.timezone, "provider_email": patient.provider_email,
            "dose_time": patient.dose_time.strftime("%H:%M"), "plan": patient.plan.to_record(),
            "status": patient.status.value, "created_at": created, "notes": patient.notes or None,
            "enrollment": patient.enrollment or None, "version": patient.version,
            "open_checkin": checkin_to_map(patient.open_checkin) if patient.open_checkin else None,
            "checkins_paused_by": patient.checkins_paused_by or None,
            "plan_generation": patient.plan_generation or None, "held_since": patient.held_since or None,
            "safety_question": safety_question_to_map(patient.safety_question) if patient.safety_question else None,
            "safety_no_at": utc_iso(patient.safety_no_at) if patient.safety_no_at else None,
            **{OPEN_ESCALATION + reason: escalation_id for reason, escalation_id in patient.open_escalations.items()}}



def patient_from_item(item: dict[str, Any]) -> Patient:
    before = item.get("status_before_opt_out")
    consented = item.get("consented_at")
    return Patient(
        patient_id=item["patient_id"], clinic_id=item["clinic_id"], first_name=item["first_name"],
        last_name=item["last_name"], phone=item["phone"], timezone=item["timezone"],
        provider_email=item["provider_email"], dose_time=time.fromisoformat(item["dose_time"]),
        plan=Plan.from_record(item["plan"]), status=PatientStatus(item["status"]),
        created_at=parse_utc(item["created_at"]), status_before_opt_out=PatientStatus(before) if before else None,
        consented_at=parse_utc(consented) if consented else None, notes=item.get("notes", ""),
        enrollment=plain_numbers(dict(item.get("enrollment") or {})), phone_problem=item.get("phone_problem", ""),
        version=int(item.get("version", 0)), checkins_paused_by=item.get("checkins_paused_by", ""),
        open_checkin=checkin_from_map(item["open_checkin"]) if item.get("open_checkin") else None,
        last_checkin_at=parse_utc(item["last_checkin_at"]) if item.get("last_checkin_at") else None,
        plan_generation=item.get("plan_generation", ""), held_since=item.get("held_since", ""),
        safety_question=safety_question_from_map(item["safety_question"]) if item.get("safety_question") else None,
        safety_no_at=parse_utc(item["safety_no_at"]) if item.get("safety_no_at") else None,
        open_escalations=open_escalations_of(item))
