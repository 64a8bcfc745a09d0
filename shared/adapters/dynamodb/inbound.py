"""Texts from phones on the single table: the MessageSid dedupe holding each reply, and the message log."""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.changes import change_items
from shared.adapters.dynamodb.codec import message_from_item
from shared.adapters.dynamodb.retention import stamped
from shared.adapters.dynamodb.table import (
    ITEM_IS_NEW,
    Table,
    cancelled_by_condition,
    error_code,
    moved_meanwhile,
)
from shared.domain.jobs import utc_iso
from shared.domain.patients import Patient, ProfileChange
from shared.errors import StatusMoved, StoreUnavailable
from shared.services.ports import InboundSms

MESSAGE_LOG_DAYS = 365 * 7  # a patient's texts, and their MessageSid dedupe: a replay is never taken twice
STRANGER_LOG_DAYS = 30  # texts from numbers that belong to no patient, and their dedupe


class DynamoInbound:
    def __init__(self, table: Table):
        self.table = table

    def save_inbound(self, sms: InboundSms, patient: Patient | None, reply: str, flags: list[str],
                     change: ProfileChange | None = None) -> bool:
        """One transaction: the MessageSid dedupe (holding the reply), the message log and the patient's change."""
        owner = keys.patient_pk(patient.patient_id) if patient else keys.phone_log_pk(sms.from_number)
        items = [{"Put": self.table.put(_seen_item(sms, owner, reply), ITEM_IS_NEW)},
                 {"Put": self.table.put(_log_item(sms, owner, reply, flags))}]
        if patient and change and not change.empty:
            items += change_items(self.table, patient, change, sms.received_at)
        elif patient:  # the patient may have been erased since they were read: then nothing of theirs is written
            items.append(self.table.exists_check(keys.patient_profile_key(patient.patient_id)))
        try:
            self.table.transact(stamped(items, patient))
        except ClientError as exc:
            if cancelled_by_condition(exc, 0):
                return False
            if patient and moved_meanwhile(exc):  # a condition, or another transaction on the profile at once
                raise StatusMoved(patient.patient_id) from exc
            raise StoreUnavailable(f"DynamoDB transaction failed: {error_code(exc)}") from exc
        return True

    def reply_for(self, message_sid: str) -> str | None:
        found = self.table.get(keys.inbound_seen_key(message_sid))
        return str(found["reply"]) if found else None

    def replied_to_stranger_since(self, phone: str, since: datetime) -> bool:
        owner = keys.phone_log_pk(phone)
        found = self.table.query_all(
            TableName=self.table.name, ConsistentRead=True, KeyConditionExpression="PK = :pk AND SK BETWEEN :a AND :b",
            FilterExpression="attribute_exists(reply) AND reply <> :none",
            ExpressionAttributeValues={":pk": {"S": owner}, ":a": {"S": f"{keys.MESSAGES}{utc_iso(since)}"},
                                       ":b": {"S": f"{keys.MESSAGES}\uffff"}, ":none": {"S": ""}})
        return bool(found)

    def messages_of_patient(self, patient_id: str) -> list[dict[str, Any]]:
        return self.messages_of(keys.patient_pk(patient_id))

    def messages_of(self, owner: keys.PartitionKey) -> list[dict[str, Any]]:
        """The message log of one patient (or unknown number), oldest first."""
        return [message_from_item(item) for item in self.table.collection(owner, keys.MESSAGES)]


def _kept_until(sms: InboundSms, owner: str) -> int:
    """The TTL of a text and of its dedupe: the same, so a replay is caught as long as the text is kept."""
    days = STRANGER_LOG_DAYS if owner.startswith(keys.phone_log_pk("")) else MESSAGE_LOG_DAYS
    return int((sms.received_at + timedelta(days=days)).timestamp())


def _seen_item(sms: InboundSms, owner: str, reply: str) -> dict[str, Any]:
    seen = keys.inbound_seen_key(sms.message_sid)
    return {"PK": seen.pk, "SK": seen.sk, "reply": reply, "ttl": _kept_until(sms, owner), "owner": owner}


def _log_item(sms: InboundSms, owner: keys.PartitionKey, reply: str, flags: list[str]) -> dict[str, Any]:
    at = utc_iso(sms.received_at)
    logged = keys.message_key(owner, at, sms.message_sid)
    return {"PK": logged.pk, "SK": logged.sk, "type": "message", "direction": "inbound", "sid": sms.message_sid,
            "from": sms.from_number, "to": sms.to_number, "body": sms.body, "at": at, "seq": time.time_ns(),
            "reply": reply, "flags": flags or None, "ttl": _kept_until(sms, owner)}
