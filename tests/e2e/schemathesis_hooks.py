"""Hooks for the schemathesis command line against `make dev` (SCHEMATHESIS_HOOKS names this module).

A schema-valid enrollment may still be refused for the rules that the document's description lists and the
schema cannot express (schemas.UNCHECKED_RULES["enroll"]). Before a schema-valid enrollment is sent, these
hooks make exactly those fields satisfy their rules, as a clinic's script would (its own provider, a real
mobile number of a country it texts, a start date from today, a check-in time outside the clinic's quiet hours as they are then, names and notes without format
characters beyond the Basic Multilingual Plane), and change nothing else.
So the run can hold enrollment to "a schema-valid request is accepted" (201, or 409 for a number in use),
and its stateful phase can follow the links of the patients it creates. The CSV exports' date range and a provider's message are
kept to their descriptions' rules the same way, and so is a clinic's contact phone. A negative case whose dose breaks
`multipleOf` only by float noise is moved a thousandth off (the API reads such noise as the hundredth, as documented).
"""
from __future__ import annotations

import os
import random
from datetime import date, datetime, timedelta, timezone

import requests
import schemathesis

from shared.domain.clinic_settings import COUNTRIES_988

BASE_URL = os.environ["TAPERLINE_BASE_URL"]
PROVIDER = os.environ.get("TAPERLINE_PROVIDER", "provider@example.org")
AREA_CODES = ("212", "312", "415", "617", "713", "206", "303", "404")
KEPT_PATIENTS = set(filter(None, os.environ.get("TAPERLINE_KEPT_PATIENTS", "").split(",")))


def _today() -> date:
    """The local stack's simulated day (its clock is not this machine's)."""
    now = requests.get(f"{BASE_URL}/dev/clock", timeout=10).json()["now"]
    return datetime.fromisoformat(now.replace("Z", "+00:00")).astimezone(timezone.utc).date()


def _mobile(seed: str) -> str:
    """A real US mobile-capable number, varied by the generated one so that repeats stay rare."""
    pick = random.Random(seed)
    return f"({pick.choice(AREA_CODES)}) 555-01{pick.randrange(100):02d}"


def _usable_phone(text: object) -> bool:
    import phonenumbers

    try:
        number = phonenumbers.parse(str(text), "US")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE) \
        and phonenumbers.region_code_for_number(number) in COUNTRIES_988  # the Demo Clinic's countries


def _quiet_hours() -> tuple[str, str]:
    """The Demo Clinic's quiet hours as they are now (the run may have changed them through the settings API)."""
    key = {"Authorization": f"Bearer {os.environ['TAPERLINE_API_KEY']}"}
    quiet = requests.get(f"{BASE_URL}/api/clinic/settings", headers=key, timeout=10).json()["quiet_hours"]
    return quiet["start"], quiet["end"]


def _outside_quiet_hours(text: str) -> bool:
    start, end = _quiet_hours()
    return end <= f"{text:0>5}" < start


def _checkin_time_kept(body: dict) -> None:
    """A check-in time outside the clinic's quiet hours, as its description's rule wants: the hour they end."""
    if isinstance(body.get("checkin_time"), str) and not _outside_quiet_hours(body["checkin_time"]):
        body["checkin_time"] = _quiet_hours()[1]


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    meta = case.meta
    if case.operation.label == "DELETE /api/patients/{patient_id}" and \
            (case.path_parameters or {}).get("patient_id") in KEPT_PATIENTS:
        # the records the other operations read stay, whatever the mode (a clinic's script erases only whom it
        # means to): this erasure is of a patient made for it, whose taper is over (enrolled, YES, ended today)
        case.path_parameters["patient_id"] = _finished_patient()
        return
    if meta is not None and not meta.generation.mode.is_positive:
        _noise_off_a_hundredth(case.body)
        return
    if case.operation.label.startswith("GET /api/exports/") and isinstance(case.query, dict):
        _export_range(case.query)
        return
    if case.operation.label == "GET /api/patients" and isinstance(case.query, dict):
        case.query.pop("cursor", None)  # a cursor is only ever a next_cursor the list gave (its description's 400)
        return
    if case.operation.label == "POST /api/patients/{patient_id}/messages" and isinstance(case.body, dict):
        _one_text(case.body)
        return
    if case.operation.label == "PATCH /api/clinic/settings" and isinstance(case.body, dict):
        _settings_fields(case.body)
        return
    if case.operation.label == "PATCH /api/patients/{patient_id}" and isinstance(case.body, dict):
        _edit_fields(case.body, kept=(case.path_parameters or {}).get("patient_id") in KEPT_PATIENTS)
        return
    if case.operation.label != "POST /api/patients" or not isinstance(case.body, dict):
        return
    body = case.body
    body["provider_email"] = PROVIDER
    if not _usable_phone(body.get("phone")):
        body["phone"] = _mobile(repr(body.get("phone")))
    if body.get("start_date"):
        offset = date.fromisoformat(body["start_date"]).toordinal() % 300
        body["start_date"] = (_today() + timedelta(days=2 + offset)).isoformat()
    _checkin_time_kept(body)
    for name, fallback in (("first_name", "Ana"), ("last_name", "Lopez"), ("notes", "")):
        if isinstance(body.get(name), str):
            kept = "".join(c for c in body[name] if not _astral_format(c))
            body[name] = kept if kept.strip() or name == "notes" else fallback


