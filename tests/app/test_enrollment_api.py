"""POST/GET /api/patients and the OpenAPI document: the contract clinics' scripts rely on."""
import pytest

from tests.app.conftest import BAD_FIELDS, enrollment


def stored_patients(world):
    return world.services.store.patients_of_clinic(world.demo.clinic.clinic_id)


def test_enrolling_returns_the_dated_plan_and_awaits_consent(world):
    response = world.api("POST", "/api/patients", json=enrollment())
    assert response.status_code == 201
    body = response.get_json()
    assert set(body) == {"id", "status", "plan"} and body["status"] == "awaiting_consent"
    assert body["plan"] == {
        "steps": [{"start_date": "2027-01-04", "dose_mg": 4.5}, {"start_date": "2027-01-08", "dose_mg": 3.5},
                  {"start_date": "2027-01-12", "dose_mg": 2.5}, {"start_date": "2027-01-16", "dose_mg": 1.5},
                  {"start_date": "2027-01-20", "dose_mg": 0.5}],
        "last_dose_date": "2027-01-23", "stop_date": "2027-01-24",
        "follow_up_dates": ["2027-01-24", "2027-01-26", "2027-01-30", "2027-02-06", "2027-02-20"]}
    stored = world.services.store.get_patient(body["id"])
    assert stored.phone == "+12125550123" and stored.status.value == "awaiting_consent"


def test_enrolling_queues_only_the_welcome_text_due_now(world):
    body = world.api("POST", "/api/patients", json=enrollment()).get_json()
    jobs = world.services.store.jobs_of(body["id"])
    due_now = list(world.services.store.due_jobs(world.services.clock.now()))
    assert [d.job_id for d in due_now] == [j.job_id for j in jobs if j.kind == "welcome"]
    welcome = next(j for j in jobs if j.kind == "welcome")
    assert welcome.body.startswith("Demo Clinic: Hi Ana") and "Reply YES to start, STOP to opt out" in welcome.body
    assert world.sms.sent == []  # nothing is sent by enrolling; dispatch sends


def test_defaults_apply_when_optional_fields_are_left_out(world):
    body = enrollment(step_mg=None, step_days=None, dose_time=None, start_date=None, start_dose_mg=2)
    created = world.api("POST", "/api/patients", json=body).get_json()
    patient = world.services.store.get_patient(created["id"])
    assert patient.dose_time.strftime("%H:%M") == "21:00"
    assert created["plan"]["steps"] == [{"start_date": "2027-01-03", "dose_mg": 2.0},
                                        {"start_date": "2027-01-07", "dose_mg": 1.0}]
    assert len(created["plan"]["follow_up_dates"]) == 5


@pytest.mark.parametrize("field, value, says", BAD_FIELDS)
def test_each_bad_field_gets_a_400_keyed_by_its_name_and_nothing_is_stored(world, field, value, says):
    body = enrollment(**{field: value})
    if value is None:
        body.pop(field, None)
    response = world.api("POST", "/api/patients", json=body)
    assert response.status_code == 400
    errors = response.get_json()["errors"]
    assert list(errors) == [field], errors
    assert says.lower() in " ".join(errors[field]).lower()
    assert stored_patients(world) == []
    assert list(world.services.store.due_jobs(world.services.clock.now())) == []


def test_unknown_fields_and_non_json_bodies_are_refused_clearly(world):
    assert world.api("POST", "/api/patients", json={**enrollment(), "dose": 3}).get_json()["errors"] == {
        "dose": ["Unknown field."]}
    response = world.api("POST", "/api/patients", data="first_name=Ana", content_type="text/plain")
    assert response.status_code == 400 and "_body" in response.get_json()["errors"]


def test_a_number_in_an_ongoing_plan_is_a_409_and_the_first_patient_is_untouched(world):
    first = world.api("POST", "/api/patients", json=enrollment()).get_json()
    again = world.api("POST", "/api/patients", json=enrollment(first_name="Bo", phone="+1 212-555-0123"))
    assert again.status_code == 409 and "phone" in again.get_json()["errors"]
    assert [p.patient_id for p in stored_patients(world)] == [first["id"]]
    other_clinic = world.api("POST", "/api/patients", key=world.other_key,
                             json=enrollment(provider_email="dr@other.example"))
    assert other_clinic.status_code == 409


