"""Every DynamoDB key of the single table is built here, typed so a prefix cannot pass for a key."""
from __future__ import annotations

from typing import Any, NamedTuple


class PartitionKey(str):
    """A whole partition key value (PK)."""


class SortKey(str):
    """A whole sort key value (SK)."""


class SortKeyPrefix(str):
    """The start of sort keys, for begins_with queries only."""


class Key(NamedTuple):
    pk: PartitionKey
    sk: SortKey

    def as_item(self) -> dict[str, dict[str, str]]:
        return {"PK": {"S": self.pk}, "SK": {"S": self.sk}}


def patient_pk(patient_id: str) -> PartitionKey:
    return PartitionKey(f"PATIENT#{patient_id}")


def job_key(patient_id: str, job_id: str) -> Key:
    return Key(patient_pk(patient_id), SortKey(f"JOB#{job_id}"))


def message_key(owner: PartitionKey, at_iso: str, sid: str) -> Key:
    return Key(owner, SortKey(f"MSG#{at_iso}#{sid}"))


def phone_key(e164: str, sender: str = "") -> Key:
    """Which patient a number belongs to on one sender (shared/domain/senders.py): numbers are unique per sender.
    The default sender's key is the one every number had before clinics had senders (`PHONE#<e164>`), so those
    items need no migration; a clinic's own sender puts its key in front (`PHONE#<sender>#<e164>`)."""
    return Key(PartitionKey(f"PHONE#{sender}#{e164}" if sender else f"PHONE#{e164}"), SortKey("PHONE"))


def phone_log_pk(e164: str) -> PartitionKey:
    """Where texts from a number that belongs to no patient (on the sender it texted) are kept: one log per
    number, whichever sender it texted (its items are MSG#..., never the PHONE mapping's SK)."""
    return PartitionKey(f"PHONE#{e164}")


def inbound_seen_key(message_sid: str) -> Key:
    return Key(PartitionKey(f"INBOUND#{message_sid}"), SortKey("INBOUND"))


def due_pk(shard: int) -> str:
    return f"DUE#{shard}"


def job_of(item: dict[str, Any]) -> tuple[str, str]:
    """(patient id, job id) of a job item's keys, as the due index returns them."""
    return item["PK"].removeprefix("PATIENT#"), item["SK"].removeprefix("JOB#")


DUE_INDEX = "due"
CLINIC_INDEX = "clinic"


JOBS = SortKeyPrefix("JOB#")
MESSAGES = SortKeyPrefix("MSG#")


def patient_profile_key(patient_id: str) -> Key:
    return Key(patient_pk(patient_id), SortKey("PROFILE"))


def clinic_pk(clinic_id: str) -> PartitionKey:
    return PartitionKey(f"CLINIC#{clinic_id}")


def clinic_key(clinic_id: str) -> Key:
    return Key(clinic_pk(clinic_id), SortKey("PROFILE"))


def clinic_user_key(clinic_id: str, email: str) -> Key:
    return Key(clinic_pk(clinic_id), SortKey(f"USER#{email}"))


def user_key(email: str) -> Key:
    return Key(PartitionKey(f"USER#{email}"), SortKey("USER"))


def api_key_key(key_hash: str) -> Key:
    return Key(PartitionKey(f"APIKEY#{key_hash}"), SortKey("APIKEY"))


def token_key(kind: str, token_hash: str) -> Key:
    """A one-time link's token (an invitation, a password reset), by kind and hash."""
    return Key(PartitionKey(f"TOKEN#{kind}#{token_hash}"), SortKey("TOKEN"))


def clinic_api_key_key(clinic_id: str, key_hash: str) -> Key:
    """A clinic's listing of one of its API keys (for its admins' page)."""
    return Key(clinic_pk(clinic_id), SortKey(f"APIKEY#{key_hash}"))


CLINIC_API_KEYS = SortKeyPrefix("APIKEY#")
SETTINGS_CHANGES = SortKeyPrefix("SETTINGS#")


def settings_change_key(clinic_id: str, at_iso: str, change_id: str) -> Key:
    """One change of a clinic's settings (who, when, old -> new), in its partition in the order made."""
    return Key(clinic_pk(clinic_id), SortKey(f"{SETTINGS_CHANGES}{at_iso}#{change_id}"))


def session_key(token_hash: str) -> Key:
    return Key(PartitionKey(f"SESSION#{token_hash}"), SortKey("SESSION"))


