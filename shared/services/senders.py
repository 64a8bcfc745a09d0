"""The ports of the world outside the store: the clock, and the SMS and email senders."""
from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SmsSender(Protocol):
    def send(self, to: str, body: str, status_callback: str, sender: str = "") -> str:
        """Send one text from `sender` ("" the default; domain/senders.py); the Twilio SID, or SendError."""

    def find_sent(self, to: str, body: str, since: datetime) -> str | None:
        """The SID of this text if it reached Twilio since `since` (after a lost answer), else None."""

    def schedule(self, to: str, body: str, status_callback: str, send_at: datetime, sender: str = "") -> str:
        """Hand a text over now for Twilio to send at `send_at` (a Messaging Service sender only); its SID, or
        SendError."""

    def cancel(self, sid: str) -> bool:
        """Cancel a scheduled text: True when canceled, False when it was no longer scheduled (it went anyway);
        SendError (retryable) when Twilio could not be asked."""


class Workers(Protocol):
    def start(self, now: datetime, shard: int) -> None:
        """Start one dispatch worker for the due index's `shard` at the minute `now`, without waiting for it
        (an asynchronous Lambda invoke); raise when it could not be started."""


class MailSender(Protocol):
    def send(self, to: str, subject: str, text: str, html: str) -> str:
        """Send one email; return the provider's message id or raise SendError."""
