"""A re-plan right after YES (a new zone or dose time, new clinic settings) plans the first check-in again: the
baseline every later answer is judged against is never lost with the old generation."""
from __future__ import annotations

from datetime import timedelta

from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment

PHONE = "+12125550171"


def said_yes(world) -> str:
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0171", start_date="2027-01-03"))
    world.services.inbound.handle(InboundSms("SMyes", PHONE, "+15005550006", "YES", NOW))
    return created.get_json()["id"]


def first_questions(world) -> list[str]:
    return [m["body"] for m in world.sms.sent if m["to"] == PHONE and "Check-in 1/3" in m["body"]]


def test_a_new_dose_time_before_the_baseline_went_keeps_it(world):
    patient_id = said_yes(world)
    assert world.api("PATCH", f"/api/patients/{patient_id}", json={"dose_time": "22:00"}).status_code == 200
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    assert len(first_questions(world)) == 1


def test_a_new_zone_in_its_quiet_hours_moves_the_baseline_to_their_morning(world):
    patient_id = said_yes(world)  # noon in New York: 01:00 the next day in Tokyo
    world.api("PATCH", f"/api/patients/{patient_id}", json={"timezone": "Asia/Tokyo"})
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    assert first_questions(world) == []
    world.services.dispatcher.run(NOW + timedelta(hours=8, minutes=1))  # 09:01 in Tokyo
    assert len(first_questions(world)) == 1


def test_a_new_language_before_the_baseline_went_keeps_it_in_that_language(world):
    patient_id = said_yes(world)
    world.api("PATCH", f"/api/patients/{patient_id}", json={"language": "es"})
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    assert [m for m in world.sms.sent if m["to"] == PHONE and "Control 1/3" in m["body"]]


def test_a_hold_before_the_baseline_went_keeps_it(world):
    patient_id = said_yes(world)
    assert world.api("POST", f"/api/patients/{patient_id}/hold").status_code == 200
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    assert len(first_questions(world)) == 1
