"""POST /api/patients/<id>/messages (issue 15): a provider's words to a consenting patient, the clinic's name
in front, one GSM-7 text, queued to the end of quiet hours; refused for opted-out or unconsented patients."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from shared.domain.jobs import JobStatus
from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment


def enrolled(world, phone, consent=True, **fields):
    created = world.api("POST", "/api/patients", json=enrollment(phone=f"(212) 555-{phone}", **fields)).get_json()
    if consent:
        world.services.inbound.handle(InboundSms(f"SM{phone}", f"+1212555{phone}", "+15005550006", "YES", NOW))
    return created["id"]


def send(world, patient_id, body, **kwargs):
    return world.api("POST", f"/api/patients/{patient_id}/messages", json={"body": body}, **kwargs)


def test_a_message_is_queued_now_with_the_clinics_name_and_shows_in_the_record(world):
    patient_id = enrolled(world, "0141")
    answer = send(world, patient_id, "  Hi Ana, how   are the vivid dreams?  ")
    assert answer.status_code == 202
    queued = answer.get_json()
    assert queued["status"] == "pending" and queued["send_at"] == "2027-01-03T17:00:00Z"
    [job] = [j for j in world.services.store.jobs_of(patient_id) if j.kind == "provider_message"]
    assert job.body == "Demo Clinic: Hi Ana, how are the vivid dreams?" and job.job_id == queued["id"]
    upcoming = world.api("GET", f"/api/patients/{patient_id}").get_json()["upcoming"]
    assert any(u["body"] == job.body for u in upcoming)


def test_at_night_the_message_waits_for_the_end_of_the_patients_quiet_hours(world):
    patient_id = enrolled(world, "0142")
    world.services.clock.set(datetime(2027, 1, 4, 4, 0, tzinfo=timezone.utc))  # 23:00 in New York
    queued = send(world, patient_id, "Call us tomorrow please").get_json()
    assert queued["send_at"] == "2027-01-04T13:00:00Z"  # 08:00 New York


def test_a_spanish_patients_message_is_folded_and_an_emoji_or_a_long_one_is_a_400(world):
    patient_id = enrolled(world, "0143", language="es")
    send(world, patient_id, "¿Cómo está el ánimo? Llámenos mañana.")
    [job] = [j for j in world.services.store.jobs_of(patient_id) if j.kind == "provider_message"]
    assert job.body == "Demo Clinic: ¿Como esta el animo? Llamenos mañana."
    emoji = send(world, patient_id, "Great job \U0001F600")
    assert emoji.status_code == 400 and "U+1F600" in emoji.get_json()["errors"]["body"][0]
    long = send(world, patient_id, "x" * 150)
    assert long.status_code == 400 and "147 characters" in long.get_json()["errors"]["body"][0]
    assert send(world, patient_id, "   ").status_code == 400
    assert world.api("POST", f"/api/patients/{patient_id}/messages", json={"text": "hi"}).status_code == 400


def test_an_opted_out_or_unconsented_patient_is_not_texted(world):
    waiting = enrolled(world, "0144", consent=False)
    refused = send(world, waiting, "Hello?")
    assert refused.status_code == 409 and "not agreed" in refused.get_json()["errors"]["patient"][0]
    stopped = enrolled(world, "0145")
    world.services.inbound.handle(InboundSms("SMstop", "+12125550145", "+15005550006", "STOP", NOW + timedelta(minutes=1)))
    assert send(world, stopped, "Hello?").status_code == 409
    assert not [j for j in world.services.store.jobs_of(stopped) if j.kind == "provider_message"]
    assert send(world, stopped, "Hello?", key=world.other_key).status_code == 404


def test_a_message_queued_before_a_stop_is_never_sent(world):
    patient_id = enrolled(world, "0146")
    world.services.clock.set(datetime(2027, 1, 4, 4, 0, tzinfo=timezone.utc))  # queued for the morning
    send(world, patient_id, "See you soon")
    world.services.inbound.handle(InboundSms("SMs", "+12125550146", "+15005550006", "STOP",
                                             datetime(2027, 1, 4, 5, 0, tzinfo=timezone.utc)))
    world.services.dispatcher.run(datetime(2027, 1, 4, 13, 1, tzinfo=timezone.utc))
    [job] = [j for j in world.services.store.jobs_of(patient_id) if j.kind == "provider_message"]
    assert job.status in (JobStatus.CANCELLED,) and not any("See you soon" in m["body"] for m in world.sms.sent)


def test_a_provider_texts_a_patient_and_changes_their_language_from_the_patient_page(world):
    from tests.app.conftest import csrf_from

    patient_id = enrolled(world, "0147")
    assert world.sign_in(world.demo.provider_email, world.demo.provider_password).status_code == 302
    page = world.client.get(f"/patients/{patient_id}")
    sent = world.client.post(f"/patients/{patient_id}/message",
                             data={"body": "Dr here: all good?", "csrf_token": csrf_from(page)})
    assert sent.status_code == 302 and "on its way" in world.client.get(sent.location).get_data(True)
    [job] = [j for j in world.services.store.jobs_of(patient_id) if j.kind == "provider_message"]
    assert job.body == "Demo Clinic: Dr here: all good?" and job.meta["by"] == world.demo.provider_email
    empty = world.client.post(f"/patients/{patient_id}/message", data={"body": " ", "csrf_token": csrf_from(page)})
    assert "Not sent: Write the message." in world.client.get(empty.location).get_data(True)
    changed = world.client.post(f"/patients/{patient_id}/language", data={"language": "es", "csrf_token": csrf_from(page)})
    assert "Texts now go out in Spanish" in world.client.get(changed.location).get_data(True)
    assert world.services.store.get_patient(patient_id).language == "es"
