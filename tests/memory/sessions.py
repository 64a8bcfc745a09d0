"""Sign-in sessions and login failures in memory, expiring as DynamoSessions' TTL items do."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from tests.memory.table import MemoryTable


class MemorySessions:
    def __init__(self, table: MemoryTable):
        self.table = table

    def get_session(self, token_hash: str, now: datetime) -> dict[str, Any] | None:
        found = self.table.sessions.get(token_hash)
        if found is None or int(found[1]) <= now.timestamp():
            return None
        return dict(json.loads(found[0]))

    def put_session(self, token_hash: str, data: dict[str, Any], expires: datetime) -> None:
        self.table.sessions[token_hash] = (json.dumps(data), int(expires.timestamp()))  # as DynamoSessions keeps it

    def delete_session(self, token_hash: str) -> None:
        self.table.sessions.pop(token_hash, None)

    def login_failures(self, email: str, now: datetime) -> int:
        count, ends = self.table.login_failures.get(email, (0, 0))
        return count if ends > now.timestamp() else 0

    def record_login_failure(self, email: str, now: datetime, window: timedelta) -> int:
        with self.table.lock:
            count, ends = self.table.login_failures.get(email, (0, 0))
            if ends > int(now.timestamp()):
                self.table.login_failures[email] = (count + 1, ends)
                return count + 1
            self.table.login_failures[email] = (1, int((now + window).timestamp()))
            return 1

    def clear_login_failures(self, email: str) -> None:
        self.table.login_failures.pop(email, None)
