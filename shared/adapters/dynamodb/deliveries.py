"""Twilio's delivery reports, kept on the job they report on."""
from __future__ import annotations

from datetime import datetime

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.table import Table, error_code
from shared.domain.jobs import DELIVERY_ORDER, JobStatus, utc_iso

DELIVERY_MOVES_ON = "attribute_exists(PK) AND (attribute_not_exists(delivery_rank) OR delivery_rank < :rank)"


class DynamoDeliveries:
    def __init__(self, table: Table):
        self.table = table

    def record_delivery(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime,
                        error: str = "") -> bool:
        """Keep a status callback's news when it moves the job on; False when stale or unknown.

        A callback for a job we marked unconfirmed proves Twilio took it: the job becomes sent.
        """
        if status not in DELIVERY_ORDER:
            return False
        key = keys.job_key(patient_id, job_id)
        expression = "SET delivery_status = :status, delivery_rank = :rank, delivery_at = :now, " \
                     "sid = if_not_exists(sid, :sid)" + (", delivery_error = :error" if error else "")
        try:
            self.table.call("update_item", **self.table.update(
                key, expression, {":status": status, ":rank": DELIVERY_ORDER[status], ":now": utc_iso(now),
                                  ":sid": sid, ":error": error or None}, DELIVERY_MOVES_ON))
        except ClientError as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return False
            raise
        try:
            self.table.call("update_item", **self.table.update(
                key, "SET #status = :sent", {":unconfirmed": JobStatus.UNCONFIRMED.value, ":sent": JobStatus.SENT.value},
                "#status = :unconfirmed", {"#status": "status"}))
        except ClientError:
            pass  # the usual case: the job was not unconfirmed
        return True
