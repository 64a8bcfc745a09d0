"""Escalations: per patient by id, per clinic oldest first (by status too), saved with their email jobs at once."""
from dataclasses import replace
from datetime import timedelta

import pytest

from shared.domain.jobs import Channel
from shared.domain.patients import ProfileChange
from shared.errors import JobExists
from tests.contract.records import LATER, NOW, a_job, an_escalation, enrolled

EMAIL = dict(channel=Channel.EMAIL, kind="escalation_email", to="dr@example.org")


def test_saved_escalations_read_back_whole_by_id_and_are_rewritten_in_place(either):
    patient = enrolled(either)
    first = an_escalation("e2", "crisis", last_emailed_at=NOW)
    either.save_escalations(patient, [first, an_escalation("e1")])
    assert either.escalations_of("p1") == [an_escalation("e1"), first]
    acknowledged = replace(first, status="acknowledged", acknowledged_by="dr@example.org", acknowledged_at=LATER)
    either.save_escalations(patient, [acknowledged])
    assert either.escalations_of("p1") == [an_escalation("e1"), acknowledged]
    assert either.escalations_of("p2") == []


def test_escalations_are_saved_with_their_email_jobs(either):
    patient = enrolled(either)
    email = a_job("mail", **EMAIL)
    either.save_escalations(patient, [an_escalation("e1")], [email])
    assert either.escalations_of("p1") == [an_escalation("e1")] and either.jobs_of("p1") == [email]


def test_an_email_job_already_there_fails_the_whole_save(either):
    patient = enrolled(either)
    either.save_escalations(patient, [an_escalation("e1")], [a_job("mail", **EMAIL)])
    with pytest.raises(JobExists):
        either.save_escalations(patient, [an_escalation("e2"), replace(an_escalation("e1"), status="resolved")],
                                [a_job("mail2", **EMAIL), replace(a_job("mail", **EMAIL), body="again")])
    assert either.escalations_of("p1") == [an_escalation("e1")]
    assert either.jobs_of("p1") == [a_job("mail", **EMAIL)]


def test_a_clinics_escalations_are_listed_oldest_first_with_their_patient_and_by_status(either):
    ana, ben = enrolled(either, "p1"), enrolled(either, "p2", phone="+12125550102")
    enrolled(either, "p3", phone="+12125550103", clinic_id="c2")
    either.save_escalations(ana, [an_escalation("e9", created_at=NOW + timedelta(hours=2)),
                                  an_escalation("e5", status="resolved", created_at=NOW)])
    either.apply_change(ben, ProfileChange(escalation=an_escalation("e1", created_at=NOW + timedelta(hours=1)),
                                           escalations=(an_escalation("e0", created_at=NOW),)), NOW)
    either.save_escalations(either.get_patient("p3"), [an_escalation("e7")])
    assert [(pid, e.escalation_id) for pid, e in either.escalations_of_clinic("c1")] == [
        ("p2", "e0"), ("p1", "e5"), ("p2", "e1"), ("p1", "e9")]
    assert [(pid, e.escalation_id) for pid, e in either.escalations_of_clinic("c1", "open")] == [
        ("p2", "e0"), ("p2", "e1"), ("p1", "e9")]
    assert either.escalations_of_clinic("c1", "resolved") == [("p1", an_escalation("e5", status="resolved"))]
    assert either.escalations_of_clinic("c2") == [("p3", an_escalation("e7"))]
    assert either.escalations_of_clinic("c3") == [] and either.escalations_of_clinic("c2", "acknowledged") == []


def test_a_rewritten_escalation_changes_status_in_the_clinics_list(either):
    patient = enrolled(either)
    either.save_escalations(patient, [an_escalation("e1")])
    either.save_escalations(patient, [an_escalation("e1", status="acknowledged", acknowledged_by="dr@example.org")])
    assert either.escalations_of_clinic("c1", "open") == []
    assert [e.acknowledged_by for _, e in either.escalations_of_clinic("c1", "acknowledged")] == ["dr@example.org"]
