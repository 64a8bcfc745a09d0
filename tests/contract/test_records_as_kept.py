"""What a store gives back is its own copy of what it kept: moments to the second in UTC, sequences inside maps as
lists, and nothing a caller changes in place after a write or a read."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from shared.domain.clinic_settings import ClinicSettings
from shared.domain.jobs import JobStatus, utc_iso
from shared.domain.patients import Clinic, PatientStatus, ProfileChange
from shared.services.ports import DueJob
from tests.builders import a_patient
from tests.contract.records import NOW, a_checkin, a_job, an_escalation, enrolled

# 10:00:00.654321 in New York is 14:00:00 UTC
ODD = datetime(2027, 3, 10, 10, 0, 0, 654321, tzinfo=ZoneInfo("America/New_York"))


def to_the_second_in_utc(moment: datetime) -> bool:
    return moment == ODD.replace(microsecond=0) and moment.tzinfo == timezone.utc and moment.microsecond == 0


def test_a_patients_moments_are_kept_to_the_second_in_utc(either):
    patient = enrolled(either, status=PatientStatus.AWAITING_CONSENT)
    either.apply_change(patient, ProfileChange(new_status=PatientStatus.ACTIVE, safety_no_at=ODD,
                                               finished=a_checkin("ci1", ODD), checkin=a_checkin("ci2", ODD)), ODD)
    stored = either.get_patient("p1")
    assert all(map(to_the_second_in_utc, (stored.consented_at, stored.safety_no_at, stored.last_checkin_at,
                                          stored.open_checkin.started_at, stored.open_checkin.answers["mood"].at)))
    [history] = either.checkins_of("p1")
    assert to_the_second_in_utc(history.started_at) and to_the_second_in_utc(history.last_activity)


def test_job_and_escalation_moments_are_kept_to_the_second_in_utc(either):
    job = a_job(send_at=ODD)
    either.put_job(job)
    held = either.claim(DueJob("p1", job.job_id, utc_iso(ODD)), NOW, NOW + timedelta(minutes=10))
    either.finish(held, JobStatus.SENT, ODD, sid="SM1")
    stored = either.get_job("p1", job.job_id)
    assert all(map(to_the_second_in_utc, (stored.send_at, stored.finished_at)))
    either.save_escalations(enrolled(either), [an_escalation(created_at=ODD, last_emailed_at=ODD)])
    [escalation] = either.escalations_of("p1")
    assert to_the_second_in_utc(escalation.created_at) and to_the_second_in_utc(escalation.last_emailed_at)


def test_sequences_inside_maps_come_back_as_lists(either):
    either.enroll(a_patient("p1", enrollment={"clinic_name": "Demo", "follow_up_days": (7, 30), "asked": (1, 2)}), [])
    either.save_escalations(either.get_patient("p1"), [replace(an_escalation(), evidence=({"values": (3, 7)},))])
    enrollment = either.get_patient("p1").enrollment
    assert (enrollment.follow_up_days, enrollment.asked["asked"]) == ((7, 30), [1, 2])  # typed fields stay typed
    assert either.escalations_of("p1")[0].evidence == ({"values": [3, 7]},)


def test_records_changed_in_place_after_a_write_or_a_read_change_nothing_stored(either):
    written = a_patient("p1")
    either.enroll(written, [])
    written.enrollment.asked["written"] = "after"
    either.get_patient("p1").enrollment.asked["read"] = "after"
    assert either.get_patient("p1").enrollment == a_patient("p1").enrollment
    job = a_job(meta={"generation": "g1"})
    either.put_job(job)
    job.meta["generation"] = "changed"
    either.get_job("p1", job.job_id).meta["generation"] = "changed"
    either.jobs_of("p1")[0].meta["generation"] = "changed"
    assert either.get_job("p1", job.job_id).meta == {"generation": "g1"}
    either.save_escalations(either.get_patient("p1"), [an_escalation()])
    either.escalations_of("p1")[0].evidence[0]["values"].append(99)
    assert either.escalations_of("p1") == [an_escalation()]
    either.put_clinic(Clinic("c1", "Demo", settings=ClinicSettings(escalation_email="a@b.org")), NOW)
    assert either.get_clinic("c1").settings == ClinicSettings(escalation_email="a@b.org")  # frozen: no change in place
