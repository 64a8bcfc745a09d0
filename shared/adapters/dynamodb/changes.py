"""A ProfileChange as transaction items: the profile's update, guarded by its version, and the items written with it."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime
from typing import Any, Callable

from shared.adapters import keys
from shared.adapters.dynamodb.codec import (
    OPEN_ESCALATION,
    audit_item,
    checkin_item,
    checkin_to_map,
    escalation_to_item,
    job_to_item,
    phone_item,
    safety_question_to_map,
)
from shared.adapters.dynamodb.table import ITEM_EXISTS, ITEM_IS_NEW, Table, marshal
from shared.domain import attention
from shared.domain.escalation_rules import TEXT_REASONS
from shared.domain.jobs import Job, utc_iso
from shared.domain.patients import (
    PLAN_OVER,
    REMOVE,
    Patient,
    PatientStatus,
    ProfileChange,
)


PHONE_IS_FREE = "attribute_not_exists(PK) OR plan_over = :true"
NEW_PHONE_AT = 2  # a phone change's transaction: the profile, the old number's mapping, then the new one's


class Update:
    """An update expression being built: SET and REMOVE clauses, names and values."""

    def __init__(self, values: dict[str, Any]):
        self.sets: list[str] = []
        self.removes: list[str] = []
        self.names: dict[str, str] = {}
        self.values = values

    def set(self, clause: str, **values: Any) -> None:
        self.sets.append(clause)
        self.values.update({f":{name}": value for name, value in values.items()})

    def replace_or_remove(self, attribute: str, value: Any, as_map: Callable[[Any], dict[str, Any]]) -> None:
        """A part of the profile a change sets (mapped), REMOVEs, or (None) leaves alone."""
        if value == REMOVE:
            self.removes.append(attribute)
        elif value is not None:
            self.set(f"{attribute} = :{attribute}", **{attribute: as_map(value)})

    def expression(self, adds: str = "") -> str:
        return "SET " + ", ".join(self.sets) + adds + (" REMOVE " + ", ".join(self.removes) if self.removes else "")


def new_job(table: Table, job: Job) -> dict[str, Any]:
    """The transaction item of a job that must be new."""
    return {"Put": table.put(job_to_item(job, table.shards), ITEM_IS_NEW)}


def change_items(table: Table, patient: Patient, change: ProfileChange, now: datetime) -> list[dict[str, Any]]:
    """Transaction items for a ProfileChange, guarded by the profile's version (and status when it moves)."""
    update = Update({":v": patient.version, ":one": 1, ":now": utc_iso(now)})
    update.names["#v"] = "version"
    update.set("updated_at = :now")
    condition = "#v = :v" + _status_sets(patient, change, update)
    _checkin_sets(change, update)
    _plan_sets(change, update)
    _safety_sets(change, update)
    if change.phone:
        update.set("phone = :phone", phone=change.phone)
        update.removes += ["phone_problem", "phone_problem_at"]  # the old number's trouble is not the new one's
    _attention_sets(patient, change, update)
    profile = table.update(keys.patient_profile_key(patient.patient_id), update.expression(" ADD #v :one"),
                           update.values, condition, update.names)
    return [{"Update": profile}, *_phone_moved(table, patient, change), *_written_with(table, patient, change, now)]


def _phone_moved(table: Table, patient: Patient, change: ProfileChange) -> list[dict[str, Any]]:
    """A new number: the old number's mapping goes (if it is still theirs; a mapping of someone else's is left), and
    the new one's is written if the number is free on the patient's sender (at NEW_PHONE_AT), with the profile."""
    if not change.phone:
        return []
    old = keys.phone_key(patient.phone, patient.sender)
    return [{"Delete": {"TableName": table.name, "Key": old.as_item(),
                        "ConditionExpression": "attribute_not_exists(PK) OR patient_id = :pid",
                        "ExpressionAttributeValues": marshal({":pid": patient.patient_id})}},
            {"Put": table.put(phone_item(replace(patient, phone=change.phone)), PHONE_IS_FREE, {":true": True})}]


def _attention_sets(patient: Patient, change: ProfileChange, update: Update) -> None:
    """The patient's place in the clinic's list and what search finds them by, as the change leaves them (both are
    written with every change: the version guard makes the read they come from the current one)."""
    details = dict(change.details)
    after = replace(patient, status=change.new_status or patient.status,
                    held_since=patient.held_since if change.held_since is None else change.held_since,
                    phone_problem="" if change.phone else patient.phone_problem,
                    open_levels=attention.open_levels(patient.open_levels, (*change.opened, *change.rewritten)),
                    phone=change.phone or patient.phone, first_name=details.get("first_name", patient.first_name),
                    last_name=details.get("last_name", patient.last_name))
    update.set("open_levels = :levels, clinic_sk = :csk, search_text = :search", levels=after.open_levels, search=
               attention.search_text(after.first_name, after.last_name, after.phone),
               csk=keys.clinic_attention_sort(attention.tier_of(after), utc_iso(patient.created_at), patient.patient_id))


