"""Every text the service sends, in one place, in the patient's language, each within one GSM-7 SMS segment.

Each text is a message id of the gettext catalogs (shared/domain/catalogs.py): the English is written here,
marked with `_`, and the `# TRANSLATORS:` comment above it says where it is sent (Babel copies it into the .po
files). Placeholders are named ({clinic}), so a translation may put them in its own order."""
from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from shared.domain.catalogs import DEFAULT
from shared.domain.day_names import short_day
from shared.domain.gsm7 import GSM7_BASIC as GSM7_BASIC  # re-exported: texts are measured through this module
from shared.domain.gsm7 import GSM7_EXTENDED as GSM7_EXTENDED
from shared.domain.gsm7 import SEGMENT_LIMIT as SEGMENT_LIMIT
from shared.domain.gsm7 import fits_one_segment as fits_one_segment
from shared.domain.gsm7 import gsm7_length as gsm7_length
from shared.domain.gsm7 import gsm_fold, in_language
from shared.domain.gsm7 import sms_name as sms_name

def help_text(clinic_name: str, clinic_phone: str, discreet: bool = False, language: str = DEFAULT) -> str:
    """What carriers require of HELP: program and clinic, contact, frequency, rates, how to stop."""
    _ = in_language(language)
    # TRANSLATORS: the reply to HELP (as carriers require it). {contact} is one of the two "Help: ..." texts.
    text = (_("{clinic} taper texts. Msg freq varies. {contact}. Msg&data rates may apply. CALL for a call, STOP to "
              "opt out.") if discreet else
            # TRANSLATORS: the reply to HELP, naming the drug (LDN). {contact} is one of the two "Help: ..." texts.
            _("{clinic} LDN taper texts. Msg freq varies. {contact}. Msg&data rates may apply. CALL for a call, STOP "
              "to opt out."))
    if clinic_phone:
        # TRANSLATORS: in the HELP reply: the clinic's phone number.
        contact = _("Help: {phone}").format(phone=clinic_phone)
    else:
        # TRANSLATORS: in the HELP reply, when the clinic gave no phone number.
        contact = _("Help: call your clinic")
    return text.format(clinic=clinic_name, contact=contact)


def not_enrolled_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to a text from a number that belongs to no patient.
    return _("This number is not enrolled with taperline. If you expected texts, contact your clinic. "
             "Emergency: call 911.")


def note_received_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to a free-text message (it goes to the care team).
    return _("Thanks, we got your message and will share it with your care team. Emergency: call 911.")


def opted_out_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to STOP (or PARAR...). Name the start keyword of the language (START works for all).
    return _("You will get no more texts from taperline. Reply START to resume. Emergency: call 911.")


def opted_in_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to START after an opt-out, when the taper texts go on.
    return _("You will get taper texts again from the next reminder. Reply HELP for help, STOP to opt "
             "out.")


def clock_time(at: time, language: str = DEFAULT) -> str:
    """A local time as patients read it: 9:00 PM (9:00 p. m. in Spanish)."""
    hour = at.hour % 12 or 12
    if language == "es":
        return f"{hour}:{at.minute:02d} {'a. m.' if at.hour < 12 else 'p. m.'}"
    return f"{hour}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


def welcome_text(clinic_name: str, first_name: str, discreet: bool = False, language: str = DEFAULT) -> str:
    _ = in_language(language)
    name = sms_name(first_name)
    if name:
        # TRANSLATORS: the first text after enrollment, asking for consent. {name} is the patient's first name.
        text = (_("{clinic}: Hi {name}, your taper dose reminders and check-ins by text. Reply YES to start, STOP "
                  "to opt out.") if discreet else
                # TRANSLATORS: the first text after enrollment, asking for consent, naming the drug.
                _("{clinic}: Hi {name}, your LDN taper dose reminders and check-ins by text. Reply YES to start, "
                  "STOP to opt out."))
    else:
        # TRANSLATORS: the first text after enrollment, when we cannot text the first name.
        text = (_("{clinic}: Hi there, your taper dose reminders and check-ins by text. Reply YES to start, STOP "
                  "to opt out.") if discreet else
                # TRANSLATORS: the first text after enrollment, naming the drug, when we cannot text the first name.
                _("{clinic}: Hi there, your LDN taper dose reminders and check-ins by text. Reply YES to start, "
                  "STOP to opt out."))
    return text.format(clinic=clinic_name, name=name)


