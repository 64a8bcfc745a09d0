"""Patients on the single table: the profile, its phone number, its changes and the history they leave."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any, Sequence

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.retention import erase, erasures_of, keep_until, stamped
from shared.adapters.dynamodb.changes import NEW_PHONE_AT, PHONE_IS_FREE, change_items, new_job
from shared.adapters.dynamodb.codec import (
    audit_from_item,
    checkin_from_map,
    patient_from_item,
    patient_to_item,
    phone_item,
    when,
)
from shared.adapters.dynamodb.table import (
    ITEM_EXISTS,
    ITEM_IS_NEW,
    Table,
    unmarshal,
    cancelled_by_condition,
    error_code,
    moved_meanwhile,
)
from shared.domain import attention
from shared.domain.checkins import CheckIn
from shared.domain.jobs import Job
from shared.domain.patients import Patient, PatientStatus, ProfileChange
from shared.errors import JobExists, NumberUnavailable, PhoneTaken, StatusMoved, StoreUnavailable
from shared.services.ports import PatientQuery

PAGE_QUERIES = 5  # Queries one page may take when a filter drops most of what they read


class DynamoPatients:
    def __init__(self, table: Table):
        self.table = table

    def enroll(self, patient: Patient, jobs: list[Job]) -> None:
        """Store the patient, claim the phone number and queue the first jobs, all or nothing."""
        items = [{"Put": self.table.put(patient_to_item(patient), ITEM_IS_NEW)},
                 {"Put": self.table.put(phone_item(patient), PHONE_IS_FREE, {":true": True})},
                 *(new_job(self.table, job) for job in jobs)]
        try:
            self.table.transact(items)
        except ClientError as exc:
            if cancelled_by_condition(exc, 0) and self._enrolled_already(patient):
                return  # our own earlier attempt went through (the SDK retried after a timeout)
            if cancelled_by_condition(exc, 1):
                raise self._taken(patient) from exc
            if any(cancelled_by_condition(exc, n) for n in (0, *range(2, len(items)))):
                raise JobExists(patient.patient_id) from exc  # the patient id or a job id is taken
            raise StoreUnavailable(f"DynamoDB transaction failed: {error_code(exc)}") from exc

    def _enrolled_already(self, patient: Patient) -> bool:
        found = self.table.get(keys.phone_key(patient.phone, patient.sender))
        return found is not None and found.get("patient_id") == patient.patient_id

    def _taken(self, patient: Patient) -> PhoneTaken:
        """Who holds the number decides the words: the enrolling clinic's own patient, or anyone else's (the
        mapping names its clinic; one without it, or one gone meanwhile, is anyone else's)."""
        found = self.table.get(keys.phone_key(patient.phone, patient.sender))
        ours = found is not None and found.get("clinic_id") == patient.clinic_id
        return PhoneTaken(patient.phone) if ours else NumberUnavailable(patient.phone)

    def get_patient(self, patient_id: str) -> Patient | None:
        found = self.table.get(keys.patient_profile_key(patient_id))
        return patient_from_item(found) if found else None

    def patient_for_phone(self, e164: str, sender: str = "") -> Patient | None:
        found = self.table.get(keys.phone_key(e164, sender), consistent=False)
        return self.get_patient(found["patient_id"]) if found else None

    def patients_of_clinic(self, clinic_id: str, status: str | None = None) -> list[Patient]:
        found = [patient_from_item(item) for item in self.table.clinic_items(clinic_id, keys.CLINIC_PATIENTS, status)]
        return sorted(found, key=lambda p: (p.created_at, p.patient_id))  # the index sorts them by attention

    def patients_page(self, clinic_id: str, query: PatientQuery, limit: int,
                      after: str | None = None) -> tuple[list[Patient], str | None]:
        """One Query of the clinic index (Limit, ExclusiveStartKey) at a time, at most PAGE_QUERIES of them, until
        `limit` patients matched or the range ended. The position is the last key DynamoDB evaluated."""
        bounds = keys.clinic_attention_range(query.first_tier, query.last_tier)
        values: dict[str, Any] = {":c": {"S": keys.clinic_pk(clinic_id)}, ":low": {"S": bounds.low},
                                  ":high": {"S": bounds.high}}
        request: dict[str, Any] = dict(TableName=self.table.name, IndexName=keys.CLINIC_INDEX,
                                       KeyConditionExpression="clinic_pk = :c AND clinic_sk BETWEEN :low AND :high",
                                       ExpressionAttributeValues=values)
        filters, names = [], {}
        if query.status:
            filters.append("#status = :s")
            names["#status"] = "status"
            values[":s"] = {"S": query.status}
        if query.search:
            filters.append("contains(#search, :q)")
            names["#search"] = "search_text"
            values[":q"] = {"S": query.search}
        if filters:
            request.update(FilterExpression=" AND ".join(filters), ExpressionAttributeNames=names)
        if after is not None and not (bounds.low <= after <= bounds.high and after.count("#") >= 2):
            raise ValueError("not a position of this list")
        position = after
        found: list[Patient] = []
        for _ in range(PAGE_QUERIES):
            if position is not None:
                request["ExclusiveStartKey"] = {
                    "clinic_pk": {"S": keys.clinic_pk(clinic_id)}, "clinic_sk": {"S": position},
                    **keys.patient_profile_key(keys.patient_of_clinic_sort(position)).as_item()}
            page = self.table.call("query", **request, Limit=limit - len(found))
            found += [patient_from_item(unmarshal(item)) for item in page.get("Items", [])]
            last = page.get("LastEvaluatedKey")
            position = last["clinic_sk"]["S"] if last else None
            if position is None or len(found) >= limit:
                break
        return found, position

    def apply_change(self, patient: Patient, change: ProfileChange, now: datetime, jobs: Sequence[Job] = ()) -> None:
        """Write a ProfileChange (and new jobs with it); StatusMoved when the profile moved meanwhile; PhoneTaken
        (NumberUnavailable when not the clinic's own patient) when a new number is someone else's."""
        try:
            self.table.transact(stamped(
                [*change_items(self.table, patient, change, now), *(new_job(self.table, j) for j in jobs)], patient))
        except ClientError as exc:
            if change.phone and cancelled_by_condition(exc, NEW_PHONE_AT):
                raise self._taken(replace(patient, phone=change.phone)) from exc
            if moved_meanwhile(exc):
                raise StatusMoved(patient.patient_id) from exc
            raise StoreUnavailable(f"DynamoDB transaction failed: {error_code(exc)}") from exc

    def set_status(self, patient: Patient, new: PatientStatus, now: datetime) -> None:
        """Move a patient from the status we read to `new`; StatusMoved when it changed meanwhile."""
        self.apply_change(patient, ProfileChange(new_status=new), now)

    def flag_phone_problem(self, patient: Patient, code: str, now: datetime) -> None:
        """Twilio says the number cannot get texts (invalid, not a mobile): the clinic must fix it."""
        flagged = replace(patient, phone_problem=code)  # and up the clinic's list (domain/attention.py)
        clinic_sort = keys.clinic_attention_sort(attention.tier_of(flagged), when(patient.created_at) or "",
                                                 patient.patient_id)
        try:  # an erased patient's profile is not written again
            self.table.call("update_item", **self.table.update(
                keys.patient_profile_key(patient.patient_id),
                "SET phone_problem = :code, phone_problem_at = :now, clinic_sk = :csk",
                {":code": code, ":now": when(now), ":csk": clinic_sort}, ITEM_EXISTS))
        except ClientError:
            return

    def checkins_of(self, patient_id: str) -> list[CheckIn]:
        return [checkin_from_map(i) for i in self.table.collection(keys.patient_pk(patient_id), keys.CHECKINS)]

    def audit_of(self, patient_id: str) -> list[dict[str, Any]]:
        return [audit_from_item(i) for i in self.table.collection(keys.patient_pk(patient_id), keys.AUDIT)]

    def keep_data_until(self, patient: Patient, until: date) -> int:
        return keep_until(self.table, patient, until)

    def erase(self, patient: Patient, who: str, now: datetime) -> int:
        return erase(self.table, patient, who, now)

    def erasures_of(self, clinic_id: str) -> list[dict[str, Any]]:
        return erasures_of(self.table, clinic_id)
