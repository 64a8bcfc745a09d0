"""Issue 19's finding: one API key enrolled 40 patients in 2.9 s, queueing 92 texts, with no rate and no daily
cap. Now each clinic has both (settings; 30 a minute and 300 a UTC day by default): past them a 400 says which,
and nothing is stored or queued."""
from __future__ import annotations

from datetime import timedelta

from shared.domain.accounts import Role
from tests.app.conftest import enrollment
from tests.hostile.conftest import NOW


def phone(n: int) -> str:
    return f"(212) 555-{100 + n:04d}"


def test_forty_enrollments_in_a_minute_stop_at_thirty_and_the_next_minute_may_enroll_again(world):
    answers = [world.api("POST", "/api/patients", json=enrollment(phone=phone(n))) for n in range(40)]
    assert [a.status_code for a in answers] == [201] * 30 + [400] * 10
    assert "a minute" in answers[-1].get_json()["errors"]["_clinic"][0]
    assert len(world.api("GET", "/api/patients").get_json()["patients"]) == 30
    # the ten refused have no record, so no welcome text was queued for them
    assert len(world.services.store.patients_of_clinic(world.demo.clinic.clinic_id, None)) == 30
    world.services.clock._now = NOW + timedelta(minutes=1)
    assert world.api("POST", "/api/patients", json=enrollment(phone=phone(41))).status_code == 201


def test_a_clinics_daily_cap_holds_across_minutes_and_other_clinics_are_not_counted(world):
    svc = world.services
    clinic = svc.accounts.create_clinic("Small Clinic", "+1 212 555 0113", NOW, settings={"enrollments_per_day": 3})
    svc.accounts.add_user(clinic.clinic_id, "dr@small.example", Role.PROVIDER, "Dr S", NOW)
    key = svc.accounts.create_api_key(clinic.clinic_id, "s", NOW)
    statuses = []
    for n in range(5):
        svc.clock._now = NOW + timedelta(minutes=n)
        body = enrollment(phone=phone(60 + n), provider_email="dr@small.example")
        statuses.append(world.api("POST", "/api/patients", key=key, json=body).status_code)
    assert statuses == [201, 201, 201, 400, 400]
    assert world.api("POST", "/api/patients", json=enrollment(phone=phone(70))).status_code == 201  # the Demo Clinic


def test_the_form_shows_the_limit(world):
    from tests.app.conftest import csrf_from

    for n in range(30):
        assert world.api("POST", "/api/patients", json=enrollment(phone=phone(n))).status_code == 201
    world.sign_in(world.demo.admin_email, world.demo.admin_password)
    token = csrf_from(world.client.get("/patients/new"))
    form = {**{k: str(v) for k, v in enrollment(phone=phone(31)).items() if k != "consent"}, "consent": "y",
            "csrf_token": token}
    response = world.client.post("/patients/new", data=form)
    assert response.status_code == 400 and "30 patients a minute" in response.get_data(as_text=True)
