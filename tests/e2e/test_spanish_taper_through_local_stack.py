"""A Spanish patient's whole taper on the local stack, as issue 16 asks: enrolled with "language": "es", the
welcome in Spanish, SÍ, the baseline check-in answered in words, reminders at 21:00 local across the 14 March 2027
change to daylight time, a step-down, a provider's hold and resume, PARAR and COMENZAR; every text in Spanish and
in one GSM-7 segment. Then an English patient's PARAR: the Spanish stop words opt anyone out.

One stack for the module (the real twilio client against the local Twilio endpoint, DynamoDB on moto server,
the simulated clock); the Spanish tests follow one patient in order."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import requests

from shared.domain.jobs import parse_utc
from shared.domain.texts import gsm7_length
from tests.e2e.conftest import in_process_stack, move_clock

START = datetime(2027, 3, 10, 15, 0, tzinfo=timezone.utc)  # Wed 10 Mar 2027, 10:00 EST; EDT from Sun 14 Mar
KEY = {"Authorization": "Bearer spanish-key"}
NY = ZoneInfo("America/New_York")
MARIA = "+12125550611"
ANNE = "+12125550612"
# Words of the English texts that no Spanish text has: a Spanish patient must never get one of them.
ENGLISH = re.compile(r"\b(Hi|Reply|Thanks?|Tonight|tonight|Starting|your?|Please|Check-in|Reminder|From tomorrow|"
                     r"care team|taper|help|opt out|Emergency: call)\b")


@pytest.fixture(scope="module")
def stack():
    running = in_process_stack(START, "spanish-key")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def story():
    """What the ordered tests of the Spanish patient pass on: her id."""
    return {}


def enroll(stack, phone: str, first_name: str, start_date: str, **fields) -> str:
    body = {"first_name": first_name, "last_name": "Núñez", "phone": phone, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 3, "step_mg": 1, "step_days": 3,
            "start_date": start_date, "consent": True, **fields}
    response = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def say(stack, phone: str, body: str) -> str:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": phone, "body": body}, timeout=15).json()
    assert answer["status"] == 200, answer
    return answer["reply"]


def texts(stack, phone: str) -> list[tuple[datetime, str]]:
    """(local time in New York, body) of every text the service sent to the phone, oldest first."""
    return [(parse_utc(m["created_at"]).astimezone(NY), m["body"])
            for m in requests.get(f"{stack.base_url}/dev/messages?to={quote(phone)}", timeout=5).json()["messages"]]


def by_local_day(stack, phone: str) -> dict[date, list[str]]:
    found = defaultdict(list)
    for at, body in texts(stack, phone):
        found[at.date()].append(body)
    return found


def dose_texts(stack, phone: str) -> dict[date, list[tuple[datetime, str]]]:
    """The nightly texts (dose reminders, step-downs, taper done) by local day."""
    found = defaultdict(list)
    for at, body in texts(stack, phone):
        if body.startswith(("Demo Clinic: Esta noche", "Demo Clinic: Desde esta noche", "Demo Clinic: Tu reduccion")):
            found[at.date()].append((at, body))
    return found


def record(stack, patient: str) -> dict:
    response = requests.get(f"{stack.base_url}/api/patients/{patient}", headers=KEY, timeout=5)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_spanish_patient_is_welcomed_in_spanish_and_her_si_is_confirmed_in_spanish(stack, story):
    # Given María José, enrolled by API in Spanish for a plan of 3 mg from Wed 10 Mar, 1 mg less every 3 days
    story["id"] = enroll(stack, MARIA, "María José", "2027-03-10", language="es")
    assert record(stack, story["id"])["language"] == "es"
    # When the welcome goes out and she answers "Sí"
    move_clock(stack, advance_minutes=1)
    [(_, welcome)] = texts(stack, MARIA)
    confirmed = say(stack, MARIA, "Sí")
    # Then both are Spanish, her name folded to GSM-7 (á, í, ó, ú lose the accent; ¡ stays)
    assert welcome == ("Demo Clinic: Hola Maria Jose, tu reduccion de LDN por SMS: dosis y controles. "
                       "Responde SI para empezar, PARAR para salir.")
    assert confirmed == ("¡Gracias Maria Jose! Recibiras un recordatorio a las 9:00 p. m. los dias de dosis y "
                         "controles breves. Responde AYUDA para ayuda, PARAR para salir.")
    assert record(stack, story["id"])["status"] == "active"


def test_the_baseline_check_in_answered_in_spanish_words_is_stored_as_numbers(stack, story):
    move_clock(stack, advance_minutes=1)                    # the baseline check-in's first question
    assert texts(stack, MARIA)[-1][1] == ("Control 1/3: ¿Como estan hoy tus sintomas de siempre? "
                                          "Responde de 0 (ninguno) a 10 (lo peor).")
    assert say(stack, MARIA, "ninguno") == "2/3: ¿Como esta hoy tu animo? Responde de 0 (muy bajo) a 10 (muy bueno)."
    assert say(stack, MARIA, "siete") == ("3/3: ¿Problemas de sueño, sueños intensos, malestar de estomago u otros "
                                          "efectos nuevos? Responde 0 ninguno, 1 leve, 2 moderado, 3 fuerte.")
    assert say(stack, MARIA, "leve") == ("Gracias, terminaste tu control. Tu equipo de salud lo vera. "
                                         "Responde AYUDA para ayuda.")
    [baseline] = record(stack, story["id"])["checkins"]
    assert baseline["kind"] == "baseline"
    assert {q: (a["value"], a["raw"]) for q, a in baseline["answers"].items()} == {
        "symptoms": (0, "ninguno"), "mood": (7, "siete"), "withdrawal": (1, "leve")}


def test_reminders_come_at_21_00_local_in_spanish_across_the_change_to_daylight_time(stack, story):
    # When the clock runs to Sun 14 Mar 18:01 EDT (the day after the 13 Mar step-down, DST since 02:00 that day)
    move_clock(stack, now="2027-03-14T22:01:00Z")
    # Then a reminder each night at 21:00 local, at 02:00 UTC before the change and 01:00 UTC after it
    nightly = dose_texts(stack, MARIA)
    assert sorted(nightly) == [date(2027, 3, 10) + timedelta(days=n) for n in range(4)]  # Mar 14's is at 21:00
    assert all(len(day) == 1 and day[0][0].time() == time(21, 0) for day in nightly.values()), nightly
    assert nightly[date(2027, 3, 13)][0][0].astimezone(timezone.utc).hour == 2
    assert [body for [(_, body)] in nightly.values()] == [
        "Demo Clinic: Esta noche: LDN 3 mg.",
        "Demo Clinic: Esta noche: LDN 3 mg.",
        "Demo Clinic: Esta noche: LDN 3 mg. Desde mañana: 2 mg.",                    # the heads-up
        "Demo Clinic: Desde esta noche tu dosis de LDN es 2 mg (antes 3 mg).",       # the step-down
    ]
    # The check-in the day after the step-down, at 18:00 EDT, answered in words again
    assert texts(stack, MARIA)[-1] == (datetime(2027, 3, 14, 18, 0, tzinfo=NY),
                                       "Control 1/3: ¿Como estan hoy tus sintomas de siempre? "
                                       "Responde de 0 (ninguno) a 10 (lo peor).")
    assert say(stack, MARIA, "nada").startswith("2/3: ¿Como esta hoy tu animo?")
    assert say(stack, MARIA, "ocho").startswith("3/3: ¿Problemas de sueño")
    assert say(stack, MARIA, "ninguno").startswith("Gracias, terminaste tu control.")
    step_checkin, _baseline = record(stack, story["id"])["checkins"]            # newest first
    assert step_checkin["kind"] == "step"
    assert {q: a["value"] for q, a in step_checkin["answers"].items()} == {"symptoms": 0, "mood": 8, "withdrawal": 0}
    move_clock(stack, now="2027-03-15T12:00:00Z")
    [(at, body)] = dose_texts(stack, MARIA)[date(2027, 3, 14)]
    assert (at.time(), at.astimezone(timezone.utc).hour, body) == (time(21, 0), 1, "Demo Clinic: Esta noche: LDN 2 mg.")


def test_a_provider_hold_and_resume_reach_the_patient_in_spanish(stack, story):
    patient = story["id"]
    # When the provider holds the taper on Mon 15 Mar at 10:00 EDT (the next step-down was Tue 16 Mar)
    move_clock(stack, now="2027-03-15T14:00:00Z")
    held = requests.post(f"{stack.base_url}/api/patients/{patient}/hold", headers=KEY, timeout=10)
    assert held.status_code == 200 and held.json()["held"] is True, held.text
    move_clock(stack, now="2027-03-17T14:00:00Z")
    days = by_local_day(stack, MARIA)
    assert days[date(2027, 3, 15)] == [
        "Demo Clinic: Sigue con 2 mg cada noche hasta que tu equipo de salud se comunique contigo.",
        "Demo Clinic: Esta noche: LDN 2 mg."]
    assert days[date(2027, 3, 16)] == ["Demo Clinic: Esta noche: LDN 2 mg."]      # held: no step-down
    # And resumes it on Wed 17 Mar: the next step-down is tomorrow
    resumed = requests.post(f"{stack.base_url}/api/patients/{patient}/resume", headers=KEY, timeout=10)
    assert resumed.status_code == 200 and resumed.json()["held"] is False, resumed.text
    assert {"start_date": "2027-03-18", "dose_mg": 1.0} in resumed.json()["plan"]["steps"]
    move_clock(stack, now="2027-03-19T12:00:00Z")
    days = by_local_day(stack, MARIA)
    assert days[date(2027, 3, 17)] == [
        "Demo Clinic: Tu equipo de salud cambio tu plan: 2 mg esta noche, luego 1 mg desde el jue 18 mar.",
        "Demo Clinic: Esta noche: LDN 2 mg. Desde mañana: 1 mg."]
    assert days[date(2027, 3, 18)] == ["Demo Clinic: Desde esta noche tu dosis de LDN es 1 mg (antes 2 mg)."]
    nightly = dose_texts(stack, MARIA)
    assert sorted(nightly) == [date(2027, 3, 10) + timedelta(days=n) for n in range(9)]
    assert all(len(day) == 1 and day[0][0].time() == time(21, 0) for day in nightly.values()), nightly


def test_parar_opts_her_out_in_spanish_and_comenzar_brings_the_texts_back(stack, story):
    # When she texts PARAR on Fri 19 Mar at 08:00 EDT
    assert say(stack, MARIA, "PARAR") == ("Ya no recibiras mensajes de taperline. Responde COMENZAR para reanudar. "
                                          "Emergencia: llama al 911.")
    assert record(stack, story["id"])["status"] == "opted_out"
    sent_before = len(texts(stack, MARIA))
    # Then nothing more is sent: not the step-down check-in (Fri 18:00) nor the reminders of Fri and Sat
    move_clock(stack, now="2027-03-21T12:00:00Z")
    assert len(texts(stack, MARIA)) == sent_before
    # When she texts COMENZAR on Sun 21 Mar at 08:00 EDT (the taper's stop date: her last dose was Sat 20 Mar)
    assert say(stack, MARIA, "Comenzar") == ("Volveras a recibir los mensajes de tu reduccion desde el proximo "
                                             "recordatorio. Responde AYUDA para ayuda, PARAR para salir.")
    assert record(stack, story["id"])["status"] == "active"
    # Then the future texts come back in Spanish (the missed ones stay missed)
    move_clock(stack, now="2027-03-22T12:00:00Z")
    later = [(at.date(), at.time(), body) for at, body in texts(stack, MARIA)[sent_before + 1:]]
    assert later[0] == (date(2027, 3, 21), time(18, 0), "Control 1/3: ¿Como estan hoy tus sintomas de siempre? "
                                                        "Responde de 0 (ninguno) a 10 (lo peor).")
    assert (date(2027, 3, 21), time(21, 0), "Demo Clinic: Tu reduccion de LDN termino. No hay dosis esta noche ni "
            "después. Los controles siguen unas semanas mas.") in later
    assert date(2027, 3, 20) not in by_local_day(stack, MARIA)


def test_every_text_to_the_spanish_patient_is_spanish_and_fits_one_gsm7_segment(stack):
    sent = [body for _, body in texts(stack, MARIA)]
    assert len(sent) >= 25                                 # the whole story above
    for body in sent:
        assert gsm7_length(body) is not None and gsm7_length(body) <= 160, body
        assert not ENGLISH.search(body), body
    assert all(re.search(r"\b(Hola|Gracias|Control|Esta noche|Desde|Sigue|Tu|Ya no|Volveras|Recordatorio|"
                         r"[23]/3: ¿)", body) for body in sent), sent


def test_an_english_patient_who_texts_parar_is_opted_out_in_english(stack):
    today = parse_utc(requests.get(stack.base_url + "/dev/clock", timeout=5).json()["now"]).astimezone(NY).date()
    patient = enroll(stack, ANNE, "Anne", today.isoformat())
    move_clock(stack, advance_minutes=1)
    assert say(stack, ANNE, "YES").startswith("Thanks Anne!")
    assert say(stack, ANNE, "Parar") == ("You will get no more texts from taperline. Reply START to resume. "
                                         "Emergency: call 911.")
    assert record(stack, patient)["status"] == "opted_out"
    sent_before = len(texts(stack, ANNE))
    move_clock(stack, advance_minutes=2 * 24 * 60)           # two dose nights and the baseline's nudge: none sent
    assert len(texts(stack, ANNE)) == sent_before
    assert all(ENGLISH.search(body) for _, body in texts(stack, ANNE))  # the test above would tell English apart
