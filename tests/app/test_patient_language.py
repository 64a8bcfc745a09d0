"""A patient's language (issue 16) through the API: on enrollment, in the record and the list, changed by
PATCH /api/patients/<id> (texts already queued written again), and named in escalation emails."""
from __future__ import annotations

from datetime import timedelta

from shared.domain.jobs import JobStatus
from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment


def text(world, sid, body, phone, at=NOW):
    return world.services.inbound.handle(InboundSms(sid, phone, "+15005550006", body, at)).reply


def pending(world, patient_id, kind):
    return [j for j in world.services.store.jobs_of(patient_id) if j.kind == kind and j.status is JobStatus.PENDING]


def test_a_spanish_patient_is_welcomed_listed_and_answered_in_spanish(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0171", first_name="María",
                                                                 language="es")).get_json()
    record = world.api("GET", f"/api/patients/{created['id']}").get_json()
    assert record["language"] == "es"
    [welcome] = pending(world, created["id"], "welcome")
    assert welcome.body.startswith("Demo Clinic: Hola Maria, tu reduccion de LDN por SMS")
    listed = world.api("GET", "/api/patients").get_json()["patients"]
    assert {p["id"]: p["language"] for p in listed}[created["id"]] == "es"
    assert text(world, "SMs1", "Sí", "+12125550171").startswith("¡Gracias Maria! Recibiras un recordatorio a las 9:00 p. m.")
    assert text(world, "SMs2", "AYUDA", "+12125550171").startswith("Demo Clinic: SMS de LDN.")
    [reminder, *_] = sorted(pending(world, created["id"], "dose_reminder"), key=lambda j: j.send_at)
    assert reminder.body.startswith("Demo Clinic: Esta noche: LDN 4.5 mg.")


def test_an_english_patient_by_default_and_any_other_language_is_a_400(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0172")).get_json()
    assert world.api("GET", f"/api/patients/{created['id']}").get_json()["language"] == "en"
    refused = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0173", language="fr"))
    assert refused.status_code == 400 and "es (Spanish)" in refused.get_json()["errors"]["language"][0]


def test_changing_the_language_rewrites_the_queued_reminders_and_the_replies(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0174")).get_json()
    text(world, "SMe1", "YES", "+12125550174")
    english = sorted(pending(world, created["id"], "dose_reminder"), key=lambda j: j.send_at)
    assert english[0].body.startswith("Demo Clinic: Tonight: LDN")
    changed = world.api("PATCH", f"/api/patients/{created['id']}", json={"language": "es"})
    assert changed.status_code == 200 and changed.get_json()["language"] == "es"
    upcoming = [j for j in changed.get_json()["upcoming"] if j["kind"] == "dose_reminder"]
    assert upcoming and all(j["body"].startswith("Demo Clinic: Esta noche: LDN") or "Desde esta noche" in j["body"]
                            for j in upcoming)
    patient = world.services.store.get_patient(created["id"])
    live = [j for j in pending(world, created["id"], "dose_reminder") if (j.meta or {}).get("generation")
            == patient.plan_generation]
    assert len(live) == len(english) and all("LDN" in j.body and "Tonight" not in j.body for j in live)
    assert text(world, "SMe2", "HELP", "+12125550174").startswith("Demo Clinic: SMS de LDN.")
    [entry] = [a for a in world.services.store.audit_of(created["id"]) if a["action"] == "language"]
    assert entry["language"] == {"from": "en", "to": "es"} and entry["who"].startswith("api key ") and len(entry["who"]) == 20


def test_changing_the_language_before_consent_rewrites_the_consent_reminder_for_the_same_moment(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0175")).get_json()
    [before] = pending(world, created["id"], "consent_reminder")
    world.api("PATCH", f"/api/patients/{created['id']}", json={"language": "es"})
    [after] = pending(world, created["id"], "consent_reminder")
    assert after.send_at == before.send_at and after.body.startswith("Demo Clinic: responde SI para empezar")
    assert text(world, "SMc1", "si", "+12125550175").startswith("¡Gracias Ana!")


def test_a_bad_edit_is_a_400_and_another_clinics_patient_is_not_found(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0176")).get_json()
    path = f"/api/patients/{created['id']}"
    for body in ({"language": "de"}, {}, {"language": "es", "nickname": "X"}, ["es"]):
        answer = world.api("PATCH", path, json=body)
        assert answer.status_code == 400, body
    assert world.api("PATCH", path, json={"language": "es"}, key=world.other_key).status_code == 404
    assert world.api("GET", path).get_json()["language"] == "en"
    same = world.api("PATCH", path, json={"language": "en"})
    assert same.status_code == 200 and not [a for a in world.services.store.audit_of(created["id"])]


def test_an_escalation_email_says_the_patients_language_and_quotes_nothing(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0177", language="es")).get_json()
    text(world, "SMx1", "Sí", "+12125550177")
    text(world, "SMx2", "quiero morirme, no aguanto más", "+12125550177", NOW + timedelta(minutes=5))
    emails = pending(world, created["id"], "escalation_email")
    assert emails and all("Texts in: Spanish" in j.body for j in emails)
    assert not any("morirme" in j.body or "morirme" in j.html for j in emails)


def test_the_enrollment_form_takes_the_language_and_the_pages_show_it(world):
    from tests.app.test_pages import admin, form_values
    from tests.app.conftest import csrf_from

    client = admin(world)
    token = csrf_from(client.get("/patients/new"))
    wrong = client.post("/patients/new", data={**form_values(phone="(212) 555-0178", language="xx"), "csrf_token": token})
    assert wrong.status_code == 400 and "es (Spanish)" in wrong.get_data(as_text=True)
    made = client.post("/patients/new", data={**form_values(phone="(212) 555-0178", language="es"), "csrf_token": token})
    assert made.status_code == 302
    patient_id = made.location.rsplit("/", 1)[-1]
    assert world.services.store.get_patient(patient_id).language == "es"
    assert "<dt>Texts in</dt><dd>Spanish</dd>" in client.get(made.location).get_data(as_text=True)
    listed = client.get("/patients").get_data(as_text=True)
    assert "<td>Spanish</td>" in listed


def test_a_spanish_check_in_goes_on_in_spanish_after_the_safety_question_is_answered_no(world):
    created = world.api("POST", "/api/patients", json=enrollment(phone="(212) 555-0179", language="es")).get_json()
    text(world, "SMq0", "Sí", "+12125550179")
    world.services.dispatcher.run(NOW + timedelta(minutes=5))  # the baseline check-in's first question
    assert text(world, "SMq1", "3", "+12125550179", NOW + timedelta(minutes=6)).startswith("2/3: ¿Como esta hoy")
    asked = text(world, "SMq2", "0", "+12125550179", NOW + timedelta(minutes=7))
    assert asked.startswith("¿Piensas en quitarte la vida")
    after_no = text(world, "SMq3", "No", "+12125550179", NOW + timedelta(minutes=8))
    assert after_no.startswith("Gracias por responder.") and after_no.endswith(
        "3/3: ¿Problemas de sueño, sueños intensos, malestar de estomago u otros efectos nuevos? Responde 0 ninguno, "
        "1 leve, 2 moderado, 3 fuerte.")
    assert "Reply" not in after_no and created["id"]
