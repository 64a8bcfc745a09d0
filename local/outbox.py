"""The dev stack's email outbox: a mail sender that keeps a copy of each email SES accepted."""
from __future__ import annotations

from typing import Any

from shared.adapters.ses_mail import RETRYABLE
from shared.domain.jobs import utc_iso
from shared.services.ports import SendError


class RecordingMailSender:
    """Wraps a mail sender and keeps a copy of each email it got through (the local outbox)."""

    def __init__(self, inner: Any, clock: Any):
        self.inner = inner
        self.clock = clock
        self.sent: list[dict] = []
        self.failures: list[str] = []
        self.refused: list[dict] = []
        self.outage: tuple[Any, str] | None = None

    def fail_next(self, times: int = 1, code: str = "ServiceUnavailable") -> None:
        """Make the next sends fail as an SES outage would (dev stack and tests only)."""
        self.failures.extend([code] * times)

    def down_until(self, moment: Any, code: str = "ServiceUnavailable") -> None:
        """Refuse every send until the (simulated) clock reaches `moment`: an SES outage of some length."""
        self.outage = (moment, code)

    def send(self, to: str, subject: str, text: str, html: str) -> str:
        outage = self.outage
        if self.failures or (outage and self.clock.now() < outage[0]):
            code = self.failures.pop(0) if self.failures else outage[1]
            self.refused.append({"to": to, "subject": subject, "at": utc_iso(self.clock.now()), "code": code})
            raise SendError(f"SES refused the email: {code}", code=code, retryable=code in RETRYABLE)
        message_id = self.inner.send(to, subject, text, html)
        self.sent.append({"to": to, "subject": subject, "text": text, "html": html,
                          "sent_at": utc_iso(self.clock.now()), "message_id": message_id})
        return message_id
