"""Clinic settings (issue 15): GET/PATCH /api/clinic/settings and the admins' page; each change audited (who, when,
old -> new) and read live: the next text, reply and escalation follow it, and planned texts are written again."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from shared.domain.job_kinds import JobKind
from shared.domain.jobs import JobStatus
from shared.services.ports import InboundSms
from tests.app.conftest import NOW, csrf_from, enrollment

PHONE = "+12125550161"
DEMO_NUMBER = "+15005550006"
SETTINGS = "/api/clinic/settings"


def active_patient(world) -> str:
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0161", start_date="2027-01-03"))
    world.services.inbound.handle(InboundSms("SMyes", PHONE, DEMO_NUMBER, "YES", NOW))
    return created.get_json()["id"]


def planned_checkins(world, patient_id: str) -> list[datetime]:
    """The live plan's check-ins still to go after the first one (its baseline), in order."""
    patient = world.services.store.get_patient(patient_id)
    return sorted(j.send_at for j in world.services.store.jobs_of(patient_id)
                  if j.kind == JobKind.CHECKIN and j.status is JobStatus.PENDING and j.meta.get("checkin_kind") != "baseline"
                  and j.meta.get("generation") == patient.plan_generation)


def test_the_settings_read_as_the_contract_says(world):
    answer = world.api("GET", SETTINGS)
    assert answer.status_code == 200
    body = answer.get_json()
    assert {"name", "phone", "timezone", "quiet_hours", "discreet_texts", "escalation_email", "hold_on_escalation",
            "safety_mood_at_or_below"} <= set(body)
    assert (body["name"], body["phone"], body["timezone"]) == ("Demo Clinic", "+1 212 555 0100", "America/New_York")
    assert body["quiet_hours"] == {"start": "21:00", "end": "08:00"} and body["safety_mood_at_or_below"] == 1
    assert world.api("GET", SETTINGS, key=world.other_key).get_json()["name"] == "Other Clinic"
    assert world.client.get(SETTINGS).status_code == 401


def test_a_change_answers_the_settings_after_it_and_is_audited_old_to_new(world):
    answer = world.api("PATCH", SETTINGS, json={"name": "Demo Clinic North", "quiet_hours": {"start": "20:00",
                                                                                             "end": "08:30"},
                                                "thresholds": {"mood_low": 2}, "escalation_email": "OnCall@Example.org"})
    assert answer.status_code == 200
    body = answer.get_json()
    assert (body["name"], body["quiet_hours"], body["thresholds"]["mood_low"], body["escalation_email"]) == (
        "Demo Clinic North", {"start": "20:00", "end": "08:30"}, 2, "oncall@example.org")
    assert world.api("GET", SETTINGS).get_json() == body
    [entry] = world.services.store.settings_changes_of(world.demo.clinic.clinic_id)
    assert entry["who"].startswith("api key ") and entry["at"] == "2027-01-03T17:00:00Z"
    assert entry["changes"] == {"name": {"from": "Demo Clinic", "to": "Demo Clinic North"},
                                "quiet_hours.start": {"from": "21:00", "to": "20:00"},
                                "quiet_hours.end": {"from": "08:00", "to": "08:30"},
                                "thresholds.mood_low": {"from": 3, "to": 2},
                                "escalation_email": {"from": "", "to": "oncall@example.org"}}
    assert world.api("GET", SETTINGS, key=world.other_key).get_json()["name"] == "Other Clinic"


def test_sending_the_settings_as_they_are_changes_nothing_and_logs_nothing(world):
    assert world.api("PATCH", SETTINGS, json={"name": "Demo Clinic", "discreet_texts": False}).status_code == 200
    assert world.services.store.settings_changes_of(world.demo.clinic.clinic_id) == []


@pytest.mark.parametrize("body, field, words", [
    ({}, "_schema", "at least one"),
    ({"quiet_hours": {"start": "22:00", "end": "08:00"}}, "quiet_hours", "between 12:00 and 21:00"),
    ({"quiet_hours": {"start": "21:00", "end": "07:00"}}, "quiet_hours", "between 08:00 and 12:00"),
    ({"quiet_hours": {"start": "21:00"}}, "quiet_hours", "required"),
    ({"discreet_texts": "yes"}, "discreet_texts", "true or false"),
    ({"safety_mood_at_or_below": 11}, "safety_mood_at_or_below", "0 to 10"),
    ({"safety_mood_at_or_below": "1"}, "safety_mood_at_or_below", "integer"),
    ({"thresholds": {"mood_low": 20}}, "thresholds", "0 to 10"),
    ({"thresholds": {"panic": 2}}, "thresholds", "unknown"),
    ({"phone": "555"}, "phone", "phone number"),
    ({"name": "   "}, "name", "enter a name"),
    ({"timezone": "Mars/Olympus"}, "timezone", "IANA"),
    ({"escalation_email": "nobody"}, "escalation_email", "email"),
    ({"retention_years": 0}, "retention_years", "1 to 30"),
    ({"countries": ["US", "MX"]}, "countries", "operator"),
    ({"sender_number": "+15005550007"}, "sender_number", "operator"),
    ({"colour": "blue"}, "colour", "unknown"),
])
def test_a_wrong_setting_is_a_400_naming_it_and_changes_nothing(world, body, field, words):
    answer = world.api("PATCH", SETTINGS, json=body)
    assert answer.status_code == 400
    errors = answer.get_json()["errors"]
    assert field in errors and words.lower() in str(errors[field]).lower()
    assert world.api("GET", SETTINGS).get_json()["quiet_hours"] == {"start": "21:00", "end": "08:00"}
    assert world.services.store.settings_changes_of(world.demo.clinic.clinic_id) == []


