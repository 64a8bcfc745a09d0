"""Which Twilio sender a clinic texts from, and which sender a patient's text reached.

A sender is named by one string, its *sender key*: a Messaging Service SID (`MG` + 32 hex) or a phone number
(E.164). The deployment's default sender (TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID) has the empty key:
every clinic without a sender of its own shares it, and so shares one space of patients' numbers. A patient's
number is unique per sender key, not service-wide: the same person may be a patient of two clinics that text
from different senders, and a text is routed by (the sender it reached, the number it came from).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT = ""  # the sender key of the deployment's default sender
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
MESSAGING_SERVICE_SID = re.compile(r"^MG[0-9a-fA-F]{32}$")


def is_messaging_service(sender: str) -> bool:
    return bool(MESSAGING_SERVICE_SID.match(sender))


def checked_sender(number: str, messaging_service_sid: str) -> tuple[str, str]:
    """A clinic's own sender as given (either, or neither for the default); ValueError says what is wrong."""
    number, messaging_service_sid = (number or "").strip(), (messaging_service_sid or "").strip()
    if number and messaging_service_sid:
        raise ValueError("Give a clinic either its own sender number or a Messaging Service SID, not both.")
    if number and not E164.match(number):
        raise ValueError("A sender number is a Twilio number in E.164 form, like +12125550100.")
    if messaging_service_sid and not is_messaging_service(messaging_service_sid):
        raise ValueError("A Messaging Service SID is MG followed by 32 hexadecimal digits.")
    return number, messaging_service_sid


@dataclass(frozen=True)
class DefaultSender:
    """The deployment's own sender, from its settings: what a text to it is routed as (the empty key)."""

    number: str = ""
    messaging_service_sid: str = ""

    def is_default(self, sender: str) -> bool:
        return sender == DEFAULT or sender in {s for s in (self.number, self.messaging_service_sid) if s}

    def inbound_key(self, to: str, messaging_service_sid: str = "") -> str:
        """The sender key a text reached: its Messaging Service when Twilio names one (a number in a service
        belongs to the service), else the number it was sent to; the default sender's key is empty (so is a
        text that names neither, as a hand-made test request may)."""
        reached = (messaging_service_sid or to or "").strip()
        return DEFAULT if self.is_default(reached) else reached

    def clinic_key(self, sender: str) -> str:
        """A clinic's sender as a key: the default's own number or service given explicitly is the default."""
        return DEFAULT if self.is_default(sender) else sender
