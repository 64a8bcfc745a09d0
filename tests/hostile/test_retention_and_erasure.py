"""The last finding of the security review (issue 19), on moto: a finished patient's data was kept forever and
could not be erased on request. Now every item of theirs carries the clinic's retention as DynamoDB's TTL, and
an admin (or `python -m scripts.erase_patient`) erases a finished patient, leaving nothing of them behind."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from scripts import erase_patient
from shared.domain.patients import PatientStatus
from shared.services.ports import InboundSms
from tests.app.conftest import enrollment
from tests.hostile.conftest import NOW
from tests.hostile.test_strangers_and_replays import expire

PHONE, SHOWN = "+12125550181", "(212) 555-0181"


def text(world, sid, body, at):
    return world.services.inbound.handle(InboundSms(sid, PHONE, "+15005550006", body, at))


def items(world) -> list[dict]:
    client, table = world.services.store.client, world.services.settings.table_name
    return [item for page in client.get_paginator("scan").paginate(TableName=table) for item in page["Items"]]


def theirs(world, patient_id: str, sids: set[str]) -> list[dict]:
    """Every item of the patient: their partition, their number's mapping and the dedupe of each of their texts."""
    def mine(item) -> bool:
        pk, sk = item["PK"]["S"], item["SK"]["S"]
        return pk == f"PATIENT#{patient_id}" or (pk, sk) == (f"PHONE#{PHONE}", "PHONE") \
            or pk in {f"INBOUND#{sid}" for sid in sids}
    return [item for item in items(world) if mine(item)]


def finished_patient(world) -> tuple[str, datetime]:
    """A patient enrolled, consenting, texting, their short taper ended and its last follow-up run by dispatch:
    (their id, the moment the plan completed)."""
    created = world.api("POST", "/api/patients", json=enrollment(
        phone=SHOWN, first_name="Wilhelmina", start_dose_mg=1, step_mg=1, step_days=2)).get_json()
    text(world, "SMyes", "YES", NOW + timedelta(minutes=5))
    world.services.dispatcher.run(NOW + timedelta(minutes=10))  # the baseline check-in's first question
    text(world, "SMlow", "5", NOW + timedelta(minutes=15))
    store = world.services.store
    [complete] = [j for j in store.jobs_of(created["id"]) if j.kind == "plan_complete" and j.status.value == "pending"]
    done = complete.send_at + timedelta(minutes=1)
    world.services.dispatcher.run(done)
    assert store.get_patient(created["id"]).status is PatientStatus.COMPLETED
    return created["id"], done


def ttl_of(day: date) -> int:
    return int(datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc).timestamp())


def test_every_item_of_a_completed_patient_goes_seven_years_after_the_last_dose_even_those_written_later(world):
    patient_id, done = finished_patient(world)
    patient = world.services.store.get_patient(patient_id)
    assert patient.kept_until == date(patient.plan.last_dose_date.year + 7, patient.plan.last_dose_date.month,
                                      patient.plan.last_dose_date.day)
    # a crisis text after the plan: answered, escalated, and kept no longer than the rest
    assert "988" in text(world, "SMcrisis", "i want to kill myself", done + timedelta(days=3)).reply
    sids = {"SMyes", "SMlow", "SMcrisis"}
    mine = theirs(world, patient_id, sids)
    kinds = {item.get("type", {}).get("S", item["PK"]["S"].split("#")[0]) for item in mine}
    assert {"patient", "phone", "job", "checkin", "message", "escalation", "INBOUND"} <= kinds
    assert [item["SK"]["S"] for item in mine if item.get("ttl", {}).get("N") != str(ttl_of(patient.kept_until))] == []
    # and when DynamoDB's TTL comes round, nothing of theirs is left
    expire(world, datetime.combine(patient.kept_until, datetime.min.time(), tzinfo=timezone.utc))
    assert theirs(world, patient_id, sids) == []


def test_a_clinics_own_retention_is_used(world):
    clinic = world.demo.clinic
    world.services.store.put_clinic(replace(clinic, settings=replace(clinic.settings, retention_years=10)), NOW)
    patient_id, _ = finished_patient(world)
    patient = world.services.store.get_patient(patient_id)
    assert patient.kept_until.year == patient.plan.last_dose_date.year + 10


def test_an_admin_erases_a_finished_patient_and_nothing_of_them_is_left(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0182")).get_json()
    refused = world.api("DELETE", f"/api/patients/{created['id']}")
    assert refused.status_code == 409 and "end the taper first" in refused.get_json()["message"]
    patient_id, done = finished_patient(world)
    world.services.clock.set(done + timedelta(days=1))
    before = theirs(world, patient_id, {"SMyes", "SMlow"})
    erased = world.api("DELETE", f"/api/patients/{patient_id}")
    assert erased.status_code == 200 and erased.get_json()["items"] == len(before) > 20
    left = [item for item in items(world) if patient_id in str(item) or PHONE in str(item)
            or "Wilhelmina" in str(item) or "SMlow" in str(item)]
    assert [(i["PK"]["S"], i["SK"]["S"].split("#")[0], sorted(i)) for i in left] == [
        (f"CLINIC#{world.demo.clinic.clinic_id}", "ERASED", ["PK", "SK", "at", "by", "items", "patient_id", "type"])]
    assert world.api("GET", f"/api/patients/{patient_id}").status_code == 404
    assert world.api("DELETE", f"/api/patients/{patient_id}").status_code == 404
    assert world.services.store.get_patient(created["id"]) is not None  # the other patient is untouched
    # their number is anyone's again: a text from it is a stranger's
    assert world.services.store.patient_for_phone(PHONE) is None


def test_erase_patient_from_a_terminal(world, capsys):
    patient_id, _ = finished_patient(world)
    settings = world.services.settings
    assert erase_patient.main([patient_id, "--by", "privacy@demo.example", "--clinic", "elsewhere"], settings) == 1
    assert "No such patient" in capsys.readouterr().err
    assert erase_patient.main([patient_id, "--by", "privacy@demo.example"], settings) == 0
    assert f"erased patient {patient_id}" in capsys.readouterr().out
    assert world.services.store.get_patient(patient_id) is None
    [entry] = world.services.store.erasures_of(world.demo.clinic.clinic_id)
    assert (entry["patient_id"], entry["by"]) == (patient_id, "privacy@demo.example")
    assert erase_patient.main([patient_id, "--by", "privacy@demo.example"], settings) == 1


@pytest.mark.parametrize("status", ["awaiting_consent", "active"])
def test_a_patient_still_in_their_taper_cannot_be_erased(world, status):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0183")).get_json()
    if status == "active":
        world.services.inbound.handle(InboundSms("SMy", "+12125550183", "+15005550006", "YES", NOW))
    assert world.api("DELETE", f"/api/patients/{created['id']}").status_code == 409
    assert world.services.store.get_patient(created["id"]).status.value == status
