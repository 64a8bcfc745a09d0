"""Check-ins and escalations on the single table: the open check-in rides in the patient's profile (one read
per inbound text); finished ones and escalations are items of the patient's collection."""
from __future__ import annotations

import time
from datetime import datetime
from decimal import Decimal
from typing import Any

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamo_base import ITEM_IS_NEW, TableAccess, error_code, marshal, plain_numbers
from shared.domain.checkins import Answer, CheckIn
from shared.domain.jobs import parse_utc, utc_iso
from shared.domain.escalation_rules import TEXT_REASONS
from shared.domain.patients import PLAN_OVER, REMOVE, Escalation, Patient, PatientStatus, ProfileChange
from shared.domain.safety_question import SafetyQuestion

def change_items(table: str, patient: Patient, change: ProfileChange, now: datetime, shards: int = 8) -> list[dict]:
    """Transaction items for a ProfileChange, guarded by the profile's version (and status when it moves)."""
    names, values = {"#v": "version"}, {":v": patient.version, ":one": 1, ":now": utc_iso(now)}
    sets, removes, condition = ["updated_at = :now"], [], "#v = :v"
    new = change.new_status
    if new and new is not patient.status:
        names["#status"] = "status"
        values.update({":old": patient.status.value, ":new": new.value})
        sets += ["#status = :new", "status_changed_at = :now"]
        condition += " AND #status = :old"
        if new is PatientStatus.OPTED_OUT:
            sets.append("status_before_opt_out = :old")
        if new is PatientStatus.ACTIVE and patient.consented_at is None:
            sets.append("consented_at = :now")
    if change.checkin == REMOVE:
        removes.append("open_checkin")
    elif isinstance(change.checkin, CheckIn):
        sets.append("open_checkin = :checkin")
        values[":checkin"] = checkin_to_map(change.checkin)
    if change.finished:
        sets.append("last_checkin_at = :last")
        values[":last"] = utc_iso(change.finished.started_at)
    if change.plan_generation:
        sets.append("plan_generation = :generation")
        values[":generation"] = change.plan_generation
    if change.plan is not None:
        sets.append("#plan = :plan")
        names["#plan"] = "plan"
        values[":plan"] = change.plan.to_record()
    if change.pace:  # later resumes follow the new pace
        sets += ["enrollment.step_mg = :step_mg", "enrollment.step_days = :step_days"]
        values.update({":step_mg": str(change.pace["step_mg"]), ":step_days": int(change.pace["step_days"])})
    if change.held_since:
        sets.append("held_since = :held")
        values[":held"] = change.held_since
    elif change.held_since == "":
        removes.append("held_since")
    _safety_sets(change, sets, removes, values)
    if change.pause_checkins_for:
        sets.append("checkins_paused_by = :pause")
        values[":pause"] = change.pause_checkins_for
    elif change.resume_checkins:
        removes.append("checkins_paused_by")
    expression = "SET " + ", ".join(sets) + " ADD #v :one" + (" REMOVE " + ", ".join(removes) if removes else "")
    items = [{"Update": {"TableName": table, "Key": keys.patient_profile_key(patient.patient_id).as_item(),
                         "ConditionExpression": condition, "UpdateExpression": expression,
                         "ExpressionAttributeNames": names, "ExpressionAttributeValues": marshal(values)}}]
    if new in PLAN_OVER and new is not patient.status:
        items.append({"Update": {"TableName": table, "Key": keys.phone_key(patient.phone).as_item(),
                                 "ConditionExpression": "patient_id = :pid", "UpdateExpression": "SET plan_over = :true",
                                 "ExpressionAttributeValues": marshal({":pid": patient.patient_id, ":true": True})}})
    if change.finished:
        key = keys.checkin_key(patient.patient_id, utc_iso(change.finished.started_at), change.finished.checkin_id)
        items.append({"Put": {"TableName": table, "Item": marshal(
            {"PK": key.pk, "SK": key.sk, "type": "checkin", **checkin_to_map(change.finished)})}})
    items += [{"Put": {"TableName": table, "ConditionExpression": ITEM_IS_NEW,
                       "Item": marshal(escalation_to_item(patient, escalation))}} for escalation in change.opened]
    items += [{"Put": {"TableName": table, "Item": marshal(escalation_to_item(patient, escalation))}}
              for escalation in change.rewritten]
    for escalation_id, evidence in change.add_evidence:
        items.append({"Update": {"TableName": table, "Key": keys.escalation_key(patient.patient_id, escalation_id).as_item(),
                                 "ConditionExpression": "attribute_exists(PK)",
                                 "UpdateExpression": "SET evidence = list_append(if_not_exists(evidence, :none), :e)",
                                 "ExpressionAttributeValues": marshal({":e": [evidence], ":none": []})}})
    if change.audit:
        key = keys.audit_key(patient.patient_id, f"{utc_iso(now)}#{time.time_ns():020d}", change.audit["id"])
        items.append({"Put": {"TableName": table, "ConditionExpression": ITEM_IS_NEW,
                              "Item": marshal({"PK": key.pk, "SK": key.sk, "type": "audit", **change.audit})}})
    if change.jobs:
        from shared.adapters.dynamodb import job_to_item

        items += [{"Put": {"TableName": table, "Item": marshal(job_to_item(job, shards)),
                           "ConditionExpression": ITEM_IS_NEW}} for job in change.jobs]
    return items


