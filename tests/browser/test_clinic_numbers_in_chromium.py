"""The clinic numbers page in real headless Chromium, against the local stack in this process, for the known
set of Demo Clinic patients of tests/app/test_clinic_numbers.py (driven the same way: the API over HTTP, their
texts, dispatch at the moments that matter): the admin finds the page from the nav and reads the figures."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import requests
from playwright.sync_api import expect

from shared.domain.accounts import Role
from tests.app.conftest import NOW
from tests.app.test_clinic_numbers import drive_known_clinic
from tests.browser.conftest import no_sideways_scroll, screenshot, sign_in
from tests.e2e.conftest import in_process_stack

KEY = "numbers-key"


class Answer:
    """A requests answer read as the Flask test client's is."""

    def __init__(self, response: requests.Response):
        self.status_code = response.status_code
        self.get_json = response.json


class StackWorld:
    """The local stack as the app tests' World: its services (the simulated clock moves forward with `set`), the
    API over HTTP with the Demo Clinic's key, and another clinic with a key of its own."""

    def __init__(self, stack):
        services = stack.services
        self.base_url = stack.base_url
        self.demo = stack.demo
        self.services = SimpleNamespace(store=services.store, dispatcher=services.dispatcher, inbound=services.inbound,
                                        clock=SimpleNamespace(now=stack.clock.now, set=stack.clock.move_to))
        other = services.accounts.create_clinic("Other Clinic", "+1 312 555 0100", NOW)
        services.accounts.add_user(other.clinic_id, "dr@other.example", Role.PROVIDER, "Dr O", NOW)
        self.other_key = services.accounts.create_api_key(other.clinic_id, "other", NOW)

    def api(self, method, path, key=None, **kwargs) -> Answer:
        headers = {"Authorization": f"Bearer {key or KEY}"}
        return Answer(requests.request(method, self.base_url + path, headers=headers, timeout=30, **kwargs))


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(NOW, KEY, enrollments_per_minute=20)
    drive_known_clinic(StackWorld(running))
    yield running
    running.stop()


def test_an_admin_reads_the_known_patients_figures_on_the_clinic_numbers_page(stack, page):
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Numbers").click()
    expect(page).to_have_title("Clinic numbers · taperline")
    expect(page.get_by_role("heading", level=1)).to_have_text("Clinic numbers")

    by_status = page.locator("#by-status")
    for label, count in {"Awaiting consent": "1", "Active": "3", "Opted out": "1", "Consent expired": "0",
                         "Completed": "1", "All patients": "6"}.items():
        expect(by_status.get_by_role("row", name=f"{label} {count}", exact=True)).to_be_visible()
    for element, shown in {"#started": "5", "#completed": "1", "#median-days": "31 days",
                           "#held-share": "20% (1 of 5 started)", "#checkins-finished": "4",
                           "#checkins-answered": "2", "#answered-rate": "50%", "#escalations-total": "2",
                           "#acknowledged": "2", "#median-minutes": "37.5 min"}.items():
        expect(page.locator(element)).to_have_text(shown)
    reasons = page.locator("#by-reason")
    expect(reasons.get_by_role("row")).to_have_count(3)
    expect(reasons.get_by_role("row", name="Crisis 1", exact=True)).to_be_visible()
    expect(reasons.get_by_role("row", name="Patient message 1", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="What these count")).to_be_visible()
    assert no_sideways_scroll(page)
    screenshot(page, "clinic-numbers")


def test_a_provider_is_not_offered_the_page_and_is_refused_it(stack, page):
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Numbers")).to_have_count(0)
    refused = page.goto(stack.base_url + "/clinic/numbers")
    assert refused.status == 403
