"""The phone change service on the in-memory store: consent starts again on the new number, and a job made for the
old number goes to nobody, even one left waiting by a crash between the move and its cancellation."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from shared.domain.checkins import INTERRUPTED, CheckIn
from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import PatientStatus, ProfileChange
from shared.domain.sending import addressed_elsewhere
from shared.services.dispatch import Dispatcher
from shared.services.phone_changes import PhoneChangeRefused, move_phone
from tests.builders import a_patient
from tests.fakes import FakeMail, FakeSms, MemoryStore

NOW = datetime(2027, 1, 5, 17, 0, tzinfo=timezone.utc)  # noon in New York
OLD, NEW = "+12125550123", "+13125550177"


def job(kind: str, to: str = OLD, channel: Channel = Channel.SMS, at: datetime = NOW) -> Job:
    return Job.new(patient_id="p1", channel=channel, kind=kind, to=to, send_at=at, unique=kind, body=f"{kind} text")


def test_a_job_of_the_patients_side_for_another_number_is_addressed_elsewhere_and_the_care_teams_never():
    assert addressed_elsewhere(job("dose_reminder"), NEW)
    assert addressed_elsewhere(job("consent_expiry", channel=Channel.TASK), NEW)
    assert not addressed_elsewhere(job("dose_reminder"), OLD)
    assert not addressed_elsewhere(job("plan_complete", channel=Channel.TASK), NEW)
    assert not addressed_elsewhere(job("escalation_email", to="dr@example.org", channel=Channel.EMAIL), NEW)


def test_a_text_for_the_old_number_left_waiting_by_a_crash_is_never_sent():
    store, sms = MemoryStore(), FakeSms()
    patient = store.add_patient(a_patient("p1", OLD, status=PatientStatus.AWAITING_CONSENT))
    store.put_job(job("consent_reminder"))
    # Given the number moved but the old number's jobs were not cancelled yet (the function stopped in between)
    store.apply_change(patient, ProfileChange(phone=NEW), NOW)
    # When dispatch finds the consent reminder for the old number due
    report = Dispatcher(outbox=store, sms=sms, mail=FakeMail(), public_base_url="https://t.example",
                        patients=store).run(NOW)
    # Then nobody gets it
    assert sms.sent == [] and report["cancelled"] == 1


def test_a_patient_awaiting_consent_starts_consent_again_on_the_new_number():
    store = MemoryStore()
    patient = store.add_patient(a_patient("p1", OLD, status=PatientStatus.AWAITING_CONSENT))
    store.put_jobs_once([job("welcome"), job("consent_reminder", at=NOW + timedelta(hours=48)),
                         job("consent_expiry", channel=Channel.TASK, at=NOW + timedelta(hours=96))])
    move_phone(store, patient, NEW, "admin@example.org", NOW + timedelta(hours=1))
    waiting = sorted((j.kind, j.to, j.send_at) for j in store.jobs_of("p1") if j.status is JobStatus.PENDING)
    later = NOW + timedelta(hours=1)
    assert waiting == [("consent_expiry", NEW, later + timedelta(hours=96)),
                       ("consent_reminder", NEW, later + timedelta(hours=48)), ("welcome", NEW, later)]


def test_an_open_check_in_ends_as_interrupted_and_is_kept():
    store = MemoryStore()
    open_checkin = CheckIn("ci1", "step", NOW - timedelta(minutes=5), Decimal("3.5"), last_activity=NOW)
    patient = store.add_patient(a_patient("p1", OLD, open_checkin=open_checkin, consented_at=NOW - timedelta(days=2)))
    after = move_phone(store, patient, NEW, "admin@example.org", NOW)
    assert after.open_checkin is None and after.status is PatientStatus.AWAITING_CONSENT
    assert after.consented_at == NOW - timedelta(days=2)  # when the taper began is kept
    assert [(c.checkin_id, c.status) for c in store.checkins_of("p1")] == [("ci1", INTERRUPTED)]


@pytest.mark.parametrize("status", [PatientStatus.OPTED_OUT, PatientStatus.COMPLETED, PatientStatus.CONSENT_EXPIRED])
def test_no_new_number_for_a_patient_who_opted_out_or_whose_plan_is_over(status):
    store = MemoryStore()
    patient = store.add_patient(a_patient("p1", OLD, status=status))
    with pytest.raises(PhoneChangeRefused):
        move_phone(store, patient, NEW, "admin@example.org", NOW)
    assert store.get_patient("p1").phone == OLD and store.patient_for_phone(NEW) is None
