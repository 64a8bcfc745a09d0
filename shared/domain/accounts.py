"""Clinic staff: admins enroll and manage, providers review and adjust. Each sees only their own clinic."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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


@dataclass(frozen=True)
class Caller:
    """Who is asking: a signed-in user or an API key, always bound to one clinic."""

    clinic_id: str
    role: Role
    email: str = ""

    @property
    def may_enroll(self) -> bool:
        return self.role is Role.ADMIN