def _status_sets(patient: Patient, change: ProfileChange, update: Update) -> str:
    new = change.new_status
    if not new or new is patient.status:
        return ""
    update.names["#status"] = "status"
    update.set("#status = :new", old=patient.status.value, new=new.value)
    update.set("status_changed_at = :now")
    if new is PatientStatus.OPTED_OUT:
        update.set("status_before_opt_out = :old")
    if new is PatientStatus.ACTIVE and patient.consented_at is None:
        update.set("consented_at = :now")
    return " AND #status = :old"


def _checkin_sets(change: ProfileChange, update: Update) -> None:
    update.replace_or_remove("open_checkin", change.checkin, checkin_to_map)
    if change.finished:
        update.set("last_checkin_at = :last", last=utc_iso(change.finished.started_at))
    if change.pause_checkins_for:
        update.set("checkins_paused_by = :pause", pause=change.pause_checkins_for)
    elif change.resume_checkins:
        update.removes.append("checkins_paused_by")


def _plan_sets(change: ProfileChange, update: Update) -> None:
    if change.plan_over_while_opted_out:
        update.set("status_before_opt_out = :completed", completed=PatientStatus.COMPLETED.value)
    if change.plan_generation:
        update.set("plan_generation = :generation", generation=change.plan_generation)
    if change.plan is not None:
        update.names["#plan"] = "plan"
        update.set("#plan = :plan", plan=change.plan.to_record())
    if change.pace:  # later resumes follow the new pace
        update.set("enrollment.step_mg = :step_mg, enrollment.step_days = :step_days",
                   step_mg=str(change.pace.step_mg), step_days=change.pace.step_days)
    if change.held_since:
        update.set("held_since = :held", held=change.held_since)
    elif change.held_since == "":
        update.removes.append("held_since")
    if change.language:
        update.names["#language"] = "language"
        update.set("#language = :language", language=change.language)
    for name, value in change.details:  # edited fields, as the profile keeps them
        if name == "checkin_time":
            update.set("enrollment.checkin_time = :checkin_time", checkin_time=value.isoformat())
        else:
            update.names[f"#{name}"] = name
            update.set(f"#{name} = :{name}", **{name: value.strftime("%H:%M") if name == "dose_time" else value})


def _safety_sets(change: ProfileChange, update: Update) -> None:
    """The safety question, the last NO, and which open escalations the patient's texts add to."""
    update.replace_or_remove("safety_question", change.safety_question, safety_question_to_map)
    if change.safety_no_at:
        update.set("safety_no_at = :safety_no", safety_no=utc_iso(change.safety_no_at))
    for n, escalation in enumerate(e for e in change.opened if e.reasons[0] in TEXT_REASONS):
        update.set(f"{OPEN_ESCALATION}{escalation.reasons[0]} = :pointed{n}", **{f"pointed{n}": escalation.escalation_id})
    if change.forget_escalation in TEXT_REASONS:
        update.removes.append(f"{OPEN_ESCALATION}{change.forget_escalation}")


def plan_was_over(patient: Patient) -> bool:
    """The phone was freed when the plan ended (directly, or before an opt-out): never flagged twice."""
    before = patient.status_before_opt_out if patient.status is PatientStatus.OPTED_OUT else patient.status
    return before in PLAN_OVER


def _written_with(table: Table, patient: Patient, change: ProfileChange, now: datetime) -> list[dict[str, Any]]:
    """The phone's plan-over flag, the finished check-in, escalations, evidence, audit and jobs."""
    items: list[dict[str, Any]] = []
    if (change.new_status in PLAN_OVER or change.plan_over_while_opted_out) and not plan_was_over(patient):
        items.append({"Update": table.update(keys.phone_key(patient.phone, patient.sender), "SET plan_over = :true",
                                             {":pid": patient.patient_id, ":true": True}, "patient_id = :pid")})
    if change.finished:
        items.append({"Put": table.put(checkin_item(patient, change.finished))})
    items += [{"Put": table.put(escalation_to_item(patient, e), ITEM_IS_NEW)} for e in change.opened]
    items += [{"Put": table.put(escalation_to_item(patient, e))} for e in change.rewritten]
    items += [{"Update": table.update(keys.escalation_key(patient.patient_id, escalation_id),
                                      "SET evidence = list_append(if_not_exists(evidence, :none), :e)",
                                      {":e": [evidence], ":none": []}, ITEM_EXISTS)}
              for escalation_id, evidence in change.add_evidence]
    if change.audit:
        at = f"{utc_iso(now)}#{time.time_ns():020d}"
        items.append({"Put": table.put(audit_item(patient, at, change.audit), ITEM_IS_NEW)})
    items += [new_job(table, job) for job in change.jobs]
    return items
