"""The patients list and a new number (issue 15) in real headless Chromium against the local stack: what needs
attention comes first, the list is searched and filtered from its form, and a provider gives a patient a new number
on the patient page (the new phone gets the welcome). Each page as seen is checked with axe: no violation."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York
KEY = "patients-list-key"
CALM, CRISIS, MOVING, NEW = "+12125550181", "+12125550182", "+12125550183", "+13125550184"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, KEY)
    running.ids = {}
    for name, phone in (("Calla", CALM), ("Zoë", CRISIS), ("Mo", MOVING)):
        body = {"first_name": name, "last_name": "Reyes", "phone": phone, "timezone": "America/New_York",
                "provider_email": running.demo.provider_email, "start_dose_mg": 3, "consent": True}
        answer = requests.post(running.base_url + "/api/patients", json=body,
                               headers={"Authorization": f"Bearer {KEY}"}, timeout=10)
        assert answer.status_code == 201, answer.text
        running.ids[name] = answer.json()["id"]
        move_clock(running, advance_minutes=1)
        say(running, phone, "YES")
    say(running, CRISIS, "I want to end my life tonight")
    move_clock(running, advance_minutes=1)
    yield running
    running.stop()


def say(stack, phone: str, body: str) -> None:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": body}, timeout=15)
    assert answer.status_code == 200, answer.text


def test_the_list_puts_the_urgent_escalation_first_and_is_searched_and_filtered(stack, page):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("Urgent escalation")
    expect(rows.first).to_contain_text("Zoë Reyes")
    assert_accessible(page)
    screenshot(page, "patients-by-attention")
    # When the provider searches by a name typed without its accent
    page.get_by_label("Name or number").fill("zoe")
    page.get_by_role("button", name="Find").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Zoë Reyes")
    # and by a number as people write it, then for patients without an open escalation
    page.get_by_label("Name or number").fill("(212) 555-0181")
    page.get_by_role("button", name="Find").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Calla Reyes")
    page.get_by_label("Name or number").fill("")
    page.get_by_label("Escalations").select_option("false")
    page.get_by_role("button", name="Find").click()
    expect(rows).to_have_count(2)
    expect(page.locator("tbody")).not_to_contain_text("Zoë")
    assert_accessible(page)


def test_a_provider_gives_a_patient_a_new_number_and_the_new_phone_is_asked_for_yes(stack, page):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(f"{stack.base_url}/patients/{stack.ids['Mo']}")
    page.get_by_text("Edit the details").click()
    page.get_by_label("Mobile number").fill("(312) 555-0184")
    page.get_by_role("button", name="Save the details").click()
    expect(page.locator("main")).to_contain_text("answers YES from it")
    expect(page.locator("main")).to_contain_text("+1********83 to +1********84")
    assert_accessible(page)
    screenshot(page, "patient-new-number")
    move_clock(stack, advance_minutes=1)
    sent = requests.get(stack.base_url + "/dev/messages", params={"to": NEW}, timeout=10).json()["messages"]
    assert any("Reply YES" in m["body"] for m in sent)
    page.goto(stack.base_url + "/patients?status=awaiting_consent")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr").first).to_contain_text("Mo Reyes")
