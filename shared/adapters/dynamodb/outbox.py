"""The outbox on the single table: jobs, the sharded due index, claims, retries and cancellation."""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any, Collection, Iterator

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.changes import new_job
from shared.adapters.dynamodb.codec import job_from_item, job_to_item
from shared.adapters.dynamodb.table import ITEM_IS_NEW, Table, unmarshal
from shared.domain.jobs import Job, JobStatus, parse_utc, utc_iso
from shared.domain.sending import care_team_side
from shared.errors import JobExists, LeaseLost
from shared.services.ports import ClaimMiss, DueJob

IS_PENDING_AT = "#status = :pending AND due_at = :seen"
IS_SENDING = "#status = :sending"
IS_SENDING_OR_UNCONFIRMED = "#status IN (:sending, :unconfirmed)"  # a late success is still worth recording
# A job waiting to be sent, unless an earlier send's answer was lost (Twilio may have it: dispatch asks first).
IS_PENDING_NOT_AMBIGUOUS = "#status = :pending AND (attribute_not_exists(error_code) OR error_code <> :ambiguous)"
STATUS = {"#status": "status"}


class DynamoOutbox:
    def __init__(self, table: Table):
        self.table = table

    def put_job(self, job: Job) -> None:
        try:
            self.table.call("put_item", **self.table.put(job_to_item(job, self.table.shards), ITEM_IS_NEW))
        except ClientError as exc:
            raise JobExists(job.job_id) from exc

    def put_jobs_once(self, jobs: list[Job]) -> None:
        """Write jobs whose ids are new; a job already there (a retried webhook built it) is left alone."""
        for start in range(0, len(jobs), 100):
            chunk = jobs[start:start + 100]
            try:
                self.table.transact([new_job(self.table, job) for job in chunk])
            except ClientError:
                for job in chunk:  # some exist already: write the others one by one
                    try:
                        self.put_job(job)
                    except JobExists:
                        continue

    def get_job(self, patient_id: str, job_id: str) -> Job | None:
        found = self.table.get(keys.job_key(patient_id, job_id))
        return job_from_item(found) if found else None

    def jobs_of(self, patient_id: str) -> list[Job]:
        return [job_from_item(item) for item in self.table.collection(keys.patient_pk(patient_id), keys.JOBS)]

    def due_jobs(self, now: datetime, shard: int | None = None, after: datetime | None = None) -> Iterator[DueJob]:
        """Every job due by `now` (after `after`) in one shard or all, shard by shard, page by page (never a Scan)."""
        # BETWEEN is inclusive: a moment a second past `after` is the first strictly after it (moments are to the second)
        since = {":after": {"S": utc_iso(after + timedelta(seconds=1))}} if after is not None else {}
        for number in range(self.table.shards) if shard is None else (shard,):
            for raw in self.table.pages(TableName=self.table.name, IndexName=keys.DUE_INDEX,
                                        KeyConditionExpression="due_pk = :shard AND " + (
                                            "due_at BETWEEN :after AND :now" if since else "due_at <= :now"),
                                        ExpressionAttributeValues={":shard": {"S": keys.due_pk(number)},
                                                                   ":now": {"S": utc_iso(now)}, **since}):
                item = unmarshal(raw)
                yield DueJob(*keys.job_of(item), due_at=item["due_at"])

    def due_shards(self, now: datetime) -> list[int]:
        """The shards with a job due by `now`: one query of at most one key each."""
        return [shard for shard in range(self.table.shards)
                if self.table.call("query", TableName=self.table.name, IndexName=keys.DUE_INDEX, Limit=1,
                                   KeyConditionExpression="due_pk = :shard AND due_at <= :now",
                                   ExpressionAttributeValues={":shard": {"S": keys.due_pk(shard)},
                                                              ":now": {"S": utc_iso(now)}}).get("Items")]

    def next_due_after(self, moment: datetime) -> datetime | None:
        """The earliest due time strictly after `moment`, across shards."""
        after, earliest = utc_iso(moment), ""
        for shard in range(self.table.shards):
            page = self.table.call("query", TableName=self.table.name, IndexName=keys.DUE_INDEX, Limit=1,
                                   KeyConditionExpression="due_pk = :shard AND due_at > :after",
                                   ExpressionAttributeValues={":shard": {"S": keys.due_pk(shard)}, ":after": {"S": after}})
            for raw in page.get("Items", []):
                due = raw["due_at"]["S"]
                earliest = due if not earliest or due < earliest else earliest
        return parse_utc(earliest) if earliest else None

    def claim(self, due: DueJob, now: datetime, lease_until: datetime) -> Job | ClaimMiss:
        """Take a due job for this dispatch alone: one conditional write that returns the job."""
        values = {":pending": JobStatus.PENDING.value, ":seen": due.due_at, ":sending": JobStatus.SENDING.value,
                  ":lease": utc_iso(lease_until), ":now": utc_iso(now), ":one": 1}
        update = self.table.update(keys.job_key(due.patient_id, due.job_id),
                                   "SET #status = :sending, due_at = :lease, claimed_at = :now ADD attempts :one",
                                   values, IS_PENDING_AT, STATUS)
        try:
            found = self.table.call("update_item", **update, ReturnValues="ALL_NEW",
                                    ReturnValuesOnConditionCheckFailure="ALL_OLD")
        except ClientError as exc:
            old = unmarshal(exc.response.get("Item", {}))
            return ClaimMiss(stale_lease=old.get("status") == JobStatus.SENDING.value and old.get("due_at") == due.due_at)
        return job_from_item(unmarshal(found["Attributes"]))

    def finish(self, job: Job, status: JobStatus, now: datetime, *, sid: str = "", error_code: str = "",
               body: str = "") -> None:
        """Move a claimed job to its end state and out of the due index."""
        values: dict[str, Any] = {":status": status.value, ":now": utc_iso(now), ":sending": JobStatus.SENDING.value,
                                  ":unconfirmed": JobStatus.UNCONFIRMED.value, ":seq": time.time_ns()}
        sets = ["#status = :status", "finished_at = :now", "finished_seq = :seq"]
        for name, value in (("sid", sid), ("error_code", error_code), ("body", body)):
            if value:
                sets.append(f"{name} = :{name}")
                values[f":{name}"] = value
        self._held(job, self.table.update(keys.job_key(job.patient_id, job.job_id),
                                          "SET " + ", ".join(sets) + " REMOVE due_pk, due_at", values,
                                          IS_SENDING_OR_UNCONFIRMED, STATUS))

    def retry_later(self, job: Job, due_at: datetime, error_code: str, count_attempt: bool = True,
                    body: str = "") -> None:
        """Put a claimed job back in the due index at a later time (a slide past quiet hours is no attempt).

        `body`: the text a send just tried (written at send time), kept so the retry can ask Twilio for it.
        """
        values: dict[str, Any] = {":pending": JobStatus.PENDING.value, ":due": utc_iso(due_at), ":code": error_code,
                                  ":sending": JobStatus.SENDING.value, ":undo": 0 if count_attempt else -1}
        sets = "SET #status = :pending, due_at = :due, error_code = :code"
        if body:
            sets += ", body = :body"
            values[":body"] = body
        self._held(job, self.table.update(keys.job_key(job.patient_id, job.job_id), sets + " ADD attempts :undo",
                                          values, IS_SENDING, STATUS))

    def _held(self, job: Job, update: dict[str, Any]) -> None:
        """Write to a job this dispatch holds; LeaseLost when it is no longer being sent by us."""
        try:
            self.table.call("update_item", **update)
        except ClientError as exc:
            raise LeaseLost(job.job_id) from exc

    def cancel_pending_jobs(self, patient_id: str, now: datetime, kinds: Collection[str] | None = None,
                            to: str | None = None) -> int:
        """Cancel every job of the patient's side still waiting (of the given kinds, and addressed `to` a number, if
        given). The care team's side always runs: escalation emails and its tasks (the safety question's timer,
        overdue checks)."""
        cancelled = 0
        for job in self.jobs_of(patient_id):
            if care_team_side(job) or job.status is not JobStatus.PENDING or (kinds and job.kind not in kinds) \
                    or (to is not None and job.to != to) or job.error_code == "ambiguous":
                continue  # a text whose send may have reached Twilio: dispatch settles it (sent, or not wanted)
            try:
                self.table.call("update_item", **self.table.update(
                    keys.job_key(patient_id, job.job_id),
                    "SET #status = :cancelled, finished_at = :now REMOVE due_pk, due_at",
                    {":pending": "pending", ":cancelled": "cancelled", ":now": utc_iso(now), ":ambiguous": "ambiguous"},
                    IS_PENDING_NOT_AMBIGUOUS, STATUS))
                cancelled += 1
            except ClientError:
                continue  # it was claimed meanwhile; dispatch checks the patient's state before sending
        return cancelled