def consent_reminder_text(clinic_name: str, discreet: bool = False, language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: a day after the welcome, to a patient who has not answered YES yet.
    text = (_("{clinic}: reply YES to start your taper texts, or STOP to opt out. Reply HELP for help.") if discreet
            # TRANSLATORS: a day after the welcome, to a patient who has not answered YES yet (naming the drug).
            else _("{clinic}: reply YES to start your LDN taper texts, or STOP to opt out. Reply HELP for help."))
    return text.format(clinic=clinic_name)


def consent_confirmed_text(first_name: str, dose_time: time, language: str = DEFAULT) -> str:
    _ = in_language(language)
    name = sms_name(first_name)
    # TRANSLATORS: the reply to YES (consent). {time} is the dose time, like 9:00 PM.
    text = (_("Thanks {name}! You will get a reminder at {time} on dose days and short check-ins. Reply HELP for "
              "help, STOP to opt out.") if name else
            # TRANSLATORS: the reply to YES (consent) when we cannot text the first name.
            _("Thanks! You will get a reminder at {time} on dose days and short check-ins. Reply HELP for help, "
              "STOP to opt out."))
    return text.format(name=name, time=clock_time(dose_time, language))


def call_requested_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to CALL (the care team is asked to call).
    return _("Thanks, we have asked your care team to call you. If it is an emergency, call 911 now.")


def resubscribed_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to START after an opt-out, when the taper is already over.
    return _("You are subscribed again. Reply HELP for help, STOP to opt out. Emergency: call 911.")


def already_active_text(language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to YES from a patient who already consented.
    return _("You are already set up for taper texts. Reply HELP for help, STOP to opt out. Emergency: "
             "call 911.")


def mg(dose: Decimal) -> str:
    """A dose as people write it: 3.5, 2, 0.25."""
    text = f"{dose.normalize():f}"
    return text


def dose_reminder_text(clinic_name: str, dose: Decimal, *, previous: Decimal | None = None,
                       tomorrow: Decimal | None = None, last: bool = False,
                       discreet: bool = False, language: str = DEFAULT) -> str:
    """Tonight's dose; on a step-down day what it was; the day before a step, the heads-up; the last dose."""
    _ = in_language(language)
    if previous is not None:
        # TRANSLATORS: the dose reminder on a step-down day (the dose is lower from tonight).
        text = (_("{clinic}: Starting tonight your dose is {dose} mg (was {previous} mg).") if discreet else
                # TRANSLATORS: the dose reminder on a step-down day, naming the drug.
                _("{clinic}: Starting tonight your LDN dose is {dose} mg (was {previous} mg)."))
    elif discreet:
        # TRANSLATORS: the nightly dose reminder, not naming the drug.
        text = _("{clinic}: Tonight's dose: {dose} mg.")
    else:
        # TRANSLATORS: the nightly dose reminder.
        text = _("{clinic}: Tonight: LDN {dose} mg.")
    if last:
        # TRANSLATORS: added to the dose reminder of the last dose.
        text += " " + _("It is your last dose.")
    elif tomorrow is not None:
        # TRANSLATORS: added to the dose reminder the day before a step-down (the heads-up).
        text += " " + _("From tomorrow: {tomorrow} mg.")
    return text.format(clinic=clinic_name, dose=mg(dose), previous=mg(previous) if previous is not None else "",
                       tomorrow=mg(tomorrow) if tomorrow is not None else "")


def taper_done_text(clinic_name: str, discreet: bool = False, language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: at dose time the day after the last dose.
    text = (_("{clinic}: Your taper is done. No dose tonight or after. Check-ins continue for the next few weeks.")
            if discreet else
            # TRANSLATORS: at dose time the day after the last dose (naming the drug).
            _("{clinic}: Your LDN taper is done. No dose tonight or after. Check-ins continue for the next few "
              "weeks."))
    return text.format(clinic=clinic_name)


def provider_message_text(clinic_name: str, message: str, language: str = DEFAULT) -> str:
    """A provider's own words, with the clinic's name in front (folded into GSM-7 like every text)."""
    _ = in_language(language)
    # TRANSLATORS: a text a provider wrote to the patient: {message} is the provider's own words, as written.
    return gsm_fold(_("{clinic}: {message}").format(clinic=clinic_name, message=message))


def plan_held_text(clinic_name: str, dose: Decimal, language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: when a provider holds the taper (or an escalation holds it).
    return _("{clinic}: Please stay on {dose} mg each night until your care team contacts you.").format(
        clinic=clinic_name, dose=mg(dose))


def plan_changed_text(clinic_name: str, dose: Decimal, next_dose: Decimal | None = None,
                      next_day: date | None = None, language: str = DEFAULT) -> str:
    _ = in_language(language)
    if next_dose is not None and next_day:
        # TRANSLATORS: when a provider resumes or adjusts the taper: tonight's dose and the next step's.
        text = _("{clinic}: Your care team updated your plan: {dose} mg tonight, then {next_dose} mg from {day}.")
    else:
        # TRANSLATORS: when a provider resumes or adjusts the taper and no step-down follows.
        text = _("{clinic}: Your care team updated your plan: {dose} mg tonight.")
    return text.format(clinic=clinic_name, dose=mg(dose), next_dose=mg(next_dose) if next_dose is not None else "",
                       day=short_day(next_day, language) if next_day else "")


def plan_ended_text(clinic_name: str, dose: Decimal, language: str = DEFAULT) -> str:
    _ = in_language(language)
    # TRANSLATORS: when a provider ends the taper today.
    return _("{clinic}: Your care team ended your taper. Tonight is your last dose ({dose} mg). "
             "Check-ins continue.").format(clinic=clinic_name, dose=mg(dose))
