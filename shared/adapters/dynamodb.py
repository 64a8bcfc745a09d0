"""The DynamoDB store: outbox jobs, inbound texts and the MessageSid dedupe, on one table."""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any, Iterator

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamo_base import ITEM_IS_NEW, TableAccess, cancelled_by_condition, error_code, marshal, unmarshal
from shared.adapters.dynamodb_accounts import AccountRecords
from shared.adapters.dynamodb_checkins import CheckinRecords, change_items
from shared.adapters.dynamodb_patients import PatientRecords
from shared.domain.jobs import DELIVERY_ORDER, Channel, Job, JobStatus, parse_utc, shard_of, utc_iso
from shared.domain.patients import Patient, ProfileChange
from shared.services.ports import ClaimMiss, DueJob, InboundSms, JobExists, StatusMoved, StoreUnavailable

DUE_INDEX = "due"
INBOUND_SEEN_DAYS = 7
MESSAGE_LOG_DAYS = 365 * 7

IS_PENDING_AT = "#status = :pending AND due_at = :seen"
IS_SENDING = "#status = :sending"
IS_SENDING_OR_UNCONFIRMED = "#status IN (:sending, :unconfirmed)"  # a late success is still worth recording
DELIVERY_MOVES_ON = "attribute_exists(PK) AND (attribute_not_exists(delivery_rank) OR delivery_rank < :rank)"


