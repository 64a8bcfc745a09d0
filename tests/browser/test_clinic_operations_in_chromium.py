"""Running a clinic without a developer, in real headless Chromium against the local stack (issue 15): edit a
patient's zone and dose time, text a patient and read the reply, create and revoke an API key, and two clinics
each texting from its own number on the phone simulator."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from playwright.sync_api import expect

from local.seed import SECOND_PROVIDER_EMAIL, SECOND_SENDER_NUMBER
from tests.browser.conftest import screenshot, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # Tuesday 1 June, 10:00 in New York
MOBILE = "+12125550199"
KEY = "operations-key"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, KEY)
    yield running
    running.stop()


def phone(stack, body: str, to: str = "") -> str:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": MOBILE, "body": body, **({"to": to} if to else {})},
                           timeout=15)
    assert answer.status_code == 200, answer.text
    return answer.json()["reply"]


@pytest.fixture(scope="module")
def patient_id(stack) -> str:
    created = requests.post(stack.base_url + "/api/patients", headers={"Authorization": f"Bearer {KEY}"}, json={
        "first_name": "Mina", "last_name": "Osei", "phone": MOBILE, "timezone": "America/New_York",
        "provider_email": stack.demo.provider_email, "start_dose_mg": 3, "dose_time": "21:00",
        "start_date": "2027-06-01", "consent": True}, timeout=30)
    assert created.status_code == 201, created.text
    move_clock(stack, advance_minutes=1)
    assert "Thanks" in phone(stack, "YES")
    return created.json()["id"]


def test_a_provider_moves_a_patient_to_another_zone_and_dose_time(stack, page, patient_id):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(stack.base_url + f"/patients/{patient_id}")
    expect(page.locator("li").filter(has_text="Tonight").first).to_contain_text("9:00")
    page.get_by_text("Edit the details").click()
    page.get_by_label("Time zone").fill("America/Los_Angeles")
    page.get_by_label("Dose time").fill("22:30")
    page.get_by_role("button", name="Save the details").click()
    expect(page.locator("#edit-timezone")).to_have_value("America/Los_Angeles")
    tonight = page.locator("li").filter(has_text="Tonight").first
    expect(tonight).to_contain_text("1:30 AM EDT")  # 22:30 in Los Angeles, shown in the clinic's zone
    screenshot(page, "17-patient-edited")


def test_a_provider_texts_the_patient_and_reads_the_reply_on_the_patient_page(stack, page, patient_id):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    page.goto(stack.base_url + f"/patients/{patient_id}")
    page.get_by_label("Text Mina").fill("How did the first night go?")
    page.get_by_role("button", name="Send the text").click()
    expect(page.get_by_role("status")).to_contain_text("It is night for the patient")  # 07:0x in Los Angeles
    move_clock(stack, now="2027-06-01T15:01:00Z")  # 08:01 there: dispatch sends it
    page.goto(stack.base_url + "/dev")
    thread = page.locator("#threads > .phone").filter(has_text=MOBILE)
    expect(thread).to_contain_text("How did the first night go?")
    reply = thread.get_by_label(f"Reply as {MOBILE}")
    reply.fill("Slept badly but ok otherwise")
    reply.press("Enter")
    expect(thread).to_contain_text("Slept badly but ok otherwise")
    page.goto(stack.base_url + f"/patients/{patient_id}")
    messages = page.get_by_role("table").filter(has_text="From patient")
    expect(messages).to_contain_text("How did the first night go?")
    expect(messages).to_contain_text("Slept badly but ok otherwise")


def test_an_admin_creates_a_key_that_works_then_revokes_it(stack, page):
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="API keys").click()
    page.get_by_label("Name").fill("EHR sync")
    page.get_by_role("button", name="Create the key").click()
    key = page.get_by_label("The key").input_value()
    assert requests.get(stack.base_url + "/api/patients", headers={"Authorization": f"Bearer {key}"},
                        timeout=15).status_code == 200
    page.goto(stack.base_url + "/api-keys")
    page.get_by_role("row").filter(has_text="EHR sync").get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("status")).to_contain_text("The key is revoked")
    expect(page.get_by_role("row").filter(has_text="EHR sync")).to_contain_text("Revoked")
    assert requests.get(stack.base_url + "/api/patients", headers={"Authorization": f"Bearer {key}"},
                        timeout=15).status_code == 401


def test_two_clinics_answer_from_their_own_numbers_on_the_phone_simulator(stack, page, patient_id):
    lakeside = requests.post(stack.base_url + "/api/patients", headers={"Authorization": f"Bearer {stack.second.api_key}"},
                             json={"first_name": "Mina", "last_name": "Osei", "phone": MOBILE,
                                   "timezone": "America/Chicago", "provider_email": SECOND_PROVIDER_EMAIL,
                                   "start_dose_mg": 3, "start_date": "2027-06-02", "consent": True}, timeout=30)
    assert lakeside.status_code == 201, lakeside.text  # the same person, a patient of both clinics
    page.goto(stack.base_url + "/dev")
    for to, clinic in ((stack.settings.twilio_from_number, "Demo Clinic"), (SECOND_SENDER_NUMBER, "Lakeside Clinic")):
        page.locator("#new-from").fill(MOBILE)
        page.locator("#new-to").select_option(to)
        page.locator("#new-body").fill("HELP")
        page.locator("#new-phone").get_by_role("button", name="Send").click()
        thread = page.locator("#threads > .phone").filter(has_text=MOBILE).filter(has_text=to)
        expect(thread.get_by_role("log")).to_contain_text(f"{clinic} LDN taper texts")  # its HELP, from its number
    expect(page.locator("#threads > .phone").filter(has_text=MOBILE)).to_have_count(2)
    screenshot(page, "18-two-clinic-numbers")
