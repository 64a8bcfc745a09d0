"""The API reference in real headless Chromium: Swagger UI renders /api/openapi.json under the app's CSP, unblocked."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.e2e.conftest import in_process_stack

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)
# Injected by Playwright (not a page script, so not subject to the CSP): records what the CSP blocks.
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));"""


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "api-docs-key")
    yield running
    running.stop()


def test_swagger_ui_renders_the_live_document_with_nothing_blocked(stack, page):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(stack.base_url + "/api/docs")
    expect(page).to_have_title("API reference · taperline")
    enroll = page.locator(".opblock", has=page.get_by_text("enrollPatient", exact=True))
    expect(enroll.locator(".opblock-summary-path")).to_have_text("/api/patients")
    document = requests.get(stack.base_url + "/api/openapi.json", timeout=10).json()
    operations = [op["operationId"] for path in document["paths"].values() for op in path.values() if "operationId" in op]
    expect(page.locator(".opblock-summary-operation-id")).to_have_text(operations)  # every one, named as clients name it
    enroll.locator(".opblock-summary-control").click()
    expect(enroll.get_by_text("Request body")).to_be_visible()
    expect(page.get_by_role("heading", name="Schemas")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "api-docs.png"), full_page=True)
    assert page.evaluate("window.__violations") == []  # console errors fail the `page` fixture itself


def test_the_footer_of_the_sign_in_page_leads_to_the_reference(stack, page):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(stack.base_url + "/login")
    link = page.get_by_role("contentinfo").get_by_role("link", name="API reference")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/api/docs")
    expect(page.get_by_text("enrollPatient", exact=True)).to_be_visible()
    assert page.evaluate("window.__violations") == []