def enrollment_count_key(clinic_id: str, period: str) -> Key:
    """How many patients a clinic enrolled in a minute (2027-01-03T17:05) or a UTC day (2027-01-03)."""
    return Key(PartitionKey(f"ENROLLS#{clinic_id}"), SortKey(period))


def clinic_counter_key(clinic_id: str, name: str) -> Key:
    """One running count of a clinic (`completed`, `days_to_complete#12`...), kept with atomic ADDs as things happen."""
    return Key(clinic_pk(clinic_id), SortKey(f"{COUNTERS}{name}"))


COUNTERS = SortKeyPrefix("COUNT#")


def login_failures_key(email: str) -> Key:
    return Key(PartitionKey(f"LOGINFAIL#{email}"), SortKey("LOGINFAIL"))


def clinic_patient_sort(created_iso: str, patient_id: str) -> str:
    """Sort key of a patient in the clinic index: newest enrollments sort last."""
    return f"{CLINIC_PATIENTS}{created_iso}#{patient_id}"


def clinic_attention_sort(tier: int, created_iso: str, patient_id: str) -> str:
    """Sort key of a patient in the clinic index: by what needs attention (shared/domain/attention.py), then by
    enrollment. Keys written before it (`PATIENT#<created>#<id>`) sort between tiers 2 and 3 until rewritten."""
    return f"{CLINIC_PATIENTS}{tier}#{created_iso}#{patient_id}"


def clinic_attention_range(first: int, last: int) -> SortKeyRange:
    """Every patient key of the tiers first..last (both included)."""
    return SortKeyRange(SortKey(f"{CLINIC_PATIENTS}{first}#"), SortKey(f"{CLINIC_PATIENTS}{last}#~"))


def patient_of_clinic_sort(clinic_sort: str) -> str:
    """The patient id at the end of a patient's clinic index key."""
    return clinic_sort.rsplit("#", 1)[-1]


def clinic_escalation_sort(created_iso: str, escalation_id: str) -> str:
    """Sort key of an escalation in the clinic index: newest last."""
    return f"{CLINIC_ESCALATIONS}{created_iso}#{escalation_id}"


def clinic_checkin_sort(started_iso: str, checkin_id: str) -> str:
    """Sort key of a finished check-in in the clinic index: by when it started, so a date range is one Query."""
    return f"{CLINIC_CHECKINS}{started_iso}#{checkin_id}"


def clinic_plan_change_sort(at: str, entry_id: str) -> str:
    """Sort key of a plan change (an audit entry) in the clinic index: `at` as its audit key has it (UTC ISO,
    then nanoseconds), so changes sort in the order they were made."""
    return f"{CLINIC_PLAN_CHANGES}{at}#{entry_id}"


class SortKeyRange(NamedTuple):
    """Bounds for `clinic_sk BETWEEN :low AND :high`: every key of one kind from `start` up to, not including, `end`."""

    low: SortKey
    high: SortKey


def clinic_moments(prefix: SortKeyPrefix, start_iso: str, end_iso: str) -> SortKeyRange:
    """Keys `<prefix><iso>#...` with start_iso <= iso < end_iso (the ISO moments are fixed width: a key at
    exactly `end_iso` continues with '#' and sorts after the bare bound, so BETWEEN leaves it out)."""
    return SortKeyRange(SortKey(f"{prefix}{start_iso}"), SortKey(f"{prefix}{end_iso}"))


CLINIC_PATIENTS = SortKeyPrefix("PATIENT#")      # clinic index sort keys, not table keys
CLINIC_ESCALATIONS = SortKeyPrefix("ESC#")
CLINIC_CHECKINS = SortKeyPrefix("CHECKIN#")
CLINIC_PLAN_CHANGES = SortKeyPrefix("PLAN#")


USERS = SortKeyPrefix("USER#")


def checkin_key(patient_id: str, started_iso: str, checkin_id: str) -> Key:
    return Key(patient_pk(patient_id), SortKey(f"CHECKIN#{started_iso}#{checkin_id}"))


def escalation_key(patient_id: str, escalation_id: str) -> Key:
    """By id alone, so a new finding can be added to an open escalation without reading it first."""
    return Key(patient_pk(patient_id), SortKey(f"ESC#{escalation_id}"))


CHECKINS = SortKeyPrefix("CHECKIN#")
ESCALATIONS = SortKeyPrefix("ESC#")


def audit_key(patient_id: str, at_iso: str, entry_id: str) -> Key:
    return Key(patient_pk(patient_id), SortKey(f"AUDIT#{at_iso}#{entry_id}"))


AUDIT = SortKeyPrefix("AUDIT#")
