from datetime import datetime, timezone

from shared.services.inbound import InboundService
from shared.services.ports import InboundSms
from tests.fakes import MemoryStore

NOW = datetime(2027, 1, 5, 18, 0, tzinfo=timezone.utc)


def sms(body, sid="SM1", sender="+15551234567"):
    return InboundSms(message_sid=sid, from_number=sender, to_number="+15005550006", body=body, received_at=NOW)


def test_help_gets_the_help_text_and_is_stored_once():
    store = MemoryStore()
    result = InboundService(store).handle(sms("help"))
    assert "STOP" in result.reply and "help" in result.reply.lower()
    assert [m["flags"] for m in store.messages] == [["help"]]


def test_a_retried_webhook_gets_the_same_reply_and_is_not_stored_twice():
    store = MemoryStore()
    service = InboundService(store)
    first = service.handle(sms("HELP", sid="SM9"))
    again = service.handle(sms("HELP", sid="SM9"))
    assert again.duplicate and again.reply == first.reply
    assert len(store.messages) == 1


def test_crisis_language_gets_988_before_any_keyword_or_state():
    store = MemoryStore()
    store.phones["+15551234567"] = "p1"
    result = InboundService(store).handle(sms("STOP I want to kill myself"))
    assert "988" in result.reply and "911" in result.reply
    assert store.messages[0]["flags"] == ["crisis"] and store.messages[0]["patient_id"] == "p1"


def test_crisis_from_an_unknown_number_still_gets_988():
    result = InboundService(MemoryStore()).handle(sms("no reason to live", sender="+15559990000"))
    assert "988" in result.reply


def test_unknown_number_is_told_it_is_not_enrolled_and_the_text_is_kept():
    store = MemoryStore()
    result = InboundService(store).handle(sms("hello?", sender="+15559990000"))
    assert "not enrolled" in result.reply
    assert store.messages[0]["body"] == "hello?" and store.messages[0]["patient_id"] is None


def test_a_patient_note_is_acknowledged_for_the_care_team():
    store = MemoryStore()
    store.phones["+15551234567"] = "p1"
    result = InboundService(store).handle(sms("slept badly"))
    assert "care team" in result.reply
    assert store.messages[0]["flags"] == ["note"]
