"""Clinic staff: admins enroll and manage, providers review and adjust. Each sees only their own clinic."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

SESSION_LIFETIME = timedelta(hours=12)   # a sign-in lasts this long at most, however active


class Role(str, Enum):
    ADMIN = "admin"
    PROVIDER = "provider"


@dataclass(frozen=True)
class User:
    email: str
    clinic_id: str
    role: Role
    name: str
    password_hash: str = ""
    active: bool = True                          # a deactivated user cannot sign in; their sessions end at once
    password_changed_at: datetime | None = None  # sessions signed in before it end (a reset, a change, a
    #                                              deactivation: reactivating never brings old sessions back)

    def session_holds(self, issued_at: datetime, now: datetime) -> bool:
        """Whether a session this user signed in at `issued_at` may still be used `now`."""
        changed = self.password_changed_at
        return self.active and (changed is None or issued_at >= changed) and issued_at <= now < issued_at + SESSION_LIFETIME


@dataclass(frozen=True)
class ApiKey:
    """One of a clinic's API keys as its admins see it: never the key itself, only its SHA-256."""

    key_hash: str
    clinic_id: str
    label: str
    created_at: datetime | None = None
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def key_id(self) -> str:
        """A short public name for the key (the start of its hash)."""
        return self.key_hash[:12]


LAST_USED_EVERY = timedelta(hours=1)  # "last used" is written at most this often per key


@dataclass(frozen=True)
class Caller:
    """Who is asking: a signed-in user or an API key, always bound to one clinic."""

    clinic_id: str
    role: Role
    email: str = ""

    @property
    def may_enroll(self) -> bool:
        return self.role is Role.ADMIN
