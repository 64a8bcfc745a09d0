"""The printable summary of a whole default taper, printed to PDF by real headless Chromium.

One patient is enrolled with the enrollment defaults (4.5 mg, down 1 mg every 4 days, follow-ups on days 1, 3, 7,
14 and 28), answers every check-in on the phone simulator, has one escalation (the taper held, acknowledged,
resolved with a note, resumed by the provider on the patient page), and the summary is printed on Letter and A4:
one or two pages each. The PDF's pages are counted from its page objects, cross-checked with the page tree."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, screenshot, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 9, 1, 14, 0, tzinfo=timezone.utc)     # Wednesday 1 September, 10:00 in New York
MOBILE = "+12125550188"
KEY = "summary-key"
PDFS = ROOT / "test-output" / "pdf"
PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b(?!s)")
PAGE_TREE_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, KEY)
    yield running
    running.stop()


def api(stack, method: str, path: str, **kwargs) -> requests.Response:
    return requests.request(method, stack.base_url + path, headers={"Authorization": f"Bearer {KEY}"}, timeout=15,
                            **kwargs)


def say(stack, body: str) -> str:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": MOBILE, "body": body}, timeout=15)
    assert answer.status_code == 200, answer.text
    return answer.json()["reply"]


def unanswered_question(stack, answered: set[str]) -> str | None:
    """The sid of a first check-in question sent to the patient and not yet answered here."""
    sent = requests.get(stack.base_url + "/dev/messages", params={"to": MOBILE}, timeout=5).json()["messages"]
    fresh = [m["sid"] for m in sent if "Check-in 1/3" in m["body"] and m["sid"] not in answered]
    return fresh[-1] if fresh else None


@pytest.fixture(scope="module")
def whole_taper(stack, browser):
    """The patient's id once the whole default taper and its follow-ups are over."""
    enrolled = api(stack, "POST", "/api/patients", json={
        "first_name": "Maria", "last_name": "Okafor", "phone": MOBILE, "timezone": "America/New_York",
        "provider_email": "provider@example.org", "start_dose_mg": 4.5, "consent": True,
        "notes": "Tapering off after 14 months on LDN for fibromyalgia."})
    assert enrolled.status_code == 201, enrolled.text
    patient_id = enrolled.json()["id"]
    plan = enrolled.json()["plan"]
    assert [s["dose_mg"] for s in plan["steps"]] == [4.5, 3.5, 2.5, 1.5, 0.5]   # the defaults: 1 mg every 4 days
    move_clock(stack, advance_minutes=1)
    assert "Thanks Maria" in say(stack, "YES")

    answered: set[str] = set()
    day, escalated = START.replace(hour=22, minute=30), False                 # 18:30 in New York: after the check-in
    last = datetime.fromisoformat(plan["follow_up_dates"][-1]).replace(tzinfo=timezone.utc) + timedelta(days=2)
    move_clock(stack, advance_minutes=1)                                        # the baseline check-in
    while day < last:
        question = unanswered_question(stack, answered)
        if question:
            answered.add(question)
            worse = not escalated and len(answered) == 3              # the second step's check-in: symptoms back
            assert say(stack, "8 4 2" if worse else "2 8 0").startswith("Thank you")
            if worse:
                escalated = True
                move_clock(stack, advance_minutes=2)
                provider_acts(stack, browser, patient_id)
        move_clock(stack, now=day.strftime("%Y-%m-%dT%H:%M:%SZ"))
        day += timedelta(days=1)
    record = api(stack, "GET", f"/api/patients/{patient_id}").json()
    assert escalated and record["status"] == "completed", record["status"]
    assert len(record["checkins"]) >= 10
    return patient_id


