"""The in-memory table every in-memory aggregate shares: dictionaries and one re-entrant lock."""
from __future__ import annotations

import itertools
import threading
from dataclasses import fields, is_dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from shared.domain.accounts import User
from shared.domain.checkins import CheckIn
from shared.domain.jobs import Job, parse_utc, utc_iso
from shared.domain.patients import Clinic, Escalation, Patient


class MemoryTable:
    """What DynamoDB's single table holds, by record kind. Conditions are checked under `lock`."""

    def __init__(self, shards: int = 8) -> None:
        self.shards = shards                                    # of the due index, as DynamoStore's due_shards
        self.lock = threading.RLock()
        self.patients: dict[str, Patient] = {}
        self.phones: dict[tuple[str, str], dict[str, Any]] = {}  # (sender, e164) -> {"patient_id", "clinic_id", "plan_over"}
        self.jobs: dict[tuple[str, str], Job] = {}
        self.due: dict[tuple[str, str], str] = {}              # the due index: key -> due_at
        self.checkins: dict[str, list[CheckIn]] = {}
        self.escalations: dict[str, list[Escalation]] = {}
        self.audit: dict[str, list[tuple[tuple[str, int], dict[str, Any]]]] = {}  # ((written at, seq), entry)
        self.seen: dict[str, str] = {}                         # MessageSid -> reply
        self.messages: list[dict[str, Any]] = []
        self.clinics: dict[str, Clinic] = {}
        self.settings_changes: dict[str, list[dict[str, Any]]] = {}  # clinic id -> its settings' changes, in order
        self.users: dict[str, User] = {}
        self.api_keys: dict[str, dict[str, Any]] = {}
        self.sessions: dict[str, tuple[str, int]] = {}         # token hash -> (data as JSON, expiry)
        self.login_failures: dict[str, tuple[int, float]] = {}
        self.enrollments: dict[tuple[str, str], int] = {}       # (clinic, minute or day) -> enrollments
        self.erasures: dict[str, list[dict[str, Any]]] = {}     # clinic -> who erased which patient id when
        self.tokens: dict[tuple[str, str], tuple[dict[str, Any], int]] = {}  # (kind, hash) -> (data, expiry)
        self.counters: dict[tuple[str, str], int] = {}          # (clinic, count's name) -> count
        self.sequence = itertools.count(1)                      # the order things were written in


T = TypeVar("T")


def kept(value: T, *, in_map: bool = False) -> T:
    """A copy of a record as DynamoDB gives it back: moments to the second in UTC, tuples inside maps as lists, and
    nothing shared with the caller (a read changed in place changes nothing stored)."""
    if isinstance(value, datetime):
        return parse_utc(utc_iso(value))  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: kept(getattr(value, f.name)) for f in fields(value) if f.init})  # type: ignore
    if isinstance(value, dict):
        return {key: kept(item, in_map=True) for key, item in value.items()}  # type: ignore[return-value]
    if isinstance(value, (list, tuple)):
        items = [kept(item, in_map=in_map) for item in value]
        return items if in_map or isinstance(value, list) else tuple(items)  # type: ignore[return-value]
    return value
