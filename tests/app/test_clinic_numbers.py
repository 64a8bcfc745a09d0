"""The clinic numbers page (admins) against a known set of Demo Clinic patients, driven through the API, their
texts and dispatch, with the Other Clinic's patient left out:

- Wilhelmina: a short taper, YES on 3 January, her baseline check-in answered, completed by dispatch at midnight
  starting 3 February in New York (31 days)
- then on 10 February: Hal (YES, baseline answered, held through the API, then asks to be called), Cris (YES,
  a crisis text in the middle of his baseline check-in), Sal (YES, baseline never answered: closed at the end
  of his day), Quinn (YES then STOP), Ava (enrolled, no answer yet)
- the crisis acknowledged 45 minutes after it came, Hal's message 30 minutes after; no other escalation."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from shared.domain.checkins import COMPLETED
from shared.domain.patients import PatientStatus
from shared.services.clinic_numbers import HISTORY_START
from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment

T = datetime(2027, 2, 10, 17, 0, tzinfo=timezone.utc)   # noon in New York, a week after the first taper ended
PHONES = {"wilhelmina": "+12125550181", "hal": "+12125550182", "cris": "+12125550183", "sal": "+12125550184",
          "quinn": "+12125550185", "ava": "+12125550186"}


def text(world, who: str, sid: str, body: str, at: datetime):
    return world.services.inbound.handle(InboundSms(sid, PHONES[who], "+15005550006", body, at))


def enroll(world, who: str, **fields) -> str:
    created = world.api("POST", "/api/patients", json=enrollment(first_name=who.capitalize(), phone=PHONES[who],
                                                                 **fields))
    assert created.status_code == 201, created.get_json()
    return created.get_json()["id"]


def drive_known_clinic(world) -> dict[str, str]:
    """The Demo Clinic's known patients (see the module's docstring); their ids by name."""
    store, dispatch, clock = world.services.store, world.services.dispatcher, world.services.clock
    ids = {"wilhelmina": enroll(world, "wilhelmina", start_dose_mg=1, step_mg=1, step_days=2)}
    text(world, "wilhelmina", "SMw1", "YES", NOW + timedelta(minutes=5))
    dispatch.run(NOW + timedelta(minutes=10))                                   # her baseline check-in's question
    assert text(world, "wilhelmina", "SMw2", "2 8 1", NOW + timedelta(minutes=15)).reply.startswith("Thank you")
    [complete] = [j for j in store.jobs_of(ids["wilhelmina"]) if j.kind == "plan_complete"]
    assert complete.send_at == datetime(2027, 2, 3, 5, 0, tzinfo=timezone.utc)  # midnight starting 3 Feb, New York
    dispatch.run(complete.send_at + timedelta(minutes=1))
    assert store.get_patient(ids["wilhelmina"]).status is PatientStatus.COMPLETED

    clock.set(T)
    for who in ("hal", "cris", "sal", "quinn", "ava"):
        ids[who] = enroll(world, who, start_date="2027-02-10")
    theirs = world.api("POST", "/api/patients", key=world.other_key, json=enrollment(  # the Other Clinic's
        phone="(212) 555-0187", provider_email="dr@other.example", start_date="2027-02-10"))
    assert theirs.status_code == 201, theirs.get_json()
    for who in ("hal", "cris", "sal", "quinn"):
        text(world, who, f"SM{who}1", "YES", T + timedelta(minutes=1))
    text(world, "quinn", "SMquinn2", "STOP", T + timedelta(minutes=2))
    dispatch.run(T + timedelta(minutes=5))                                      # baseline check-ins open
    assert text(world, "hal", "SMhal2", "3 7 0", T + timedelta(minutes=10)).reply.startswith("Thank you")
    assert "988" in text(world, "cris", "SMcris2", "I want to end my life", T + timedelta(minutes=10)).reply
    clock.set(T + timedelta(minutes=20))
    assert world.api("POST", f"/api/patients/{ids['hal']}/hold").status_code == 200
    text(world, "hal", "SMhal3", "The dizziness is back, can someone from the clinic talk to me", T + timedelta(minutes=25))
    escalations = {e["patient_id"]: e["id"] for e in world.api("GET", "/api/escalations").get_json()["escalations"]}
    assert set(escalations) == {ids["hal"], ids["cris"]}
    clock.set(T + timedelta(minutes=55))                                        # 45 minutes after the crisis text
    assert world.api("POST", f"/api/escalations/{escalations[ids['cris']]}/acknowledge").status_code == 200
    clock.set(T + timedelta(minutes=55, seconds=30))                            # 30 whole minutes after Hal's text
    assert world.api("POST", f"/api/escalations/{escalations[ids['hal']]}/acknowledge").status_code == 200
    [close] = [j for j in store.jobs_of(ids["sal"]) if j.kind == "checkin_close"]
    dispatch.run(close.send_at)                                                 # Sal's day is over
    clock.set(close.send_at + timedelta(minutes=1))
    return ids


@pytest.fixture
def known(world) -> dict[str, str]:
    return drive_known_clinic(world)


EXPECTED_STATUSES = {"Awaiting consent": "1", "Active": "3", "Opted out": "1", "Consent expired": "0",
                     "Completed": "1", "All patients": "6"}


def test_the_figures_are_those_of_the_known_patients(world, known):
    store, clinic = world.services.store, world.demo.clinic.clinic_id
    from shared.services.clinic_numbers import ClinicNumbersService

    n = ClinicNumbersService(store).numbers(clinic, world.services.clock.now())
    assert n.by_status == {"awaiting_consent": 1, "active": 3, "opted_out": 1, "consent_expired": 0, "completed": 1}
    assert (n.started, n.completed, n.median_days_to_complete) == (5, 1, 31)
    assert (n.ever_held, n.held_share) == (1, 0.2)
    assert (n.escalations, n.acknowledged, n.median_minutes_to_acknowledge) == (2, 2, 37.5)
    assert n.by_reason == {"crisis": 1, "patient_message": 1}
    assert (n.checkins_finished, n.checkins_answered, n.answered_share) == (4, 2, 0.5)
    # the counts agree with the records in the clinic index
    finished = [c for _, c in store.checkins_of_clinic(clinic, HISTORY_START, world.services.clock.now())]
    assert (len(finished), sum(c.status == COMPLETED for c in finished)) == (4, 2)
    assert sorted(c.status for c in finished) == ["completed", "completed", "expired", "interrupted"]


def test_the_page_shows_them_to_an_admin(world, known):
    world.sign_in(world.demo.admin_email, world.demo.admin_password)
    page = world.client.get("/clinic/numbers")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for status, count in {"awaiting_consent": 1, "active": 3, "opted_out": 1, "consent_expired": 0,
                          "completed": 1, "all": 6}.items():
        assert f'<td data-status="{status}">{count}</td>' in html
    for element, shown in {"started": "5", "completed": "1", "median-days": "31 days", "checkins-finished": "4",
                           "checkins-answered": "2", "answered-rate": "50%", "escalations-total": "2",
                           "acknowledged": "2", "median-minutes": "37.5 min"}.items():
        assert f'id="{element}">{shown}<' in html, element
    assert 'id="held-share">20% <span class="hint">(1 of 5 started)</span>' in html
    assert '<td data-reason="crisis">1</td>' in html and '<td data-reason="patient_message">1</td>' in html
    assert '<a href="/clinic/numbers">Numbers</a>' in html


def test_a_provider_may_not_see_them_and_the_nav_does_not_offer_them(world):
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    assert world.client.get("/clinic/numbers").status_code == 403
    assert "/clinic/numbers" not in world.client.get("/patients").get_data(as_text=True)


def test_the_other_clinic_sees_only_its_own_figures(world, known):
    world.sign_in(*world.other_admin)
    html = world.client.get("/clinic/numbers").get_data(as_text=True)
    assert '<td data-status="all">1</td>' in html and '<td data-status="awaiting_consent">1</td>' in html
    assert 'id="started">0<' in html and 'id="escalations-total">0<' in html


def test_a_new_clinic_shows_none_yet_rather_than_zero_medians(world):
    world.sign_in(*world.other_admin)
    html = world.client.get("/clinic/numbers").get_data(as_text=True)
    assert 'id="median-days"><span class="hint">none yet</span>' in html
    assert 'id="answered-rate"><span class="hint">none yet</span>' in html
