"""The SMS sender: the real twilio REST client, pointed at a local endpoint in local mode."""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from shared.errors import SendError

# Twilio error codes that trying again cannot fix.
PERMANENT_CODES = {21211, 21408, 21610, 21612, 21614, 30003, 30004, 30005, 30006, 30007}
TIMEOUT_SECONDS = 10.0
NOT_CANCELABLE = 30409  # Status=canceled on a message no longer scheduled


def _quiet_twilio_logger() -> logging.Logger:
    """Twilio's own request log carries numbers and bodies: keep it to warnings."""
    logger = logging.getLogger("twilio.http_client")
    logger.setLevel(logging.WARNING)
    return logger


def local_http_client(base_url: str) -> Any:
    """A TwilioHttpClient that sends every Twilio API call to `base_url` instead of twilio.com."""
    from twilio.http.http_client import TwilioHttpClient

    target = urlsplit(base_url)

    # twilio ships no type hints, so its client is Any to mypy: subclassing Any is an error (misc) only where
    # disallow_subclassing_any is on, hence unused-ignore too.
    class LocalTwilioHttpClient(TwilioHttpClient):  # type: ignore[misc, unused-ignore]
        def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
            parts = urlsplit(url)
            local = urlunsplit((target.scheme, target.netloc, parts.path, parts.query, parts.fragment))
            return super().request(method, local, *args, **kwargs)

    return LocalTwilioHttpClient(timeout=TIMEOUT_SECONDS, logger=_quiet_twilio_logger())


def build_twilio_client(account_sid: str, auth_token: str, api_url: str = "") -> Any:
    from twilio.http.http_client import TwilioHttpClient
    from twilio.rest import Client

    http_client = (local_http_client(api_url) if api_url
                   else TwilioHttpClient(timeout=TIMEOUT_SECONDS, logger=_quiet_twilio_logger()))
    return Client(account_sid, auth_token, http_client=http_client)


class TwilioSmsSender:
    """Sends one text through Twilio's Messages API, from the clinic's sender or the deployment's default, and maps
    its errors to SendError."""

    def __init__(self, client: Any, from_number: str = "", messaging_service_sid: str = ""):
        if not (from_number or messaging_service_sid):
            raise ValueError("a from number or a messaging service SID is needed")
        self.client = client
        self.sender = {"messaging_service_sid": messaging_service_sid} if messaging_service_sid else {"from_": from_number}

    def find_sent(self, to: str, body: str, since: datetime) -> str | None:
        """After an answer was lost: did the message reach Twilio after all?"""
        return find_sent_message(self.client, to, body, since)

    def send(self, to: str, body: str, status_callback: str, sender: str = "") -> str:
        return self._create(to, body, status_callback, sender, {})

    def schedule(self, to: str, body: str, status_callback: str, send_at: datetime, sender: str = "") -> str:
        """Hand a text to Twilio now for it to send at `send_at` (ScheduleType=fixed, SendAt): only through a
        Messaging Service, 15 minutes to 35 days ahead (Twilio answers 35118 / 35114 otherwise)."""
        return self._create(to, body, status_callback, sender, {"schedule_type": "fixed", "send_at": send_at})

    def cancel(self, sid: str) -> bool:
        """Cancel a scheduled message (Status=canceled): True when canceled; False when it was no longer scheduled
        (30409: Twilio sent it, or is sending it); SendError when Twilio could not be asked."""
        import requests
        from twilio.base.exceptions import TwilioException, TwilioRestException

        try:
            self.client.messages(sid).update(status="canceled")
        except TwilioRestException as exc:
            if int(exc.code or 0) == NOT_CANCELABLE:
                return False
            raise SendError(f"Twilio did not cancel: HTTP {exc.status}", code=str(exc.code or exc.status),
                            retryable=True) from exc
        except (TwilioException, requests.RequestException) as exc:
            raise SendError(f"Twilio unreachable: {type(exc).__name__}", code="network", retryable=True) from exc
        return True

    def _create(self, to: str, body: str, status_callback: str, sender: str, schedule: dict[str, Any]) -> str:
        import requests
        from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException

        from shared.domain.senders import is_messaging_service

        chosen = self.sender if not sender else (
            {"messaging_service_sid": sender} if is_messaging_service(sender) else {"from_": sender})
        try:
            message = self.client.messages.create(to=to, body=body, status_callback=status_callback, **chosen,
                                                  **schedule)
        except (TwilioRestException, TwilioServiceException) as exc:
            code, status = int(exc.code or 0), int(exc.status or 0)
            retryable = code not in PERMANENT_CODES and (status == 429 or status >= 500)
            raise SendError(f"Twilio refused the message: HTTP {status}", code=str(code or status),
                            retryable=retryable) from exc
        except requests.ConnectionError as exc:
            if not _never_reached(exc):
                raise _ambiguous(exc) from exc
            raise SendError(f"Twilio unreachable: {type(exc).__name__}", code="network", retryable=True) from exc
        except (requests.RequestException, TwilioException) as exc:
            raise _ambiguous(exc) from exc  # sent, but no answer we can read: it may have gone out
        sid: str = message.sid  # twilio is untyped: its message is Any
        return sid


def _never_reached(exc: Exception) -> bool:
    """True when the connection itself failed (refused, DNS, connect timeout), so Twilio saw nothing."""
    from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

    import requests

    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, (NewConnectionError, ConnectTimeoutError, NameResolutionError))


def _ambiguous(exc: Exception) -> SendError:
    return SendError(f"Twilio answer lost: {type(exc).__name__}", code="ambiguous", ambiguous=True)


def find_sent_message(client: Any, to: str, body: str, since: datetime) -> str | None:
    """The SID of a message with this body created for `to` since `since`, if Twilio has one.

    Filtered on the creation time, not Twilio's DateSent: a message Twilio accepted but still holds in its
    queue has no date_sent yet, and must count as sent (resending it would text the patient twice)."""
    import requests
    from twilio.base.exceptions import TwilioException

    try:
        for message in client.messages.list(to=to, limit=50):   # newest first
            if message.body == body and (message.date_created is None or message.date_created >= since):
                sid: str = message.sid
                return sid
    except (TwilioException, requests.RequestException) as exc:
        raise SendError("Twilio lookup failed", code="lookup", retryable=True) from exc
    return None
