"""The mail sender: Amazon SES v2 through boto3."""
from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from shared.domain.jobs import utc_iso
from shared.services.ports import SendError

RETRYABLE = {"TooManyRequestsException", "LimitExceededException", "InternalFailure", "ServiceUnavailable",
             "Throttling", "ThrottlingException"}


class SesMailSender:
    def __init__(self, client: Any, sender: str):
        self.client = client
        self.sender = sender

    def send(self, to: str, subject: str, text: str, html: str) -> str:
        body = {"Text": {"Data": text, "Charset": "UTF-8"}}
        if html:
            body["Html"] = {"Data": html, "Charset": "UTF-8"}
        try:
            sent = self.client.send_email(
                FromEmailAddress=self.sender, Destination={"ToAddresses": [to]},
                Content={"Simple": {"Subject": {"Data": subject, "Charset": "UTF-8"}, "Body": body}})
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            raise SendError(f"SES refused the email: {code}", code=code, retryable=code in RETRYABLE) from exc
        except BotoCoreError as exc:
            raise SendError(f"SES unreachable: {type(exc).__name__}", code="network", retryable=True) from exc
        return sent["MessageId"]


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
        """Make the next sends fail as an SES outage would (local stack and tests only)."""
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
