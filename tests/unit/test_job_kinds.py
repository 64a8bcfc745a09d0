"""The job kind table: every kind has its rules, every task its handler, and the wiring binds them all."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from shared.config import Settings
from shared.domain.job_kinds import KINDS, Channel, JobKind, Side, rules_of
from shared.domain.jobs import Job
from shared.domain.patients import PatientStatus
from shared.domain.sending import care_team_side, may_send
from tests.fakes import FakeMail, FakeSms, FixedClock, MemoryStore

NOW = datetime(2027, 3, 1, 15, 0, tzinfo=timezone.utc)
S = PatientStatus


def test_every_kind_has_rules_and_every_task_a_handler():
    assert set(KINDS) == set(JobKind)
    assert all(rules.handler for rules in KINDS.values() if rules.channel is Channel.TASK)
    assert not any(rules.handler for rules in KINDS.values() if rules.channel is Channel.EMAIL)


def test_the_wiring_binds_every_handler_the_table_names():
    services = __import__("shared.wiring", fromlist=["build_services"]).build_services(
        Settings(mode="local"), store=MemoryStore(), sms=FakeSms(), mail=FakeMail(), clock=FixedClock(NOW),
        twilio_auth_token="", app_secret="x")
    tasks = {k for k, r in KINDS.items() if r.channel is Channel.TASK}
    before_send = {k for k, r in KINDS.items() if r.channel is Channel.SMS and r.handler}
    assert set(services.dispatcher.tasks) == tasks and set(services.dispatcher.before_send) == before_send
    assert before_send == {JobKind.CHECKIN, JobKind.CHECKIN_NUDGE}


@pytest.mark.parametrize("kind, reaches", [
    (JobKind.WELCOME, {S.AWAITING_CONSENT}), (JobKind.CONSENT_EXPIRY, {S.AWAITING_CONSENT}),
    (JobKind.DOSE_REMINDER, {S.ACTIVE}), (JobKind.PLAN_CHANGE, {S.ACTIVE}), (JobKind.CHECKIN_NUDGE, {S.ACTIVE}),
    (JobKind.PLAN_COMPLETE, {S.ACTIVE, S.OPTED_OUT}), (JobKind.SAFETY_CHECK_TIMEOUT, set(S)), (JobKind.CHECKIN_CLOSE, set(S)),
    ("a_kind_from_a_newer_version", {S.ACTIVE}),
])
def test_who_a_job_may_still_reach(kind, reaches):
    assert {status for status in S if may_send(status, kind)} == reaches
    assert not may_send(None, kind)


def test_the_care_team_side_is_never_cancelled_by_the_patient():
    def job(kind: str, channel: Channel) -> Job:
        return Job.new(patient_id="p1", channel=channel, kind=kind, to="", send_at=NOW, unique="x")

    assert care_team_side(job(JobKind.ESCALATION_EMAIL, Channel.EMAIL))
    assert care_team_side(job(JobKind.SAFETY_CHECK_TIMEOUT, Channel.TASK))
    assert care_team_side(job(JobKind.HOLD_EXTEND, Channel.TASK)) and not care_team_side(job(JobKind.PLAN_CHANGE, Channel.SMS))
    assert not care_team_side(job(JobKind.DOSE_REMINDER, Channel.SMS))
    assert {k for k, r in KINDS.items() if r.side is Side.CARE_TEAM} == {
        JobKind.CHECKIN_CLOSE, JobKind.EVALUATE_CHECKIN, JobKind.CONTACT_REQUEST, JobKind.ESCALATION_EMAIL,
        JobKind.ESCALATION_OVERDUE, JobKind.SAFETY_CHECK_TIMEOUT, JobKind.PLAN_COMPLETE, JobKind.HOLD_EXTEND,
        JobKind.SCHEDULED_CANCEL}  # a STOP is what asks for the cancel of texts handed to Twilio ahead


def test_expiry_windows_come_from_the_table():
    reminder = Job.new(patient_id="p1", channel=Channel.SMS, kind=JobKind.DOSE_REMINDER, to="", send_at=NOW, unique="x")
    assert reminder.expires_at - NOW == rules_of(JobKind.DOSE_REMINDER).expires_after
    assert rules_of(JobKind.CONSENT_EXPIRY).expires_after.days == 30 and rules_of("checkin").expires_after.seconds == 12 * 3600
