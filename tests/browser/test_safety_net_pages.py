"""A patient's message and an unanswered safety question as a provider sees them, in real headless Chromium: the
inbox (escalations page) and the patient page show the patient's words with their time; acknowledging a message
marks it read."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # 10:00 in New York
KEY = {"Authorization": "Bearer safety-pages-key"}
PHONE = "+12125550188"
MESSAGE = "Can someone call me? The new dose makes my nights rough."
WARNING = "everyone would be better off without me"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "safety-pages-key")
    body = {"first_name": "Rosa", "last_name": "Diaz", "phone": PHONE, "timezone": "America/New_York",
            "provider_email": running.demo.provider_email, "start_dose_mg": 3, "consent": True}
    running.patient_id = requests.post(running.base_url + "/api/patients", json=body, headers=KEY, timeout=10).json()["id"]
    move_clock(running, advance_minutes=1)
    for text in ("YES", "2 8 0", MESSAGE, WARNING):
        requests.post(running.base_url + "/dev/phone", json={"from": PHONE, "body": text}, timeout=15)
        move_clock(running, advance_minutes=1)
    move_clock(running, advance_minutes=61)  # the safety question goes unanswered
    body = {**body, "first_name": "Tomas", "phone": "+12125550189"}
    running.second_id = requests.post(running.base_url + "/api/patients", json=body, headers=KEY, timeout=10).json()["id"]
    move_clock(running, advance_minutes=1)
    for text in ("YES", "2 8 0", "I feel like such a burden to everyone", "No"):
        requests.post(running.base_url + "/dev/phone", json={"from": "+12125550189", "body": text}, timeout=15)
        move_clock(running, advance_minutes=1)
    yield running
    running.stop()


def test_the_inbox_shows_the_unread_message_and_the_urgent_safety_escalation_with_the_patients_words(stack, page):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(stack.base_url + "/escalations?status=open")
    urgent = page.locator("section").filter(has=page.get_by_role("heading", name="Urgent: Safety check unanswered"))
    expect(urgent).to_contain_text(WARNING)
    expect(urgent).to_contain_text("no answer to the safety question within 60 minutes")
    message = page.locator("section").filter(has=page.get_by_role("heading", name="Patient message"))
    expect(message.get_by_role("heading")).to_contain_text("Unread")
    expect(message.locator("blockquote")).to_have_text(MESSAGE)
    expect(message).to_contain_text("Jun")                                    # when it came, in the clinic's zone
    screenshot(page, "08-inbox-patient-message-and-safety")

    message.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_role("status")).to_have_text("Escalation acknowledged.")
    page.goto(stack.base_url + "/escalations")
    read = page.locator("section").filter(has=page.get_by_role("heading", name="Patient message"))
    expect(read.get_by_role("heading")).to_contain_text("Acknowledged")


def test_the_patient_page_shows_the_message_and_the_safety_escalation(stack, page):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(f"{stack.base_url}/patients/{stack.patient_id}")
    escalations = page.locator(".panel").filter(has_text="Safety check unanswered")
    expect(escalations.locator("blockquote")).to_have_text(WARNING)
    expect(page.locator(".panel").filter(has_text="Patient message").locator("blockquote")).to_have_text(MESSAGE)
    screenshot(page, "09-patient-page-safety")


def test_a_no_answer_shows_the_answer_and_the_words_that_led_to_the_question(stack, page):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(f"{stack.base_url}/patients/{stack.second_id}")
    warning = page.locator("div.panel").filter(has_text="Routine: Warning signs")
    expect(warning.locator("blockquote")).to_have_text(["No", "I feel like such a burden to everyone"])
    expect(warning).to_contain_text("answered NO to the safety question")
    expect(warning).to_contain_text("What led to the safety question")
