"""Stand-ins for the clock, Twilio and SES; the in-memory store is tests/memory (held to tests/contract)."""
from __future__ import annotations

from datetime import datetime

from shared.services.ports import SendError
from tests.memory import MemoryStore

__all__ = ["FakeMail", "FakeSms", "FixedClock", "MemoryStore"]


class FixedClock:
    def __init__(self, now: datetime):
        self._now = now

    def now(self) -> datetime:
        return self._now

    def set(self, now: datetime) -> None:
        self._now = now


class FakeSms:
    """Records each text; `fail_with` makes the next sends raise the given errors in turn."""

    def __init__(self):
        self.sent: list[dict] = []
        self.fail_with: list[SendError] = []
        self.lose_answer = False
        self.cancelled: list[str] = []         # scheduled texts taken back
        self.released: set[str] = set()        # scheduled texts Twilio has sent (too late to cancel)
        self.fail_cancel: list[SendError] = []
        self.fail_find: list[Exception] = []   # the next lookups of a lost answer raise these in turn
        self.clock = None                      # when set, each text notes when it was made and lookups honour `since`

    def send(self, to: str, body: str, status_callback: str, sender: str = "") -> str:
        if self.fail_with:
            raise self.fail_with.pop(0)
        sid = f"SM{len(self.sent):032d}"
        self.sent.append({"to": to, "body": body, "status_callback": status_callback, "sid": sid, "sender": sender,
                          **({"created": self.clock.now()} if self.clock else {})})
        if self.lose_answer:  # Twilio took it, but the answer never came back
            self.lose_answer = False
            raise SendError("read timeout", code="ambiguous", ambiguous=True)
        return sid

    def find_sent(self, to: str, body: str, since) -> str | None:
        if self.fail_find:
            raise self.fail_find.pop(0)
        return next((m["sid"] for m in self.sent if m["to"] == to and m["body"] == body
                     and m.get("created", since) >= since), None)

    def schedule(self, to: str, body: str, status_callback: str, send_at, sender: str = "") -> str:
        """As send, the text noted with the moment Twilio is to send it (`send_at`); `cancel` takes it back until
        `released` says it went."""
        try:
            return self.send(to, body, status_callback, sender)
        finally:
            if self.sent and self.sent[-1]["to"] == to and self.sent[-1]["body"] == body:
                self.sent[-1]["send_at"] = send_at

    def cancel(self, sid: str) -> bool:
        if self.fail_cancel:
            raise self.fail_cancel.pop(0)
        if sid in self.released:
            return False
        self.cancelled.append(sid)
        return True


class FakeMail:
    def __init__(self):
        self.sent: list[dict] = []
        self.fail_with: list[SendError] = []

    def send(self, to: str, subject: str, text: str, html: str) -> str:
        if self.fail_with:
            raise self.fail_with.pop(0)
        self.sent.append({"to": to, "subject": subject, "text": text, "html": html})
        return f"mail-{len(self.sent)}"
