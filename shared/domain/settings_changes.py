"""A change of a clinic's settings: what it changes (the audit's old -> new) and whether the texts already
planned for its patients must be written again."""
from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from shared.domain.clinic_settings import ClinicSettings
from shared.domain.gsm7 import gsm7_length
from shared.domain.patients import Clinic

# What a clinic's admins change (the API's and the page's names); the rest of its settings (countries, enrollment
# limits, its sender) are the service operator's (scripts.create_clinic).
EDITABLE = ("name", "phone", "timezone", "quiet_hours", "discreet_texts", "escalation_email", "hold_on_escalation",
            "safety_mood_at_or_below", "thresholds", "ack_urgent_minutes", "ack_routine_business_days",
            "retention_years")
# Texts planned ahead carry the clinic's name and wording and sit outside its quiet hours: these plan them again.
NAME_LONGEST = 40
REPLANNING = frozenset({"name", "discreet_texts", "quiet_hours.start", "quiet_hours.end"})


def clinic_name(name: str) -> str:
    """A clinic's name as kept (spaces tidied); ValueError unless 1 to 40 plain (GSM-7) characters: it starts every
    text, which must stay one segment."""
    tidy = " ".join(name.split())
    if not tidy or len(tidy) > NAME_LONGEST or gsm7_length(tidy) != len(tidy):
        raise ValueError(f"A clinic name is 1 to {NAME_LONGEST} plain characters (it starts every text).")
    return tidy


def as_fields(clinic: Clinic) -> dict[str, Any]:
    """A clinic's settings by their API names, the operator's ones included (read only)."""
    s = clinic.settings
    return {"name": clinic.name, "phone": clinic.contact_phone, "timezone": s.timezone,
            "quiet_hours": {"start": s.quiet_start.strftime("%H:%M"), "end": s.quiet_end.strftime("%H:%M")},
            "discreet_texts": s.discreet_texts, "escalation_email": s.escalation_email,
            "hold_on_escalation": s.hold_on_escalation, "safety_mood_at_or_below": s.safety_mood_at_or_below,
            "thresholds": asdict(s.thresholds), "ack_urgent_minutes": s.ack_urgent_minutes,
            "ack_routine_business_days": s.ack_routine_business_days, "retention_years": s.retention_years,
            "countries": list(s.countries), "enrollments_per_minute": s.enrollments_per_minute,
            "enrollments_per_day": s.enrollments_per_day, "sender_number": s.sender_number,
            "messaging_service_sid": s.messaging_service_sid}


def changed_clinic(clinic: Clinic, fields: dict[str, Any]) -> Clinic:
    """The clinic with the given API fields (a subset of EDITABLE, thresholds and quiet hours possibly partial)
    applied; ValueError when the settings together break a rule (ClinicSettings.from_dict's)."""
    current = as_fields(clinic)
    merged = {**current, **fields}
    merged["quiet_hours"] = {**current["quiet_hours"], **fields.get("quiet_hours", {})}
    merged["thresholds"] = {**current["thresholds"], **fields.get("thresholds", {})}
    stored = clinic.settings.as_dict() | {
        "timezone": merged["timezone"], "quiet_start": merged["quiet_hours"]["start"],
        "quiet_end": merged["quiet_hours"]["end"], "thresholds": merged["thresholds"],
        **{name: merged[name] for name in ("discreet_texts", "escalation_email", "hold_on_escalation",
                                            "safety_mood_at_or_below", "ack_urgent_minutes",
                                            "ack_routine_business_days", "retention_years")}}
    name = clinic_name(merged["name"]) if "name" in fields else clinic.name
    return replace(clinic, name=name, contact_phone=merged["phone"], settings=ClinicSettings.from_dict(stored))


def differences(old: Clinic, new: Clinic) -> dict[str, dict[str, Any]]:
    """Each setting that differs, by dotted name (`quiet_hours.start`, `thresholds.mood_low`): {"from", "to"}."""
    before, after = _flat(as_fields(old)), _flat(as_fields(new))
    return {name: {"from": before.get(name), "to": value} for name, value in after.items() if before.get(name) != value}


def replans(changes: dict[str, Any]) -> bool:
    """Whether texts already planned must be written again for these changes."""
    return bool(REPLANNING & set(changes))


def _flat(fields: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, dict):
            flat |= _flat(value, f"{prefix}{name}.")
        else:
            flat[f"{prefix}{name}"] = value
    return flat