def test_a_number_can_be_enrolled_again_once_its_plan_is_over(world):
    from shared.domain.patients import PatientStatus

    first = world.api("POST", "/api/patients", json=enrollment()).get_json()
    patient = world.services.store.get_patient(first["id"])
    world.services.store.set_status(patient, PatientStatus.CONSENT_EXPIRED, world.services.clock.now())
    assert world.api("POST", "/api/patients", json=enrollment()).status_code == 201


@pytest.mark.parametrize("header", [None, "Bearer wrong-key", "Basic ZGVtby1rZXk6", "demo-key"])
def test_without_a_valid_key_the_api_answers_401(world, header):
    headers = {"Authorization": header} if header else {}
    for method, path in (("POST", "/api/patients"), ("GET", "/api/patients"), ("GET", "/api/patients/x")):
        response = world.client.open(path, method=method, headers=headers, json=enrollment())
        assert response.status_code == 401 and "API key" in response.get_json()["message"]
    assert stored_patients(world) == []


def test_list_shows_this_clinics_patients_and_filters_by_status(world):
    created = world.api("POST", "/api/patients", json=enrollment()).get_json()
    world.api("POST", "/api/patients", key=world.other_key,
              json=enrollment(phone="(212) 555-0199", provider_email="dr@other.example"))
    listed = world.api("GET", "/api/patients").get_json()["patients"]
    assert [(p["id"], p["first_name"], p["status"]) for p in listed] == [(created["id"], "Ana", "awaiting_consent")]
    assert listed[0]["next_step_date"] == "2027-01-04"
    assert world.api("GET", "/api/patients?status=active").get_json() == {"patients": [], "next_cursor": None}
    assert world.api("GET", "/api/patients?status=bogus").status_code == 400


def test_another_clinics_patient_is_not_found(world):
    created = world.api("POST", "/api/patients", json=enrollment()).get_json()
    assert world.api("GET", f"/api/patients/{created['id']}", key=world.other_key).status_code == 404
    record = world.api("GET", f"/api/patients/{created['id']}").get_json()
    assert record["id"] == created["id"] and record["plan"] == created["plan"]
    assert {"messages", "checkins", "escalations", "status", "phone"} <= set(record)


def test_openapi_document_lists_every_api_route_and_the_enrollment_fields(world):
    document = world.client.get("/api/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    routes = {rule.rule.replace("<", "{").replace(">", "}") for rule in world.client.application.url_map.iter_rules()
              if rule.rule.startswith("/api/") and not rule.endpoint.startswith("api_docs.")}  # an HTML page
    assert routes and routes <= set(document["paths"])
    fields = document["components"]["schemas"]["Enrollment"]["properties"]
    assert {"first_name", "last_name", "phone", "timezone", "provider_email", "start_dose_mg", "step_mg",
            "step_days", "dose_time", "start_date", "follow_up_days", "consent", "notes", "checkin_time",
            "language"} == set(fields)


def test_a_discreet_clinic_never_names_the_drug_in_its_texts(world):
    from shared.domain.accounts import Role

    svc, now = world.services, world.services.clock.now()
    clinic = svc.accounts.create_clinic("Quiet Clinic", "+1 212 555 0111", now, settings={"discreet_texts": True})
    svc.accounts.add_user(clinic.clinic_id, "dr@quiet.example", Role.PROVIDER, "Dr Q", now)
    key = svc.accounts.create_api_key(clinic.clinic_id, "q", now)
    created = world.api("POST", "/api/patients", key=key, json=enrollment(provider_email="dr@quiet.example"))
    patient = svc.store.get_patient(created.get_json()["id"])
    from shared.domain.schedule import reminder_jobs

    bodies = [j.body for j in svc.store.jobs_of(patient.patient_id) if j.body]
    bodies += [j.body for j in reminder_jobs(patient, now, "SMx")]
    assert bodies and all("LDN" not in body for body in bodies)
