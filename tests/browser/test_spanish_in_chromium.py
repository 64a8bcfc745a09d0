"""A Spanish conversation on the phone simulator (`/dev`), in real headless Chromium against the local stack.

A patient enrolled with texts in Spanish answers the welcome with "Sí" and the baseline check-in in words on the
simulator page, which shows each text as sent (¿, ¡, ñ and all). With DOCS_IMAGES=1 (`make docs-images`) the mid
check-in view is docs/phone-simulator-es.jpg. Then the enrollment form's language select enrolls a patient in
Spanish."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 6, 1, 14, 0, tzinfo=timezone.utc)  # Tuesday 1 June, 10:00 in New York
MOBILE = "+12125550178"
FORM_MOBILE = "+12125550179"
KEY = {"Authorization": "Bearer spanish-browser-key"}


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "spanish-browser-key")
    yield running
    running.stop()


def test_a_spanish_patient_s_welcome_si_and_check_in_on_the_phone_simulator(stack, page):
    # Given a patient enrolled by the API with her texts in Spanish
    body = {"first_name": "María José", "last_name": "Núñez", "phone": MOBILE, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 3, "consent": True, "language": "es"}
    enrolled = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10)
    assert enrolled.status_code == 201, enrolled.text

    # When the welcome goes out and she answers "Sí" on the simulator
    move_clock(stack, advance_minutes=1)
    page.clock.install(time=START)                          # the page's 3-s refresh runs when the test says so:
    page.goto(stack.base_url + "/dev")                      # no refresh scrolls the thread under the screenshot
    page.clock.pause_at(START + timedelta(hours=1))
    thread = page.locator("#threads > .phone").filter(has_text=MOBILE)
    expect(thread).to_contain_text("Demo Clinic: Hola Maria Jose, tu reduccion de LDN por SMS: dosis y controles. "
                                   "Responde SI para empezar, PARAR para salir.")
    reply(thread, "Sí")
    # Then the confirmation and, a minute later, the baseline check-in come in Spanish
    expect(thread.locator(".msg.inbound")).to_contain_text(["Sí"])
    expect(thread).to_contain_text("¡Gracias Maria Jose! Recibiras un recordatorio a las 9:00 p. m. los dias de "
                                   "dosis y controles breves. Responde AYUDA para ayuda, PARAR para salir.")
    move_clock(stack, advance_minutes=1)
    page.clock.run_for(3_000)                               # the page's next refresh
    expect(thread).to_contain_text("Control 1/3: ¿Como estan hoy tus sintomas de siempre? Responde de 0 (ninguno) "
                                   "a 10 (lo peor).")
    reply(thread, "siete")
    expect(thread).to_contain_text("2/3: ¿Como esta hoy tu animo? Responde de 0 (muy bajo) a 10 (muy bueno).")
    # Each text is drawn as it was sent: one bubble per text, what GSM-7 keeps of Spanish (¿ ¡) intact
    bubbles = [text.split("\n")[0] for text in thread.locator(".msg.outbound").all_inner_texts()]
    sent = [m["body"] for m in requests.get(f"{stack.base_url}/dev/messages", params={"to": MOBILE},
                                            timeout=5).json()["messages"]]
    assert bubbles == sent and len(sent) == 4
    thread.locator(".thread").evaluate("box => { box.scrollTop = 0; }")  # the conversation from the welcome
    screenshot(page, "es-01-phone-simulator-mid-check-in", docs_name="phone-simulator-es.jpg")
    reply(thread, "ocho")
    expect(thread).to_contain_text("3/3: ¿Problemas de sueño, sueños intensos, malestar de estomago u otros "
                                   "efectos nuevos? Responde 0 ninguno, 1 leve, 2 moderado, 3 fuerte.")
    reply(thread, "leve")
    expect(thread).to_contain_text("Gracias, terminaste tu control. Tu equipo de salud lo vera.")
    expect(thread.locator(".msg.inbound")).to_contain_text(["Sí", "siete", "ocho", "leve"])
    record = requests.get(f"{stack.base_url}/api/patients/{enrolled.json()['id']}", headers=KEY, timeout=5).json()
    assert {q: a["value"] for q, a in record["checkins"][0]["answers"].items()} == {
        "symptoms": 7, "mood": 8, "withdrawal": 1}

def reply(thread, body: str) -> None:
    """Type a reply as the patient in the thread's reply box and send it with Enter."""
    box = thread.get_by_label(f"Reply as {MOBILE}")
    box.fill(body)
    box.press("Enter")


def test_the_enrollment_form_s_language_select_enrolls_a_patient_texted_in_spanish(stack, page):
    sign_in(page, stack.base_url, stack.demo.admin_email, stack.demo.admin_password)
    page.get_by_role("link", name="Enroll a patient").click()
    page.get_by_label("First name").fill("Íñigo")
    page.get_by_label("Last name").fill("Peña")
    page.get_by_label("Mobile number").fill(f"({FORM_MOBILE[2:5]}) {FORM_MOBILE[5:8]}-{FORM_MOBILE[8:]}")
    page.get_by_label("Time zone").fill("America/New_York")
    page.get_by_label("Language of the texts").select_option("es")
    page.get_by_label("Provider").select_option("provider@example.org")
    page.get_by_label("Starting dose (mg)").fill("3")
    page.get_by_label("The patient agreed to receive texts from this clinic").check()
    page.get_by_role("button", name="Enroll and send the welcome text").click()
    expect(page.get_by_role("status")).to_contain_text("Íñigo Peña is enrolled")
    expect(page.locator("dt:text-is('Texts in') + dd")).to_have_text("Spanish")
    move_clock(stack, advance_minutes=1)
    page.goto(stack.base_url + "/dev")
    thread = page.locator("#threads > .phone").filter(has_text=FORM_MOBILE)
    expect(thread).to_contain_text("Demo Clinic: Hola Inigo, tu reduccion de LDN por SMS")
