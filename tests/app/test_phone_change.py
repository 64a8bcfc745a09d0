"""A patient's new number (issue 15): PATCH /api/patients/<id> {"phone"} and the patient page. The number is checked
as at enrollment, moves with the record (the same 409 as enrollment when someone holds it), and must answer YES
again: the welcome goes to it, nothing else goes to either number until YES, and the old one reaches nobody."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from shared.domain import texts
from shared.services.ports import InboundSms
from tests.app.conftest import NOW, csrf_from, enrollment

OLD, NEW = "+12125550151", "+13125550177"
DEMO_NUMBER = "+15005550006"
TONIGHT = datetime(2027, 1, 4, 2, 1, tzinfo=timezone.utc)  # 21:01 in New York, the first dose night


def active_patient(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0151", start_date="2027-01-03"))
    world.services.inbound.handle(InboundSms("SMyes1", OLD, DEMO_NUMBER, "YES", NOW))
    return created.get_json()["id"]


def texts_to(world, phone):
    return [m["body"] for m in world.sms.sent if m["to"] == phone]


def text_in(world, sid, phone, body, at):
    return world.services.inbound.handle(InboundSms(sid, phone, DEMO_NUMBER, body, at))


def test_a_new_number_is_asked_for_yes_and_gets_nothing_else_until_then(world):
    patient_id = active_patient(world)
    world.services.clock.set(NOW + timedelta(hours=1))
    answer = world.api("PATCH", f"/api/patients/{patient_id}", json={"phone": "(312) 555-0177"})
    assert answer.status_code == 200
    record = answer.get_json()
    assert (record["phone"], record["status"]) == (NEW, "awaiting_consent")
    # Then the welcome goes to the new number, and tonight's reminder to neither
    world.services.dispatcher.run(NOW + timedelta(hours=1, minutes=1))
    assert [b for b in texts_to(world, NEW) if "Reply YES" in b] and texts_to(world, OLD) == []
    world.services.dispatcher.run(TONIGHT)
    assert not [b for b in texts_to(world, NEW) + texts_to(world, OLD) if "Tonight" in b]
    # When the new number answers YES, the next night's reminder goes to it alone
    reply = text_in(world, "SMyes2", NEW, "yes", TONIGHT + timedelta(hours=1))
    assert reply.reply == texts.consent_confirmed_text("Ana", time(21, 0))
    assert world.api("GET", f"/api/patients/{patient_id}").get_json()["status"] == "active"
    world.services.dispatcher.run(TONIGHT + timedelta(days=1))
    assert len([b for b in texts_to(world, NEW) if "Tonight" in b]) == 1 and texts_to(world, OLD) == []
    # and the taper is not counted as started twice, nor its baseline check-in asked again
    assert world.services.store.counters_of(world.demo.clinic.clinic_id).get("started") == 1
    baselines = [j for j in world.services.store.jobs_of(patient_id)
                 if j.kind == "checkin" and (j.meta or {}).get("checkin_kind") == "baseline"]
    assert len(baselines) == 1


def test_texts_from_the_old_number_no_longer_reach_the_patient(world):
    patient_id = active_patient(world)
    assert world.api("PATCH", f"/api/patients/{patient_id}", json={"phone": NEW}).status_code == 200
    answer = text_in(world, "SMold", OLD, "I feel fine", NOW + timedelta(minutes=5))
    assert answer.reply == texts.not_enrolled_text()
    bodies = [m["body"] for m in world.services.store.messages_of_patient(patient_id)]
    assert "I feel fine" not in bodies


def test_the_change_is_audited_with_who_when_and_both_numbers_masked(world):
    patient_id = active_patient(world)
    world.api("PATCH", f"/api/patients/{patient_id}", json={"phone": NEW})
    [entry] = [a for a in world.services.store.audit_of(patient_id) if a["action"] == "phone"]
    assert entry["phone"] == {"from": "+1********51", "to": "+1********77"} and entry["who"].startswith("api key")
    assert entry["at"] == "2027-01-03T17:00:00Z"
    assert OLD not in str(entry) and NEW not in str(entry)


def test_a_number_held_by_a_patient_of_the_clinic_or_of_another_is_the_same_409_as_enrollment(world):
    patient_id = active_patient(world)
    world.api("POST", "/api/patients", json=enrollment(phone="(312) 555-0177"))  # the clinic's own patient
    own = world.api("PATCH", f"/api/patients/{patient_id}", json={"phone": NEW})
    assert own.status_code == 409 and "already belongs" in own.get_json()["errors"]["phone"][0]
    other = world.api("POST", "/api/patients", key=world.other_key,
                      json=enrollment(phone="(312) 555-0188", provider_email="dr@other.example"))
    assert other.status_code == 201
    theirs = world.api("PATCH", f"/api/patients/{patient_id}", json={"phone": "+13125550188"})
    enrolling = world.api("POST", "/api/patients", json=enrollment(phone="(312) 555-0188"))
    assert theirs.status_code == enrolling.status_code == 409
    assert theirs.get_json() == enrolling.get_json()  # the very words enrollment gives, naming nobody
    record = world.api("GET", f"/api/patients/{patient_id}").get_json()
    assert (record["phone"], record["status"]) == (OLD, "active")


def test_another_clinics_patient_is_404_and_an_opted_out_one_is_409(world):
    patient_id = active_patient(world)
    assert world.api("PATCH", f"/api/patients/{patient_id}", key=world.other_key,
                     json={"phone": NEW}).status_code == 404
    text_in(world, "SMstop", OLD, "STOP", NOW + timedelta(minutes=1))
    refused = world.api("PATCH", f"/api/patients/{patient_id}", json={"phone": NEW})
    assert refused.status_code == 409 and "START" in refused.get_json()["errors"]["phone"][0]


def test_the_same_number_in_another_format_changes_nothing(world):
    patient_id = active_patient(world)
    assert world.api("PATCH", f"/api/patients/{patient_id}", json={"phone": "212.555.0151"}).status_code == 200
    assert world.api("GET", f"/api/patients/{patient_id}").get_json()["status"] == "active"
    assert [a for a in world.services.store.audit_of(patient_id) if a["action"] == "phone"] == []


def test_the_patient_page_changes_the_number_and_says_what_happens_next(world):
    patient_id = active_patient(world)
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 302
    page = world.client.get(f"/patients/{patient_id}")
    assert f'name="phone" type="tel" autocomplete="off" value="{OLD}"' in page.get_data(True)
    form = {"first_name": "Ana", "last_name": "Lopez", "phone": "(312) 555-0177", "timezone": "America/New_York",
            "dose_time": "21:00", "checkin_time": "18:00", "provider_email": world.demo.provider_email, "notes": "",
            "csrf_token": csrf_from(page)}
    saved = world.client.post(f"/patients/{patient_id}/edit", data=form)
    shown = world.client.get(saved.location).get_data(True)
    assert "answers YES" in shown and "+1********51 to +1********77" in shown
    assert "the new number has not answered YES yet" in shown
    assert world.services.store.get_patient(patient_id).phone == NEW
    refused = world.client.post(f"/patients/{patient_id}/edit", data={**form, "phone": "+44 20 7946 0958"})
    assert "not a mobile" in world.client.get(refused.location).get_data(True)
