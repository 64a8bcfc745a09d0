"""The small ports the services talk through, one per aggregate. Real adapters live in shared/adapters,
in-memory ones in tests/memory; tests/contract holds both to the same rules."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Collection, Iterator, Protocol, Sequence

from shared.domain.accounts import ApiKey, User
from shared.domain.attention import PatientQuery as PatientQuery  # the list's query, re-exported
from shared.domain.checkins import CheckIn
from shared.domain.jobs import Job, JobStatus
from shared.domain.patients import Clinic, Escalation, Patient, PatientStatus, ProfileChange
from shared.errors import AlreadyExists as AlreadyExists  # the ports' errors, re-exported
from shared.errors import JobExists as JobExists
from shared.errors import LeaseLost as LeaseLost
from shared.errors import PhoneTaken as PhoneTaken
from shared.errors import SendError as SendError
from shared.errors import StatusMoved as StatusMoved
from shared.errors import StoreUnavailable as StoreUnavailable
from shared.services.senders import Clock as Clock  # the ports of the world outside the store, re-exported
from shared.services.senders import MailSender as MailSender
from shared.services.senders import SmsSender as SmsSender
from shared.services.senders import Workers as Workers


@dataclass(frozen=True)
class DueJob:
    """A job the due index says is due, before it is claimed."""

    patient_id: str
    job_id: str
    due_at: str


@dataclass(frozen=True)
class ClaimMiss:
    """A claim that failed because another dispatch moved the job; `stale_lease` when its lease lapsed."""

    stale_lease: bool


@dataclass(frozen=True)
class InboundSms:
    """One text from a patient's phone, as Twilio posted it."""

    message_sid: str
    from_number: str
    to_number: str
    body: str
    received_at: datetime
    sender: str = ""  # the sender key it reached (shared/domain/senders.py): with from_number, who it is from


class Patients(Protocol):
    """Patients: the profile, its phone number, its typed changes and the history they leave."""

    def enroll(self, patient: Patient, jobs: list[Job]) -> None: ...  # PhoneTaken; NumberUnavailable: not ours
    def get_patient(self, patient_id: str) -> Patient | None: ...
    def patient_for_phone(self, e164: str, sender: str = "") -> Patient | None: ...  # on one sender (domain/senders.py)
    def patients_of_clinic(self, clinic_id: str, status: str | None = None) -> list[Patient]: ...
    def patients_page(self, clinic_id: str, query: PatientQuery, limit: int,
                      after: str | None = None) -> tuple[list[Patient], str | None]:
        """A page by attention (clinic index Queries, no Scan) and where it ends (None); ValueError: bad `after`."""
    def apply_change(self, patient: Patient, change: ProfileChange, now: datetime, jobs: Sequence[Job] = ()) -> None:
        """Write the change (and `jobs`) under the profile's version; StatusMoved when it moved meanwhile."""
    def set_status(self, patient: Patient, new: PatientStatus, now: datetime) -> None: ...
    def flag_phone_problem(self, patient: Patient, code: str, now: datetime) -> None: ...
    def checkins_of(self, patient_id: str) -> list[CheckIn]: ...
    def audit_of(self, patient_id: str) -> list[dict[str, Any]]: ...
    def keep_data_until(self, patient: Patient, until: date) -> int:
        """Mark every item of a finished patient to go after `until` (and what is written later); how many."""
    def erase(self, patient: Patient, who: str, now: datetime) -> int:
        """Remove every item of the patient (mapping, dedupe too), leaving who, when, which id (no PHI); how many."""
    def erasures_of(self, clinic_id: str) -> list[dict[str, Any]]: ...  # oldest first: patient_id, by, at, items


