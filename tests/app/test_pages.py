"""Staff pages through the Flask client: sign-in, CSRF, the enrollment form, clinic isolation."""
import html
import re

import pytest

from tests.app.conftest import BAD_FIELDS, csrf_from


def form_values(**changes):
    values = {"first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
              "provider_email": "provider@example.org", "start_dose_mg": "4.5", "step_mg": "1.0", "step_days": "4",
              "dose_time": "21:00", "start_date": "2027-01-04", "follow_up_days": "1, 3, 7, 14, 28",
              "notes": "", "consent": "yes"}
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def admin(world):
    assert world.sign_in(world.demo.admin_email, world.demo.admin_password).status_code == 302
    return world.client


def test_pages_need_a_sign_in(world):
    for path in ("/patients", "/patients/new", "/patients/abc"):
        response = world.client.get(path)
        assert response.status_code == 302 and response.location.startswith("/login?next=")


def test_sign_in_sets_a_server_side_session_cookie_and_sign_out_ends_it(world):
    response = world.sign_in(world.demo.admin_email, world.demo.admin_password)
    assert response.status_code == 302 and response.location == "/patients"
    cookie = response.headers["Set-Cookie"]
    assert "taperline_session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    token = re.search(r"taperline_session=([^;]+)", cookie).group(1)
    assert "admin@example.org" not in token  # the cookie is a random token, the data stays server-side
    page = world.client.get("/patients")
    assert page.status_code == 200 and "Signed in as Avery Admin" in page.get_data(as_text=True)
    out = world.client.post("/logout", data={"csrf_token": csrf_from(page)})
    assert out.status_code == 302
    assert world.client.get("/patients").status_code == 302


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(world):
    wrong = world.sign_in(world.demo.admin_email, "nope")
    unknown = world.sign_in("nobody@example.org", "nope")
    for response in (wrong, unknown):
        assert response.status_code == 401 and "Wrong email or password" in response.get_data(as_text=True)


def test_sign_in_is_throttled_after_repeated_failures_even_with_the_right_password(world):
    for _ in range(5):
        assert world.sign_in(world.demo.admin_email, "guess").status_code == 401
    blocked = world.sign_in(world.demo.admin_email, world.demo.admin_password)
    assert blocked.status_code == 429 and "Too many failed attempts" in blocked.get_data(as_text=True)


def test_a_form_post_without_the_csrf_token_is_rejected_and_stores_nothing(world):
    client = admin(world)
    response = client.post("/patients/new", data=form_values())
    assert response.status_code == 400 and "form expired" in response.get_data(as_text=True).lower()
    assert world.services.store.patients_of_clinic(world.demo.clinic.clinic_id) == []
    assert world.client.post("/login", data={"email": "a", "password": "b"}).status_code == 400


def test_enrolling_through_the_form_goes_to_the_patient_page(world):
    client = admin(world)
    token = csrf_from(client.get("/patients/new"))
    response = client.post("/patients/new", data={**form_values(), "csrf_token": token})
    assert response.status_code == 302 and response.location.startswith("/patients/")
    page = client.get(response.location).get_data(as_text=True)
    assert "Ana Lopez" in page and "Awaiting consent" in page and "is enrolled" in page
    assert "Mon 4 Jan 2027" in page and "4.5 mg" in page and "Sun 24 Jan 2027" in page
    assert "2027-01-04" not in page and "Decimal(" not in page


OPTIONAL = {"step_mg", "step_days", "dose_time", "start_date", "follow_up_days", "notes"}