class DynamoStore(PatientRecords, CheckinRecords, AccountRecords, TableAccess):
    """Outbox, inbox, patients and accounts on the single table."""

    def __init__(self, client: Any, table_name: str, due_shards: int):
        self.client = client
        self.table = table_name
        self.shards = due_shards

    # --- outbox -------------------------------------------------------------------------------
    def put_job(self, job: Job) -> None:
        item = job_to_item(job, self.shards)
        try:
            self._call("put_item", TableName=self.table, Item=marshal(item), ConditionExpression=ITEM_IS_NEW)
        except ClientError as exc:
            raise JobExists(job.job_id) from exc

    def get_job(self, patient_id: str, job_id: str) -> Job | None:
        key = keys.job_key(patient_id, job_id)
        found = self._call("get_item", TableName=self.table, Key=key.as_item(), ConsistentRead=True)
        return job_from_item(unmarshal(found["Item"])) if "Item" in found else None

    def due_jobs(self, now: datetime) -> Iterator[DueJob]:
        """Every job due by `now`, shard by shard, page by page (never a Scan)."""
        for shard in range(self.shards):
            yield from self._due_in_shard(shard, utc_iso(now))

    def _due_in_shard(self, shard: int, now_iso: str) -> Iterator[DueJob]:
        query = dict(TableName=self.table, IndexName=DUE_INDEX,
                     KeyConditionExpression="due_pk = :shard AND due_at <= :now",
                     ExpressionAttributeValues={":shard": {"S": keys.due_pk(shard)}, ":now": {"S": now_iso}})
        while True:
            page = self._call("query", **query)
            for raw in page.get("Items", []):
                item = unmarshal(raw)
                yield DueJob(patient_id=item["PK"].removeprefix("PATIENT#"),
                             job_id=item["SK"].removeprefix("JOB#"), due_at=item["due_at"])
            if "LastEvaluatedKey" not in page:
                return
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def next_due_after(self, moment: datetime) -> datetime | None:
        """The earliest due time strictly after `moment`, across shards."""
        after = utc_iso(moment)
        earliest: str | None = None
        for shard in range(self.shards):
            page = self._call("query", TableName=self.table, IndexName=DUE_INDEX, Limit=1,
                              KeyConditionExpression="due_pk = :shard AND due_at > :after",
                              ExpressionAttributeValues={":shard": {"S": keys.due_pk(shard)}, ":after": {"S": after}})
            for raw in page.get("Items", []):
                due = raw["due_at"]["S"]
                earliest = due if earliest is None or due < earliest else earliest
        return parse_utc(earliest) if earliest else None

    def claim(self, due: DueJob, now: datetime, lease_until: datetime) -> Job | ClaimMiss:
        """Take a due job for this dispatch alone: one conditional write that returns the job."""
        key = keys.job_key(due.patient_id, due.job_id)
        try:
            found = self._call(
                "update_item", TableName=self.table, Key=key.as_item(), ConditionExpression=IS_PENDING_AT,
                UpdateExpression="SET #status = :sending, due_at = :lease, claimed_at = :now ADD attempts :one",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=marshal({":pending": JobStatus.PENDING.value, ":seen": due.due_at,
                                                   ":sending": JobStatus.SENDING.value, ":lease": utc_iso(lease_until),
                                                   ":now": utc_iso(now), ":one": 1}),
                ReturnValues="ALL_NEW", ReturnValuesOnConditionCheckFailure="ALL_OLD")
        except ClientError as exc:
            old = unmarshal(exc.response.get("Item", {}))
            stale = old.get("status") == JobStatus.SENDING.value and old.get("due_at") == due.due_at
            return ClaimMiss(stale_lease=stale)
        return job_from_item(unmarshal(found["Attributes"]))

    def finish(self, job: Job, status: JobStatus, now: datetime, *, sid: str = "", error_code: str = "",
               body: str = "") -> None:
        """Move a claimed job to its end state and out of the due index."""
        values = {":status": status.value, ":now": utc_iso(now), ":sending": JobStatus.SENDING.value,
                  ":unconfirmed": JobStatus.UNCONFIRMED.value, ":seq": time.time_ns()}
        sets = ["#status = :status", "finished_at = :now", "finished_seq = :seq"]
        if sid:
            sets.append("sid = :sid")
            values[":sid"] = sid
        if error_code:
            sets.append("error_code = :code")
            values[":code"] = error_code
        if body:
            sets.append("body = :body")
            values[":body"] = body
        key = keys.job_key(job.patient_id, job.job_id)
        self._call("update_item", TableName=self.table, Key=key.as_item(), ConditionExpression=IS_SENDING_OR_UNCONFIRMED,
                   UpdateExpression="SET " + ", ".join(sets) + " REMOVE due_pk, due_at",
                   ExpressionAttributeNames={"#status": "status"}, ExpressionAttributeValues=marshal(values))

    def retry_later(self, job: Job, due_at: datetime, error_code: str, count_attempt: bool = True,
                    body: str = "") -> None:
        """Put a claimed job back in the due index at a later time (a slide past quiet hours is no attempt).

        `body`: the text a send just tried (written at send time), kept so the retry can ask Twilio for it.
        """
        key = keys.job_key(job.patient_id, job.job_id)
        values = {":pending": JobStatus.PENDING.value, ":due": utc_iso(due_at), ":code": error_code,
                  ":sending": JobStatus.SENDING.value, ":undo": 0 if count_attempt else -1}
        sets = "SET #status = :pending, due_at = :due, error_code = :code"
        if body:
            sets += ", body = :body"
            values[":body"] = body
        self._call("update_item", TableName=self.table, Key=key.as_item(), ConditionExpression=IS_SENDING,
                   UpdateExpression=sets + " ADD attempts :undo", ExpressionAttributeNames={"#status": "status"},
                   ExpressionAttributeValues=marshal(values))

    def record_delivery(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime,
                        error: str = "") -> bool:
        """Keep a status callback's news when it moves the job on; False when stale or unknown.

        A callback for a job we marked unconfirmed proves Twilio took it: the job becomes sent.
        """
        if status not in DELIVERY_ORDER:
            return False
        key = keys.job_key(patient_id, job_id)
        try:
            self._call("update_item", TableName=self.table, Key=key.as_item(), ConditionExpression=DELIVERY_MOVES_ON,
                       UpdateExpression="SET delivery_status = :status, delivery_rank = :rank, delivery_at = :now, "
                                        "sid = if_not_exists(sid, :sid)" + (", delivery_error = :error" if error else ""),
                       ExpressionAttributeValues=marshal({":status": status, ":rank": DELIVERY_ORDER[status],
                                                          ":now": utc_iso(now), ":sid": sid, ":error": error or None}))
        except ClientError as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return False
            raise
        try:
            self._call("update_item", TableName=self.table, Key=key.as_item(),
                       ConditionExpression="#status = :unconfirmed", UpdateExpression="SET #status = :sent",
                       ExpressionAttributeNames={"#status": "status"},
                       ExpressionAttributeValues=marshal({":unconfirmed": JobStatus.UNCONFIRMED.value,
                                                          ":sent": JobStatus.SENT.value}))
        except ClientError:
            pass  # the usual case: the job was not unconfirmed
        return True

    # --- inbox --------------------------------------------------------------------------------
    def save_inbound(self, sms: InboundSms, patient: Patient | None, reply: str, flags: list[str],
                     change: ProfileChange | None = None) -> bool:
        """One transaction: the MessageSid dedupe (holding the reply), the message log and the patient's change."""
        at = utc_iso(sms.received_at)
        owner = keys.patient_pk(patient.patient_id) if patient else keys.phone_log_pk(sms.from_number)
        seen = keys.inbound_seen_key(sms.message_sid)
        logged = keys.message_key(owner, at, sms.message_sid)
        expires = int((sms.received_at + timedelta(days=INBOUND_SEEN_DAYS)).timestamp())
        seen_item = {"PK": seen.pk, "SK": seen.sk, "reply": reply, "ttl": expires, "owner": owner}
        log_item = {"PK": logged.pk, "SK": logged.sk, "type": "message", "direction": "inbound",
                    "sid": sms.message_sid, "from": sms.from_number, "to": sms.to_number, "body": sms.body,
                    "at": at, "seq": time.time_ns(), "reply": reply, "flags": flags or None,
                    "ttl": int((sms.received_at + timedelta(days=MESSAGE_LOG_DAYS)).timestamp())}
        items = [{"Put": {"TableName": self.table, "Item": marshal(seen_item), "ConditionExpression": ITEM_IS_NEW}},
                 {"Put": {"TableName": self.table, "Item": marshal(log_item)}}]
        if patient and change and not change.empty:
            items += change_items(self.table, patient, change, sms.received_at, self.shards)
        try:
            self._call("transact_write_items", TransactItems=items)
        except ClientError as exc:
            if cancelled_by_condition(exc, 0):
                return False
            if any(cancelled_by_condition(exc, n) for n in range(2, len(items))):
                raise StatusMoved(patient.patient_id if patient else "") from exc
            raise StoreUnavailable(f"DynamoDB transaction failed: {error_code(exc)}") from exc
        return True

    def reply_for(self, message_sid: str) -> str | None:
        found = self._call("get_item", TableName=self.table, Key=keys.inbound_seen_key(message_sid).as_item(),
                           ConsistentRead=True)
        return found["Item"]["reply"]["S"] if "Item" in found else None

    def messages_of_patient(self, patient_id: str) -> list[dict]:
        return self.messages_of(keys.patient_pk(patient_id))

    def messages_of(self, owner: keys.PartitionKey) -> list[dict]:
        """The message log of one patient (or unknown number), oldest first."""
        return self._query_all(TableName=self.table, ConsistentRead=True,
                               KeyConditionExpression="PK = :pk AND begins_with(SK, :msg)",
                               ExpressionAttributeValues={":pk": {"S": owner}, ":msg": {"S": keys.MESSAGES}})


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
               delivery_status=item.get("delivery_status", ""),
               finished_at=parse_utc(item["finished_at"]) if item.get("finished_at") else None,
               meta=item.get("meta"), finished_seq=int(item.get("finished_seq", 0)))
