"""Clinic staff and a patient's phone, in real headless Chromium against the local stack (as `make dev` runs it).

One stack for the module; the tests follow one patient in order: enrolled, YES, check-ins, an escalation,
the provider's acknowledgement and resume; then a provider of another clinic is refused."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, no_sideways_scroll, screenshot, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # Tuesday 1 June, 10:00 in New York
MOBILE = "+12125550177"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "browser-key")
    yield running
    running.stop()


def test_sign_in_and_out_with_the_keyboard(stack, page):
    page.goto(stack.base_url + "/")
    expect(page).to_have_title("Sign in · taperline")
    screenshot(page, "01-sign-in")
    page.get_by_label("Email").fill(stack.demo.admin_email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong email or password.")
    expect(page.get_by_label("Email")).to_have_value(stack.demo.admin_email)

    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    expect(page.get_by_role("status")).to_have_text("Signed in as Avery Admin.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Patients of Demo Clinic")
    screenshot(page, "02-patients-empty")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/login")
    expect(page.get_by_role("status")).to_have_text("You are signed out.")
    page.goto(stack.base_url + "/patients")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fpatients$"))


def test_enroll_through_the_form_fixing_errors_shown_next_to_their_fields(stack, page):
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    page.get_by_role("link", name="Enroll a patient").click()
    expect(page).to_have_title("Enroll a patient · taperline")
    page.get_by_label("First name").fill("Maria")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Mobile number").fill("555-0100")
    page.get_by_label("Time zone").fill("America/New_York")
    page.get_by_label("Provider").select_option("provider@example.org")
    page.get_by_label("Starting dose (mg)").fill("9")
    page.get_by_role("button", name="Enroll and send the welcome text").click()

    expect(page).to_have_title("Fix errors: Enroll a patient · taperline")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please fix 3 fields")
    expect(summary).to_be_focused()                                       # read out first, by screen readers too
    expect(summary.get_by_role("link")).to_have_text(["Mobile number: This is not a valid phone number.",
                                                      "Starting dose (mg): Must be between 0.5 and 6 mg.",
                                                      "Consent: The patient must agree to receive texts."])
    phone = page.get_by_label("Mobile number")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#phone-error")).to_be_visible()
    assert "phone-error" in phone.get_attribute("aria-describedby")
    expect(page.get_by_label("First name")).to_have_value("Maria")       # nothing typed is lost
    screenshot(page, "03-enroll-errors")
    summary.get_by_role("link", name=re.compile("^Mobile number")).click()        # the summary links to its field
    expect(phone).to_be_focused()

    phone.fill(f"({MOBILE[2:5]}) {MOBILE[5:8]}-{MOBILE[8:]}")
    page.get_by_label("Starting dose (mg)").fill("3")
    page.get_by_label("Days on each dose").fill("2")
    page.get_by_label("The patient agreed to receive texts from this clinic").check()
    page.get_by_role("button", name="Enroll and send the welcome text").click()

    expect(page.get_by_role("status")).to_contain_text("Maria Okafor is enrolled")
    expect(page).to_have_title("Maria Okafor · taperline")
    expect(page.get_by_role("img", name=re.compile("Taper of Maria Okafor"))).to_be_visible()
    screenshot(page, "04-patient-enrolled")


def test_the_patient_answers_yes_and_a_check_in_on_the_phone_simulator(stack, page):
    move_clock(stack, advance_minutes=1)                    # the welcome text goes out
    page.goto(stack.base_url + "/dev")
    thread = page.locator("#threads > .phone").filter(has_text=MOBILE)
    expect(thread).to_contain_text("Reply YES to start")
    reply = thread.get_by_label(f"Reply as {MOBILE}")
    reply.fill("YES")
    reply.press("Enter")
    expect(thread).to_contain_text("Thanks Maria!")
    move_clock(stack, advance_minutes=1)                    # the baseline check-in's first question
    page.reload()
    thread = page.locator("#threads > .phone").filter(has_text=MOBILE)
    expect(thread).to_contain_text("Check-in 1/3")
    reply = thread.get_by_label(f"Reply as {MOBILE}")
    reply.fill("2")
    reply.press("Enter")
    expect(thread).to_contain_text("2/3")
    screenshot(page, "05-phone-simulator-mid-check-in", docs_name="phone-simulator.jpg")
    reply = thread.get_by_label(f"Reply as {MOBILE}")
    reply.fill("8")
    reply.press("Enter")
    expect(thread).to_contain_text("3/3")
    reply = thread.get_by_label(f"Reply as {MOBILE}")
    reply.fill("none")
    reply.press("Enter")
    expect(thread).to_contain_text("Thank you")


def say(stack, body: str) -> str:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": MOBILE, "body": body}, timeout=15)
    assert answer.status_code == 200, answer.text
    return answer.json()["reply"]


def test_a_provider_acknowledges_an_escalation_and_resumes_the_held_taper(stack, page, browser):
    move_clock(stack, now="2027-06-04T22:01:00Z")           # the day after the 3 June step-down, 18:01 local
    assert say(stack, "8 4 2").startswith("Thank you")       # symptoms back, mood down: escalation, taper held
    move_clock(stack, advance_minutes=2)

    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.get_by_role("link", name="Escalations").click()
    expect(page).to_have_title("Open escalations · taperline")
    first = page.locator("section.panel").first
    expect(first).to_contain_text("Maria Okafor")
    screenshot(page, "06-escalations-inbox")
    first.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("status")).to_have_text("Escalation acknowledged.")

    page.get_by_role("link", name="Patients").click()
    row = page.get_by_role("row", name=re.compile("Maria Okafor"))
    expect(row).to_contain_text("Held")
    screenshot(page, "07-patients-list")
    row.get_by_role("link", name="Maria Okafor").click()
    expect(page.get_by_role("heading", name=re.compile("^Plan Held since"))).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("Taper of Maria Okafor"))
    expect(chart).to_be_visible()
    expect(chart.locator("text=Held")).to_have_count(1)
    table = page.get_by_role("table", name="The same, day by day")
    expect(table.get_by_role("row", name=re.compile("Fri 4 Jun 2027"))).to_contain_text("Escalation")
    screenshot(page, "08-patient-held", docs_name="patient-page.jpg", docs_size=(1000, 1060))

    page.get_by_role("button", name="Resume (next step-down tomorrow)").click()
    expect(page.get_by_role("status")).to_have_text("The taper resumes; the next step-down is tomorrow.")
    expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
    expect(page.get_by_role("list").filter(has_text="Resume by provider@example.org")).to_be_visible()

    phone = browser.new_context(viewport=PHONE, storage_state=page.context.storage_state(), is_mobile=True)
    small = phone.new_page()
    small.goto(page.url)
    expect(small.get_by_role("img", name=re.compile("Taper of Maria Okafor"))).to_be_visible()
    expect(small.get_by_role("button", name="Hold at the current dose")).to_be_visible()
    assert no_sideways_scroll(small)
    screenshot(small, "09-patient-on-a-390px-phone")
    phone.close()


def test_a_provider_of_another_clinic_is_refused(stack, page):
    from shared.domain.accounts import Role

    services, now = stack.services, stack.clock.now()
    other = services.accounts.create_clinic("Lakeside Clinic", "+1 312 555 0100", now, settings={"timezone": "America/Chicago"})
    _, password = services.accounts.add_user(other.clinic_id, "dr@lakeside.example", Role.PROVIDER, "Dr. Lee", now)
    patient_id = requests.get(stack.base_url + "/api/patients", headers={"Authorization": "Bearer browser-key"},
                              timeout=5).json()["patients"][0]["id"]
    sign_in(page, stack.base_url, "dr@lakeside.example", password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Patients of Lakeside Clinic")
    expect(page.get_by_text("Maria")).to_have_count(0)
    response = page.goto(f"{stack.base_url}/patients/{patient_id}")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not Found")
    expect(page.get_by_text("Okafor")).to_have_count(0)
    screenshot(page, "10-other-clinic-refused")
