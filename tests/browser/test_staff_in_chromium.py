"""Staff pages in real headless Chromium against the local stack (issue 15): an invitation followed to a first
sign-in, a deactivation that ends a live session in another browser, and a forgotten password reset by email."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.app.conftest import NOW
from tests.browser.conftest import screenshot, sign_in
from tests.e2e.conftest import in_process_stack

NEW_PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(NOW, "staff-key")
    yield running
    running.stop()


def link_sent_to(stack, email: str) -> str:
    """The path of the last link emailed to `email` (through the stack's SES outbox)."""
    [mail] = [m for m in stack.mail.sent if m["to"] == email][-1:]
    return urlparse(re.search(r"https?://\S+", mail["text"]).group(0)).path


def second_browser(browser):
    context = browser.new_context()
    context.set_default_timeout(20_000)
    return context, context.new_page()


def test_an_invited_provider_sets_a_password_and_is_signed_out_when_deactivated(stack, page, browser):
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Staff").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff")
    page.get_by_label("Email").fill("noor@example.org")
    page.get_by_label("Name").fill("Noor Nurse")
    page.get_by_label("Role", exact=True).select_option("provider")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text("Invitation sent to noor@example.org")
    screenshot(page, "13-staff")

    context, invited = second_browser(browser)
    invited.goto(stack.base_url + link_sent_to(stack, "noor@example.org"))
    invited.get_by_label("New password").fill("too short")
    invited.get_by_role("button", name="Set the password and sign in").click()
    expect(invited.get_by_role("alert")).to_contain_text("at least 12 characters")
    invited.get_by_label("New password").fill(NEW_PASSWORD)
    invited.get_by_role("button", name="Set the password and sign in").click()
    invited.wait_for_url("**/patients")
    expect(invited.locator("header")).to_contain_text("Noor Nurse (provider)")
    expect(invited.get_by_role("link", name="Enroll a patient")).to_have_count(0)

    page.reload()
    row = page.get_by_role("row").filter(has_text="noor@example.org")
    row.get_by_role("button", name=re.compile("^Deactivate")).click()
    expect(page.get_by_role("status")).to_contain_text("deactivated")
    invited.goto(stack.base_url + "/patients")
    invited.wait_for_url(re.compile(r".*/login\?next=.*"))
    expect(invited.get_by_role("heading", level=1)).to_have_text("Sign in")
    context.close()


def test_a_forgotten_password_is_reset_by_the_emailed_link_once(stack, browser):
    context, tab = second_browser(browser)
    tab.goto(stack.base_url + "/login")
    tab.get_by_role("link", name="Forgot your password?").click()
    tab.get_by_label("Email").fill(stack.demo.provider_email)
    tab.get_by_role("button", name="Email me a link").click()
    expect(tab.get_by_role("status")).to_contain_text("If that email has an account")
    link = link_sent_to(stack, stack.demo.provider_email)
    tab.goto(stack.base_url + link)
    tab.get_by_label("New password").fill(NEW_PASSWORD)
    tab.get_by_role("button", name="Set the password and sign in").click()
    tab.wait_for_url("**/patients")
    expect(tab.get_by_role("status")).to_contain_text("Your new password is set")
    tab.goto(stack.base_url + link)
    tab.get_by_label("New password").fill(NEW_PASSWORD + "!")
    tab.get_by_role("button", name="Set the password and sign in").click()
    expect(tab.get_by_role("alert")).to_contain_text("not valid any more")
    context.close()
