"""The inbound log: each MessageSid stored once with its reply, written with the patient's change all or nothing."""
from datetime import timedelta

import pytest

from shared.domain.patients import PatientStatus, ProfileChange
from shared.errors import StatusMoved
from shared.services.ports import InboundSms
from tests.contract.records import LATER, NOW, a_job, an_escalation, enrolled, everything_of

SHAPE = {"direction", "sid", "from", "to", "body", "at", "seq", "reply", "flags"}


def sms(sid="SM1", body="STOP", at=NOW, from_number="+12125550123") -> InboundSms:
    return InboundSms(sid, from_number, "+15005550006", body, at)


def test_a_text_is_logged_with_its_reply_and_flags(either):
    patient = enrolled(either)
    assert either.save_inbound(sms(), patient, "You are unsubscribed.", ["stop"]) is True
    assert either.reply_for("SM1") == "You are unsubscribed."
    [logged] = either.messages_of_patient("p1")
    assert set(logged) == SHAPE
    assert {k: v for k, v in logged.items() if k != "seq"} == {
        "direction": "inbound", "sid": "SM1", "from": "+12125550123", "to": "+15005550006", "body": "STOP",
        "at": "2027-03-10T14:00:00Z", "reply": "You are unsubscribed.", "flags": ["stop"]}
    assert isinstance(logged["seq"], int)


def test_the_same_message_sid_is_stored_once_and_keeps_its_first_reply(either):
    patient = enrolled(either)
    assert either.save_inbound(sms(), patient, "first", [], ProfileChange(new_status=PatientStatus.OPTED_OUT))
    again = either.get_patient("p1")
    assert either.save_inbound(sms(body="STOP again"), again, "second", ["x"],
                               ProfileChange(new_status=PatientStatus.ACTIVE)) is False
    assert either.reply_for("SM1") == "first"
    assert [(m["body"], m["reply"]) for m in either.messages_of_patient("p1")] == [("STOP", "first")]
    assert either.get_patient("p1") == again


def test_the_patients_change_is_written_with_the_text(either):
    patient = enrolled(either)
    change = ProfileChange(new_status=PatientStatus.OPTED_OUT, escalation=an_escalation("e1", "patient_message"),
                           jobs=(a_job("ack", kind="stop_ack"),))
    assert either.save_inbound(sms(), patient, "bye", ["stop"], change)
    stored = either.get_patient("p1")
    assert (stored.status, stored.version, stored.open_escalations) == (
        PatientStatus.OPTED_OUT, patient.version + 1, {"patient_message": "e1"})
    assert [e.escalation_id for e in either.escalations_of("p1")] == ["e1"]
    assert [job.kind for job in either.jobs_of("p1")] == ["stop_ack"]


def test_an_empty_change_leaves_the_profile_alone(either):
    patient = enrolled(either)
    assert either.save_inbound(sms(), patient, "ok", [], ProfileChange())
    assert either.get_patient("p1") == patient


def test_a_change_that_fails_its_condition_writes_neither_the_text_nor_its_dedupe(either):
    patient = enrolled(either)
    either.apply_change(patient, ProfileChange(plan_generation="g2"), NOW)
    before = everything_of(either)
    with pytest.raises(StatusMoved):  # read before g2 was written
        either.save_inbound(sms(), patient, "bye", ["stop"], ProfileChange(new_status=PatientStatus.OPTED_OUT,
                                                                          jobs=(a_job("ack", kind="stop_ack"),)))
    assert everything_of(either) == before and either.reply_for("SM1") is None
    # The retry on a fresh read goes through: the MessageSid was not spent
    assert either.save_inbound(sms(), either.get_patient("p1"), "bye", ["stop"],
                               ProfileChange(new_status=PatientStatus.OPTED_OUT))
    assert either.get_patient("p1").status is PatientStatus.OPTED_OUT and either.reply_for("SM1") == "bye"


def test_a_change_whose_job_is_there_fails_whole(either):
    patient = enrolled(either)
    either.put_job(a_job("ack", kind="stop_ack"))
    with pytest.raises(StatusMoved):
        either.save_inbound(sms(), patient, "bye", [], ProfileChange(new_status=PatientStatus.OPTED_OUT,
                                                                     jobs=(a_job("ack", kind="stop_ack"),)))
    assert either.reply_for("SM1") is None and either.messages_of_patient("p1") == []
    assert either.get_patient("p1") == patient


def test_texts_are_listed_per_patient_oldest_first_and_unknown_numbers_are_kept_apart(either):
    patient = enrolled(either)
    assert either.save_inbound(sms("SM2", "later", LATER), patient, "r2", [])
    assert either.save_inbound(sms("SM1", "earlier", NOW), patient, "r1", ["help"])
    assert either.save_inbound(sms("SM3", "who?", NOW, from_number="+12125550999"), None, "not enrolled", [])
    assert either.save_inbound(sms("SM4", "both", NOW + timedelta(minutes=1)), None, "r4", [])
    assert [(m["sid"], m["flags"]) for m in either.messages_of_patient("p1")] == [("SM1", ["help"]), ("SM2", [])]
    assert either.messages_of_patient("p2") == []
    assert (either.reply_for("SM3"), either.reply_for("SM4"), either.reply_for("SM9")) == ("not enrolled", "r4", None)
    assert either.save_inbound(sms("SM3", "who?", NOW, from_number="+12125550999"), None, "again", []) is False


def test_a_strangers_answered_texts_are_found_since_a_moment_and_no_others(either):
    stranger, patient = "+12125550999", enrolled(either)
    assert either.replied_to_stranger_since(stranger, NOW - timedelta(days=1)) is False
    assert either.save_inbound(sms("SM1", "hi", NOW - timedelta(hours=30), stranger), None, "not enrolled", [])
    assert either.save_inbound(sms("SM2", "hi?", NOW - timedelta(hours=2), stranger), None, "", [])  # unanswered
    assert either.save_inbound(sms("SM3", "YES", NOW, "+12125550123"), patient, "Thanks", [])  # a patient's
    assert either.replied_to_stranger_since(stranger, NOW - timedelta(days=1)) is False
    assert either.replied_to_stranger_since(stranger, NOW - timedelta(days=2)) is True
    assert either.replied_to_stranger_since("+12125550123", NOW - timedelta(days=2)) is False
