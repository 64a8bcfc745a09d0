"""Keyboard only, in real headless Chromium against the local stack: an admin enrolls a patient and a provider
acknowledges that patient's escalation with Tab, Shift+Tab, Enter, Space and the arrow keys (typed text through
keyboard.type; no click, no fill, no focus()), and every control reached shows a visible focus outline.
One stack for the module; the second test follows the patient the first enrolled."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # Tuesday 1 June, 10:00 in New York
MOBILE = "+12125550144"
# What has focus, and how its focus is drawn.
FOCUSED = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || el.value || '').trim().slice(0, 60),
          focusVisible: el.matches(':focus-visible'), outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth), color: style.outlineColor};
}"""


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "keyboard-key")
    yield running
    running.stop()


def press(page, key: str) -> dict:
    """Press a key that moves focus; the control reached must show its focus as an outline."""
    page.keyboard.press(key)
    focused = page.evaluate(FOCUSED)
    if focused["tag"] != "body":
        assert focused["outline"] not in ("none", "hidden") and focused["width"] >= 2 \
            and focused["color"] not in ("transparent", "rgba(0, 0, 0, 0)"), f"no visible focus on {focused}"
    return focused


def tab_to(page, id: str = "", text: str = "", back: bool = False, limit: int = 60) -> dict:
    """Tab (or Shift+Tab) until the control with this id, or whose text starts with `text`, has focus."""
    for _ in range(limit):
        focused = press(page, "Shift+Tab" if back else "Tab")
        if (id and focused["id"] == id) or (text and focused["text"].startswith(text)):
            return focused
    raise AssertionError(f"Tab never reached {id or text!r} on {page.url}")


def type_into(page, id: str, text: str) -> None:
    tab_to(page, id=id)
    page.keyboard.type(text)


def sign_in(page, stack, email: str, password: str) -> None:
    page.goto(stack.base_url + "/login")
    type_into(page, "email", email)
    type_into(page, "password", password)
    page.keyboard.press("Enter")
    page.wait_for_url("**/patients")


def test_an_admin_enrolls_a_patient_with_the_keyboard_alone(stack, page):
    sign_in(page, stack, stack.demo.admin_email, stack.demo.admin_password)
    tab_to(page, text="Enroll a patient")
    page.keyboard.press("Enter")
    expect(page).to_have_title("Enroll a patient · taperline")

    type_into(page, "first_name", "Rosa")
    type_into(page, "last_name", "Diaz")
    type_into(page, "phone", f"({MOBILE[2:5]}) {MOBILE[5:8]}-{MOBILE[8:]}")
    type_into(page, "timezone", "America/New_York")
    tab_to(page, id="provider_email")
    provider = page.locator("#provider_email")
    for _ in range(5):                                           # the arrow keys walk a closed select's options
        if provider.input_value() == stack.demo.provider_email:
            break
        page.keyboard.press("ArrowDown")
    expect(provider).to_have_value(stack.demo.provider_email)
    type_into(page, "start_dose_mg", "3")
    type_into(page, "step_days", "2")                            # Tab selects the default (4): typing replaces it
    expect(page.locator("#step_days")).to_have_value("2")
    tab_to(page, text="Enroll and send the welcome text")        # past the consent box to the button...
    tab_to(page, id="consent", back=True)                        # ...and back to it
    page.keyboard.press("Space")
    expect(page.locator("#consent")).to_be_checked()
    tab_to(page, text="Enroll and send the welcome text")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Rosa Diaz is enrolled")
    expect(page).to_have_title("Rosa Diaz · taperline")


def test_a_provider_acknowledges_the_escalation_with_the_keyboard_alone(stack, page):
    # Given Rosa answers YES and her baseline, and the check-in after her first step-down shows symptoms back
    move_clock(stack, advance_minutes=1)
    for text in ("YES", "2 8 0"):
        answer = requests.post(stack.base_url + "/dev/phone", json={"from": MOBILE, "body": text}, timeout=15)
        assert answer.status_code == 200, answer.text
        move_clock(stack, advance_minutes=1)
    move_clock(stack, now="2027-06-04T22:01:00Z")
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": MOBILE, "body": "8 4 2"}, timeout=15)
    assert answer.status_code == 200, answer.text
    move_clock(stack, advance_minutes=2)

    # When the provider goes to the open escalations and acknowledges Rosa's, by keyboard
    sign_in(page, stack, stack.demo.provider_email, stack.demo.provider_password)
    tab_to(page, text="Escalations")
    page.keyboard.press("Enter")
    expect(page).to_have_title("Open escalations · taperline")
    expect(page.locator("section.panel").first).to_contain_text("Rosa Diaz")
    tab_to(page, text="Acknowledge")
    reason = page.evaluate("document.activeElement.closest('section').querySelector('h2').firstChild.textContent.trim()")
    assert reason in ("Symptom return", "Mood change"), reason
    page.keyboard.press("Space")

    # Then it is acknowledged
    expect(page.get_by_role("status")).to_have_text("Escalation acknowledged.")
    page.goto(stack.base_url + "/escalations")
    acknowledged = page.locator("section.panel").filter(has=page.get_by_role("heading", name=reason))
    expect(acknowledged.get_by_role("heading")).to_contain_text("Acknowledged")
