"""Every kind of outbox job, and what each one is: its channel, how long it stays worth sending, whether it
keeps the patient's own dose time through quiet hours, whose side it is on, who it may still reach, and the
name of the handler dispatch runs for it. `may_send`, expiry, cancellation and the wiring read this table."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum, StrEnum

from shared.domain.status import PatientStatus


class Channel(str, Enum):
    SMS = "sms"
    EMAIL = "email"
    TASK = "task"              # a timed change of state, nothing sent


class JobKind(StrEnum):
    """The stored names of job kinds (never rename a value: jobs in the table carry it)."""

    WELCOME = "welcome"
    CONSENT_REMINDER = "consent_reminder"
    CONSENT_EXPIRY = "consent_expiry"
    DOSE_REMINDER = "dose_reminder"
    TAPER_DONE = "taper_done"
    PLAN_CHANGE = "plan_change"
    PLAN_COMPLETE = "plan_complete"
    HOLD_EXTEND = "hold_extend"
    CHECKIN = "checkin"
    CHECKIN_NUDGE = "checkin_nudge"
    CHECKIN_CLOSE = "checkin_close"
    EVALUATE_CHECKIN = "evaluate_checkin"
    CONTACT_REQUEST = "contact_request"      # the task that turns a patient's CALL into an escalation
    ESCALATION_EMAIL = "escalation_email"
    ESCALATION_OVERDUE = "escalation_overdue"
    SAFETY_CHECK_TIMEOUT = "safety_check_timeout"
    PROVIDER_MESSAGE = "provider_message"    # a text a provider wrote to the patient
    SCHEDULED_CANCEL = "scheduled_cancel"    # take back at Twilio the reminders handed over ahead, no longer wanted
    SETTINGS_REPLAN = "settings_replan"      # the clinic's settings changed: texts planned ahead are written again


class Side(str, Enum):
    PATIENT = "patient"        # a STOP, a refused number or a plan change cancels it
    CARE_TEAM = "care_team"    # always runs: emails to staff, the care team's tasks, the plan's end and horizon


# Who a job may still reach, by the patient's state when it falls due. A completed patient gets no more
# texts from the plan (only replies to their own texts), as an opted-out one gets none.
CONSENTING = frozenset({PatientStatus.AWAITING_CONSENT})
CONSENTED = frozenset({PatientStatus.ACTIVE, PatientStatus.COMPLETED})   # said YES and never STOP since
ACTIVE_ONLY = frozenset({PatientStatus.ACTIVE})
ACTIVE_OR_OPTED_OUT = frozenset({PatientStatus.ACTIVE, PatientStatus.OPTED_OUT})   # the plan's end, either way
ANYONE = frozenset(PatientStatus)

DEFAULT_EXPIRY = timedelta(hours=12)


@dataclass(frozen=True)
class KindRules:
    channel: Channel
    reaches: frozenset[PatientStatus] = ACTIVE_ONLY
    side: Side = Side.PATIENT
    expires_after: timedelta = DEFAULT_EXPIRY
    at_dose_time: bool = False    # sent at the patient's own chosen time, quiet hours or not
    handler: str = ""             # a task's work, or what runs just before a text is sent ("" = send as written)


KINDS: dict[JobKind, KindRules] = {
    JobKind.WELCOME: KindRules(Channel.SMS, CONSENTING),
    JobKind.CONSENT_REMINDER: KindRules(Channel.SMS, CONSENTING),
    JobKind.CONSENT_EXPIRY: KindRules(Channel.TASK, CONSENTING, expires_after=timedelta(days=30),
                                      handler="consent.expire"),
    JobKind.DOSE_REMINDER: KindRules(Channel.SMS, expires_after=timedelta(hours=3), at_dose_time=True),
    JobKind.TAPER_DONE: KindRules(Channel.SMS, expires_after=timedelta(hours=3), at_dose_time=True),
    JobKind.PLAN_CHANGE: KindRules(Channel.SMS),
    # The plan's end frees the number: no STOP or refused number cancels it, and it waits out an outage.
    JobKind.PLAN_COMPLETE: KindRules(Channel.TASK, ACTIVE_OR_OPTED_OUT, Side.CARE_TEAM, timedelta(days=30),
                                     handler="completion.complete"),
    JobKind.HOLD_EXTEND: KindRules(Channel.TASK, ACTIVE_ONLY, Side.CARE_TEAM, timedelta(days=30),
                                   handler="plans.extend_hold"),  # a held plan's horizon, kept like its end
    JobKind.CHECKIN: KindRules(Channel.SMS, handler="checkins.open"),
    JobKind.CHECKIN_NUDGE: KindRules(Channel.SMS, handler="checkins.nudge"),
    JobKind.CHECKIN_CLOSE: KindRules(Channel.TASK, ANYONE, Side.CARE_TEAM, handler="checkins.close"),
    JobKind.EVALUATE_CHECKIN: KindRules(Channel.TASK, ANYONE, Side.CARE_TEAM, handler="escalations.evaluate"),
    JobKind.CONTACT_REQUEST: KindRules(Channel.TASK, ANYONE, Side.CARE_TEAM, handler="escalations.contact_request"),
    JobKind.ESCALATION_EMAIL: KindRules(Channel.EMAIL, ANYONE, Side.CARE_TEAM),
    JobKind.ESCALATION_OVERDUE: KindRules(Channel.TASK, ANYONE, Side.CARE_TEAM, handler="escalations.overdue"),
    JobKind.SAFETY_CHECK_TIMEOUT: KindRules(Channel.TASK, ANYONE, Side.CARE_TEAM, handler="safety.unanswered"),
    JobKind.PROVIDER_MESSAGE: KindRules(Channel.SMS, CONSENTED),
    # Runs whatever the patient's state (a STOP is what asks for it) and waits out an outage as long as Twilio holds
    # a scheduled text (35 days).
    JobKind.SCHEDULED_CANCEL: KindRules(Channel.TASK, ANYONE, Side.CARE_TEAM, timedelta(days=35),
                                        handler="scheduled.cancel"),
    # A STOP cancels it (START plans the texts again anyway, with the settings as they are then).
    JobKind.SETTINGS_REPLAN: KindRules(Channel.TASK, frozenset({PatientStatus.ACTIVE, PatientStatus.AWAITING_CONSENT}),
                                       expires_after=timedelta(days=2), handler="settings.plan_again"),
}

CONSENT_KINDS = frozenset(kind for kind, rules in KINDS.items() if rules.reaches == CONSENTING)
DOSE_TIME_KINDS = frozenset(kind for kind, rules in KINDS.items() if rules.at_dose_time)


def rules_of(kind: str) -> KindRules:
    """The rules of a stored kind; an unknown one (written by a newer version) is a patient's text."""
    try:
        return KINDS[JobKind(kind)]
    except ValueError:
        return KindRules(Channel.SMS)


def handlers_of(channel: Channel) -> dict[JobKind, str]:
    """Kind -> handler name, for the kinds of one channel that have a handler."""
    return {kind: rules.handler for kind, rules in KINDS.items() if rules.channel is channel and rules.handler}