def provider_acts(stack, browser, patient_id: str) -> None:
    """On the patient page: acknowledge the escalation, resolve it with a note, resume the held taper."""
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(f"{stack.base_url}/patients/{patient_id}")
    acknowledge, resolve = page.get_by_role("button", name="Acknowledge"), page.get_by_role("button", name="Resolve")
    assert acknowledge.count() >= 1
    while acknowledge.count():                                   # symptoms back and mood down: one or two
        acknowledge.first.click()
        expect(page.get_by_role("status")).to_have_text("Escalation acknowledged.")
    while resolve.count():
        page.get_by_label("Note", exact=True).first.fill("Called Maria: flare after the step. Stay on this dose two more days.")
        resolve.first.click()
        expect(page.get_by_role("status")).to_have_text("Escalation resolved.")
    page.get_by_role("button", name="Resume (next step-down tomorrow)").click()
    expect(page.get_by_role("status")).to_have_text("The taper resumes; the next step-down is tomorrow.")
    context.close()


def page_count(pdf: bytes) -> int:
    """Chromium's page objects, which must agree with the page tree's /Count."""
    objects = len(PAGE_OBJECT.findall(pdf))
    counts = {int(a or b) for a, b in PAGE_TREE_COUNT.findall(pdf)}
    assert counts == {objects}, f"{objects} page objects, page tree says {counts}"
    return objects


def test_the_patient_page_links_to_the_summary_which_shows_the_whole_story(stack, page, whole_taper):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(f"{stack.base_url}/patients/{whole_taper}")
    page.get_by_role("link", name="Printable summary").click()
    expect(page).to_have_title("Summary: Maria Okafor · taperline")
    expect(page.get_by_role("heading", level=1)).to_have_text("Maria Okafor: LDN taper summary")
    expect(page.get_by_role("img", name=re.compile("Taper of Maria Okafor"))).to_be_visible()
    expect(page.get_by_role("table", name="Changes to the plan").get_by_role("row")).to_have_count(3)
    changes = page.get_by_role("table", name="Changes to the plan")
    expect(changes).to_contain_text("Hold")
    expect(changes).to_contain_text("Resume")
    expect(changes).to_contain_text("provider@example.org")
    escalations = page.locator("table.escalations")
    expect(escalations).to_contain_text("by provider@example.org")
    expect(escalations).to_contain_text("Called Maria: flare after the step.")
    expect(page.locator("table.checkins tbody tr")).to_have_count(
        len(api(stack, "GET", f"/api/patients/{whole_taper}").json()["checkins"]))
    screenshot(page, "11-patient-summary", docs_name="patient-summary.jpg", docs_size=(1000, 1100))


def test_printed_the_summary_hides_the_site_and_keeps_the_chart_and_tables(stack, page, whole_taper):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(f"{stack.base_url}/patients/{whole_taper}/summary")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 703, "height": 960})          # A4's printable width: 186 mm at 96 px an inch
    for hidden in ("body > header", "body > footer", "nav", "button", ".screen-only"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    chart = page.get_by_role("img", name=re.compile("Taper of Maria Okafor"))
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box and box["width"] <= 703 and box["height"] <= 82 * 96 / 25.4 + 1, box      # fits, a third of a page
    for table in ("As given at enrollment", "As it stands now", "Changes to the plan"):
        expect(page.get_by_role("table", name=table)).to_be_visible()
    expect(page.locator("table.checkins")).to_be_visible()
    expect(page.locator("table.escalations")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    rows = page.evaluate("[...document.querySelectorAll('main tr')].map(r => getComputedStyle(r).breakInside)")
    assert rows and set(rows) == {"avoid"}
    screenshot(page, "12-patient-summary-as-printed")


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_summary_of_a_whole_default_taper_prints_on_one_or_two_pages(stack, page, whole_taper, paper):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(f"{stack.base_url}/patients/{whole_taper}/summary")
    pdf = page.pdf(format=paper)
    PDFS.mkdir(parents=True, exist_ok=True)
    (PDFS / f"patient-summary-{paper.lower()}.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF-")
    pages = page_count(pdf)
    print(f"{paper}: {pages} page(s)")
    assert 1 <= pages <= 2, f"{paper}: {pages} pages"
