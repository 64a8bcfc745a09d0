"""An ordinary check-in answer costs at most three DynamoDB calls: the phone, the patient, one transaction."""
from collections import Counter
from datetime import datetime, timezone
from decimal import Decimal

from shared.domain import checkins
from shared.services.inbound import InboundService
from shared.services.ports import InboundSms
from tests.builders import a_patient

NOW = datetime(2027, 3, 10, 23, 0, tzinfo=timezone.utc)


def test_an_ordinary_answer_takes_three_calls_and_a_retry_is_stored_once(store, dynamodb):
    checkin, _ = checkins.start("chk1", checkins.STEP, Decimal("2.5"), NOW)
    store.enroll(a_patient("p1", open_checkin=checkin), [])
    calls: Counter = Counter()
    dynamodb.meta.events.register("before-call.dynamodb", lambda model, **_: calls.update([model.name]))
    service = InboundService(store)
    answer = InboundSms("SMa1", "+12125550123", "+15005550006", "6", NOW)
    first = service.handle(answer)
    assert sum(calls.values()) <= 3 and calls["TransactWriteItems"] == 1, calls
    assert first.reply.startswith("2/3")
    again = service.handle(answer)  # Twilio retried: same reply, nothing stored twice
    assert again.duplicate and again.reply == first.reply
    stored = store.get_patient("p1").open_checkin
    assert stored.position == 1 and stored.answers["symptoms"].value == 6
    assert len(store.messages_of_patient("p1")) == 1


def test_repeated_crisis_texts_keep_one_open_escalation_in_dynamodb(store):
    store.enroll(a_patient("p2", phone="+12125550199"), [])
    service = InboundService(store)
    for n, body in enumerate(["i want to die", "kill myself", "no reason to live"]):
        assert "988" in service.handle(InboundSms(f"SMc{n}", "+12125550199", "+15005550006", body, NOW)).reply
    [escalation] = store.escalations_of("p2")
    assert escalation.status == "open" and [e["message_sid"] for e in escalation.evidence] == ["SMc0", "SMc1", "SMc2"]
    emails = [j for j in store.jobs_of("p2") if j.kind == "escalation_email"]
    assert len(emails) == 1
