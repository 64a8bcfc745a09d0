"""The printable summary of a patient (/patients/<id>/summary) through the Flask client: what it prints, and
that it follows the patient page's rules (signed-in staff of the patient's clinic only)."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from shared.domain.accounts import Caller, Role
from shared.domain.patients import Escalation
from shared.services.ports import InboundSms
from tests.app.conftest import csrf_from, enrollment

MOBILE = "+12125550123"


def say(world, sid: str, text: str, after: timedelta = timedelta(0)) -> None:
    world.services.inbound.handle(InboundSms(sid, MOBILE, "+15005550006", text, world.services.clock.now() + after))


@pytest.fixture
def story(world):
    """Ana Lopez of the Demo Clinic: enrolled, YES, a baseline check-in, a held and changed plan, an escalation
    acknowledged and resolved with a note, then STOP."""
    created = world.api("POST", "/api/patients", json=enrollment(start_date="2027-01-03", notes="Tapering for trial"))
    assert created.status_code == 201
    patient_id = created.get_json()["id"]
    svc, now = world.services, world.services.clock.now()
    say(world, "SMs1", "YES")
    svc.dispatcher.run(now + timedelta(minutes=2))            # the baseline check-in's first question
    for n, answer in enumerate(("2", "8", "none")):
        say(world, f"SMs{n + 2}", answer, timedelta(minutes=3 + n))
    svc.plans.act(world.demo.clinic.clinic_id, "provider@example.org", patient_id, "hold", now + timedelta(minutes=10))
    svc.plans.act(world.demo.clinic.clinic_id, "admin@example.org", patient_id, "adjust", now + timedelta(minutes=11),
                  {"step_days": 5})
    patient = svc.store.get_patient(patient_id)
    svc.store.save_escalations(patient, [Escalation("esc-s", ("mood_change",), "routine", "open", now,
                                                    ({"why": "mood 3, baseline 8"},), now)])
    provider = Caller(world.demo.clinic.clinic_id, Role.PROVIDER, "provider@example.org")
    svc.escalations.acknowledge(provider, "esc-s", now + timedelta(minutes=20))
    svc.escalations.resolve(provider, "esc-s", now + timedelta(minutes=30), "Called Ana; <b>stays</b> on 4.5 mg")
    say(world, "SMs9", "STOP", timedelta(minutes=40))
    return patient_id


def test_the_summary_needs_a_sign_in(world, story):
    response = world.client.get(f"/patients/{story}/summary")
    assert response.status_code == 302
    assert response.location == f"/login?next=%2Fpatients%2F{story}%2Fsummary"


def test_staff_of_another_clinic_get_not_found_as_on_the_patient_page(world, story):
    world.sign_in(*world.other_admin)
    for path in (f"/patients/{story}", f"/patients/{story}/summary"):
        response = world.client.get(path)
        assert response.status_code == 404 and "Lopez" not in response.get_data(as_text=True)
    assert world.client.get("/patients/no-such-patient/summary").status_code == 404


def test_the_patient_page_links_to_its_printable_summary(world, story):
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    page = world.client.get(f"/patients/{story}").get_data(as_text=True)
    assert f'<a href="/patients/{story}/summary">Printable summary</a>' in page


def test_the_summary_prints_the_plan_as_given_and_changed_with_who_and_when(world, story):
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    response = world.client.get(f"/patients/{story}/summary")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert "<title>Summary: Ana Lopez · taperline</title>" in page and "Ana Lopez: LDN taper summary" in page
    given = section(page, "As given at enrollment", "As it stands now")
    # 4.5 mg down by 1 mg every 4 days from Sun 3 Jan: the enrollment's plan, before the hold
    assert rows_of(given) == [["Sun 3 Jan 2027", "Wed 6 Jan 2027", "4.5 mg"], ["Thu 7 Jan 2027", "Sun 10 Jan 2027", "3.5 mg"],
                              ["Mon 11 Jan 2027", "Thu 14 Jan 2027", "2.5 mg"], ["Fri 15 Jan 2027", "Mon 18 Jan 2027", "1.5 mg"],
                              ["Tue 19 Jan 2027", "Fri 22 Jan 2027", "0.5 mg"], ["Sat 23 Jan 2027", "", "Stop (0 mg)"]]
    assert rows_of(section(page, "As it stands now", "</table>")) == [
        ["Sun 3 Jan 2027", "Held: until a provider acts", "4.5 mg"]]
    changes = rows_of(section(page, "Changes to the plan", "</table>"))
    assert [row[:3] for row in changes] == [["Sun 3 Jan 2027, 12:10 PM EST", "Hold", "provider@example.org"],
                                            ["Sun 3 Jan 2027, 12:11 PM EST", "Adjust", "admin@example.org"]]
    assert changes[0][3] == "4.5 mg from Sun 3 Jan 2027 (held)"


def test_the_summary_prints_chart_check_ins_escalations_and_consent(world, story):
    world.sign_in(world.demo.admin_email, world.demo.admin_password)
    page = world.client.get(f"/patients/{story}/summary").get_data(as_text=True)
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'role="img"' in svg and "Taper of Ana Lopez: dose steps and check-in answers</title>" in svg
    assert "<script" not in page and "<form" not in section(page, "<main>", "</main>")
    assert rows_of(section(page, 'id="summary-checkins"', "</table>")) == [
        ["Sun 3 Jan 2027, 12:02 PM EST", "Baseline", "4.5 mg", "2", "8", "0", "Completed"]]
    [escalation] = rows_of(section(page, 'id="summary-escalations"', "</table>"))
    assert escalation[0] == "Sun 3 Jan 2027, 12:00 PM EST Routine: Mood change"
    assert escalation[1] == "mood 3, baseline 8"
    assert escalation[2] == "Sun 3 Jan 2027, 12:20 PM EST by provider@example.org"
    assert escalation[3] == "Sun 3 Jan 2027, 12:30 PM EST by provider@example.org Called Ana; <b>stays</b> on 4.5 mg"
    assert "Called Ana; &lt;b&gt;stays&lt;/b&gt;" in page                     # the note is text, never markup
    consent = section(page, "Consent and opt-out", "</ul>")
    assert [re.sub(r"\s+", " ", li) for li in re.findall(r"<li>(.*?)</li>", consent)] == [
        "Sun 3 Jan 2027, 12:00 PM EST: Enrolled (agreement to texts recorded by the clinic)",
        "Sun 3 Jan 2027, 12:00 PM EST: Consent confirmed (replied YES)",
        "Sun 3 Jan 2027, 12:40 PM EST: Opted out (replied STOP)"]
    assert "Opted out" in page and "Tapering for trial" in page
    assert "@media print" in page and "@page" in page


def test_a_new_patient_s_summary_says_what_has_not_happened_yet(world):
    created = world.api("POST", "/api/patients", json=enrollment()).get_json()
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    page = world.client.get(f"/patients/{created['id']}/summary").get_data(as_text=True)
    assert "No changes to the plan since enrollment." in page and "No check-ins yet." in page
    assert "No escalations." in page and "No YES from the patient yet" in page
    assert "As it stands now" not in page and "Awaiting consent" in page


def section(page: str, start: str, end: str) -> str:
    at = page.index(start)
    return page[at:page.index(end, at + len(start))]


def rows_of(html: str) -> list[list[str]]:
    """Each body row's cells as the text a person reads (tags dropped, entities kept, spaces collapsed)."""
    import html as entities

    body = html[html.index("<tbody>"):] if "<tbody>" in html else html
    def text(cell: str) -> str:
        blocks = re.sub(r"</?(br|blockquote|ul|li|p)\b[^>]*>", " ", cell)
        return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", "", blocks))).strip()

    return [[text(cell)
             for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]
