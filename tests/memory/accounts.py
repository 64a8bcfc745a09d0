"""Clinics, staff and API keys in memory, with DynamoAccounts' conditions."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from shared.domain.accounts import LAST_USED_EVERY, ApiKey, User
from shared.domain.patients import Clinic
from shared.errors import AlreadyExists, NotFound, StatusMoved
from tests.memory.table import MemoryTable, kept


class MemoryAccounts:
    def __init__(self, table: MemoryTable):
        self.table = table

    def put_clinic(self, clinic: Clinic, now: datetime) -> None:
        self.table.clinics[clinic.clinic_id] = clinic  # immutable, settings included

    def get_clinic(self, clinic_id: str) -> Clinic | None:
        found = self.table.clinics.get(clinic_id)
        return kept(found) if found else None

    def change_clinic(self, clinic: Clinic, changed: Clinic, entry: dict[str, Any], now: datetime) -> None:
        with self.table.lock:
            stored = self.table.clinics.get(clinic.clinic_id)
            if stored is None or stored.version != clinic.version:
                raise StatusMoved("the clinic's settings changed meanwhile")
            self.table.clinics[clinic.clinic_id] = kept(replace(changed, version=clinic.version + 1))
            self.table.settings_changes.setdefault(clinic.clinic_id, []).append(kept(entry))

    def settings_changes_of(self, clinic_id: str) -> list[dict[str, Any]]:
        return [kept(entry) for entry in reversed(self.table.settings_changes.get(clinic_id, []))]

    def put_user(self, user: User, now: datetime) -> None:
        with self.table.lock:
            if user.email in self.table.users:
                raise AlreadyExists("a user with this email exists")
            self.table.users[user.email] = user

    def set_password_hash(self, email: str, password_hash: str) -> None:
        with self.table.lock:
            if email not in self.table.users:
                raise NotFound(f"no user {email}")
            self.table.users[email] = replace(self.table.users[email], password_hash=password_hash)

    def save_user(self, user: User) -> None:
        with self.table.lock:
            if user.email not in self.table.users:
                raise NotFound(f"no user {user.email}")
            self.table.users[user.email] = kept(user)

    def put_token(self, kind: str, token_hash: str, data: dict[str, Any], expires: datetime) -> None:
        with self.table.lock:
            self.table.tokens[(kind, token_hash)] = (dict(data), int(expires.timestamp()))

    def read_token(self, kind: str, token_hash: str, now: datetime) -> dict[str, Any] | None:
        found = self.table.tokens.get((kind, token_hash))
        return dict(found[0]) if found and found[1] > now.timestamp() else None

    def take_token(self, kind: str, token_hash: str, now: datetime) -> dict[str, Any] | None:
        with self.table.lock:
            found = self.table.tokens.pop((kind, token_hash), None)
        return dict(found[0]) if found and found[1] > now.timestamp() else None

    def get_user(self, email: str) -> User | None:
        return self.table.users.get(email)

    def users_of(self, clinic_id: str) -> list[User]:
        """The clinic's staff, without password hashes, by email."""
        return sorted((replace(u, password_hash="") for u in self.table.users.values() if u.clinic_id == clinic_id),
                      key=lambda u: u.email)

    def put_api_key(self, key_hash: str, clinic_id: str, label: str, now: datetime) -> None:
        with self.table.lock:
            if key_hash in self.table.api_keys:
                raise AlreadyExists("this key exists")
            self.table.api_keys[key_hash] = {"clinic_id": clinic_id, "label": label, "created_at": kept(now)}

    def api_key(self, key_hash: str) -> ApiKey | None:
        k = self.table.api_keys.get(key_hash)
        return ApiKey(key_hash, k["clinic_id"], k["label"], k.get("created_at"), k.get("last_used_at"),
                      kept(k["revoked_at"]) if "revoked_at" in k else None) if k else None

    def api_keys_of(self, clinic_id: str) -> list[ApiKey]:
        with self.table.lock:
            mine = [ApiKey(h, k["clinic_id"], k["label"], k.get("created_at"), k.get("last_used_at"),
                           kept(k["revoked_at"]) if "revoked_at" in k else None)
                    for h, k in self.table.api_keys.items() if k["clinic_id"] == clinic_id]
        return sorted(mine, key=lambda k: (k.created_at or datetime.min.replace(tzinfo=timezone.utc), k.key_hash))

    def api_key_used(self, key_hash: str, clinic_id: str, now: datetime) -> None:
        with self.table.lock:
            key = self.table.api_keys.get(key_hash)
            if key and (key.get("last_used_at") is None or key["last_used_at"] < now - LAST_USED_EVERY):
                key["last_used_at"] = kept(now)

    def clinic_for_api_key(self, key_hash: str) -> str | None:
        key = self.table.api_keys.get(key_hash)
        return None if key is None or "revoked_at" in key else str(key["clinic_id"])

    def revoke_api_key(self, key_hash: str, clinic_id: str, now: datetime) -> bool:
        with self.table.lock:
            key = self.table.api_keys.get(key_hash)
            if key is None or key["clinic_id"] != clinic_id:
                return False
            key.setdefault("revoked_at", now)
            return True

    def count_enrollment(self, clinic_id: str, now: datetime) -> tuple[int, int]:
        from shared.adapters.dynamodb.accounts import enrollment_periods  # the same minute and day

        minute, day = enrollment_periods(now)
        with self.table.lock:
            counts = self.table.enrollments
            for period in (minute, day):
                counts[(clinic_id, period)] = counts.get((clinic_id, period), 0) + 1
            return counts[(clinic_id, minute)], counts[(clinic_id, day)]
