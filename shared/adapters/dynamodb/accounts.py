"""Clinics, staff and API keys on the single table."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from botocore.exceptions import ClientError

from shared.adapters import keys
from shared.adapters.dynamodb.codec import (
    clinic_from_item,
    clinic_to_item,
    user_fields,
    moment,
    user_from_item,
    when,
)
from shared.adapters.dynamodb.table import ITEM_EXISTS, ITEM_IS_NEW, Table, marshal, unmarshal
from shared.domain.accounts import LAST_USED_EVERY, ApiKey, User
from shared.domain.jobs import utc_iso
from shared.domain.patients import Clinic
from shared.errors import AlreadyExists, NotFound, StatusMoved


class DynamoAccounts:
    def __init__(self, table: Table):
        self.table = table

    def put_clinic(self, clinic: Clinic, now: datetime) -> None:
        self.table.call("put_item", **self.table.put(clinic_to_item(clinic, now)))

    def get_clinic(self, clinic_id: str) -> Clinic | None:
        found = self.table.get(keys.clinic_key(clinic_id))  # consistent: read at most once a minute per process
        return clinic_from_item(found) if found else None

    def change_clinic(self, clinic: Clinic, changed: Clinic, entry: dict[str, Any], now: datetime) -> None:
        """The clinic's new name, phone and settings with the change's audit entry, all or nothing; StatusMoved
        when another change landed since `clinic` was read."""
        unchanged = "#v = :v" + (" OR attribute_not_exists(#v)" if clinic.version == 0 else "")  # clinics from before
        update = self.table.update(
            keys.clinic_key(clinic.clinic_id), "SET #name = :name, contact_phone = :phone, settings = :s, #v = :next",
            {":name": changed.name, ":phone": changed.contact_phone, ":s": json.dumps(changed.settings.as_dict()),
             ":next": clinic.version + 1, ":v": clinic.version}, f"{ITEM_EXISTS} AND ({unchanged})",
            {"#name": "name", "#v": "settings_version"})
        at = keys.settings_change_key(clinic.clinic_id, utc_iso(now), entry["id"])
        try:
            self.table.transact([{"Update": update},
                                 {"Put": self.table.put({"PK": at.pk, "SK": at.sk, "type": "settings_change",
                                                         "entry": json.dumps(entry)}, ITEM_IS_NEW)}])
        except ClientError as exc:
            raise StatusMoved("the clinic's settings changed meanwhile") from exc

    def settings_changes_of(self, clinic_id: str) -> list[dict[str, Any]]:
        """Each change of the clinic's settings, newest first."""
        return [json.loads(item["entry"]) for item in
                reversed(self.table.collection(keys.clinic_pk(clinic_id), keys.SETTINGS_CHANGES))]

    def put_user(self, user: User, now: datetime) -> None:
        """Add a user; an email belongs to one user in the whole service."""
        own, listed = keys.user_key(user.email), keys.clinic_user_key(user.clinic_id, user.email)
        fields = user_fields(user, now)
        try:
            self.table.transact([
                {"Put": self.table.put({"PK": own.pk, "SK": own.sk, "type": "user", **fields,
                                        "password_hash": user.password_hash}, ITEM_IS_NEW)},
                {"Put": self.table.put({"PK": listed.pk, "SK": listed.sk, "type": "clinic_user", **fields})}])
        except ClientError as exc:
            found = self.get_user(user.email)
            if found and (found.clinic_id, found.password_hash) == (user.clinic_id, user.password_hash):
                return  # our own earlier attempt went through (the SDK retried after a timeout)
            raise AlreadyExists("a user with this email exists") from exc

    def set_password_hash(self, email: str, password_hash: str) -> None:
        try:
            self.table.call("update_item", **self.table.update(keys.user_key(email), "SET password_hash = :h",
                                                               {":h": password_hash}, ITEM_EXISTS))
        except ClientError as exc:
            raise NotFound(f"no user {email}") from exc

    def save_user(self, user: User) -> None:
        """Write a user's role, name, state and password (the clinic's listing too, without the hash)."""
        own, listed = keys.user_key(user.email), keys.clinic_user_key(user.clinic_id, user.email)
        values = {":role": user.role.value, ":name": user.name, ":active": user.active,
                  ":changed": when(user.password_changed_at) or ""}
        sets = "SET #role = :role, #name = :name, active = :active, password_changed_at = :changed"
        names = {"#role": "role", "#name": "name"}
        try:
            self.table.transact([
                {"Update": self.table.update(own, sets + ", password_hash = :hash", {**values, ":hash": user.password_hash},
                                             ITEM_EXISTS, names)},
                {"Update": self.table.update(listed, sets, values, ITEM_EXISTS, names)}])
        except ClientError as exc:
            raise NotFound(f"no user {user.email}") from exc

    def put_token(self, kind: str, token_hash: str, data: dict[str, Any], expires: datetime) -> None:
        key = keys.token_key(kind, token_hash)
        self.table.call("put_item", **self.table.put({"PK": key.pk, "SK": key.sk, "type": "token", "data": data,
                                                      "ttl": int(expires.timestamp())}, ITEM_IS_NEW))

    def read_token(self, kind: str, token_hash: str, now: datetime) -> dict[str, Any] | None:
        found = self.table.get(keys.token_key(kind, token_hash))
        return dict(found["data"]) if found and int(found["ttl"]) > now.timestamp() else None

    def take_token(self, kind: str, token_hash: str, now: datetime) -> dict[str, Any] | None:
        """A one-time token's data, deleted as it is read (a second use finds nothing); None when unknown or
        expired."""
        try:
            found = self.table.call("delete_item", TableName=self.table.name,
                                    Key=keys.token_key(kind, token_hash).as_item(), ReturnValues="ALL_OLD",
                                    ConditionExpression="attribute_exists(PK) AND #ttl > :now",
                                    ExpressionAttributeNames={"#ttl": "ttl"},
                                    ExpressionAttributeValues=marshal({":now": int(now.timestamp())}))
        except ClientError:
            return None
        return dict(unmarshal(found["Attributes"])["data"])

    def get_user(self, email: str) -> User | None:
        found = self.table.get(keys.user_key(email))
        return user_from_item(found) if found else None

    def users_of(self, clinic_id: str) -> list[User]:
        """The clinic's staff, without password hashes."""
        return [user_from_item(item) for item in self.table.collection(keys.clinic_pk(clinic_id), keys.USERS)]

    def put_api_key(self, key_hash: str, clinic_id: str, label: str, now: datetime) -> None:
        """The key (by hash) and its listing in the clinic's partition, at once."""
        key, listed = keys.api_key_key(key_hash), keys.clinic_api_key_key(clinic_id, key_hash)
        fields = {"clinic_id": clinic_id, "label": label, "created_at": utc_iso(now), "key_hash": key_hash}
        try:
            self.table.transact([
                {"Put": self.table.put({"PK": key.pk, "SK": key.sk, "type": "api_key", **fields}, ITEM_IS_NEW)},
                {"Put": self.table.put({"PK": listed.pk, "SK": listed.sk, "type": "clinic_api_key", **fields})}])
        except ClientError as exc:
            raise AlreadyExists("this key exists") from exc

    def api_key(self, key_hash: str) -> ApiKey | None:
        found = self.table.get(keys.api_key_key(key_hash))
        return _api_key({**found, "key_hash": key_hash}) if found else None

    def api_keys_of(self, clinic_id: str) -> list[ApiKey]:
        """The clinic's keys, oldest first (never the keys, their hashes only)."""
        found = [_api_key(item) for item in self.table.collection(keys.clinic_pk(clinic_id), keys.CLINIC_API_KEYS)]
        return sorted(found, key=lambda k: (k.created_at or datetime.min.replace(tzinfo=timezone.utc), k.key_hash))

    def api_key_used(self, key_hash: str, clinic_id: str, now: datetime) -> None:
        """Note the key's use, at most once an hour (a conditional write that mostly does nothing)."""
        stale = utc_iso(now - LAST_USED_EVERY)
        for key in (keys.api_key_key(key_hash), keys.clinic_api_key_key(clinic_id, key_hash)):
            try:
                self.table.call("update_item", **self.table.update(
                    key, "SET last_used_at = :now", {":now": utc_iso(now), ":stale": stale},
                    ITEM_EXISTS + " AND (attribute_not_exists(last_used_at) OR last_used_at < :stale)"))
            except ClientError:
                return  # used within the hour already (or the listing predates listings)

    def clinic_for_api_key(self, key_hash: str) -> str | None:
        """The clinic of a live key; None for an unknown or revoked one."""
        found = self.table.get(keys.api_key_key(key_hash))
        return None if found is None or "revoked_at" in found else str(found["clinic_id"])

    def revoke_api_key(self, key_hash: str, clinic_id: str, now: datetime) -> bool:
        """Mark a key of this clinic revoked (kept, for the record); False when the clinic has no such key."""
        try:
            self.table.call("update_item", **self.table.update(
                keys.api_key_key(key_hash), "SET revoked_at = if_not_exists(revoked_at, :now)",
                {":c": clinic_id, ":now": utc_iso(now)}, ITEM_EXISTS + " AND clinic_id = :c"))
        except ClientError:
            return False
        try:  # the clinic's listing says so too (a key made before listings has none)
            self.table.call("update_item", **self.table.update(
                keys.clinic_api_key_key(clinic_id, key_hash), "SET revoked_at = if_not_exists(revoked_at, :now)",
                {":now": utc_iso(now)}, ITEM_EXISTS))
        except ClientError:
            pass
        return True

    def count_enrollment(self, clinic_id: str, now: datetime) -> tuple[int, int]:
        minute, day = enrollment_periods(now)
        return self._count(clinic_id, minute, now), self._count(clinic_id, day, now)

    def _count(self, clinic_id: str, period: str, now: datetime) -> int:
        expires = int((now + timedelta(days=2)).timestamp())  # a counter outlives its period, then goes
        found = self.table.call("update_item", **self.table.update(
            keys.enrollment_count_key(clinic_id, period), "ADD #count :one SET #ttl = :ttl",
            {":one": 1, ":ttl": expires}, names={"#count": "count", "#ttl": "ttl"}), ReturnValues="UPDATED_NEW")
        return int(found["Attributes"]["count"]["N"])


def _api_key(item: dict[str, Any]) -> ApiKey:
    return ApiKey(key_hash=item.get("key_hash") or item["SK"].removeprefix("APIKEY#"), clinic_id=item["clinic_id"],
                  label=item.get("label", ""), created_at=moment(item, "created_at"),
                  last_used_at=moment(item, "last_used_at"), revoked_at=moment(item, "revoked_at"))


def enrollment_periods(now: datetime) -> tuple[str, str]:
    """The minute and the UTC day an enrollment is counted in."""
    return now.strftime("%Y-%m-%dT%H:%M"), now.strftime("%Y-%m-%d")
