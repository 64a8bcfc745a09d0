"""Marshmallow schemas shared by the enrollment form and the JSON API (and the OpenAPI document)."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Mapping
from zoneinfo import ZoneInfo, available_timezones

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates_schema

from shared.domain import enrollment as terms
from shared.domain import plan as limits

MAX_DAYS_AHEAD = 365
STATUSES = ("awaiting_consent", "active", "opted_out", "consent_expired", "completed")


class MobileNumber(fields.String):
    """A phone number in any common format, loaded as E.164; must be a valid mobile-capable number."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        import phonenumbers  # loaded with the first enrollment, not at the web function's cold start

        text = super()._deserialize(value, attr, data, **kwargs).strip()
        try:
            number = phonenumbers.parse(text, "US")
        except phonenumbers.NumberParseException as exc:
            raise ValidationError("Enter a mobile number, like (555) 201-2345 or +44 7700 900123.") from exc
        if not phonenumbers.is_valid_number(number):
            raise ValidationError("This is not a valid phone number.")
        if phonenumbers.number_type(number) not in (phonenumbers.PhoneNumberType.MOBILE,
                                                     phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            raise ValidationError("This number cannot receive texts (it is not a mobile number).")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=1)
def iana_zones() -> frozenset[str]:
    return frozenset(available_timezones())


class TimeZoneName(fields.String):
    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        name = super()._deserialize(value, attr, data, **kwargs).strip()
        if name not in iana_zones() or name in ("localtime", "Factory"):
            raise ValidationError("Choose a time zone by its IANA name, like America/New_York.")
        return name


class Name(fields.String):
    """A name, trimmed; blank is missing."""

    def _deserialize(self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> str:
        text = " ".join(super()._deserialize(value, attr, data, **kwargs).split())
        if not text:
            raise ValidationError("Enter a name.")
        return text


class LocalTime(fields.String):
    """A local clock time HH:MM (24-hour): a string in JSON (and in the OpenAPI document), a time once loaded."""

    def _deserialize(  # type: ignore[override]  # String is Field[str]; this one loads the string as a time
            self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any) -> time:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        try:
            parsed = datetime.strptime(text, "%H:%M").time()
        except ValueError as exc:
            raise ValidationError("Enter a time as HH:MM, like 21:00.") from exc
        return parsed

    def _serialize(self, value: time | str | None, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        return value.strftime("%H:%M") if isinstance(value, time) else value


def at_most_two_decimals(value: Decimal) -> None:
    try:
        exact = value == value.quantize(Decimal("0.01"))
    except InvalidOperation:  # far too large to have cents (1e308): the range check says what is wrong
        exact = False
    if not exact:
        raise ValidationError("Use at most two decimals, like 2.25.")


def mg(minimum: Decimal, maximum: Decimal, **kwargs: Any) -> fields.Decimal:
    return fields.Decimal(validate=[validate.Range(minimum, maximum, error=f"Must be between {minimum} and {maximum} mg."),
                                    at_most_two_decimals], **kwargs)


class EnrollmentSchema(Schema):
    """One patient's enrollment, as the form and the API send it."""

    class Meta:
        unknown = RAISE
        ordered = True

    first_name = Name(required=True, validate=validate.Length(1, 20, error="Use 1 to 20 characters."))
    last_name = Name(required=True, validate=validate.Length(1, 50, error="Use 1 to 50 characters."))
    phone = MobileNumber(required=True)
    timezone = TimeZoneName(required=True)
    provider_email = fields.Email(required=True)
    start_dose_mg = mg(limits.MIN_START_MG, limits.MAX_START_MG, required=True)
    step_mg = mg(limits.MIN_STEP_MG, limits.MAX_STEP_MG, load_default=terms.DEFAULT_STEP_MG)
    step_days = fields.Integer(load_default=terms.DEFAULT_STEP_DAYS, validate=validate.Range(
        limits.MIN_STEP_DAYS, limits.MAX_STEP_DAYS, error="Must be between 1 and 30 days."))
    dose_time = LocalTime(load_default=terms.DEFAULT_DOSE_TIME)
    checkin_time = LocalTime(load_default=terms.DEFAULT_CHECKIN_TIME)
    start_date = fields.Date(load_default=None)
    follow_up_days = fields.List(fields.Integer(validate=validate.Range(1, 365, error="Days must be 1 to 365.")),
                                 load_default=list(limits.DEFAULT_FOLLOW_UP_DAYS),
                                 validate=validate.Length(1, 12, error="Give 1 to 12 follow-up days."))
    consent = fields.Boolean(required=True, error_messages={"required": "The patient must agree to receive texts."})
    notes = fields.String(load_default="", validate=validate.Length(max=2000))

    def __init__(self, *args: Any, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.now = now

    @validates_schema(skip_on_field_errors=False)
    def _consent_and_start(self, data: dict[str, Any], **kwargs: Any) -> None:
        errors: dict[str, list[str]] = {}
        if "consent" in data and data["consent"] is not True:
            errors["consent"] = ["The patient must agree to receive texts."]
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
        data["first_name"], data["last_name"] = data["first_name"].strip(), data["last_name"].strip()
        return data


class AdjustSchema(Schema):
    """A provider's change to a running taper; anything left out keeps its current value."""

    class Meta:
        unknown = RAISE

    dose_mg = mg(limits.MIN_START_MG, limits.MAX_START_MG)
    step_mg = mg(limits.MIN_STEP_MG, limits.MAX_STEP_MG)
    step_days = fields.Integer(validate=validate.Range(limits.MIN_STEP_DAYS, limits.MAX_STEP_DAYS,
                                                       error="Must be between 1 and 30 days."))


class ResolutionSchema(Schema):
    """Resolving an escalation: an optional note."""

    note = fields.String()


class PlanActionSchema(Schema):
    id = fields.String()
    status = fields.String()
    held = fields.Boolean()
    plan = fields.Nested(lambda: PlanSchema())


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
    status = fields.String()
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


class PatientListSchema(Schema):
    patients = fields.List(fields.Nested(PatientSummarySchema))


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
    """GET /api/patients: an optional status; any other parameter is a 400."""

    status = fields.String(validate=validate.OneOf(STATUSES))


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
