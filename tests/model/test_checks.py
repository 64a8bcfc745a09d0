"""The lifecycle's invariant checks can fail: each is shown one record that breaks its promise (and one that
keeps it), so a check that silently passes everything cannot hide in the model-based test."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta, timezone

from shared.domain.jobs import Channel, Job, JobStatus
from shared.domain.patients import Escalation, PatientStatus
from tests.builders import a_patient
from tests.model.checks import Facts, crisis_violations, job_violations, plan_end_violations, send_violations
from tests.model.lifecycle import TextSeen
from tests.model.world import SendSeen

NOON = datetime(2027, 6, 8, 16, 0, tzinfo=timezone.utc)        # 12:00 in New York
NIGHT = datetime(2027, 6, 9, 3, 0, tzinfo=timezone.utc)        # 23:00 in New York
QUIET = (time(21, 0), time(8, 0))
PHONE = "+12125550101"


def a_job(kind="checkin", at=NOON, generation="g1", channel=Channel.SMS, unique="1") -> Job:
    return Job.new(patient_id="p1", channel=channel, kind=kind, to=PHONE, send_at=at, unique=unique,
                   meta={"generation": generation} if generation else None)


def a_send(job: Job, at=None, status=PatientStatus.ACTIVE, live="g1", sid="SM1") -> SendSeen:
    return SendSeen(at or job.send_at, PHONE, "text", sid, "p1", job, status, live)


def facts(**known) -> Facts:
    return Facts(**{"patient_id": "p1", "phone": PHONE, "zone": "America/New_York", "said_yes": True, **known})


def test_a_text_the_patient_may_have_passes_every_check():
    assert send_violations(a_send(a_job()), facts(), QUIET) == []


def test_a_text_after_stop_or_after_the_plan_is_over_is_caught():
    assert "after the patient's STOP" in send_violations(a_send(a_job()), facts(opted_out=True), QUIET)[0]
    assert "after the plan was completed" in send_violations(a_send(a_job()), facts(completed=True), QUIET)[0]
    stored = send_violations(a_send(a_job(), status=PatientStatus.OPTED_OUT), facts(), QUIET)
    assert "stored status was opted_out" in stored[0]


def test_a_text_to_a_refused_number_or_before_yes_is_caught():
    assert "cannot take texts" in send_violations(a_send(a_job()), facts(bad_number=True), QUIET)[0]
    assert "before the patient ever said YES" in send_violations(a_send(a_job()), facts(said_yes=False), QUIET)[0]
    assert send_violations(a_send(a_job("welcome", generation="")), facts(said_yes=False), QUIET) == []


def test_only_dose_time_texts_go_out_in_quiet_hours():
    assert "inside quiet hours (23:00 local" in send_violations(a_send(a_job(at=NIGHT)), facts(), QUIET)[0]
    assert send_violations(a_send(a_job("dose_reminder", at=NIGHT)), facts(), QUIET) == []
    assert send_violations(a_send(a_job("taper_done", at=NIGHT)), facts(), QUIET) == []


def test_a_job_of_an_old_plan_is_caught_by_the_live_generation_and_by_the_rewrites_seen():
    assert "while g2 was live" in send_violations(a_send(a_job(), live="g2"), facts(), QUIET)[0]
    assert "replaced by a plan rewrite" in send_violations(a_send(a_job()), facts(retired={"g1"}), QUIET)[0]


def test_a_second_dose_reminder_for_one_plan_day_is_caught_even_when_sent_late():
    known = facts()
    tonight = a_job("dose_reminder", at=NIGHT - timedelta(hours=1))
    assert send_violations(a_send(tonight), known, QUIET) == []
    again = a_job("dose_reminder", at=NIGHT - timedelta(hours=1), generation="g2", unique="2")
    found = send_violations(a_send(again, at=NIGHT + timedelta(hours=2), live="g2"), known, QUIET)
    assert found and "2 dose-time texts for plan day 2027-06-08" in found[0]


def crisis_text(reply="Call or text 988 now.", sid="SM9") -> TextSeen:
    return TextSeen(NOON, PHONE, "p1", sid, "I want to kill myself", reply, crisis=True)


def test_a_crisis_text_needs_988_and_an_urgent_crisis_escalation_holding_it():
    holding = Escalation("e1", ("crisis",), "urgent", "open", NOON, ({"message_sid": "SM9"},))
    assert crisis_violations(crisis_text(), [holding]) == []
    assert "without 988" in crisis_violations(crisis_text(reply="Your care team will call."), [holding])[0]
    assert "in no urgent crisis escalation" in crisis_violations(crisis_text(sid="SM10"), [holding])[0]
    routine = replace(holding, reasons=("patient_message",), severity="routine")
    assert "in no urgent crisis escalation" in crisis_violations(crisis_text(), [routine])[0]


def test_jobs_must_end_or_wait_in_the_due_index_for_a_moment_not_yet_run():
    sent = replace(a_job(), status=JobStatus.SENT, sid="SM1")
    waiting = a_job(at=NOON + timedelta(hours=1), unique="2")
    due = {waiting.job_id: "2027-06-08T17:00:00Z"}
    ran = "2027-06-08T16:00:00Z"
    assert job_violations([sent, waiting], due, ran, [a_send(sent)]) == []
    assert "still sending" in job_violations([replace(sent, status=JobStatus.SENDING)], {}, ran, [])[0]
    assert "not in the due index" in job_violations([waiting], {}, ran, [])[0]
    assert "but the last dispatch ran" in job_violations([waiting], due, "2027-06-08T18:00:00Z", [])[0]


def test_a_text_twilio_got_must_be_its_jobs_one_send_recorded_with_its_sid():
    sent = replace(a_job(), status=JobStatus.SENT, sid="SM1")
    assert "reached Twilio 2 times" in job_violations([sent], {}, "", [a_send(sent), a_send(sent, sid="SM2")])[0]
    assert "reached Twilio as SM7" in job_violations([sent], {}, "", [a_send(sent, sid="SM7")])[0]


def test_an_active_patient_needs_the_end_of_the_live_plan_ahead():
    patient = a_patient(plan_generation="g1")
    end = a_job("plan_complete", channel=Channel.TASK)
    assert plan_end_violations(patient, [end]) == []
    assert "has no end ahead" in plan_end_violations(patient, [replace(end, status=JobStatus.EXPIRED)])[0]
    assert "has no end ahead" in plan_end_violations(patient, [a_job("plan_complete", channel=Channel.TASK,
                                                                      generation="g0")])[0]
    assert plan_end_violations(replace(patient, status=PatientStatus.COMPLETED), []) == []