def test_a_body_that_is_not_an_object_is_a_400(world):
    answer = world.api("PATCH", SETTINGS, data="[1]", content_type="application/json")
    assert answer.status_code == 400 and "_body" in answer.get_json()["errors"]


def test_new_quiet_hours_move_the_next_checkin_out_of_them(world):
    patient_id = active_patient(world)
    first = planned_checkins(world, patient_id)[0]
    assert first == datetime(2027, 1, 8, 23, 0, tzinfo=timezone.utc)  # the day after the first step, 18:00 New York
    world.api("PATCH", SETTINGS, json={"quiet_hours": {"start": "17:00", "end": "09:00"}})
    world.services.dispatcher.run(NOW + timedelta(minutes=2))  # the clinic's re-plan tasks run
    assert planned_checkins(world, patient_id)[0] == datetime(2027, 1, 9, 14, 0, tzinfo=timezone.utc)  # 09:00 next day


def test_a_baseline_checkin_still_to_go_is_planned_again_not_lost(world):
    patient_id = active_patient(world)
    world.api("PATCH", SETTINGS, json={"discreet_texts": True})
    settings_task = [j for j in world.services.store.jobs_of(patient_id) if j.kind == JobKind.SETTINGS_REPLAN]
    world.services.clinic_settings.plan_again(settings_task[0], world.services.store.get_patient(patient_id), NOW)
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    assert [m for m in world.sms.sent if m["to"] == PHONE and "Check-in 1/3" in m["body"]]  # the baseline's first question


def test_discreet_texts_and_a_new_name_reach_texts_already_planned_and_replies_at_once(world):
    patient_id = active_patient(world)
    world.api("PATCH", SETTINGS, json={"discreet_texts": True, "name": "Northside Health"})
    reply = world.services.inbound.handle(InboundSms("SMhelp", PHONE, DEMO_NUMBER, "HELP", NOW))
    assert "Northside Health" in reply.reply and "LDN" not in reply.reply
    world.services.dispatcher.run(NOW + timedelta(minutes=2))
    world.services.dispatcher.run(datetime(2027, 1, 4, 2, 1, tzinfo=timezone.utc))  # 21:01 New York
    [tonight] = [m["body"] for m in world.sms.sent if m["to"] == PHONE and "mg" in m["body"]]
    assert tonight.startswith("Northside Health") and "LDN" not in tonight and "naltrexone" not in tonight.lower()
    assert world.services.store.get_patient(patient_id).clinic_name == "Northside Health"


def test_the_next_escalation_goes_to_the_new_address(world):
    active_patient(world)
    world.api("PATCH", SETTINGS, json={"escalation_email": "oncall@example.org"})
    world.services.inbound.handle(InboundSms("SMcrisis", PHONE, DEMO_NUMBER, "I want to kill myself", NOW))
    world.services.dispatcher.run(NOW + timedelta(minutes=1))
    assert "oncall@example.org" in {mail["to"] for mail in world.services.mail.sent}


def sign_in_as(world, email, password):
    response = world.sign_in(email, password)
    assert response.status_code == 302


def test_an_admin_changes_settings_on_the_page_and_sees_who_changed_what(world):
    sign_in_as(world, world.demo.admin_email, world.demo.admin_password)
    page = world.client.get("/clinic/settings")
    assert page.status_code == 200 and 'value="Demo Clinic"' in page.get_data(as_text=True)
    form = {"csrf_token": csrf_from(page), "name": "Demo Clinic", "phone": "+1 212 555 0100",
            "timezone": "America/New_York", "quiet_start": "20:30", "quiet_end": "08:00", "discreet_texts": "on",
            "hold_on_escalation": "on", "escalation_email": "", "safety_mood_at_or_below": "2",
            "ack_urgent_minutes": "60", "ack_routine_business_days": "2", "retention_years": "7",
            **{f"threshold_{n}": str(v) for n, v in world.api("GET", SETTINGS).get_json()["thresholds"].items()}}
    saved = world.client.post("/clinic/settings", data=form)
    assert saved.status_code == 302
    page = world.client.get("/clinic/settings").get_data(as_text=True)
    assert "Settings saved" in page and "quiet_hours.start" in page and "safety_mood_at_or_below" in page
    assert world.demo.admin_email in page
    settings = world.api("GET", SETTINGS).get_json()
    assert (settings["quiet_hours"]["start"], settings["discreet_texts"], settings["safety_mood_at_or_below"]) == (
        "20:30", True, 2)


