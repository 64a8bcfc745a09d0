"""Staff sign-in sessions and the login failure counter, on the single table with a TTL."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.table import Table, unmarshal
from shared.errors import StoreUnavailable


class DynamoSessions:
    def __init__(self, table: Table):
        self.table = table

    def get_session(self, token_hash: str, now: datetime) -> dict[str, Any] | None:
        found = self.table.get(keys.session_key(token_hash))
        if found is None or int(found["ttl"]) <= now.timestamp():  # TTL deletion lags: expired is no session
            return None
        return dict(json.loads(found["data"]))

    def put_session(self, token_hash: str, data: dict[str, Any], expires: datetime) -> None:
        key = keys.session_key(token_hash)
        self.table.call("put_item", **self.table.put({"PK": key.pk, "SK": key.sk, "type": "session",
                                                      "data": json.dumps(data), "ttl": int(expires.timestamp())}))

    def delete_session(self, token_hash: str) -> None:
        self.table.call("delete_item", TableName=self.table.name, Key=keys.session_key(token_hash).as_item())

    def login_failures(self, email: str, now: datetime) -> int:
        found = self.table.get(keys.login_failures_key(email))
        return int(found["count"]) if found and int(found["ttl"]) > now.timestamp() else 0

    def record_login_failure(self, email: str, now: datetime, window: timedelta) -> int:
        """Count one attempt in the current window (a window starts at its first attempt), atomically: parallel
        attempts each get their own count. One update; a window that ended (TTL deletion lags) starts anew."""
        key, ends, at = keys.login_failures_key(email), int((now + window).timestamp()), int(now.timestamp())
        names = {"#count": "count", "#ttl": "ttl"}
        for _ in range(3):
            try:
                found = self.table.call("update_item", **self.table.update(
                    key, "SET #ttl = if_not_exists(#ttl, :ends) ADD #count :one", {":one": 1, ":ends": ends, ":now": at},
                    "attribute_not_exists(PK) OR #ttl > :now", names), ReturnValues="UPDATED_NEW")
                return int(unmarshal(found["Attributes"])["count"])
            except ClientError:
                pass  # the stored window has ended
            try:
                self.table.call("put_item", **self.table.put(
                    {"PK": key.pk, "SK": key.sk, "type": "login_failures", "count": 1, "ttl": ends},
                    "#ttl <= :now", {":now": at}), ExpressionAttributeNames={"#ttl": "ttl"})
                return 1
            except ClientError:
                continue  # another attempt started the new window first: count in it
        raise StoreUnavailable("DynamoDB kept moving the sign-in counter")

    def clear_login_failures(self, email: str) -> None:
        self.table.call("delete_item", TableName=self.table.name, Key=keys.login_failures_key(email).as_item())
