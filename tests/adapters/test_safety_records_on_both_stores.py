"""The safety net's profile fields and escalation writes, held to one contract on DynamoDB (moto) and the
in-memory store: the open question, the last NO, the open-escalation pointers, evidence, rewrites, and the
conditions that make a racing write fail whole."""
from datetime import datetime, timedelta, timezone

import pytest

from shared.domain.jobs import Channel, Job
from shared.domain.patients import REMOVE, Escalation, ProfileChange
from shared.domain.safety_question import SafetyQuestion
from shared.services.ports import StatusMoved
from tests.builders import a_patient

NOW = datetime(2027, 3, 10, 23, 0, tzinfo=timezone.utc)


def enrolled(store):
    store.enroll(a_patient("p1"), [])
    return store.get_patient("p1")


def message(escalation_id="e1", text="hello"):
    return Escalation(escalation_id, ("patient_message",), "routine", "open", NOW, ({"why": "message", "text": text},), NOW)


def test_the_open_question_and_the_last_no_round_trip_and_go(either):
    patient = enrolled(either)
    question = SafetyQuestion("q1", NOW, "warning", "es", ("burden",), ("todos estarían mejor sin mí",))
    either.apply_change(patient, ProfileChange(safety_question=question), NOW)
    assert either.get_patient("p1").safety_question == question
    either.apply_change(either.get_patient("p1"), ProfileChange(safety_question=REMOVE, safety_no_at=NOW), NOW)
    stored = either.get_patient("p1")
    assert stored.safety_question is None and stored.safety_no_at == NOW


def test_a_text_escalation_is_pointed_at_from_the_profile_until_it_is_acknowledged(either):
    patient = enrolled(either)
    either.apply_change(patient, ProfileChange(escalation=message()), NOW)
    assert either.get_patient("p1").open_escalations == {"patient_message": "e1"}
    either.apply_change(either.get_patient("p1"), ProfileChange(add_evidence=(("e1", {"why": "message", "text": "2"}),)), NOW)
    [stored] = either.escalations_of("p1")
    assert [e["text"] for e in stored.evidence] == ["hello", "2"]
    read = Escalation(**{**stored.__dict__, "status": "acknowledged", "acknowledged_by": "dr@example.org"})
    either.apply_change(either.get_patient("p1"), ProfileChange(escalation_update=read,
                                                                forget_escalation="patient_message"), NOW)
    assert either.get_patient("p1").open_escalations == {}
    assert [e.status for e in either.escalations_of("p1")] == ["acknowledged"]


def test_a_change_read_before_another_fails_whole(either):
    patient = enrolled(either)
    either.apply_change(patient, ProfileChange(escalation=message()), NOW)
    timer = Job.new(patient_id="p1", channel=Channel.TASK, kind="safety_check_timeout", to="",
                    send_at=NOW + timedelta(hours=1), unique="sfq-1")
    with pytest.raises(StatusMoved):  # `patient` is the version before the escalation was written
        either.apply_change(patient, ProfileChange(escalation=message("e2"), jobs=(timer,)), NOW)
    assert [e.escalation_id for e in either.escalations_of("p1")] == ["e1"]
    assert either.get_job("p1", timer.job_id) is None


def test_evidence_for_an_escalation_that_is_not_there_fails_whole(either):
    patient = enrolled(either)
    with pytest.raises(StatusMoved):
        either.apply_change(patient, ProfileChange(add_evidence=(("nope", {"why": "x"}),),
                                                   safety_no_at=NOW), NOW)
    assert either.get_patient("p1").safety_no_at is None


def test_a_job_id_written_twice_fails_whole(either):
    patient = enrolled(either)
    timer = Job.new(patient_id="p1", channel=Channel.TASK, kind="safety_check_timeout", to="", send_at=NOW,
                    unique="sfq-1")
    either.apply_change(patient, ProfileChange(jobs=(timer,)), NOW)
    with pytest.raises(StatusMoved):
        either.apply_change(either.get_patient("p1"), ProfileChange(jobs=(timer,), safety_no_at=NOW), NOW)
    assert either.get_patient("p1").safety_no_at is None


def test_stop_cancels_texts_but_never_the_care_teams_emails_and_timers(either):
    enrolled(either)
    jobs = [Job.new(patient_id="p1", channel=channel, kind=kind, to="x", send_at=NOW, unique=kind)
            for channel, kind in ((Channel.SMS, "dose_reminder"), (Channel.EMAIL, "escalation_email"),
                                  (Channel.TASK, "safety_check_timeout"))]
    for job in jobs:
        either.put_job(job)
    assert either.cancel_pending_jobs("p1", NOW) == 1
    assert [either.get_job("p1", j.job_id).status.value for j in jobs] == ["cancelled", "pending", "pending"]


def test_the_plan_completes_even_when_the_profile_changed_in_the_same_minute(either):
    from shared.services.consent import CompletionService

    stale = enrolled(either)
    either.apply_change(stale, ProfileChange(safety_no_at=NOW), NOW)   # a check-in closing, a message...
    CompletionService(either).complete(None, stale, NOW)
    assert either.get_patient("p1").status.value == "completed"
