"""Every text the service sends, in one place, each within one GSM-7 SMS segment."""
from __future__ import annotations

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


def help_text(clinic_name: str, clinic_phone: str) -> str:
    contact = f"call {clinic_phone}" if clinic_phone else "contact your clinic"
    return f"LDN taper texts from {clinic_name}. For help {contact}. Reply STOP to opt out. Emergency: 911. Msg&data rates may apply."


def not_enrolled_text() -> str:
    return "This number is not enrolled with taperline. If you expected texts, contact your clinic. Emergency: call 911."


def crisis_text() -> str:
    return ("If you are thinking of harming yourself, call or text 988 (Suicide & Crisis Lifeline) now. "
            "In an emergency call 911.")


def note_received_text() -> str:
    return "Thanks, we got your message and will share it with your care team. Emergency: call 911."


def opted_out_text() -> str:
    return "You will get no more texts from taperline. Reply START to resume. Emergency: call 911."


def opted_in_text() -> str:
    return "You will get taperline texts again. Reply HELP for help, STOP to opt out."


def clock_time(at) -> str:
    """A local time as patients read it: 9:00 PM."""
    hour = at.hour % 12 or 12
    return f"{hour}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


def welcome_text(clinic_name: str, first_name: str) -> str:
    return (f"{clinic_name}: Hi {first_name}, your LDN taper dose reminders and check-ins by text. "
            f"Reply YES to start, STOP to opt out.")


def consent_reminder_text(clinic_name: str) -> str:
    return f"{clinic_name}: reply YES to start your LDN taper texts, or STOP to opt out. Reply HELP for help."


def consent_confirmed_text(first_name: str, dose_time) -> str:
    return (f"Thanks {first_name}! You will get a reminder at {clock_time(dose_time)} on dose days and short "
            f"check-ins. Reply HELP for help, STOP to opt out.")


def already_active_text() -> str:
    return "You are already set up for taper texts. Reply HELP for help, STOP to opt out. Emergency: call 911."
