"""The clinic's running counts are kept where things happen, once each: a first YES, a completed taper (with its
days), a check-in finished (answered, expired at day's end, interrupted by STOP); a repeated text, a retried task
or a second YES never counts again, and a count the store fails to take never fails the patient's change."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from shared.domain import checkins
from shared.domain.jobs import Channel, Job
from shared.domain.patients import PatientStatus, ProfileChange
from shared.errors import StoreUnavailable
from shared.services.checkins import CheckinService
from shared.services.consent import CompletionService
from shared.services.inbound import InboundService
from shared.services.ports import InboundSms
from tests.builders import a_patient
from tests.fakes import MemoryStore

NOW = datetime(2027, 1, 5, 18, 0, tzinfo=timezone.utc)   # 13:00 in New York
PHONE = "+12125550123"


def sms(body: str, sid: str, at: datetime = NOW) -> InboundSms:
    return InboundSms(sid, PHONE, "+15005550006", body, at)


def with_patient(status=PatientStatus.ACTIVE, **changes) -> MemoryStore:
    store = MemoryStore()
    store.add_patient(a_patient("p1", phone=PHONE, status=status, **changes))
    return store


def clinic_counts(store: MemoryStore) -> dict[str, int]:
    return store.counters_of(store.get_patient("p1").clinic_id)


def open_checkin(store: MemoryStore, checkin_id: str = "ci-1") -> checkins.CheckIn:
    checkin, _ = checkins.start(checkin_id, checkins.STEP, None, NOW)
    store.apply_change(store.get_patient("p1"), ProfileChange(checkin=checkin), NOW)
    return checkin


def test_a_first_yes_counts_a_started_taper_once_however_often_it_comes():
    store = with_patient(PatientStatus.AWAITING_CONSENT)
    service = InboundService(store)
    service.handle(sms("YES", "SM1"))
    service.handle(sms("YES", "SM1"))                       # Twilio's retry of the same text
    service.handle(sms("YES", "SM2", NOW + timedelta(minutes=1)))  # a second YES: already active
    assert clinic_counts(store) == {"started": 1}


def test_start_after_stop_is_not_a_new_start():
    store = with_patient(PatientStatus.OPTED_OUT, status_before_opt_out=PatientStatus.ACTIVE,
                         consented_at=NOW - timedelta(days=3))
    InboundService(store).handle(sms("START", "SM1"))
    assert store.get_patient("p1").status is PatientStatus.ACTIVE
    assert clinic_counts(store) == {}


def test_an_answered_checkin_counts_finished_and_answered_once():
    store = with_patient()
    open_checkin(store)
    service = InboundService(store)
    assert service.handle(sms("2 8 1", "SM1")).reply.startswith("Thank you")
    service.handle(sms("2 8 1", "SM1"))
    assert clinic_counts(store) == {"checkins_finished": 1, "checkins_answered": 1}


def test_stop_during_a_checkin_counts_it_finished_not_answered():
    store = with_patient()
    open_checkin(store)
    InboundService(store).handle(sms("STOP", "SM1"))
    assert clinic_counts(store) == {"checkins_finished": 1}


def close_job(checkin_id: str) -> Job:
    return Job.new(patient_id="p1", channel=Channel.TASK, kind="checkin_close", to="", send_at=NOW, unique="cls",
                   meta={"checkin_id": checkin_id})


def test_a_checkin_closed_at_days_end_counts_once_even_when_the_task_runs_again():
    store = with_patient()
    open_checkin(store)
    service = CheckinService(store=store)
    service.close(close_job("ci-1"), store.get_patient("p1"), NOW + timedelta(hours=10))
    service.close(close_job("ci-1"), store.get_patient("p1"), NOW + timedelta(hours=10))
    assert clinic_counts(store) == {"checkins_finished": 1}


def test_a_new_checkin_opening_over_an_unfinished_one_counts_the_old_one_finished():
    store = with_patient()
    open_checkin(store, "ci-old")
    job = Job.new(patient_id="p1", channel=Channel.SMS, kind="checkin", to=PHONE, send_at=NOW, unique="ci-new")
    CheckinService(store=store).open(job, store.get_patient("p1"), NOW + timedelta(days=1))
    assert clinic_counts(store) == {"checkins_finished": 1}


def complete_job() -> Job:
    return Job.new(patient_id="p1", channel=Channel.TASK, kind="plan_complete", to="", send_at=NOW, unique="done")


def test_a_completed_taper_counts_once_with_its_days_from_consent_in_the_patients_zone():
    consented = datetime(2027, 1, 1, 3, 0, tzinfo=timezone.utc)          # 31 December, 22:00 in New York
    store = with_patient(consented_at=consented)
    service = CompletionService(patients=store)
    service.complete(complete_job(), store.get_patient("p1"), NOW)    # 5 January in New York: 5 days on
    service.complete(complete_job(), store.get_patient("p1"), NOW + timedelta(minutes=1))  # a retried task
    assert store.get_patient("p1").status is PatientStatus.COMPLETED
    assert clinic_counts(store) == {"completed": 1, "days_to_complete#5": 1}


def test_a_patient_without_a_consent_moment_counts_from_enrollment():
    store = with_patient()
    patient = store.get_patient("p1")
    assert patient.consented_at is None
    CompletionService(patients=store).complete(complete_job(), patient, patient.created_at + timedelta(days=30))
    assert clinic_counts(store) == {"completed": 1, "days_to_complete#30": 1}


class CountsDown(MemoryStore):
    def count(self, clinic_id: str, name: str, by: int = 1) -> None:
        raise StoreUnavailable("DynamoDB update_item failed: ProvisionedThroughputExceededException")


def test_a_count_the_store_fails_to_take_is_lost_and_the_patients_change_stands():
    store = CountsDown()
    store.add_patient(a_patient("p1", phone=PHONE, status=PatientStatus.AWAITING_CONSENT))
    result = InboundService(store).handle(sms("YES", "SM1"))
    assert "Thanks" in result.reply and store.get_patient("p1").status is PatientStatus.ACTIVE
    assert store.counters_of(store.get_patient("p1").clinic_id) == {}
