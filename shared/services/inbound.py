"""Handle one text from a patient's phone: crisis first, then keywords, stored once per MessageSid."""
from __future__ import annotations

from dataclasses import dataclass

from shared.domain import texts
from shared.domain.crisis import mentions_crisis
from shared.domain.keywords import Keyword, read_keyword
from shared.log import logger, mask_phone
from shared.services.ports import Inbox, InboundSms

SERVICE_NAME = "taperline"


@dataclass(frozen=True)
class InboundResult:
    reply: str
    duplicate: bool = False
    flags: tuple[str, ...] = ()


@dataclass
class InboundService:
    inbox: Inbox

    def handle(self, sms: InboundSms) -> InboundResult:
        patient_id = self.inbox.patient_for_phone(sms.from_number)
        reply, flags = self.read(sms.body, known=patient_id is not None)
        stored = self.inbox.save_inbound(sms, patient_id, reply, list(flags))
        fields = {"message_sid": sms.message_sid, "from": mask_phone(sms.from_number), "flags": list(flags),
                  "known_patient": patient_id is not None}
        if not stored:
            logger().info("inbound repeat", extra=fields)
            return InboundResult(reply=self.inbox.reply_for(sms.message_sid) or reply, duplicate=True, flags=flags)
        log = logger().warning if "crisis" in flags else logger().info
        log("inbound stored", extra=fields)
        return InboundResult(reply=reply, flags=flags)

    @staticmethod
    def read(body: str, known: bool) -> tuple[str, tuple[str, ...]]:
        """The reply to a text and what it was flagged as. Crisis language wins over everything."""
        if mentions_crisis(body):
            return texts.crisis_text(), ("crisis",)
        keyword = read_keyword(body)
        if keyword is Keyword.HELP:
            return texts.help_text(SERVICE_NAME, ""), ("help",)
        if keyword in (Keyword.STOP, Keyword.START):
            return "", (keyword.value,)  # opt-out is the carrier's and Twilio's first; our record comes later
        if not known:
            return texts.not_enrolled_text(), ("unknown_number",)
        return texts.note_received_text(), ("note",)