def moved_meanwhile(exc: ClientError) -> bool:
    """A transaction cancelled by a condition or by a concurrent transaction: read again and retry."""
    codes = {r.get("Code") for r in exc.response.get("CancellationReasons", [])}
    return bool(codes & {"ConditionalCheckFailed", "TransactionConflict"}) or error_code(exc) == "ConditionalCheckFailedException"


OPEN_ESCALATION = "open_esc_"   # profile attribute prefix: open_esc_<reason> = the open escalation's id


def _safety_sets(change: ProfileChange, sets: list[str], removes: list[str], values: dict) -> None:
    """The safety question, the last NO, and which open escalations the patient's texts add to."""
    if change.safety_question == REMOVE:
        removes.append("safety_question")
    elif isinstance(change.safety_question, SafetyQuestion):
        sets.append("safety_question = :safety")
        values[":safety"] = safety_question_to_map(change.safety_question)
    if change.safety_no_at:
        sets.append("safety_no_at = :safety_no")
        values[":safety_no"] = utc_iso(change.safety_no_at)
    for n, escalation in enumerate(e for e in change.opened if e.reasons[0] in TEXT_REASONS):
        sets.append(f"{OPEN_ESCALATION}{escalation.reasons[0]} = :pointed{n}")
        values[f":pointed{n}"] = escalation.escalation_id
    if change.forget_escalation in TEXT_REASONS:
        removes.append(f"{OPEN_ESCALATION}{change.forget_escalation}")


def safety_question_to_map(question: SafetyQuestion) -> dict[str, Any]:
    return {"question_id": question.question_id, "asked_at": utc_iso(question.asked_at), "trigger": question.trigger,
            "language": question.language, "concepts": list(question.concepts), "words": list(question.words),
            "escalation_id": question.escalation_id or None}


def safety_question_from_map(item: dict[str, Any]) -> SafetyQuestion:
    return SafetyQuestion(item["question_id"], parse_utc(item["asked_at"]), item["trigger"], item.get("language", "en"),
                          tuple(item.get("concepts") or ()), tuple(item.get("words") or ()),
                          item.get("escalation_id") or "")


def open_escalations_of(item: dict[str, Any]) -> dict[str, str]:
    return {reason: item[OPEN_ESCALATION + reason] for reason in TEXT_REASONS if item.get(OPEN_ESCALATION + reason)}


def escalation_to_item(patient: Patient, esc: Escalation) -> dict[str, Any]:
    key = keys.escalation_key(patient.patient_id, esc.escalation_id)
    def when(moment):
        return utc_iso(moment) if moment else None

    return {"PK": key.pk, "SK": key.sk, "type": "escalation", "escalation_id": esc.escalation_id,
            "patient_id": patient.patient_id, "clinic_id": patient.clinic_id,
            "clinic_pk": keys.clinic_pk(patient.clinic_id), "clinic_sk": f"ESC#{utc_iso(esc.created_at)}#{esc.escalation_id}",
            "reasons": list(esc.reasons), "severity": esc.severity, "status": esc.status,
            "created_at": utc_iso(esc.created_at), "evidence": [dict(e) for e in esc.evidence] or None,
            "last_emailed_at": when(esc.last_emailed_at), "acknowledged_by": esc.acknowledged_by or None,
            "acknowledged_at": when(esc.acknowledged_at), "resolved_by": esc.resolved_by or None,
            "resolved_at": when(esc.resolved_at), "note": esc.note or None,
            "overdue_notified_at": when(esc.overdue_notified_at)}