def as_form(value):
    """What a person would have typed for a JSON value; empty means left blank."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None or value is False:
        return None
    return str(value)


# Through the form a blank optional field takes its default (not an error), and a blank required
# field is "required": every other bad value must fail exactly as through the API.
def blank(value) -> bool:
    return (value or "").strip() == ""


FORM_CASES = [(f, as_form(v), "required" if blank(as_form(v)) and f != "consent" else says)
              for f, v, says in BAD_FIELDS if not (blank(as_form(v)) and f in OPTIONAL)]
FORM_CASES.append(("follow_up_days", "1, x", "Item 2"))


@pytest.mark.parametrize("field, value, says", FORM_CASES)
def test_form_errors_show_next_to_their_field_and_keep_what_was_typed(world, field, value, says):
    client = admin(world)
    token = csrf_from(client.get("/patients/new"))
    data = form_values(**{field: value})
    if value is None:
        data.pop(field, None)
    response = client.post("/patients/new", data={**data, "csrf_token": token})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert re.search(rf'id="{field}-error">[^<]*{re.escape(says)}', page, re.IGNORECASE), page
    assert f'href="#{field}"' in page                       # the summary links to the field
    for typed in ("first_name", "last_name", "phone", "start_dose_mg", "dose_time"):
        if typed in data:  # what was typed comes back, the bad value included
            assert f'name="{typed}" type' in page and f'value="{html.escape(data[typed])}"' in page, typed
    assert world.services.store.patients_of_clinic(world.demo.clinic.clinic_id) == []


def test_providers_cannot_enroll(world):
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    assert world.client.get("/patients/new").status_code == 403


def test_staff_of_another_clinic_cannot_see_a_patient(world):
    created = world.api("POST", "/api/patients", json={
        "first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}).get_json()
    world.sign_in(*world.other_admin)
    assert world.client.get(f"/patients/{created['id']}").status_code == 404
    listing = world.client.get("/patients").get_data(as_text=True)
    assert "Lopez" not in listing and "No patients" in listing


@pytest.mark.parametrize("target", ["//evil.example/x", "/%09/evil.example", "/\\evil.example", "https://evil.example",
                                    "/ /evil.example"])
def test_sign_in_never_redirects_off_site(world, target):
    from urllib.parse import quote

    token = csrf_from(world.client.get("/login"))
    response = world.client.post(f"/login?next={quote(target, safe='/%')}", data={
        "email": world.demo.admin_email, "password": world.demo.admin_password, "csrf_token": token})
    assert response.location == "/patients"


def test_the_patient_page_shows_texts_that_expired_or_failed(world):
    from datetime import timedelta

    from shared.domain.jobs import Channel, Job, JobStatus
    from shared.services.dispatch import Dispatcher
    from tests.fakes import FakeMail, FakeSms

    created = world.api("POST", "/api/patients", json={
        "first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}).get_json()
    store, now = world.services.store, world.services.clock.now()
    patient = store.get_patient(created["id"])
    store.set_status(patient, patient.status.__class__("active"), now)
    store.put_job(Job.new(patient_id=created["id"], channel=Channel.SMS, kind="dose_reminder", to=patient.phone,
                          send_at=now - timedelta(hours=5), unique="late", body="Demo Clinic: Tonight: LDN 2 mg."))
    Dispatcher(outbox=store, sms=FakeSms(), mail=FakeMail(), public_base_url="https://t", patients=store).run(now)
    assert [j.status for j in store.jobs_of(created["id"]) if j.kind == "dose_reminder"] == [JobStatus.EXPIRED]
    admin(world)
    page = world.client.get(f"/patients/{created['id']}").get_data(as_text=True)
    assert "Texts that did not go out" in page and "Found too late, not sent" in page and "dispatch was down" in page
    record = world.api("GET", f"/api/patients/{created['id']}").get_json()
    assert [(j["kind"], j["status"]) for j in record["deliveries_needing_attention"]] == [("dose_reminder", "expired")]


def test_providers_acknowledge_and_resolve_escalations_from_the_inbox(world):
    from shared.domain.patients import Escalation

    created = world.api("POST", "/api/patients", json={
        "first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 2, "consent": True}).get_json()
    store, now = world.services.store, world.services.clock.now()
    patient = store.get_patient(created["id"])
    from datetime import timedelta

    store.save_escalations(patient, [
        Escalation("esc1", ("mood_change",), "routine", "open", now, ({"why": "mood 3, baseline 8 <i>"},), now),
        Escalation("esc0", ("crisis",), "urgent", "open", now - timedelta(hours=2), ({"why": "crisis"},), now)])
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    inbox = world.client.get("/escalations?status=open")
    page = inbox.get_data(as_text=True)
    assert "Mood change" in page and "mood 3, baseline 8 &lt;i&gt;" in page and "Ana Lopez" in page
    assert page.index("Urgent: Crisis") < page.index("Mood change")       # urgent on top
    assert page.count("Overdue") == 1                                      # the 2-hour-old urgent one
    world.client.post("/escalations/esc0/resolve", data={"csrf_token": csrf_from(inbox), "note": "done"})
    token = csrf_from(inbox)
    assert world.client.post("/escalations/esc1/acknowledge", data={"csrf_token": token}).status_code == 302
    world.client.post("/escalations/esc1/resolve", data={"csrf_token": token, "note": "Spoke with Ana"})
    [escalation] = [e for _, e in store.escalations_of_clinic(world.demo.clinic.clinic_id) if e.escalation_id == "esc1"]
    assert (escalation.status, escalation.acknowledged_by, escalation.resolved_by, escalation.note) == (
        "resolved", "provider@example.org", "provider@example.org", "Spoke with Ana")
    assert world.client.post("/escalations/esc1/resolve", data={}).status_code == 400  # CSRF
    world.sign_in(*world.other_admin)
    other = world.client.get("/escalations").get_data(as_text=True)
    assert "Ana Lopez" not in other and "No escalations" in other


def test_providers_hold_adjust_and_end_a_taper_from_the_patient_page(world):
    from shared.domain.jobs import JobStatus
    from shared.domain.patients import PatientStatus

    created = world.api("POST", "/api/patients", json={
        "first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 4, "start_date": "2027-01-03",
        "consent": True}).get_json()
    store, now = world.services.store, world.services.clock.now()
    store.set_status(store.get_patient(created["id"]), PatientStatus.ACTIVE, now)
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    page = world.client.get(f"/patients/{created['id']}")
    token = csrf_from(page)
    assert world.client.post(f"/patients/{created['id']}/plan/hold", data={"csrf_token": token}).status_code == 302
    held = store.get_patient(created["id"])
    assert held.held_since == "2027-01-03" and [s.dose_mg for s in held.plan.steps] == [4]
    notices = [j for j in store.jobs_of(created["id"]) if j.kind == "plan_change"]
    assert [n.body for n in notices] == ["Demo Clinic: Please stay on 4 mg each night until your care team contacts you."]
    world.client.post(f"/patients/{created['id']}/plan/adjust", data={"csrf_token": token, "dose_mg": "3",
                                                                       "step_mg": "0.5", "step_days": "5"})
    adjusted = store.get_patient(created["id"])   # adjusting a held taper keeps it held, at the new dose
    assert adjusted.plan.dose_on(adjusted.plan.steps[0].start_date) == 3 and adjusted.held_since == "2027-01-03"
    assert [s.dose_mg for s in adjusted.plan.steps] == [3]
    live = {j.meta.get("generation") for j in store.jobs_of(created["id"])
            if j.status is JobStatus.PENDING and j.kind == "dose_reminder"}
    assert adjusted.plan_generation in live  # the new plan's reminders are the live set
    world.client.post(f"/patients/{created['id']}/plan/end", data={"csrf_token": token})
    ended = store.get_patient(created["id"])
    assert ended.plan.last_dose_date == ended.plan.steps[0].start_date
    page = world.client.get(f"/patients/{created['id']}").get_data(as_text=True)
    assert "Changes to the plan" in page and "Hold by provider@example.org" in page and "End by" in page
    assert [a["action"] for a in store.audit_of(created["id"])] == ["hold", "adjust", "end"]


def test_a_long_hold_is_planned_again_before_its_reminders_run_out(world):
    from datetime import timedelta

    from shared.domain.patients import PatientStatus

    created = world.api("POST", "/api/patients", json={
        "first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 4, "start_date": "2027-01-03",
        "consent": True}).get_json()
    svc, now = world.services, world.services.clock.now()
    svc.store.set_status(svc.store.get_patient(created["id"]), PatientStatus.ACTIVE, now)
    svc.plans.act(world.demo.clinic.clinic_id, "dr", created["id"], "hold", now)
    first_horizon = svc.store.get_patient(created["id"]).plan.last_dose_date
    [extend] = [j for j in svc.store.jobs_of(created["id"]) if j.kind == "hold_extend"]
    svc.dispatcher.run(extend.send_at + timedelta(minutes=1))
    patient = svc.store.get_patient(created["id"])
    assert patient.plan.last_dose_date > first_horizon and patient.held_since == "2027-01-03"
    reminders = [j for j in svc.store.jobs_of(created["id"]) if j.kind == "dose_reminder"
                 and j.meta.get("generation") == patient.plan_generation]
    assert max(j.send_at for j in reminders).date() >= patient.plan.last_dose_date
    assert all(j.body == "Demo Clinic: Tonight: LDN 4 mg." for j in reminders)
    assert [a["action"] for a in svc.store.audit_of(created["id"])] == ["hold"]  # the extension is quiet


def test_a_hold_on_a_step_down_day_before_the_dose_keeps_the_dose_the_patient_is_on(world):
    from datetime import timedelta

    from shared.domain.patients import PatientStatus

    created = world.api("POST", "/api/patients", json={
        "first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 4, "step_days": 1, "start_date": "2027-01-03",
        "consent": True}).get_json()
    svc = world.services
    svc.store.set_status(svc.store.get_patient(created["id"]), PatientStatus.ACTIVE, svc.clock.now())
    next_day_noon = svc.clock.now() + timedelta(days=1)            # Jan 4 is a step-down day (4 -> 3 mg)
    held = svc.plans.act(world.demo.clinic.clinic_id, "dr", created["id"], "hold", next_day_noon)
    assert held.plan.dose_on(next_day_noon.date()) == 4 and [s.dose_mg for s in held.plan.steps] == [4]
    [notice] = [j for j in svc.store.jobs_of(created["id"]) if j.kind == "plan_change"]
    assert "stay on 4 mg" in notice.body


def test_the_patient_page_draws_the_taper_as_inline_svg_with_a_table_of_the_same_days(world):
    from shared.domain.patients import PatientStatus

    created = world.api("POST", "/api/patients", json={
        "first_name": "Ana", "last_name": "Lopez", "phone": "(212) 555-0123", "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 3, "start_date": "2027-01-03",
        "consent": True}).get_json()
    store, now = world.services.store, world.services.clock.now()
    store.set_status(store.get_patient(created["id"]), PatientStatus.ACTIVE, now)
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    token = csrf_from(world.client.get(f"/patients/{created['id']}"))
    world.client.post(f"/patients/{created['id']}/plan/hold", data={"csrf_token": token})
    page = world.client.get(f"/patients/{created['id']}").get_data(as_text=True)
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'role="img"' in svg and "Taper of Ana Lopez: dose steps and check-in answers</title>" in svg
    assert "<script" not in page and "Held" in svg and "Dose (mg)" in svg and "Symptoms (0-10)" in svg
    table = page[page.index("The same, day by day"):]
    assert re.search(r'<tr aria-current="date"><th scope="row">Sun 3 Jan 2027</th><td class="nowrap">3 mg</td>', table)
    assert "Step to 3 mg; Taper held; Today" in table
    assert "Held since Sun 3 Jan 2027" in page and "2027-01-03" not in page.replace('"2027-01-03', "")
