"""Marshmallow schemas shared by the enrollment form and the JSON API (and the OpenAPI document)."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Mapping
from zoneinfo import ZoneInfo, available_timezones

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates_schema

from shared.domain.catalogs import DEFAULT as DEFAULT_LANGUAGE
from shared.domain.catalogs import LANGUAGES
from shared.domain import enrollment as terms
from shared.domain.attention import TIERS
from shared.domain.clinic_settings import COUNTRIES_988
from shared.domain import plan as limits

MAX_DAYS_AHEAD = 365
MAX_PAGE = 200  # patients in one page of the list
ATTENTION = TIERS  # what puts a patient where they are in the list, in its order
STATUSES = ("awaiting_consent", "active", "opted_out", "consent_expired", "completed")


# What the API accepts, said once: the validators below and the OpenAPI document both read these.
PHONE_PATTERN = r"^\+?[0-9 ().-]{7,25}$"
TIME_PATTERN = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
NOT_BLANK = r"\S"
INVISIBLE = ("Cc", "Cf")  # control and format characters: NUL, ESC, U+202E (right-to-left override), ...
NOTE_WHITESPACE = "\t\n\r"  # what a note may keep of them
UNCHECKED_RULES: dict[str, tuple[str, ...]] = {  # 400s the schema cannot express, written into each operation's description
    "enroll": ("`phone` must be a real number that can receive texts (a mobile line, by its number plan), of a "
               "country the clinic allows (by default the United States and its territories, and Canada: where "
               "988 answers).",
               "`provider_email` must be a provider of the caller's clinic.",
               "`start_date` must not be in the past in the patient's time zone, nor more than 365 days ahead.",
               "`checkin_time` must fall outside the clinic's quiet hours.",
               "The clinic must be within its enrollment limits (its settings; 30 a minute and 300 a UTC day by "
               "default), counted before any other check of the service: the error is keyed `_clinic`.",
               "`first_name`, `last_name` and `notes` must not hold format characters beyond the Basic "
               "Multilingual Plane (Unicode Cf; their patterns exclude the control and format characters within it).")
}
UNCHECKED_RULES["edit"] = (
    UNCHECKED_RULES["enroll"][0],
    "At least one field must be sent.",
    "`provider_email` must be an active provider of the patient's clinic.",
    "`checkin_time` must fall outside the clinic's quiet hours.",
    UNCHECKED_RULES["enroll"][-1])


def invisible(text: str, keep: str = "") -> list[str]:
    """The control and format characters in `text` (but those in `keep`), as U+XXXX."""
    import unicodedata

    return sorted({f"U+{ord(c):04X}" for c in text if c not in keep and unicodedata.category(c) in INVISIBLE})


def refuse_invisible(text: str, keep: str = "") -> None:
    found = invisible(text, keep)
    if found:
        raise ValidationError(f"Remove the control or formatting characters ({', '.join(found[:3])}): they can "
                              "make text read as something else.")


class MobileNumber(fields.String):
    """A phone number in any common format, loaded as E.164; must be a valid mobile-capable number."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(metadata={"pattern": PHONE_PATTERN, "example": "(212) 555-0123", "description":
                                   "A US number in any common format, or any country's as +<country><number>"},
                         **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        import phonenumbers  # loaded with the first enrollment, not at the web function's cold start

        text = super()._deserialize(value, attr, data, **kwargs)
        if not re.fullmatch(PHONE_PATTERN, text):
            raise ValidationError("Enter a mobile number, like (555) 201-2345 or +44 7700 900123.")
        try:
            number = phonenumbers.parse(text, "US")
        except phonenumbers.NumberParseException as exc:
            raise ValidationError("Enter a mobile number, like (555) 201-2345 or +44 7700 900123.") from exc
        if not phonenumbers.is_valid_number(number):
            raise ValidationError("This is not a valid phone number.")
        if phonenumbers.number_type(number) not in (phonenumbers.PhoneNumberType.MOBILE,
                                                     phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            raise ValidationError("This number cannot receive texts (it is not a mobile number).")
        countries = getattr(self.parent, "countries", COUNTRIES_988)
        if phonenumbers.region_code_for_number(number) not in countries:
            raise ValidationError(f"This clinic texts numbers of {', '.join(countries)} only (988, named in every "
                                  "crisis reply, answers in the United States and its territories and in Canada).")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=1)