def escalation_from_item(item: dict[str, Any]) -> Escalation:
    def when(name):
        return parse_utc(item[name]) if item.get(name) else None

    evidence = item.get("evidence") or []
    if isinstance(evidence, dict):
        evidence = [evidence]
    return Escalation(item["escalation_id"], tuple(item["reasons"]), item["severity"], item["status"],
                      parse_utc(item["created_at"]), tuple(plain_numbers(e) for e in evidence), when("last_emailed_at"),
                      item.get("acknowledged_by", ""), when("acknowledged_at"), item.get("resolved_by", ""),
                      when("resolved_at"), item.get("note", ""), when("overdue_notified_at"))


def checkin_to_map(checkin: CheckIn) -> dict[str, Any]:
    return {"checkin_id": checkin.checkin_id, "kind": checkin.kind, "started_at": utc_iso(checkin.started_at),
            "dose_mg": str(checkin.dose_mg) if checkin.dose_mg is not None else None, "status": checkin.status,
            "position": checkin.position, "misses": checkin.misses, "nudged": checkin.nudged,
            "last_activity": utc_iso(checkin.last_activity) if checkin.last_activity else None,
            "answers": {qid: {"value": a.value, "raw": a.raw, "message_sid": a.message_sid, "at": utc_iso(a.at)}
                        for qid, a in checkin.answers.items()}}


def checkin_from_map(item: dict[str, Any]) -> CheckIn:
    def number(value):
        return None if value is None else int(value)

    return CheckIn(
        checkin_id=item["checkin_id"], kind=item["kind"], started_at=parse_utc(item["started_at"]),
        dose_mg=Decimal(item["dose_mg"]) if item.get("dose_mg") else None, status=item["status"],
        position=int(item.get("position", 0)), misses=int(item.get("misses", 0)), nudged=bool(item.get("nudged")),
        last_activity=parse_utc(item["last_activity"]) if item.get("last_activity") else None,
        answers={qid: Answer(number(a.get("value")), a.get("raw", ""), a.get("message_sid", ""), parse_utc(a["at"]))
                 for qid, a in (item.get("answers") or {}).items()})


class CheckinRecords(TableAccess):
    def apply_change(self, patient: Patient, change: ProfileChange, now: datetime, jobs: list = ()) -> None:
        """Write a ProfileChange (and new jobs with it); StatusMoved when the profile moved meanwhile."""
        from shared.adapters.dynamodb import job_to_item
        from shared.services.ports import StatusMoved, StoreUnavailable

        puts = [{"Put": {"TableName": self.table, "Item": marshal(job_to_item(job, self.shards)),
                         "ConditionExpression": ITEM_IS_NEW}} for job in jobs]
        try:
            self._call("transact_write_items", TransactItems=[*change_items(self.table, patient, change, now, self.shards), *puts])
        except ClientError as exc:
            if moved_meanwhile(exc):
                raise StatusMoved(patient.patient_id) from exc
            raise StoreUnavailable(f"DynamoDB transaction failed: {error_code(exc)}") from exc

    def checkins_of(self, patient_id: str) -> list[CheckIn]:
        return [checkin_from_map(i) for i in self._collection(patient_id, keys.CHECKINS)]

    def audit_of(self, patient_id: str) -> list[dict]:
        return [plain_numbers(i) for i in self._collection(patient_id, keys.AUDIT)]

    def escalations_of(self, patient_id: str) -> list[Escalation]:
        return [escalation_from_item(i) for i in self._collection(patient_id, keys.ESCALATIONS)]

    def save_escalations(self, patient: Patient, escalations: list[Escalation], jobs: list = ()) -> None:
        """New and updated escalations of one patient, with their email jobs, all or nothing."""
        from shared.adapters.dynamodb import job_to_item

        items = [{"Put": {"TableName": self.table, "Item": marshal(escalation_to_item(patient, e))}}
                 for e in escalations]
        items += [{"Put": {"TableName": self.table, "Item": marshal(job_to_item(job, self.shards)),
                           "ConditionExpression": ITEM_IS_NEW}} for job in jobs]
        if items:
            self._call("transact_write_items", TransactItems=items)

    def escalations_of_clinic(self, clinic_id: str, status: str | None = None) -> list[tuple[str, Escalation]]:
        """(patient id, escalation) of a clinic, from the clinic index."""
        return [(i["patient_id"], escalation_from_item(i))
                for i in self._clinic_items(keys.clinic_pk(clinic_id), "ESC#", status)]

    def _collection(self, patient_id: str, prefix: str) -> list[dict]:
        return self._query_all(TableName=self.table, ConsistentRead=True,
                               KeyConditionExpression="PK = :pk AND begins_with(SK, :p)",
                               ExpressionAttributeValues={":pk": {"S": keys.patient_pk(patient_id)},
                                                          ":p": {"S": prefix}})