class Outbox(Protocol):
    """Jobs waiting to be sent, claimed by one dispatch at a time, ending in a final state."""

    def put_job(self, job: Job) -> None: ...
    def put_jobs_once(self, jobs: list[Job]) -> None: ...
    def get_job(self, patient_id: str, job_id: str) -> Job | None: ...
    def jobs_of(self, patient_id: str) -> list[Job]: ...
    def due_jobs(self, now: datetime, shard: int | None = None, after: datetime | None = None) -> Iterator[DueJob]:
        """Jobs due by `now` (and strictly after `after`, if given) in one shard of the due index (0 up), or in all."""
    def due_shards(self, now: datetime) -> list[int]:
        """The shards of the due index holding a job due by `now`, in order (one small read a shard)."""
    def next_due_after(self, moment: datetime) -> datetime | None: ...
    def claim(self, due: DueJob, now: datetime, lease_until: datetime) -> Job | ClaimMiss: ...
    def finish(self, job: Job, status: JobStatus, now: datetime, *, sid: str = "", error_code: str = "",
               body: str = "") -> None: ...
    def retry_later(self, job: Job, due_at: datetime, error_code: str, count_attempt: bool = True,
                    body: str = "") -> None: ...
    def cancel_pending_jobs(self, patient_id: str, now: datetime, kinds: Collection[str] | None = None,
                            to: str | None = None) -> int:
        """Cancel the patient's side's waiting jobs (of `kinds`, addressed `to` a number, when given); how many."""


class Deliveries(Protocol):
    def record_delivery(self, patient_id: str, job_id: str, sid: str, status: str, now: datetime,
                        error: str = "") -> bool: ...


class InboundLog(Protocol):
    """Texts from phones, once per MessageSid, with the reply each got."""

    def save_inbound(self, sms: InboundSms, patient: Patient | None, reply: str, flags: list[str],
                     change: ProfileChange | None = None) -> bool: ...  # once per MessageSid; False: stored before
    def reply_for(self, message_sid: str) -> str | None: ...
    def messages_of_patient(self, patient_id: str) -> list[dict[str, Any]]: ...
    def replied_to_stranger_since(self, phone: str, since: datetime) -> bool:
        """Whether a text from `phone`, which belongs to no patient, was answered at or after `since`."""


class Escalations(Protocol):
    def escalations_of(self, patient_id: str) -> list[Escalation]: ...
    def escalations_of_clinic(self, clinic_id: str, status: str | None = None) -> list[tuple[str, Escalation]]: ...
    def save_escalations(self, patient: Patient, escalations: list[Escalation], jobs: Sequence[Job] = ()) -> None: ...


PLAN_CHANGE_ACTIONS = ("hold", "resume", "adjust", "end")  # the audit entries ClinicHistory lists as plan changes


class ClinicHistory(Protocol):
    """A clinic's finished check-ins (by start), escalations (by creation) and plan changes (by when made) over a
    span of time, each with its patient's id: oldest first, from `start` up to, not including, `end` (moments to
    the second, as stored), read from
    the clinic index page by page as the caller goes on (never a Scan, never the whole span in memory)."""

    def checkins_of_clinic(self, clinic_id: str, start: datetime, end: datetime) -> Iterator[tuple[str, CheckIn]]: ...
    def escalations_created_between(self, clinic_id: str, start: datetime,
                                    end: datetime) -> Iterator[tuple[str, Escalation]]: ...
    def plan_changes_of_clinic(self, clinic_id: str, start: datetime,
                               end: datetime) -> Iterator[tuple[str, dict[str, Any]]]:
        """Audit entries of hold, resume, adjust and end, as `audit_of` gives them (id, who, action, at, before,
        after)."""


class ClinicCounters(Protocol):
    """A clinic's running counts of what happened (tapers completed, check-ins finished...), each bumped once by the
    service that made it happen, right after its change was stored; names in shared/domain/clinic_numbers.py."""

    def count(self, clinic_id: str, name: str, by: int = 1) -> None:
        """Add `by` to the clinic's count `name` (atomically; a count not yet kept starts at 0)."""
    def counters_of(self, clinic_id: str) -> dict[str, int]:
        """Every count the clinic keeps, by name (one Query of its partition)."""


