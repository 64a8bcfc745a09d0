"""The mail sender: Amazon SES v2 through boto3."""
from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from shared.errors import SendError

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
        message_id: str = sent["MessageId"]  # boto3 clients are untyped
        return message_id

