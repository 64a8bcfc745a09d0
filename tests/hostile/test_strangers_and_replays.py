"""Two findings of the security review (issue 19), tried as an attacker would, on moto:
paid replies to a stranger who texts again and again, and a captured STOP replayed once its dedupe expired."""
from __future__ import annotations

from datetime import timedelta

from shared.services.ports import InboundSms
from tests.app.conftest import enrollment
from tests.hostile.conftest import NOW

STRANGER = "+12125550999"


def text(world, sid, body, at, sender=STRANGER):
    return world.services.inbound.handle(InboundSms(sid, sender, "+15005550006", body, at))


def expire(world, now) -> list[str]:
    """Delete what DynamoDB's TTL would have deleted by `now` (moto stores TTLs but never enforces them); the
    partition keys of what went."""
    client, table = world.services.store.client, world.services.settings.table_name
    gone = []
    for page in client.get_paginator("scan").paginate(TableName=table):
        for item in page["Items"]:
            if "ttl" in item and int(item["ttl"]["N"]) <= now.timestamp():
                client.delete_item(TableName=table, Key={"PK": item["PK"], "SK": item["SK"]})
                gone.append(item["PK"]["S"])
    return gone


def test_thirty_texts_from_a_stranger_get_one_reply_a_day_and_a_crisis_is_always_answered(world):
    replies = [text(world, f"SMs{i}", "hello?", NOW + timedelta(minutes=i)).reply for i in range(30)]
    assert sum(1 for r in replies if r) == 1 and replies[0]
    crisis = text(world, "SMcrisis", "I want to kill myself", NOW + timedelta(minutes=40)).reply
    assert "988" in crisis
    # the crisis reply counts too: a day after it, one more reply, and no other that day
    assert text(world, "SMnext", "hello?", NOW + timedelta(days=1, minutes=41)).reply
    assert text(world, "SMnext2", "hello?", NOW + timedelta(days=1, minutes=42)).reply == ""


def test_a_strangers_texts_are_kept_thirty_days_and_a_patients_seven_years(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0177")).get_json()
    text(world, "SMstranger", "hello?", NOW)
    text(world, "SMpatient", "YES", NOW, sender="+12125550177")
    gone = [key for key in expire(world, NOW + timedelta(days=31)) if not key.startswith("ENROLLS#")]  # counters
    assert sorted(gone) == ["INBOUND#SMstranger", f"PHONE#{STRANGER}"]  # the stranger's text and its dedupe
    assert world.services.store.reply_for("SMstranger") is None
    assert world.services.store.reply_for("SMpatient")
    assert [m["sid"] for m in world.services.store.messages_of_patient(created["id"])] == ["SMpatient"]


def test_a_captured_stop_replayed_after_a_week_does_not_opt_the_patient_out_again(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0178")).get_json()
    patient = "+12125550178"
    text(world, "SMyes", "YES", NOW, sender=patient)
    text(world, "SMstop", "STOP", NOW + timedelta(hours=1), sender=patient)
    text(world, "SMstart", "START", NOW + timedelta(days=1), sender=patient)
    assert world.services.store.get_patient(created["id"]).status.value == "active"
    later = NOW + timedelta(days=8)
    expire(world, later)
    text(world, "SMstop", "STOP", later, sender=patient)  # the attacker replays the signed STOP
    assert world.services.store.get_patient(created["id"]).status.value == "active"