def test_a_wrong_setting_on_the_page_is_shown_beside_it_and_nothing_changes(world):
    sign_in_as(world, world.demo.admin_email, world.demo.admin_password)
    page = world.client.get("/clinic/settings")
    refused = world.client.post("/clinic/settings", data={"csrf_token": csrf_from(page), "name": "Demo Clinic",
                                                          "quiet_start": "23:00", "quiet_end": "08:00",
                                                          "threshold_mood_low": "eleven"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400 and 'id="quiet_start-error"' in text and 'id="threshold_mood_low-error"' in text
    assert 'value="23:00"' in text  # as typed, to correct
    assert world.services.store.settings_changes_of(world.demo.clinic.clinic_id) == []


def test_providers_see_no_settings_page(world):
    sign_in_as(world, world.demo.provider_email, world.demo.provider_password)
    assert world.client.get("/clinic/settings").status_code == 403


def test_after_quiet_hours_cover_18_00_an_enrollment_without_a_checkin_time_checks_in_when_they_end(world):
    world.api("PATCH", SETTINGS, json={"quiet_hours": {"start": "17:00", "end": "09:30"}})
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0161", start_date="2027-01-03"))
    assert created.status_code == 201, created.get_json()
    assert world.api("GET", f"/api/patients/{created.get_json()['id']}").get_json()["checkin_time"] == "09:30"
    refused = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0162", checkin_time="18:00"))
    assert refused.status_code == 400 and "17:00-09:30" in str(refused.get_json()["errors"]["checkin_time"])
    sign_in_as(world, world.demo.admin_email, world.demo.admin_password)
    assert 'value="09:30"' in world.client.get("/patients/new").get_data(as_text=True)


def test_a_change_whose_write_fails_leaves_only_a_replan_that_changes_nothing_and_a_retry_replans(world):
    from shared.errors import StoreUnavailable

    patient_id = active_patient(world)
    store, write = world.services.store, world.services.store.change_clinic
    store._store.change_clinic = lambda *a: (_ for _ in ()).throw(StoreUnavailable("DynamoDB down"))
    assert world.api("PATCH", SETTINGS, json={"discreet_texts": True}).status_code == 503
    store._store.change_clinic = write
    assert [j for j in store.jobs_of(patient_id) if j.kind == JobKind.SETTINGS_REPLAN]  # queued before the write
    assert world.api("PATCH", SETTINGS, json={"discreet_texts": True}).status_code == 200  # the admin sends it again
    world.services.dispatcher.run(NOW + timedelta(minutes=2))
    world.services.dispatcher.run(datetime(2027, 1, 4, 2, 1, tzinfo=timezone.utc))  # 21:01 New York
    [tonight] = [m["body"] for m in world.sms.sent if m["to"] == PHONE and "mg" in m["body"]]
    assert "LDN" not in tonight


def test_changes_within_a_minute_share_one_replan_per_patient_which_reads_them_all(world):
    patient_id = active_patient(world)
    for name in ("First Name", "Second Name", "Third Name"):
        world.api("PATCH", SETTINGS, json={"name": name})
    tasks = [j for j in world.services.store.jobs_of(patient_id) if j.kind == JobKind.SETTINGS_REPLAN]
    assert len(tasks) == 1 and tasks[0].send_at == NOW + timedelta(minutes=2)
    world.services.dispatcher.run(NOW + timedelta(minutes=2))
    world.services.dispatcher.run(datetime(2027, 1, 4, 2, 1, tzinfo=timezone.utc))  # 21:01 New York
    [tonight] = [m["body"] for m in world.sms.sent if m["to"] == PHONE and "mg" in m["body"]]
    assert tonight.startswith("Third Name")


@pytest.mark.parametrize("name", ["A" * 41, "Clínica Señora Ñandú 😀", "Clinic \u0394\u0416"])
def test_a_name_that_would_not_start_a_one_segment_text_is_refused(world, name):
    answer = world.api("PATCH", SETTINGS, json={"name": name})
    assert answer.status_code == 400 and "name" in answer.get_json()["errors"]
    assert world.api("GET", SETTINGS).get_json()["name"] == "Demo Clinic"