class Accounts(Protocol):
    """Clinics, staff and API keys."""

    def put_clinic(self, clinic: Clinic, now: datetime) -> None: ...
    def get_clinic(self, clinic_id: str) -> Clinic | None: ...
    def change_clinic(self, clinic: Clinic, changed: Clinic, entry: dict[str, Any], now: datetime) -> None:
        """`changed` and its audit entry, all or nothing; StatusMoved if another change landed since `clinic`."""
    def settings_changes_of(self, clinic_id: str) -> list[dict[str, Any]]:
        """The audit entries of the clinic's settings changes, newest first."""
    def put_user(self, user: User, now: datetime) -> None: ...
    def set_password_hash(self, email: str, password_hash: str) -> None: ...
    def get_user(self, email: str) -> User | None: ...
    def save_user(self, user: User) -> None:
        """Write an existing user's role, name, state and password (NotFound when there is none)."""
    def put_token(self, kind: str, token_hash: str, data: dict[str, Any], expires: datetime) -> None: ...
    def read_token(self, kind: str, token_hash: str, now: datetime) -> dict[str, Any] | None:
        """A live token's data, left in place (to check a form before spending the link)."""
    def take_token(self, kind: str, token_hash: str, now: datetime) -> dict[str, Any] | None:
        """A one-time token's data, gone once read; None when unknown, used or expired."""
    def users_of(self, clinic_id: str) -> list[User]: ...
    def put_api_key(self, key_hash: str, clinic_id: str, label: str, now: datetime) -> None: ...
    def clinic_for_api_key(self, key_hash: str) -> str | None: ...
    def api_keys_of(self, clinic_id: str) -> list[ApiKey]: ...
    def api_key(self, key_hash: str) -> ApiKey | None: ...
    def api_key_used(self, key_hash: str, clinic_id: str, now: datetime) -> None:
        """Note a key's use (at most once an hour)."""
    def revoke_api_key(self, key_hash: str, clinic_id: str, now: datetime) -> bool: ...
    def count_enrollment(self, clinic_id: str, now: datetime) -> tuple[int, int]:
        """Count one enrollment of the clinic, atomically: its count in `now`'s minute and UTC day, this one included."""


class Sessions(Protocol):
    """Staff sign-in sessions and the login failure counter."""

    def get_session(self, token_hash: str, now: datetime) -> dict[str, Any] | None: ...
    def put_session(self, token_hash: str, data: dict[str, Any], expires: datetime) -> None: ...
    def delete_session(self, token_hash: str) -> None: ...
    def login_failures(self, email: str, now: datetime) -> int: ...
    def record_login_failure(self, email: str, now: datetime, window: timedelta) -> int: ...
    def clear_login_failures(self, email: str) -> None: ...


class PatientsAndJobs(Patients, Outbox, Protocol):
    """Patients with their outbox: a change that cancels or queues jobs besides its own transaction."""


class PatientsAndCounts(Patients, ClinicCounters, Protocol):
    """Patients whose changes the clinic counts (a taper completed, a check-in finished)."""


class CareRecords(Patients, Outbox, InboundLog, Escalations, Protocol):
    """Everything a patient's record page reads."""


class EscalationStore(Patients, Escalations, Accounts, Protocol):
    """Escalations, the patient they belong to, and the clinic's staff to tell."""


class Inbox(Patients, Outbox, InboundLog, ClinicCounters, Protocol):
    """What answering a text reads and writes."""


class AccountsAndSignIns(Accounts, Sessions, Protocol):
    """Clinic accounts with their sign-in throttling."""


class Exports(Patients, Accounts, ClinicHistory, Protocol):
    """What a clinic's CSV exports read: the span's records, the patients' names and the clinic's zone."""


class ClinicFigures(Patients, Escalations, ClinicHistory, ClinicCounters, Protocol):
    """What the clinic's numbers read: its patients and escalations (clinic index), plan changes and counts."""


class Store(Patients, Outbox, Deliveries, InboundLog, Escalations, Accounts, Sessions, ClinicHistory, ClinicCounters,
            Protocol):
    """Every port of one backend together, as the wiring hands it to the services."""


PARTS: dict[str, type] = {"patients": Patients, "outbox": Outbox, "deliveries": Deliveries, "inbound": InboundLog,
                          "escalations": Escalations, "accounts": Accounts, "sessions": Sessions,
                          "history": ClinicHistory, "counters": ClinicCounters}


def port_methods(port: type) -> list[str]:
    """The methods a port declares (not those of Protocol itself)."""
    return [name for name, value in vars(port).items() if callable(value) and not name.startswith("_")]


class Aggregates:
    """One backend's aggregates; each port method is answered by the aggregate that owns it (see PARTS),
    unless a subclass (a test's broken store, say) defines it."""

    def __init__(self, **parts: Any):
        if set(parts) != set(PARTS):
            raise TypeError(f"a store needs exactly these parts: {sorted(PARTS)}")
        self.parts = parts
        for name, port in PARTS.items():
            for method in port_methods(port):
                if not hasattr(type(self), method):
                    setattr(self, method, getattr(parts[name], method))