DOSES = ("start_dose_mg", "step_mg", "dose_mg")


def _noise_off_a_hundredth(body: object) -> None:
    """A negative case that breaks `multipleOf: 0.01` only by binary float noise (2.78 + 2e-16) is a hundredth to the
    API, as the doses' description says (the noise is a client's arithmetic): moved a thousandth off it, so the case
    is the violation it was meant to be."""
    if not isinstance(body, dict):
        return
    for name in DOSES:
        value = body.get(name)
        if isinstance(value, float) and value == value and abs(value) < 1e6 \
                and abs(value * 100 - round(value * 100)) < 1e-9 and repr(value) != repr(round(value, 2)):
            body[name] = round(value, 2) + 0.004


def _export_range(query: dict) -> None:
    """An export's `from` and `to` as its description's 400 rules want them (2000-2999, in order, at most 366
    days); a range that already keeps them is sent as generated."""
    from shared.services.exports import EARLIEST, LATEST, MAX_DAYS

    try:
        first, last = date.fromisoformat(str(query["from"])), date.fromisoformat(str(query["to"]))
        kept = EARLIEST <= first <= last <= LATEST and (last - first).days < MAX_DAYS
    except (KeyError, ValueError):
        return  # not a date: the schema's own 400
    if not kept:
        query["from"], query["to"] = (_today() - timedelta(days=30)).isoformat(), _today().isoformat()


def _finished_patient() -> str:
    """A new patient of the Demo Clinic whose taper is over: enrolled, YES, ended today (erasable)."""
    key = {"Authorization": f"Bearer {os.environ['TAPERLINE_API_KEY']}"}
    phone = _mobile(os.urandom(8).hex())
    created = requests.post(f"{BASE_URL}/api/patients", headers=key, timeout=30, json={
        "first_name": "Eve", "last_name": "Erasable", "phone": phone, "timezone": "America/New_York",
        "provider_email": PROVIDER, "start_dose_mg": 1, "consent": True})
    if created.status_code != 201:
        return "not-enrolled"  # the number was in use: a documented 404 for this one erasure
    e164 = "+1" + "".join(c for c in phone if c.isdigit())
    requests.post(f"{BASE_URL}/dev/phone", json={"from": e164, "body": "YES"}, timeout=30)
    patient_id = created.json()["id"]
    requests.post(f"{BASE_URL}/api/patients/{patient_id}/end", headers=key, timeout=30)
    return patient_id


def _settings_fields(body: dict) -> None:
    """The clinic's settings as its description's 400 rules want them: a contact phone that is a real number, a name
    of plain characters."""
    import phonenumbers

    from shared.domain.settings_changes import clinic_name

    if "name" in body:
        try:
            clinic_name(str(body["name"]))
        except ValueError:
            body["name"] = "Demo Clinic"

    if "phone" in body:
        try:
            real = phonenumbers.is_valid_number(phonenumbers.parse(str(body["phone"]), "US"))
        except phonenumbers.NumberParseException:
            real = False
        if not real:
            body["phone"] = "(212) 555-0100"


def _edit_fields(body: dict, kept: bool = False) -> None:
    """A patient's edit as its description's 400 rules want it: the clinic's own provider, a real mobile number of a
    country the clinic texts, a check-in time outside quiet hours, names and notes without astral format characters.
    The records the other operations read keep their number (a new one would send them back to awaiting consent)."""
    if "phone" in body and kept:
        del body["phone"]
    elif "phone" in body and not _usable_phone(body["phone"]):
        body["phone"] = _mobile(repr(body["phone"]))
    if "provider_email" in body:
        body["provider_email"] = PROVIDER
    _checkin_time_kept(body)
    for name, fallback in (("first_name", "Ana"), ("last_name", "Lopez"), ("notes", "")):
        if isinstance(body.get(name), str):
            kept = "".join(c for c in body[name] if not _astral_format(c))
            body[name] = kept if kept.strip() or name == "notes" else fallback
    if not body:
        body["language"] = "en"


def _one_text(body: dict) -> None:
    """A provider's message as its description's 400 rules want it: characters a text can carry (GSM-7, accents
    folded), short enough to fit one text after the Demo Clinic's name."""
    from shared.domain.gsm7 import gsm_fold

    if isinstance(body.get("body"), str):
        kept = "".join(c for c in body["body"] if gsm_fold(c))[:100]
        body["body"] = kept if kept.strip() else "Hello"


def _astral_format(character: str) -> bool:
    """A format character beyond the Basic Multilingual Plane: the one refusal the names' patterns cannot state."""
    import unicodedata

    return ord(character) > 0xFFFF and unicodedata.category(character) == "Cf"
