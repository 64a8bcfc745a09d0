"""The in-memory table every in-memory aggregate shares: dictionaries and one re-entrant lock."""
from __future__ import annotations

import itertools
import threading
from typing import Any

from shared.domain.accounts import User
from shared.domain.checkins import CheckIn
from shared.domain.jobs import Job
from shared.domain.patients import Clinic, Escalation, Patient


class MemoryTable:
    """What DynamoDB's single table holds, by record kind. Conditions are checked under `lock`."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.patients: dict[str, Patient] = {}
        self.phones: dict[str, dict[str, Any]] = {}            # e164 -> {"patient_id", "plan_over"}
        self.jobs: dict[tuple[str, str], Job] = {}
        self.due: dict[tuple[str, str], str] = {}              # the due index: key -> due_at
        self.checkins: dict[str, list[CheckIn]] = {}
        self.escalations: dict[str, list[Escalation]] = {}
        self.audit: dict[str, list[dict[str, Any]]] = {}
        self.seen: dict[str, str] = {}                         # MessageSid -> reply
        self.messages: list[dict[str, Any]] = []
        self.clinics: dict[str, Clinic] = {}
        self.users: dict[str, User] = {}
        self.api_keys: dict[str, dict[str, Any]] = {}
        self.sessions: dict[str, tuple[dict[str, Any], float]] = {}
        self.login_failures: dict[str, tuple[int, float]] = {}
        self.sequence = itertools.count(1)                      # the order things were written in