def iana_zones() -> tuple[str, ...]:
    """The time zones a patient may have: every IANA name but the two that are not places."""
    return tuple(sorted(available_timezones() - {"localtime", "Factory"}))


class TimeZoneName(fields.String):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(metadata={"description": "An IANA time zone name", "example": "America/New_York"}, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        name = super()._deserialize(value, attr, data, **kwargs)
        if name not in _zone_set():
            raise ValidationError("Choose a time zone by its IANA name, like America/New_York.")
        return name


@lru_cache(maxsize=1)
def _zone_set() -> frozenset[str]:
    return frozenset(iana_zones())


class Name(fields.String):
    """A name of 1 to `longest` characters as sent, with something besides spaces; stored with spaces tidied."""

    def __init__(self, longest: int, **kwargs: Any) -> None:
        super().__init__(metadata={"minLength": 1, "maxLength": longest}, **kwargs)  # pattern: openapi.py
        self.longest = longest

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        raw = super()._deserialize(value, attr, data, **kwargs)
        text = " ".join(raw.split())
        if not text or not re.search(NOT_BLANK, raw):
            raise ValidationError("Enter a name.")
        refuse_invisible(raw)
        if len(raw) > self.longest:
            raise ValidationError(f"Use 1 to {self.longest} characters.")
        return text


class LocalTime(fields.String):
    """A local clock time HH:MM (24-hour): a string in JSON (and in the OpenAPI document), a time once loaded."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(metadata={"pattern": TIME_PATTERN}, **kwargs)

    def _deserialize(  # type: ignore[override]  # String is Field[str]; this one loads the string as a time
            self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> time:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not re.fullmatch(TIME_PATTERN, text):
            raise ValidationError("Enter a time as HH:MM, like 21:00.")
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))

    def _serialize(self, value: time | str | None, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        return value.strftime("%H:%M") if isinstance(value, time) else value


class Milligrams(fields.Decimal):
    """A dose in mg: a JSON number (not a string) with at most two decimals, loaded exactly.

    A binary float that misses a hundredth only by rounding noise (0.1 * 3 = 0.30000000000000004) is that
    hundredth: a client's arithmetic, not a finer dose."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise self.make_error("invalid")
        if isinstance(value, float) and value == value and abs(value) < 1e6 and abs(value * 100 - round(value * 100)) < 1e-9:
            value = Decimal(round(value * 100)) / 100
        loaded = super()._deserialize(value, attr, data, **kwargs)
        assert loaded is not None
        return loaded


def at_most_two_decimals(value: Decimal) -> None:
    try:
        exact = value == value.quantize(Decimal("0.01"))
    except InvalidOperation:  # far too large to have cents (1e308): the range check says what is wrong
        exact = False
    if not exact:
        raise ValidationError("Use at most two decimals, like 2.25.")


DOSE = ("mg, at most two decimals: multipleOf 0.01 in exact decimal arithmetic (a validator that divides "
        "binary floats misjudges some doses, e.g. 0.57 / 0.01 = 56.99999999999999)")


def mg(minimum: Decimal, maximum: Decimal, **kwargs: Any) -> fields.Decimal:
    return Milligrams(validate=[validate.Range(minimum, maximum, error=f"Must be between {minimum} and {maximum} mg."),
                                at_most_two_decimals], metadata={"multipleOf": 0.01, "description": DOSE}, **kwargs)


def whole(minimum: int, maximum: int, error: str, **kwargs: Any) -> fields.Integer:
    """A JSON integer (not a string, not a fraction) in a range."""
    return fields.Integer(strict=True, validate=validate.Range(minimum, maximum, error=error), **kwargs)


class Consent(fields.Boolean):
    """true, and only the JSON value true: the patient agreed to receive texts."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(metadata={"enum": [True]}, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        if value is not True:
            raise ValidationError("The patient must agree to receive texts.")
        return True


class Day(fields.Date):
    """A calendar date written YYYY-MM-DD (RFC 3339 full-date), nothing looser."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> date:
        if not isinstance(value, str) or not re.fullmatch(DATE_PATTERN, value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class EnrollmentSchema(Schema):
    """One patient's enrollment, as the form and the API send it."""

    class Meta:
        unknown = RAISE
        ordered = True

    first_name = Name(20, required=True)
    last_name = Name(50, required=True)
    phone = MobileNumber(required=True)
    timezone = TimeZoneName(required=True)
    provider_email = fields.Email(required=True)
    start_dose_mg = mg(limits.MIN_START_MG, limits.MAX_START_MG, required=True)
    step_mg = mg(limits.MIN_STEP_MG, limits.MAX_STEP_MG, load_default=terms.DEFAULT_STEP_MG)
    step_days = whole(limits.MIN_STEP_DAYS, limits.MAX_STEP_DAYS, "Must be between 1 and 30 days.",
                      load_default=terms.DEFAULT_STEP_DAYS)
    dose_time = LocalTime(load_default=terms.DEFAULT_DOSE_TIME)
    checkin_time = LocalTime(load_default=None)  # 18:00, or when the clinic's quiet hours end if 18:00 is in them
    start_date = Day(load_default=None)
    follow_up_days = fields.List(whole(1, 365, "Days must be 1 to 365."),
                                 load_default=list(limits.DEFAULT_FOLLOW_UP_DAYS),
                                 validate=validate.Length(1, 12, error="Give 1 to 12 follow-up days."))
    consent = Consent(required=True, error_messages={"required": "The patient must agree to receive texts."})
    notes = fields.String(load_default="", validate=[validate.Length(max=2000),
                                                     lambda text: refuse_invisible(text, NOTE_WHITESPACE)])
    language = fields.String(load_default=DEFAULT_LANGUAGE, validate=validate.OneOf(
        LANGUAGES, error="Texts go out in en (English) or es (Spanish)."), metadata={
        "description": "The language of the patient's texts: en (English, the default) or es (Spanish)."})

    def __init__(self, *args: Any, now: datetime, countries: tuple[str, ...] = COUNTRIES_988, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.now, self.countries = now, countries

    @validates_schema(skip_on_field_errors=False)
    def _start(self, data: dict[str, Any], **kwargs: Any) -> None:
        errors: dict[str, list[str]] = {}
        start, zone = data.get("start_date"), data.get("timezone")
        if start and zone and start < self.now.astimezone(ZoneInfo(zone)).date():
            errors["start_date"] = ["The plan cannot start in the past (in the patient's time zone)."]
        elif start and start > self.now.date() + timedelta(days=MAX_DAYS_AHEAD):
            errors["start_date"] = [f"The plan must start within {MAX_DAYS_AHEAD} days."]
        if errors:
            raise ValidationError(errors)

    @post_load
    def _defaults(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        if data.get("start_date") is None:
            data["start_date"] = self.now.astimezone(ZoneInfo(data["timezone"])).date()
        data["follow_up_days"] = sorted(set(data["follow_up_days"]))
        return data


class AdjustSchema(Schema):
    """A provider's change to a running taper; anything left out keeps its current value."""

    class Meta:
        unknown = RAISE

    dose_mg = mg(limits.MIN_START_MG, limits.MAX_START_MG)
    step_mg = mg(limits.MIN_STEP_MG, limits.MAX_STEP_MG)
    step_days = whole(limits.MIN_STEP_DAYS, limits.MAX_STEP_DAYS, "Must be between 1 and 30 days.")


class ResolutionSchema(Schema):
    """Resolving an escalation: an optional note."""

    class Meta:
        unknown = RAISE

    note = fields.String(validate=[validate.Length(max=2000), lambda text: refuse_invisible(text, NOTE_WHITESPACE)])


class PlanActionSchema(Schema):
    id = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    held = fields.Boolean()
    plan = fields.Nested(lambda: PlanSchema())


class PatientEditSchema(Schema):
    """The fields of a patient that can be changed after enrollment (plan changes are actions of their own)."""

    class Meta:
        unknown = RAISE

    first_name = Name(20)
    last_name = Name(50)
    phone = MobileNumber()
    timezone = TimeZoneName()
    provider_email = fields.Email()
    dose_time = LocalTime()
    checkin_time = LocalTime()
    notes = fields.String(validate=[validate.Length(max=2000), lambda text: refuse_invisible(text, NOTE_WHITESPACE)])
    language = fields.String(validate=validate.OneOf(
        LANGUAGES, error="Texts go out in en (English) or es (Spanish)."), metadata={
        "description": "The language of the patient's texts from now on; texts already queued are written again."})

    def __init__(self, *args: Any, countries: tuple[str, ...] = COUNTRIES_988, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.countries = countries  # where a new number may be (MobileNumber reads it), as at enrollment

    @validates_schema
    def _some(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not data:
            raise ValidationError({"_schema": ["Send at least one field to change."]})


class ProviderMessageSchema(Schema):
    """A provider's text to a patient."""

    class Meta:
        unknown = RAISE

    body = fields.String(required=True, validate=validate.Length(1, 160), metadata={
        "description": "The provider's words; the clinic's name goes in front and the whole must fit one GSM-7 "
                       "text (160 characters, accents folded)."})


class MessageQueuedSchema(Schema):
    id = fields.String()
    status = fields.String()
    send_at = fields.DateTime()


class ErasureSchema(Schema):
    id = fields.String()
    erased = fields.Boolean()
    erased_at = fields.DateTime()
    items = fields.Integer()  # how many stored items of the patient went


class StepSchema(Schema):
    start_date = fields.Date()
    dose_mg = fields.Float()


class PlanSchema(Schema):
    steps = fields.List(fields.Nested(StepSchema))
    last_dose_date = fields.Date()
    stop_date = fields.Date()
    follow_up_dates = fields.List(fields.Date())


class PatientCreatedSchema(Schema):
    id = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    plan = fields.Nested(PlanSchema)


class PatientSummarySchema(Schema):
    id = fields.String()
    first_name = fields.String()
    last_name = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    current_dose_mg = fields.Float(allow_none=True)
    next_step_date = fields.Date(allow_none=True)
    last_checkin_at = fields.DateTime(allow_none=True)
    open_escalations = fields.Integer()
    created_at = fields.DateTime()
    language = fields.String(validate=validate.OneOf(LANGUAGES))
    attention = fields.String(validate=validate.OneOf(ATTENTION), metadata={
        "description": "What the patient's place in the list is for (the list sorts by it, in this enum's order)."})


class PatientListSchema(Schema):
    patients = fields.List(fields.Nested(PatientSummarySchema))
    next_cursor = fields.String(allow_none=True, metadata={
        "description": "Send it as `cursor` for the next page; null at the end (always null without `limit`)."})


class MessageSchema(Schema):
    at = fields.DateTime()
    direction = fields.String(validate=validate.OneOf(("inbound", "outbound")))
    body = fields.String()
    status = fields.String()
    kind = fields.String()


class AnswerSchema(Schema):
    value = fields.Integer(allow_none=True)
    raw = fields.String()
    at = fields.DateTime(allow_none=True)


class CheckinSchema(Schema):
    id = fields.String()
    kind = fields.String(validate=validate.OneOf(("baseline", "step", "follow_up")))
    status = fields.String(validate=validate.OneOf(("open", "completed", "interrupted", "expired")))
    dose_mg = fields.Float(allow_none=True)
    started_at = fields.DateTime()
    answers = fields.Dict(keys=fields.String(validate=validate.OneOf(("symptoms", "mood", "withdrawal"))),
                          values=fields.Nested(AnswerSchema))


class EscalationSchema(Schema):
    id = fields.String()
    patient_id = fields.String()
    acknowledged_by = fields.String(allow_none=True)
    acknowledged_at = fields.DateTime(allow_none=True)
    resolved_by = fields.String(allow_none=True)
    resolved_at = fields.DateTime(allow_none=True)
    note = fields.String(allow_none=True)
    reasons = fields.List(fields.String())
    severity = fields.String(validate=validate.OneOf(("urgent", "routine")))
    status = fields.String(validate=validate.OneOf(("open", "acknowledged", "resolved")))
    created_at = fields.DateTime()
    evidence = fields.List(fields.Dict())
    acknowledge_by = fields.DateTime()
    overdue_notified_at = fields.DateTime(allow_none=True)


class JobSchema(Schema):
    """A text as the patient page and the record list it: upcoming, or needing attention."""

    id = fields.String()
    kind = fields.String()
    status = fields.String()
    send_at = fields.DateTime()
    error_code = fields.String(allow_none=True)
    body = fields.String()


class PatientRecordSchema(PatientSummarySchema):
    phone = fields.String()
    timezone = fields.String()
    provider_email = fields.String()
    dose_time = fields.String()
    checkin_time = fields.String(metadata={"description": "HH:MM in the patient's zone"})
    notes = fields.String()
    consented_at = fields.DateTime(allow_none=True)
    plan = fields.Nested(PlanSchema)
    messages = fields.List(fields.Nested(MessageSchema))
    checkins = fields.List(fields.Nested(CheckinSchema))
    escalations = fields.List(fields.Nested(EscalationSchema))
    phone_problem = fields.String(allow_none=True)
    checkins_paused = fields.Boolean()
    deliveries_needing_attention = fields.List(fields.Nested(JobSchema))
    upcoming = fields.List(fields.Nested(JobSchema))


class EscalationListSchema(Schema):
    escalations = fields.List(fields.Nested(EscalationSchema))


class ErrorsSchema(Schema):
    """400 and 409 from the API: what is wrong, by field."""

    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()), required=True)


class ProblemSchema(Schema):
    """Every other error (401, 404, 405, 413, 503 ...): a title and a sentence for people."""

    error = fields.String(required=True)
    message = fields.String(required=True)


class StatusQuerySchema(Schema):
    """GET /api/patients: optional status, search, open escalation filter, page size and cursor; any other
    parameter is a 400."""

    status = fields.String(validate=validate.OneOf(STATUSES))
    q = fields.String(validate=validate.Length(max=100), metadata={
        "description": "Search: part of the first or last name (case and accents ignored), or digits of the number."})
    open_escalation = fields.Boolean(truthy={"true"}, falsy={"false"}, metadata={
        "description": "true: only patients with an open escalation; false: only those without."})
    limit = fields.Integer(validate=validate.Range(1, MAX_PAGE, error=f"Ask for 1 to {MAX_PAGE} patients a page."),
                           metadata={"description": "Patients a page (a page may hold fewer when a filter drops "
                                                    "some: follow next_cursor until it is null); without it, all."})
    cursor = fields.String(validate=validate.Length(1, 400), metadata={
        "description": "The next_cursor of the page before, unchanged."})


class EscalationQuerySchema(Schema):
    """GET /api/escalations: an optional status ("" means any); any other parameter is a 400."""

    status = fields.String(validate=validate.OneOf(("", "open", "acknowledged", "resolved"),
                                                   error="Must be one of: open, acknowledged, resolved."))


def flat_errors(messages: Mapping[str, Any]) -> dict[str, list[str]]:
    """Errors as {field: [message]}, list items folded in ("Item 1: ..."), as the API promises."""
    def flatten(value: Any, label: str = "") -> list[str]:
        if isinstance(value, dict):
            return [m for key, inner in value.items()
                    for m in flatten(inner, f"Item {int(key) + 1}: " if str(key).isdigit() else f"{key}: ")]
        if isinstance(value, list):
            return [m for inner in value for m in flatten(inner, label)]
        return [f"{label}{value}"]

    return {field: flatten(value) for field, value in messages.items()}
