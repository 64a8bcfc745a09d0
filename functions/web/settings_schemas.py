"""The clinic settings its admins change (PATCH /api/clinic/settings and the settings page), and their answer."""
from __future__ import annotations

import re
from typing import Any, Mapping

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates_schema

from functions.web.schemas import PHONE_PATTERN, Name, TimeZoneName, whole
from shared.domain.escalation_rules import Thresholds

# Quiet hours must cover at least the federal calling window, 21:00-08:00 local: they may start from noon to 21:00
# and end from 08:00 to noon (ClinicSettings says the same).
QUIET_START_PATTERN = r"^(1[2-9]|20):[0-5][0-9]$|^21:00$"
QUIET_END_PATTERN = r"^(0[89]|1[01]):[0-5][0-9]$|^12:00$"
EMAIL_OR_EMPTY = r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$"
OPERATORS = ("countries", "enrollments_per_minute", "enrollments_per_day", "sender_number", "messaging_service_sid")
RULES = ("At least one setting must be sent.",
         f"{', '.join(f'`{n}`' for n in OPERATORS)} are shown but set by the service's operator: sending one is a "
         "400 naming it.",
         "`phone` must be a real phone number (any line type; +<country><number> outside the United States).",
         "`name` must be plain characters a text can carry in one segment (GSM-7: no emoji, no accents beyond "
         "GSM-7's): it starts every text.")


class ContactNumber(fields.String):
    """The clinic's phone number for patients (its HELP text names it), loaded as E.164; any line type."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(metadata={"pattern": PHONE_PATTERN, "example": "(212) 555-0100"}, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        import phonenumbers

        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            number = phonenumbers.parse(text, "US") if re.fullmatch(PHONE_PATTERN, text) else None
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValidationError("Enter the clinic's phone number, like (212) 555-0100 or +44 20 7946 0000.")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class QuietHoursSchema(Schema):
    """Both ends, local times."""

    class Meta:
        unknown = RAISE

    start = fields.String(required=True, validate=validate.Regexp(QUIET_START_PATTERN, error=(
        "Quiet hours start between 12:00 and 21:00 (HH:MM): they cover at least 21:00-08:00.")))
    end = fields.String(required=True, validate=validate.Regexp(QUIET_END_PATTERN, error=(
        "Quiet hours end between 08:00 and 12:00 (HH:MM): they cover at least 21:00-08:00.")))


def _score(name: str) -> fields.Integer:
    return whole(1, 10, f"{name} is a whole number from 1 to 10.")


class ThresholdsSchema(Schema):
    """When a check-in escalates, against the patient's own baseline (answers are 0-10)."""

    class Meta:
        unknown = RAISE

    symptoms_above_baseline = _score("symptoms_above_baseline")
    symptoms_high = _score("symptoms_high")
    mood_below_baseline = _score("mood_below_baseline")
    mood_low = whole(0, 10, "mood_low is a whole number from 0 to 10.")
    trend = _score("trend")
    missed_in_a_row = whole(1, 14, "missed_in_a_row is a whole number from 1 to 14.")


class ClinicSettingsEditSchema(Schema):
    """Any subset of the settings a clinic's admins change; each applies to every patient's texts and checks from
    then on."""

    class Meta:
        unknown = RAISE

    name = Name(40)  # plain (GSM-7) characters too: shared/domain/settings_changes.clinic_name
    phone = ContactNumber()
    timezone = TimeZoneName()  # where the staff are: pages and exports use it
    quiet_hours = fields.Nested(QuietHoursSchema, metadata={"description": "No texts but the dose reminder between "
                                                                          "these local times (at least 21:00-08:00)"})
    discreet_texts = fields.Boolean(metadata={"description": "Texts never name the drug"})
    escalation_email = fields.String(validate=[validate.Length(max=254), validate.Regexp(EMAIL_OR_EMPTY, error=(
        "Enter an email address, or nothing for none."))], metadata={
        "description": "Besides the provider, who hears of urgent escalations (empty: no one)"})
    hold_on_escalation = fields.Boolean(metadata={"description": "An escalation holds the taper until a provider "
                                                                 "acts"})
    safety_mood_at_or_below = whole(0, 10, "safety_mood_at_or_below is a mood from 0 to 10.", metadata={
        "description": "A mood answer this low asks the safety question"})
    thresholds = fields.Nested(ThresholdsSchema)
    ack_urgent_minutes = whole(5, 1440, "ack_urgent_minutes is from 5 to 1440 minutes.")
    ack_routine_business_days = whole(1, 10, "ack_routine_business_days is from 1 to 10 business days.")
    retention_years = whole(1, 30, "retention_years is from 1 to 30 years.")

    @pre_load
    def _strict(self, data: Any, **kwargs: Any) -> Any:
        if isinstance(data, dict):
            operators = [name for name in OPERATORS if name in data]
            if operators:
                raise ValidationError({name: ["Set by the service's operator (scripts.create_clinic); ask them to "
                                              "change it."] for name in operators})
            for name in ("discreet_texts", "hold_on_escalation"):
                if name in data and not isinstance(data[name], bool):
                    raise ValidationError({name: ["Send true or false."]})
            if isinstance(data.get("escalation_email"), str):
                data = {**data, "escalation_email": data["escalation_email"].lower()}
        return data

    @validates_schema
    def _some(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not data:
            raise ValidationError({"_schema": ["Send at least one setting to change."]})


class QuietHoursAnswer(Schema):
    start = fields.String()
    end = fields.String()


class ThresholdsAnswer(Schema):
    symptoms_above_baseline = fields.Integer()
    symptoms_high = fields.Integer()
    mood_below_baseline = fields.Integer()
    mood_low = fields.Integer()
    trend = fields.Integer()
    missed_in_a_row = fields.Integer()


class ClinicSettingsSchema(Schema):
    """The clinic's settings as they are now (shared/domain/settings_changes.as_fields)."""

    name = fields.String()
    phone = fields.String(metadata={"description": "E.164"})
    timezone = fields.String()
    quiet_hours = fields.Nested(QuietHoursAnswer)
    discreet_texts = fields.Boolean()
    escalation_email = fields.String()
    hold_on_escalation = fields.Boolean()
    safety_mood_at_or_below = fields.Integer()
    thresholds = fields.Nested(ThresholdsAnswer)
    ack_urgent_minutes = fields.Integer()
    ack_routine_business_days = fields.Integer()
    retention_years = fields.Integer()
    countries = fields.List(fields.String())
    enrollments_per_minute = fields.Integer()
    enrollments_per_day = fields.Integer()
    sender_number = fields.String(metadata={"description": "The clinic's own Twilio number, or empty"})
    messaging_service_sid = fields.String(metadata={"description": "Its own Messaging Service, or empty"})


assert set(ThresholdsSchema().fields) == set(Thresholds.__dataclass_fields__)  # every threshold, and no other
