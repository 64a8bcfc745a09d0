"""PATCH /api/patients/<id> (issue 15): names, provider, notes, zone, dose and check-in times; a new time plans
the texts ahead again, tonight's reminder sent once and only once."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment

PHONE = "+12125550151"


def active_patient(world, **fields):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0151", start_date="2027-01-03",
                                                                 **fields)).get_json()
    world.services.inbound.handle(InboundSms("SMy", PHONE, "+15005550006", "YES", NOW))
    return created["id"]


def patch(world, patient_id, **fields):
    return world.api("PATCH", f"/api/patients/{patient_id}", json=fields)


def dose_texts(world) -> list[str]:
    return [m["body"] for m in world.sms.sent if m["to"] == PHONE and "LDN" in m["body"] and "Tonight" in m["body"]]


def test_names_provider_and_notes_change_and_the_audit_names_the_fields_not_their_values(world):
    patient_id = active_patient(world)
    world.services.accounts.add_user(world.demo.clinic.clinic_id, "dr2@example.org",
                                     __import__("shared.domain.accounts", fromlist=["Role"]).Role.PROVIDER, "Dr Two", NOW)
    answer = patch(world, patient_id, first_name="Anna", last_name="López-Ruiz", notes="prefers mornings",
                   provider_email="DR2@example.org")
    assert answer.status_code == 200
    record = answer.get_json()
    assert (record["first_name"], record["last_name"], record["notes"], record["provider_email"]) == (
        "Anna", "López-Ruiz", "prefers mornings", "dr2@example.org")
    [entry] = [a for a in world.services.store.audit_of(patient_id) if a["action"] == "edit"]
    assert entry["fields"] == ["first_name", "last_name", "notes", "provider_email"]
    assert "Anna" not in str(entry) and "mornings" not in str(entry)


def test_a_bad_edit_is_a_400_in_the_enrollment_shape_and_changes_nothing(world):
    patient_id = active_patient(world)
    for body, field, words in (({"provider_email": "admin@example.org"}, "provider_email", "provider of this clinic"),
                               ({"provider_email": "dr@other.example"}, "provider_email", "provider of this clinic"),
                               ({"checkin_time": "22:30"}, "checkin_time", "quiet hours"),
                               ({"timezone": "Mars/Olympus"}, "timezone", "IANA"),
                               ({"first_name": "\u202eevil"}, "first_name", "U+202E"),
                               ({"phone": "12"}, "phone", "Enter a mobile number"),
                               ({"phone": "+7 912 345 6789"}, "phone", "texts numbers of US"),
                               ({"phone": "(212) 555-01"}, "phone", "not a valid phone number"),
                               ({}, "_schema", "at least one field")):
        answer = patch(world, patient_id, **body)
        assert answer.status_code == 400 and words in " ".join(answer.get_json()["errors"][field]), body
    record = world.api("GET", f"/api/patients/{patient_id}").get_json()
    assert (record["first_name"], record["timezone"]) == ("Ana", "America/New_York")


def test_a_later_dose_time_moves_tonights_reminder_and_it_is_sent_once(world):
    patient_id = active_patient(world)
    patch(world, patient_id, dose_time="22:00")
    world.services.dispatcher.run(datetime(2027, 1, 4, 2, 1, tzinfo=timezone.utc))  # 21:01 New York: nothing yet
    assert dose_texts(world) == []
    world.services.dispatcher.run(datetime(2027, 1, 4, 3, 1, tzinfo=timezone.utc))  # 22:01
    assert len(dose_texts(world)) == 1


def test_a_dose_time_changed_after_tonights_reminder_went_does_not_send_it_again(world):
    patient_id = active_patient(world)
    world.services.dispatcher.run(datetime(2027, 1, 4, 2, 1, tzinfo=timezone.utc))  # 21:01: tonight's reminder
    assert len(dose_texts(world)) == 1
    world.services.clock.set(datetime(2027, 1, 4, 2, 30, tzinfo=timezone.utc))
    assert patch(world, patient_id, dose_time="22:00").status_code == 200
    world.services.dispatcher.run(datetime(2027, 1, 4, 3, 1, tzinfo=timezone.utc))  # 22:01: not again tonight
    assert len(dose_texts(world)) == 1
    world.services.dispatcher.run(datetime(2027, 1, 5, 3, 1, tzinfo=timezone.utc))  # tomorrow at 22:00
    assert len(dose_texts(world)) == 2


def test_an_earlier_dose_time_already_past_sends_tonights_reminder_now(world):
    patient_id = active_patient(world)
    world.services.clock.set(datetime(2027, 1, 4, 1, 30, tzinfo=timezone.utc))  # 20:30 New York
    patch(world, patient_id, dose_time="20:00")
    world.services.dispatcher.run(datetime(2027, 1, 4, 1, 31, tzinfo=timezone.utc))
    assert len(dose_texts(world)) == 1
    world.services.dispatcher.run(datetime(2027, 1, 4, 2, 1, tzinfo=timezone.utc))  # the old 21:00: nothing more
    assert len(dose_texts(world)) == 1


def test_a_new_zone_moves_the_reminders_to_the_same_local_time_there(world):
    patient_id = active_patient(world)
    assert patch(world, patient_id, timezone="America/Los_Angeles").status_code == 200
    upcoming = [u for u in world.api("GET", f"/api/patients/{patient_id}").get_json()["upcoming"]
                if u["kind"] == "dose_reminder"]
    assert upcoming[0]["send_at"] == "2027-01-04T05:00:00Z"  # 21:00 in Los Angeles


def test_the_patient_page_edits_the_details(world):
    from tests.app.conftest import csrf_from

    patient_id = active_patient(world)
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 302
    page = world.client.get(f"/patients/{patient_id}")
    assert 'name="dose_time" type="time" value="21:00"' in page.get_data(True)
    form = {"first_name": "Anita", "last_name": "Lopez", "timezone": "America/Chicago", "dose_time": "21:30",
            "checkin_time": "18:00", "provider_email": world.demo.provider_email, "notes": "",
            "csrf_token": csrf_from(page)}
    saved = world.client.post(f"/patients/{patient_id}/edit", data=form)
    assert "The details are saved" in world.client.get(saved.location).get_data(True)
    patient = world.services.store.get_patient(patient_id)
    assert (patient.first_name, patient.timezone, patient.dose_time.isoformat()) == ("Anita", "America/Chicago",
                                                                                    "21:30:00")
    refused = world.client.post(f"/patients/{patient_id}/edit", data={**form, "checkin_time": "23:00"})
    assert "quiet hours" in world.client.get(refused.location).get_data(True)
