"""A finished patient's retention and erasure on the single table.

A patient's items: their partition (profile, jobs, check-ins, escalations, audit, texts), the phone
mapping, and one MessageSid dedupe item per text they sent. Retention writes DynamoDB's TTL on each;
erasure deletes each and leaves, in the clinic's partition, who erased which patient id when.
"""
from __future__ import annotations

import time as clock
from datetime import date, datetime
from typing import Any, Callable, Iterator

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.codec import ttl_of
from shared.adapters.dynamodb.table import ITEM_EXISTS, Table, error_code, marshal
from shared.domain.jobs import utc_iso
from shared.domain.patients import Patient
from shared.errors import StoreUnavailable

IS_THEIR_NUMBER = "patient_id = :patient"
BATCH = 25  # BatchWriteItem's most requests per call
ERASED = keys.SortKeyPrefix("ERASED#")


def stamped(items: list[dict[str, Any]], patient: Patient | None) -> list[dict[str, Any]]:
    """Transaction items with a finished patient's TTL on every item they put (retention covers what comes
    after the plan too: a crisis text, its escalation and emails)."""
    if patient is None or patient.kept_until is None:
        return items
    ttl = {"N": str(ttl_of(patient.kept_until))}
    for item in items:
        if "Put" in item and not item["Put"]["Item"]["PK"]["S"].startswith(keys.phone_log_pk("")):
            item["Put"]["Item"]["ttl"] = ttl
    return items


def their_items(table: Table, patient: Patient) -> Iterator[keys.Key]:
    """The key of every item of the patient: partition, dedupe of each text, and the phone mapping (if theirs)."""
    query: dict[str, Any] = dict(TableName=table.name, ConsistentRead=True, KeyConditionExpression="PK = :pk",
                                 ProjectionExpression="PK, SK, sid",
                                 ExpressionAttributeValues={":pk": {"S": keys.patient_pk(patient.patient_id)}})
    for raw in table.pages(**query):
        yield keys.Key(keys.PartitionKey(raw["PK"]["S"]), keys.SortKey(raw["SK"]["S"]))
        if raw["SK"]["S"].startswith(keys.MESSAGES) and "sid" in raw:
            yield keys.inbound_seen_key(raw["sid"]["S"])


def keep_until(table: Table, patient: Patient, until: date) -> int:
    """Write `until` on the profile and its TTL on every item of the patient; how many items were marked."""
    ttl = ttl_of(until)
    marked = _unless_moved(lambda: table.call("update_item", **table.update(
        keys.phone_key(patient.phone, patient.sender), "SET #ttl = :ttl", {":ttl": ttl, ":patient": patient.patient_id},
        IS_THEIR_NUMBER, {"#ttl": "ttl"})))
    for key in their_items(table, patient):
        values: dict[str, Any] = {":ttl": ttl}
        expression = "SET #ttl = :ttl"
        if key == keys.patient_profile_key(patient.patient_id):
            expression += ", kept_until = :day"
            values[":day"] = until.isoformat()
        marked += _unless_moved(lambda: table.call("update_item", **table.update(key, expression, values, ITEM_EXISTS,
                                                                                 {"#ttl": "ttl"})))
    return marked


def erase(table: Table, patient: Patient, who: str, now: datetime) -> int:
    """Delete every item of the patient and record the erasure without PHI in the clinic's partition; how many
    items were deleted. The phone mapping goes first (no new text reaches them), then the profile (a write that
    read the patient before now fails its condition on the profile: texts, escalations and changes check it),
    then the rest, and the partition is read once more for anything written in between."""
    deleted = _unless_moved(lambda: table.call(  # a number enrolled again by someone else is not theirs
        "delete_item", TableName=table.name, Key=keys.phone_key(patient.phone, patient.sender).as_item(),
        ConditionExpression=IS_THEIR_NUMBER, ExpressionAttributeValues=marshal({":patient": patient.patient_id})))
    gone = table.call("delete_item", TableName=table.name, ReturnValues="ALL_OLD",
                      Key=keys.patient_profile_key(patient.patient_id).as_item())
    deleted += 1 if gone.get("Attributes") else 0
    for _ in range(2):
        batch: list[keys.Key] = []
        for key in their_items(table, patient):
            batch.append(key)
            if len(batch) == BATCH:
                deleted += _delete_all(table, batch)
                batch = []
        deleted += _delete_all(table, batch)
    at = utc_iso(now)
    table.call("put_item", **table.put({"PK": keys.clinic_pk(patient.clinic_id),
                                        "SK": f"{ERASED}{at}#{patient.patient_id}", "type": "erasure",
                                        "patient_id": patient.patient_id, "by": who, "at": at, "items": deleted}))
    return deleted


def erasures_of(table: Table, clinic_id: str) -> list[dict[str, Any]]:
    """Who erased which patient id when, oldest first."""
    return [{k: item[k] for k in ("patient_id", "by", "at")} | {"items": int(item["items"])}
            for item in table.collection(keys.clinic_pk(clinic_id), ERASED)]


def _unless_moved(write: Callable[[], Any]) -> int:
    """1 when the conditional write went through, 0 when its condition failed (the item is gone or not theirs)."""
    try:
        write()
    except ClientError as exc:
        if error_code(exc) != "ConditionalCheckFailedException":
            raise StoreUnavailable(f"DynamoDB write failed: {error_code(exc)}") from exc
        return 0
    return 1


def _delete_all(table: Table, batch: list[keys.Key]) -> int:
    """Delete a batch of keys, retrying what DynamoDB left unprocessed (with backoff)."""
    requests = [{"DeleteRequest": {"Key": key.as_item()}} for key in dict.fromkeys(batch)]
    count = len(requests)
    for attempt in range(8):
        if not requests:
            return count
        left = table.call("batch_write_item", RequestItems={table.name: requests}).get("UnprocessedItems", {})
        requests = left.get(table.name, [])
        if requests:
            clock.sleep(min(0.05 * 2 ** attempt, 1.0))
    raise StoreUnavailable(f"DynamoDB left {len(requests)} deletes unprocessed")
