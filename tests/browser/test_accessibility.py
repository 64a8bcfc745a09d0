"""Every staff page checked with axe-core (npm's axe-core, pinned in package-lock.json) for the WCAG 2.1 A and AA
rules, in real headless Chromium against the local stack: no violation and nothing left "needs review" on any page,
in the states people see it (empty, with errors, a patient with a chart, escalations and a held taper).

axe is evaluated into each page through the DevTools protocol (conftest.axe_findings): page.add_script_tag would
inline it, which the pages' Content-Security-Policy blocks, and the pages are checked under that policy as served.

The API reference is Swagger UI (vendored), and only what is ours is held to all of it: the page, header, footer and
Swagger UI's operation list have no violation (our stylesheet darkens Swagger UI's colours to AA contrast; its deep
links are off, as they nest a link in each operation's button), but axe's "needs review" results inside Swagger UI's
markup are not counted (its copy buttons sit in a <div aria-label>), and inside an opened operation two things of its
own markup that no stylesheet or setting of ours fixes are left out of the check by name (SWAGGER_UI_OWN)."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # Tuesday 1 June, 10:00 in New York
KEY = "accessibility-key"
MOBILE = "+12125550166"
MESSAGE = "Can someone call me? The new dose makes my nights rough."
# Swagger UI's own markup inside an opened operation, out of our reach: the request body example's syntax colours
# (inline styles, 3.45:1 on its dark background) and the disabled <select> of an enum parameter, which has no label
# until "Try it out" (select-name).
SWAGGER_UI_OWN = (".body-param__example", ".parameters-col_description > select")


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, KEY)
    body = {"first_name": "Rosa", "last_name": "Diaz", "phone": MOBILE, "timezone": "America/New_York",
            "provider_email": running.demo.provider_email, "start_dose_mg": 3, "step_days": 2, "consent": True}
    answer = requests.post(running.base_url + "/api/patients", json=body, headers={"Authorization": f"Bearer {KEY}"},
                           timeout=10)
    assert answer.status_code == 201, answer.text
    running.patient_id = answer.json()["id"]
    move_clock(running, advance_minutes=1)                      # the welcome text
    for text in ("YES", "2 8 0"):                               # consent, then the baseline check-in
        say(running, text)
        move_clock(running, advance_minutes=1)
    move_clock(running, now="2027-06-04T22:01:00Z")             # the check-in the day after the 3 June step-down
    say(running, "8 4 2")                                       # symptoms back, mood down: escalation, taper held
    move_clock(running, advance_minutes=2)
    say(running, MESSAGE)                                       # a patient message, shown in the inbox
    move_clock(running, advance_minutes=1)
    yield running
    running.stop()


def say(stack, body: str) -> None:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": MOBILE, "body": body}, timeout=15)
    assert answer.status_code == 200, answer.text


def as_admin(stack, page) -> None:
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)


def as_provider(stack, page) -> None:
    sign_in(page, stack.base_url, stack.demo.provider_email, stack.demo.provider_password)


def signed_in(who: Callable, path: str | Callable, status: int = 200) -> Callable:
    """Sign in as `who`, then open `path` (a function of the stack for a patient's pages) and check its status."""
    def open_page(stack, page) -> None:
        who(stack, page)
        response = page.goto(stack.base_url + (path(stack) if callable(path) else path))
        assert response is not None and response.status == status, page.url
    return open_page


def signed_out(path: str, status: int = 200) -> Callable:
    def open_page(stack, page) -> None:
        response = page.goto(stack.base_url + path)
        assert response is not None and response.status == status, page.url
    return open_page


def sign_in_with_a_wrong_password(stack, page) -> None:
    page.goto(stack.base_url + "/login")
    page.get_by_label("Email").fill(stack.demo.admin_email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong email or password.")


def enroll_with_errors(stack, page) -> None:
    signed_in(as_admin, "/patients/new")(stack, page)
    page.get_by_label("Mobile number").fill("555-0100")
    page.get_by_label("Starting dose (mg)").fill("9")
    page.get_by_role("button", name="Enroll and send the welcome text").click()
    expect(page.get_by_role("alert")).to_contain_text("Please fix")


def the_patient_page(stack, page) -> None:
    signed_in(as_provider, lambda s: f"/patients/{s.patient_id}")(stack, page)
    expect(page.get_by_role("img", name="Taper of Rosa Diaz: dose steps and check-in answers")).to_be_visible()
    expect(page.get_by_role("heading", name="Escalations")).to_be_visible()
    expect(page.get_by_role("heading", name="Plan Held since Fri 4 Jun 2027")).to_be_visible()


def the_open_escalations(stack, page) -> None:
    signed_in(as_provider, "/escalations?status=open")(stack, page)
    expect(page.get_by_role("heading", name="Patient message")).to_be_visible()
    expect(page.get_by_role("button", name="Acknowledge")).not_to_have_count(0)


def submit(form_page: Callable, fields: dict[str, str], button: str, expected: str) -> Callable:
    """Open a form, fill its fields (by id), press the button and wait for `expected` on the page."""
    def open_page(stack, page) -> None:
        form_page(stack, page)
        for field, value in fields.items():
            page.locator(f"#{field}").fill(value)
        page.get_by_role("button", name=button).click()
        expect(page.get_by_text(expected)).not_to_have_count(0)
    return open_page


def the_phone_simulator(stack, page) -> None:
    signed_out("/dev")(stack, page)
    expect(page.locator("#threads .msg").first).to_be_visible()          # its script has drawn the threads


PAGES: dict[str, Callable] = {
    "sign-in": signed_out("/login"),
    "sign-in with its error": sign_in_with_a_wrong_password,
    "patients": signed_in(as_admin, "/patients"),
    "patients, none with a status": signed_in(as_admin, "/patients?status=completed"),
    "enrollment form": signed_in(as_admin, "/patients/new"),
    "enrollment form with errors": enroll_with_errors,
    "patient page (chart, escalations, held)": the_patient_page,
    "printable summary": signed_in(as_provider, lambda s: f"/patients/{s.patient_id}/summary"),
    "open escalations": the_open_escalations,
    "all escalations": signed_in(as_provider, "/escalations"),
    "exports": signed_in(as_admin, "/exports"),
    "exports with errors": signed_in(as_admin, "/exports?from=2027-06-10&to=2027-06-01", status=400),
    "clinic numbers": signed_in(as_admin, "/clinic/numbers"),
    "not found (signed in)": signed_in(as_provider, "/patients/no-such-patient", status=404),
    "not found (signed out)": signed_out("/no-such-page", status=404),
    "forbidden (a provider on exports)": signed_in(as_provider, "/exports", status=403),
    "staff": signed_in(as_admin, "/staff"),
    "staff, an invitation refused": submit(signed_in(as_admin, "/staff"), {"invite-email": "nobody"},
                                           "Send the invitation", "Give an email address and a role."),
    "API keys": signed_in(as_admin, "/api-keys"),
    "API keys, a key just created (shown once)": submit(signed_in(as_admin, "/api-keys"), {"label": "EHR sync"},
                                                        "Create the key", "it is shown only once"),
    "API keys, a key without a name": submit(signed_in(as_admin, "/api-keys"), {}, "Create the key",
                                             "Name the key after what will use it"),
    "clinic settings": signed_in(as_admin, "/clinic/settings"),
    "clinic settings with errors": submit(signed_in(as_admin, "/clinic/settings"), {"quiet_start": "23:00"},
                                          "Save the settings", "Some settings need another look"),
    "change password": signed_in(as_provider, "/password"),
    "change password with its error": submit(signed_in(as_provider, "/password"),
                                             {"current": "not-it", "password": "a long new password"},
                                             "Change the password", "Your current password is not right."),
    "forgot password": signed_out("/password/forgot"),
    "forgot password, link sent": submit(signed_out("/password/forgot"), {"email": "nobody@example.org"},
                                         "Email me a link", "If that email has an account"),
    "invitation: set a password": signed_out("/invite/not-a-real-link"),
    "invitation with its error": submit(signed_out("/invite/not-a-real-link"), {"password": "a long new password"},
                                        "Set the password and sign in", "link"),
    "reset: choose a new password": signed_out("/password/reset/not-a-real-link"),
    "phone simulator (/dev, a dev tool)": the_phone_simulator,
}
# The phone simulator is a local development tool (local/templates/dev.html, not served when deployed): checked too.
@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_has_no_wcag_2_1_aa_finding(stack, page, name):
    PAGES[name](stack, page)
    assert_accessible(page)


def test_the_api_reference_has_no_wcag_2_1_aa_finding_in_the_operation_list_or_an_opened_operation(stack, page):
    page.goto(stack.base_url + "/api/docs")
    expect(page.locator(".opblock-summary-operation-id").first).to_be_visible()
    expect(page.get_by_role("heading", name="Schemas")).to_be_visible()
    assert_accessible(page, vendor=("#swagger-ui",))           # ours and Swagger UI's list

    for operation in ("enrollPatient", "listPatients"):         # a request body, and a query parameter (an enum)
        page.locator(f"#operations-default-{operation} .opblock-summary-control").click()
    expect(page.locator(".opblock-body")).to_have_count(2)
    expect(page.get_by_text("Request body")).to_be_visible()
    assert_accessible(page, exclude=SWAGGER_UI_OWN, vendor=("#swagger-ui",))
