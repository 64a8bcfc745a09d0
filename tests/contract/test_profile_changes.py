"""Patients.apply_change: the version and status guards, every field of a ProfileChange as read back, and the items
written with it, all or nothing."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from shared.domain.checkins import INTERRUPTED
from shared.domain.enrollment import Enrollment, Pace
from shared.domain.escalation_rules import PATIENT_MESSAGE, WARNING_SIGNS
from shared.domain.jobs import Channel
from shared.domain.patients import REMOVE, PatientStatus, ProfileChange
from shared.domain.plan import build_plan
from shared.domain.safety_question import SafetyQuestion
from shared.errors import StatusMoved
from tests.builders import a_patient
from tests.contract.records import LATER, NOW, a_checkin, a_job, an_escalation, enrolled, everything_of, finished

NEW_PLAN = build_plan(Decimal("3"), Decimal("0.5"), 7, date(2027, 3, 12))
QUESTION = SafetyQuestion("q1", NOW, "warning", "es", ("burden",), ("todos estarían mejor sin mí",), "e9")


def everything_at_once(**fields) -> ProfileChange:
    """A change touching every part of the profile and every item written with it."""
    return ProfileChange(
        new_status=PatientStatus.OPTED_OUT, checkin=a_checkin("ci2", LATER), finished=finished(a_checkin()),
        escalation=an_escalation("e2", WARNING_SIGNS), escalations=(an_escalation("e3"),),
        pause_checkins_for="e2", plan_generation="g9", plan=NEW_PLAN, held_since="2027-03-10",
        audit={"id": "a9", "who": "dr@example.org", "action": "hold"}, safety_question=QUESTION, safety_no_at=NOW,
        pace=Pace(Decimal("0.5"), 7), jobs=(a_job("with-change", kind="plan_change"),), **fields)


def test_a_change_read_before_another_fails_whole(either):
    patient = enrolled(either)
    either.apply_change(patient, ProfileChange(escalation=an_escalation("e1")), NOW)
    before = everything_of(either)
    with pytest.raises(StatusMoved):  # `patient` is the version before e1 was written
        either.apply_change(patient, everything_at_once(add_evidence=(("e1", {"why": "more"}),)), LATER,
                            [a_job("with-argument")])
    assert everything_of(either) == before


def test_the_same_change_on_a_fresh_read_writes_everything(either):
    patient = enrolled(either)
    either.apply_change(patient, everything_at_once(), LATER, [a_job("with-argument")])
    stored = either.get_patient("p1")
    assert (stored.status, stored.status_before_opt_out, stored.version) == (PatientStatus.OPTED_OUT,
                                                                              PatientStatus.ACTIVE, patient.version + 1)
    assert (stored.open_checkin, stored.last_checkin_at, stored.checkins_paused_by) == (
        a_checkin("ci2", LATER), NOW, "e2")
    assert (stored.plan, stored.plan_generation, stored.held_since) == (NEW_PLAN, "g9", "2027-03-10")
    assert (stored.safety_question, stored.safety_no_at, stored.open_escalations) == (
        QUESTION, NOW, {WARNING_SIGNS: "e2"})
    assert (stored.enrollment.step_mg, stored.enrollment.step_days) == (Decimal("0.5"), 7)
    assert either.checkins_of("p1") == [finished(a_checkin())]
    assert [e.escalation_id for e in either.escalations_of("p1")] == ["e2", "e3"]
    assert either.audit_of("p1") == [{"id": "a9", "who": "dr@example.org", "action": "hold"}]
    assert {job.kind for job in either.jobs_of("p1")} == {"plan_change", "dose_reminder"}


def test_the_version_moves_with_every_change_so_each_read_is_good_once(either):
    patient = enrolled(either)
    either.apply_change(patient, ProfileChange(), NOW)  # even a change of nothing
    with pytest.raises(StatusMoved):
        either.apply_change(patient, ProfileChange(plan_generation="g2"), NOW)
    assert either.get_patient("p1").plan_generation == ""


def test_the_open_checkin_is_kept_then_removed(either):
    checkin = a_checkin(nudged=True, misses=1)
    either.apply_change(enrolled(either), ProfileChange(checkin=checkin), NOW)
    assert either.get_patient("p1").open_checkin == checkin
    either.apply_change(either.get_patient("p1"), ProfileChange(checkin=REMOVE), NOW)
    assert either.get_patient("p1").open_checkin is None


def test_finished_checkins_are_history_oldest_first_and_stamp_the_last_checkin(either):
    late, early = finished(a_checkin("ci2", LATER)), replace(a_checkin("ci1", NOW), status=INTERRUPTED, dose_mg=None)
    either.apply_change(enrolled(either), ProfileChange(finished=late), LATER)
    either.apply_change(either.get_patient("p1"), ProfileChange(finished=early, checkin=REMOVE), LATER)
    assert either.checkins_of("p1") == [early, late]
    assert either.get_patient("p1").last_checkin_at == NOW  # the last one finished, by its start
    again = replace(late, misses=1)
    either.apply_change(either.get_patient("p1"), ProfileChange(finished=again), LATER)
    assert either.checkins_of("p1") == [early, again]  # written again: kept once
    assert either.checkins_of("p2") == []


def test_plan_generation_and_pace_are_rewritten_and_the_hold_is_set_then_cleared(either):
    patient = enrolled(either)
    either.apply_change(patient, ProfileChange(plan=NEW_PLAN, plan_generation="g2", held_since="2027-03-10",
                                               pace=Pace(Decimal("0.5"), 7)), NOW)
    held = either.get_patient("p1")
    assert (held.plan, held.plan_generation, held.held_since) == (NEW_PLAN, "g2", "2027-03-10")
    assert held.enrollment == patient.enrollment.with_pace(Decimal("0.5"), 7)
    either.apply_change(held, ProfileChange(plan_generation="g3"), NOW)  # no hold given: the hold stays
    assert either.get_patient("p1").held_since == "2027-03-10"
    either.apply_change(either.get_patient("p1"), ProfileChange(held_since=""), NOW)
    cleared = either.get_patient("p1")
    assert (cleared.held_since, cleared.plan, cleared.plan_generation) == ("", NEW_PLAN, "g3")


def test_a_new_pace_is_kept_for_a_patient_enrolled_without_enrollment_details(either):
    either.enroll(a_patient("p1", enrollment={}), [])
    either.apply_change(either.get_patient("p1"), ProfileChange(pace=Pace(Decimal("0.5"), 7)), NOW)
    assert either.get_patient("p1").enrollment == Enrollment().with_pace(Decimal("0.5"), 7)


def test_audit_entries_are_listed_by_when_they_were_written(either):
    either.apply_change(enrolled(either), ProfileChange(audit={"id": "a2", "action": "adjust", "n": 2}), LATER)
    either.apply_change(either.get_patient("p1"), ProfileChange(audit={"id": "a1", "action": "hold",
                                                                        "before": {"steps": ["3.5"]}}), NOW)
    either.apply_change(either.get_patient("p1"), ProfileChange(audit={"id": "a3", "action": "end"}), LATER)
    assert either.audit_of("p1") == [{"id": "a1", "action": "hold", "before": {"steps": ["3.5"]}},
                                     {"id": "a2", "action": "adjust", "n": 2}, {"id": "a3", "action": "end"}]
    assert either.audit_of("p2") == []


def test_opened_escalations_are_written_and_must_be_new(either):
    either.apply_change(enrolled(either), ProfileChange(escalation=an_escalation("e2"),
                                                        escalations=(an_escalation("e1", "withdrawal"),)), NOW)
    assert either.escalations_of("p1") == [an_escalation("e1", "withdrawal"), an_escalation("e2")]
    before = everything_of(either)
    with pytest.raises(StatusMoved):  # e1 is there: opening it again fails the whole change
        either.apply_change(either.get_patient("p1"), ProfileChange(
            escalations=(an_escalation("e3"), an_escalation("e1", status="resolved")), plan_generation="g2",
            jobs=(a_job("email", channel=Channel.EMAIL, kind="escalation_email"),)), NOW)
    assert everything_of(either) == before


def test_escalation_updates_rewrite_existing_escalations(either):
    either.apply_change(enrolled(either), ProfileChange(escalations=(an_escalation("e1"), an_escalation("e2"))), NOW)
    acknowledged = an_escalation("e1", status="acknowledged", acknowledged_by="dr@example.org", acknowledged_at=LATER,
                                 last_emailed_at=NOW, note="called her")
    resolved = an_escalation("e2", status="resolved", resolved_by="dr@example.org", resolved_at=LATER,
                             overdue_notified_at=NOW)
    either.apply_change(either.get_patient("p1"), ProfileChange(escalation_update=acknowledged,
                                                                escalation_updates=(resolved,)), LATER)
    assert either.escalations_of("p1") == [acknowledged, resolved]


def test_evidence_is_added_to_an_escalation_in_order(either):
    either.apply_change(enrolled(either), ProfileChange(escalation=an_escalation("e1")), NOW)
    either.apply_change(either.get_patient("p1"), ProfileChange(add_evidence=(("e1", {"why": "a", "values": [1]}),)),
                        NOW)
    either.apply_change(either.get_patient("p1"), ProfileChange(add_evidence=(("e1", {"why": "b"}),)), NOW)
    [stored] = either.escalations_of("p1")
    assert stored.evidence == (*an_escalation("e1").evidence, {"why": "a", "values": [1]}, {"why": "b"})


def test_evidence_for_an_escalation_that_is_not_there_fails_whole(either):
    either.apply_change(enrolled(either), ProfileChange(escalation=an_escalation("e1")), NOW)
    before = everything_of(either)
    with pytest.raises(StatusMoved):
        either.apply_change(either.get_patient("p1"), ProfileChange(
            add_evidence=(("e1", {"why": "fine"}), ("gone", {"why": "lost"})), safety_no_at=NOW,
            audit={"id": "a1"}, jobs=(a_job("timer", channel=Channel.TASK, kind="safety_check_timeout"),)), NOW)
    assert everything_of(either) == before


def test_the_safety_question_and_the_last_no_round_trip_and_the_question_goes(either):
    either.apply_change(enrolled(either), ProfileChange(safety_question=QUESTION), NOW)
    assert either.get_patient("p1").safety_question == QUESTION
    plain = SafetyQuestion("q2", LATER, "low_mood")
    either.apply_change(either.get_patient("p1"), ProfileChange(safety_question=plain), LATER)
    assert either.get_patient("p1").safety_question == plain
    either.apply_change(either.get_patient("p1"), ProfileChange(safety_question=REMOVE, safety_no_at=LATER), LATER)
    stored = either.get_patient("p1")
    assert (stored.safety_question, stored.safety_no_at) == (None, LATER)


def test_text_escalations_are_pointed_at_from_the_profile_until_forgotten(either):
    either.apply_change(enrolled(either), ProfileChange(
        escalation=an_escalation("e1", PATIENT_MESSAGE),
        escalations=(an_escalation("e2", WARNING_SIGNS), an_escalation("e3", "mood_change"))), NOW)
    assert either.get_patient("p1").open_escalations == {PATIENT_MESSAGE: "e1", WARNING_SIGNS: "e2"}
    either.apply_change(either.get_patient("p1"), ProfileChange(forget_escalation="mood_change"), NOW)
    assert either.get_patient("p1").open_escalations == {PATIENT_MESSAGE: "e1", WARNING_SIGNS: "e2"}
    either.apply_change(either.get_patient("p1"), ProfileChange(forget_escalation=PATIENT_MESSAGE), NOW)
    assert either.get_patient("p1").open_escalations == {WARNING_SIGNS: "e2"}
    either.apply_change(either.get_patient("p1"), ProfileChange(escalation=an_escalation("e4", WARNING_SIGNS)), NOW)
    assert either.get_patient("p1").open_escalations == {WARNING_SIGNS: "e4"}


def test_checkins_are_paused_for_an_escalation_and_resumed(either):
    either.apply_change(enrolled(either), ProfileChange(pause_checkins_for="e1"), NOW)
    assert either.get_patient("p1").checkins_paused_by == "e1"
    either.apply_change(either.get_patient("p1"), ProfileChange(plan_generation="g2"), NOW)
    assert either.get_patient("p1").checkins_paused_by == "e1"
    either.apply_change(either.get_patient("p1"), ProfileChange(resume_checkins=True), NOW)
    assert either.get_patient("p1").checkins_paused_by == ""


def test_jobs_are_written_with_the_change_and_from_the_argument(either):
    in_change, in_argument = a_job("c", kind="plan_change"), a_job("a", send_at=LATER, meta={"generation": "g2"})
    either.apply_change(enrolled(either), ProfileChange(jobs=(in_change,)), NOW, [in_argument])
    assert either.jobs_of("p1") == sorted([in_change, in_argument], key=lambda job: job.job_id)


@pytest.mark.parametrize("where", ["change", "argument"])
def test_a_job_id_already_there_fails_the_whole_change(either, where):
    either.apply_change(enrolled(either), ProfileChange(jobs=(a_job("j1"),)), NOW)
    before = everything_of(either)
    again = [a_job("j2"), replace(a_job("j1"), body="again")]
    with pytest.raises(StatusMoved):
        either.apply_change(either.get_patient("p1"), ProfileChange(
            plan_generation="g2", audit={"id": "a1"}, escalation=an_escalation("e1"),
            jobs=tuple(again) if where == "change" else ()), NOW, again if where == "argument" else [])
    assert everything_of(either) == before
