"""The clinic settings page in real headless Chromium against the local stack (issue 15): an admin moves the quiet
hours, the change is listed (who, old -> new), and the patient's next check-in moves out of them."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # Tuesday 1 June, 10:00 in New York
MOBILE = "+12125550188"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "settings-key")
    yield running
    running.stop()


def an_active_patient(stack) -> str:
    """Enrolled through the API with a step down every day (so a check-in at 18:00 every day), and said YES."""
    created = requests.post(stack.base_url + "/api/patients", headers={"Authorization": "Bearer settings-key"}, json={
        "first_name": "Iris", "last_name": "Okafor", "phone": MOBILE, "timezone": "America/New_York",
        "provider_email": stack.demo.provider_email, "start_dose_mg": 3, "step_mg": 0.5, "step_days": 1,
        "dose_time": "21:00", "checkin_time": "18:00", "start_date": "2027-06-01", "consent": True}, timeout=30)
    assert created.status_code == 201, created.text
    move_clock(stack, advance_minutes=1)
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": MOBILE, "body": "YES"}, timeout=15)
    assert answer.status_code == 200
    return created.json()["id"]


def next_checkin(page) -> str:
    return page.locator("li").filter(has_text="Check-in (step)").first.inner_text()


def test_an_admin_moves_the_quiet_hours_and_the_next_checkin_moves_out_of_them(stack, page):
    patient_id = an_active_patient(stack)
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    page.goto(stack.base_url + f"/patients/{patient_id}")
    assert "6:00" in next_checkin(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clinic settings")
    page.get_by_label("Quiet hours start").fill("17:00")
    page.get_by_label("Quiet hours end").fill("09:00")
    page.get_by_role("button", name="Save the settings").click()
    expect(page.get_by_role("status")).to_contain_text("Settings saved")
    changes = page.get_by_role("table")
    expect(changes).to_contain_text("quiet_hours.start")
    expect(changes).to_contain_text(stack.demo.admin_email)
    screenshot(page, "16-clinic-settings")

    move_clock(stack, advance_minutes=2)  # dispatch runs the clinic's re-plan tasks
    page.goto(stack.base_url + f"/patients/{patient_id}")
    moved = next_checkin(page)
    assert "9:00" in moved and "6:00" not in moved, moved


def test_a_quiet_hours_start_past_21_00_is_refused_beside_its_field(stack, page):
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    page.goto(stack.base_url + "/clinic/settings")
    page.get_by_label("Quiet hours start").fill("23:00")
    page.get_by_role("button", name="Save the settings").click()
    expect(page.get_by_role("alert")).to_contain_text("Some settings need another look")
    expect(page.locator("#quiet_start-error")).to_contain_text("between 12:00 and 21:00")
    expect(page.get_by_label("Quiet hours start")).to_have_value("23:00")
