"""Clinics, staff, API keys, sign-in sessions and login throttling on the single table."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamo_base import ITEM_IS_NEW, TableAccess, marshal, unmarshal
from shared.domain.accounts import Role, User
from shared.domain.jobs import utc_iso
from shared.domain.patients import Clinic


class AlreadyExists(Exception):
    """The item (a user's email, a clinic) is already there."""


class AccountRecords(TableAccess):
    def put_clinic(self, clinic: Clinic, now: datetime) -> None:
        key = keys.clinic_key(clinic.clinic_id)
        item = {"PK": key.pk, "SK": key.sk, "type": "clinic", "clinic_id": clinic.clinic_id, "name": clinic.name,
                "contact_phone": clinic.contact_phone, "settings": json.dumps(clinic.settings),
                "created_at": utc_iso(now)}
        self._call("put_item", TableName=self.table, Item=marshal(item))

    def get_clinic(self, clinic_id: str) -> Clinic | None:
        found = self._call("get_item", TableName=self.table, Key=keys.clinic_key(clinic_id).as_item())
        if "Item" not in found:
            return None
        item = unmarshal(found["Item"])
        return Clinic(item["clinic_id"], item["name"], item.get("contact_phone", ""),
                      json.loads(item.get("settings", "{}")))

    def put_user(self, user: User, now: datetime) -> None:
        """Add a user; an email belongs to one user in the whole service."""
        global_key, clinic_key = keys.user_key(user.email), keys.clinic_user_key(user.clinic_id, user.email)
        common = {"email": user.email, "clinic_id": user.clinic_id, "role": user.role.value, "name": user.name,
                  "created_at": utc_iso(now)}
        try:
            self._call("transact_write_items", TransactItems=[
                {"Put": {"TableName": self.table, "ConditionExpression": ITEM_IS_NEW, "Item": marshal(
                    {"PK": global_key.pk, "SK": global_key.sk, "type": "user", **common,
                     "password_hash": user.password_hash})}},
                {"Put": {"TableName": self.table, "Item": marshal(
                    {"PK": clinic_key.pk, "SK": clinic_key.sk, "type": "clinic_user", **common})}},
            ])
        except ClientError as exc:
            raise AlreadyExists("a user with this email exists") from exc

    def set_password_hash(self, email: str, password_hash: str) -> None:
        self._call("update_item", TableName=self.table, Key=keys.user_key(email).as_item(),
                   ConditionExpression="attribute_exists(PK)", UpdateExpression="SET password_hash = :h",
                   ExpressionAttributeValues=marshal({":h": password_hash}))

    def get_user(self, email: str) -> User | None:
        found = self._call("get_item", TableName=self.table, Key=keys.user_key(email).as_item(), ConsistentRead=True)
        if "Item" not in found:
            return None
        item = unmarshal(found["Item"])
        return User(item["email"], item["clinic_id"], Role(item["role"]), item.get("name", ""),
                    item.get("password_hash", ""))

    def users_of(self, clinic_id: str) -> list[User]:
        page = self._call("query", TableName=self.table, KeyConditionExpression="PK = :pk AND begins_with(SK, :u)",
                          ExpressionAttributeValues=marshal({":pk": keys.clinic_pk(clinic_id), ":u": keys.USERS}))
        return [User(i["email"], i["clinic_id"], Role(i["role"]), i.get("name", ""))
                for i in map(unmarshal, page.get("Items", []))]

    def put_api_key(self, key_hash: str, clinic_id: str, label: str, now: datetime) -> None:
        key = keys.api_key_key(key_hash)
        self._call("put_item", TableName=self.table, ConditionExpression=ITEM_IS_NEW, Item=marshal(
            {"PK": key.pk, "SK": key.sk, "type": "api_key", "clinic_id": clinic_id, "label": label,
             "created_at": utc_iso(now)}))

    def clinic_for_api_key(self, key_hash: str) -> str | None:
        """The clinic of a live key; None for an unknown or revoked one."""
        found = self._call("get_item", TableName=self.table, Key=keys.api_key_key(key_hash).as_item(),
                           ConsistentRead=True)
        item = found.get("Item")
        if item is None or "revoked_at" in item:
            return None
        return item["clinic_id"]["S"]

    def revoke_api_key(self, key_hash: str, clinic_id: str, now: datetime) -> bool:
        """Mark a key of this clinic revoked (kept, for the record); False when the clinic has no such key."""
        try:
            self._call("update_item", TableName=self.table, Key=keys.api_key_key(key_hash).as_item(),
                       ConditionExpression="attribute_exists(PK) AND clinic_id = :c",
                       UpdateExpression="SET revoked_at = if_not_exists(revoked_at, :now)",
                       ExpressionAttributeValues=marshal({":c": clinic_id, ":now": utc_iso(now)}))
        except ClientError:
            return False
        return True

    # --- sessions -----------------------------------------------------------------------------
    def get_session(self, token_hash: str, now: datetime) -> dict | None:
        found = self._call("get_item", TableName=self.table, Key=keys.session_key(token_hash).as_item(),
                           ConsistentRead=True)
        if "Item" not in found:
            return None
        item = unmarshal(found["Item"])
        if int(item["ttl"]) <= now.timestamp():  # TTL deletion lags: an expired session is no session
            return None
        return json.loads(item["data"])

    def put_session(self, token_hash: str, data: dict, expires: datetime) -> None:
        key = keys.session_key(token_hash)
        self._call("put_item", TableName=self.table, Item=marshal(
            {"PK": key.pk, "SK": key.sk, "type": "session", "data": json.dumps(data),
             "ttl": int(expires.timestamp())}))

    def delete_session(self, token_hash: str) -> None:
        self._call("delete_item", TableName=self.table, Key=keys.session_key(token_hash).as_item())

    # --- login throttling ---------------------------------------------------------------------
    def login_failures(self, email: str, now: datetime) -> int:
        found = self._call("get_item", TableName=self.table, Key=keys.login_failures_key(email).as_item(),
                           ConsistentRead=True)
        if "Item" not in found:
            return 0
        item = unmarshal(found["Item"])
        return int(item["count"]) if int(item["ttl"]) > now.timestamp() else 0

    def record_login_failure(self, email: str, now: datetime, window: timedelta) -> int:
        """Count one failure in the current window (a window starts at the first failure)."""
        key = keys.login_failures_key(email)
        values = {":one": 1, ":zero": 0, ":ttl": int((now + window).timestamp()), ":now": int(now.timestamp())}
        try:
            found = self._call("update_item", TableName=self.table, Key=key.as_item(),
                               ConditionExpression="attribute_exists(PK) AND #ttl > :now",
                               UpdateExpression="ADD #count :one", ExpressionAttributeNames={"#count": "count",
                                                                                            "#ttl": "ttl"},
                               ExpressionAttributeValues=marshal({":one": 1, ":now": values[":now"]}),
                               ReturnValues="UPDATED_NEW")
            return int(unmarshal(found["Attributes"])["count"])
        except ClientError:
            self._call("put_item", TableName=self.table, Item=marshal(
                {"PK": key.pk, "SK": key.sk, "type": "login_failures", "count": 1, "ttl": values[":ttl"]}))
            return 1

    def clear_login_failures(self, email: str) -> None:
        self._call("delete_item", TableName=self.table, Key=keys.login_failures_key(email).as_item())


