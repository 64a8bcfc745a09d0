"""Escalations recorded from a task are written under the patient profile's version: a second evaluation, or a
provider's acknowledgement, landing between the read and the write makes the task read again. Never two open
escalations for one reason, never an acknowledgement written over. On DynamoDB (moto) and the in-memory store."""
from datetime import datetime, timedelta, timezone

from shared.domain.accounts import Caller, Role
from shared.domain.job_kinds import JobKind
from shared.services.escalations import EscalationService

ESCALATION_EMAIL = JobKind.ESCALATION_EMAIL
from tests.builders import a_patient

NOW = datetime(2027, 1, 6, 17, 0, tzinfo=timezone.utc)
LATER = NOW + timedelta(minutes=5)


class SecondWriterAfterRead:
    """The store, with another writer's whole action run just after the first read of the escalations."""

    def __init__(self, store, between):
        self._store, self._between = store, between

    def __getattr__(self, name):
        return getattr(self._store, name)

    def escalations_of(self, patient_id):
        found = self._store.escalations_of(patient_id)
        between, self._between = self._between, None
        if between:
            between()
        return found


def test_two_call_requests_evaluated_at_once_open_one_escalation_with_both_findings(either):
    either.enroll(a_patient("p1"), [])
    other = EscalationService(either, "https://taper.example")
    # Given two CALL tasks running at once, the second writing between the first's read and write
    first = EscalationService(SecondWriterAfterRead(
        either, lambda: other.contact_request(None, either.get_patient("p1"), NOW)), "https://taper.example")
    first.contact_request(None, either.get_patient("p1"), NOW)
    # Then one escalation for the reason holds both findings, and the provider was emailed once
    [escalation] = either.escalations_of("p1")
    assert escalation.status == "open" and len(escalation.evidence) == 2
    assert [j.kind for j in either.jobs_of("p1")].count(ESCALATION_EMAIL) == 1


def test_an_acknowledgement_landing_between_the_read_and_the_write_is_never_written_over(either):
    either.enroll(a_patient("p1"), [])
    service = EscalationService(either, "https://taper.example")
    service.contact_request(None, either.get_patient("p1"), NOW)
    [opened] = either.escalations_of("p1")
    provider = Caller("c1", Role.PROVIDER, "dr@example.org")
    # Given a second CALL being recorded while the provider acknowledges the first
    racing = EscalationService(SecondWriterAfterRead(
        either, lambda: service.acknowledge(provider, opened.escalation_id, LATER)), "https://taper.example")
    racing.contact_request(None, either.get_patient("p1"), LATER)
    # Then the acknowledgement stands, and the new request opened an escalation of its own
    by_id = {e.escalation_id: e for e in either.escalations_of("p1")}
    assert by_id[opened.escalation_id].status == "acknowledged"
    assert by_id[opened.escalation_id].acknowledged_by == "dr@example.org"
    assert sorted(e.status for e in by_id.values()) == ["acknowledged", "open"]
