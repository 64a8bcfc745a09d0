"""Every text the service sends, in one place, each within one GSM-7 SMS segment."""
from __future__ import annotations

from datetime import date, time
from decimal import Decimal

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")
SEGMENT_LIMIT = 160


def gsm7_length(text: str) -> int | None:
    """Septets the text takes in GSM-7, or None when it needs UCS-2."""
    length = 0
    for char in text:
        if char in GSM7_BASIC:
            length += 1
        elif char in GSM7_EXTENDED:
            length += 2
        else:
            return None
    return length


def fits_one_segment(text: str) -> bool:
    length = gsm7_length(text)
    return length is not None and length <= SEGMENT_LIMIT


def help_text(clinic_name: str, clinic_phone: str, discreet: bool = False) -> str:
    """What carriers require of HELP: program and clinic, contact, frequency, rates, how to stop."""
    program = "taper" if discreet else "LDN taper"
    contact = f"Help: {clinic_phone}" if clinic_phone else "Help: call your clinic"
    return (f"{clinic_name} {program} texts. Msg freq varies. {contact}. Msg&data rates may apply. "
            f"CALL for a call, STOP to opt out.")


def not_enrolled_text() -> str:
    return "This number is not enrolled with taperline. If you expected texts, contact your clinic. Emergency: call 911."


def note_received_text() -> str:
    return "Thanks, we got your message and will share it with your care team. Emergency: call 911."


def opted_out_text() -> str:
    return "You will get no more texts from taperline. Reply START to resume. Emergency: call 911."


def opted_in_text() -> str:
    return "You will get taper texts again from the next reminder. Reply HELP for help, STOP to opt out."


def clock_time(at: time) -> str:
    """A local time as patients read it: 9:00 PM."""
    hour = at.hour % 12 or 12
    return f"{hour}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


def welcome_text(clinic_name: str, first_name: str, discreet: bool = False) -> str:
    first_name = sms_name(first_name) or "there"
    return (f"{clinic_name}: Hi {first_name}, your {_drug(discreet)}taper dose reminders and check-ins by text. "
            f"Reply YES to start, STOP to opt out.")


def consent_reminder_text(clinic_name: str, discreet: bool = False) -> str:
    return (f"{clinic_name}: reply YES to start your {_drug(discreet)}taper texts, or STOP to opt out. "
            f"Reply HELP for help.")


def consent_confirmed_text(first_name: str, dose_time: time) -> str:
    first_name = (" " + sms_name(first_name)) if sms_name(first_name) else ""
    return (f"Thanks{first_name}! You will get a reminder at {clock_time(dose_time)} on dose days and short "
            f"check-ins. Reply HELP for help, STOP to opt out.")


def call_requested_text() -> str:
    return "Thanks, we have asked your care team to call you. If it is an emergency, call 911 now."


def resubscribed_text() -> str:
    return "You are subscribed again. Reply HELP for help, STOP to opt out. Emergency: call 911."


def sms_name(name: str) -> str:
    """A name as a GSM-7 text can carry it: accents folded (María -> Maria); else left out."""
    import unicodedata

    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).strip()
    return folded if folded and gsm7_length(folded) == len(folded) else ""


def already_active_text() -> str:
    return "You are already set up for taper texts. Reply HELP for help, STOP to opt out. Emergency: call 911."


def mg(dose: Decimal) -> str:
    """A dose as people write it: 3.5, 2, 0.25."""
    text = f"{dose.normalize():f}"
    return text


def _drug(discreet: bool) -> str:
    return "" if discreet else "LDN "


def dose_reminder_text(clinic_name: str, dose: Decimal, *, previous: Decimal | None = None,
                       tomorrow: Decimal | None = None, last: bool = False,
                       discreet: bool = False) -> str:
    """Tonight's dose; on a step-down day what it was; the day before a step, the heads-up; the last dose."""
    if previous is not None:
        text = f"{clinic_name}: Starting tonight your {_drug(discreet)}dose is {mg(dose)} mg (was {mg(previous)} mg)."
    elif discreet:
        text = f"{clinic_name}: Tonight's dose: {mg(dose)} mg."
    else:
        text = f"{clinic_name}: Tonight: LDN {mg(dose)} mg."
    if last:
        text += " It is your last dose."
    elif tomorrow is not None:
        text += f" From tomorrow: {mg(tomorrow)} mg."
    return text


def taper_done_text(clinic_name: str, discreet: bool = False) -> str:
    return (f"{clinic_name}: Your {_drug(discreet)}taper is done. No dose tonight or after. "
            f"Check-ins continue for the next few weeks.")



def short_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def plan_held_text(clinic_name: str, dose: Decimal) -> str:
    return f"{clinic_name}: Please stay on {mg(dose)} mg each night until your care team contacts you."


def plan_changed_text(clinic_name: str, dose: Decimal, next_dose: Decimal | None = None,
                      next_day: date | None = None) -> str:
    then = f", then {mg(next_dose)} mg from {short_day(next_day)}" if next_dose is not None and next_day else ""
    return f"{clinic_name}: Your care team updated your plan: {mg(dose)} mg tonight{then}."


def plan_ended_text(clinic_name: str, dose: Decimal) -> str:
    return (f"{clinic_name}: Your care team ended your taper. Tonight is your last dose ({mg(dose)} mg). "
            f"Check-ins continue.")
