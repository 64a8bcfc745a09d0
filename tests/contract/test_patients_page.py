"""The clinic's patients a page at a time, by what needs attention (shared/domain/attention.py), with filters and
positions to go on from (issue 15's patients list): the same answers from both stores."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from shared.domain.patients import PatientStatus, ProfileChange
from shared.services.ports import PatientQuery
from tests.builders import a_patient
from tests.contract.records import NOW, an_escalation

EVERYONE = PatientQuery()


def a_clinic(store) -> None:
    """One patient per tier, each enrolled a day after the last (so enrollment order is not attention order)."""
    def enroll(patient_id: str, n: int, **fields):
        store.enroll(a_patient(patient_id, phone=f"+121255501{n:02d}", created_at=NOW - timedelta(days=20 - n),
                               **fields), [])
        return store.get_patient(patient_id)

    store.set_status(enroll("done", 1), PatientStatus.COMPLETED, NOW)
    enroll("active", 2)
    store.set_status(enroll("out", 3), PatientStatus.OPTED_OUT, NOW)
    store.apply_change(enroll("held", 4), ProfileChange(held_since="2027-03-10"), NOW)
    store.flag_phone_problem(enroll("phone", 5), "21614", NOW)
    store.apply_change(enroll("routine", 6), ProfileChange(escalation=an_escalation("e-r")), NOW)
    overdue = enroll("overdue", 7)
    store.apply_change(overdue, ProfileChange(escalation=an_escalation("e-o")), NOW)
    store.apply_change(store.get_patient("overdue"), ProfileChange(
        escalation_update=an_escalation("e-o", overdue_notified_at=NOW)), NOW)
    store.apply_change(enroll("urgent", 8, first_name="Zoë"), ProfileChange(
        escalation=replace(an_escalation("e-u", "crisis"), severity="urgent")), NOW)
    enroll("waiting", 9, status=PatientStatus.AWAITING_CONSENT)
    enroll("elsewhere", 10, clinic_id="c2")


ORDER = ["urgent", "overdue", "routine", "phone", "held", "active", "waiting", "out", "done"]


def everything(store, query: PatientQuery = EVERYONE, limit: int = 100) -> list[str]:
    """Every page of a query, followed to its end."""
    found, position = [], None
    for _ in range(50):
        page, position = store.patients_page("c1", query, limit, position)
        assert len(page) <= limit
        found += [p.patient_id for p in page]
        if position is None:
            return found
    raise AssertionError("the pages never ended")


def test_patients_come_by_what_needs_attention_then_by_enrollment(either):
    a_clinic(either)
    assert everything(either) == ORDER


def test_pages_of_any_size_follow_on_to_the_same_list(either):
    a_clinic(either)
    for limit in (1, 2, 4):
        assert everything(either, limit=limit) == ORDER
    first, position = either.patients_page("c1", EVERYONE, 3)
    assert [p.patient_id for p in first] == ORDER[:3] and position is not None
    assert first[0] == either.get_patient("urgent")


def test_open_escalations_status_and_search_filter_the_list(either):
    a_clinic(either)
    assert everything(either, PatientQuery(0, 2)) == ["urgent", "overdue", "routine"]
    assert everything(either, PatientQuery(3, 7)) == ORDER[3:]
    assert everything(either, PatientQuery(status="active"), limit=2) == [
        "urgent", "overdue", "routine", "phone", "held", "active"]
    assert everything(either, PatientQuery(search="zoe")) == ["urgent"]  # accents folded
    assert everything(either, PatientQuery(search="12125550104")) == ["held"]
    assert everything(either, PatientQuery(search="5550105")) == ["phone"]
    assert everything(either, PatientQuery(search="nobody")) == []


def test_an_acknowledged_escalation_and_a_new_number_move_the_patient_down(either):
    a_clinic(either)
    urgent = either.get_patient("urgent")
    either.apply_change(urgent, ProfileChange(escalation_update=replace(
        an_escalation("e-u", "crisis", status="acknowledged"), severity="urgent")), NOW)
    either.apply_change(either.get_patient("phone"), ProfileChange(phone="+13125550177"), NOW)
    assert everything(either) == ["overdue", "routine", "held", "active", "phone", "urgent", "waiting", "out",
                                  "done"]
    assert everything(either, PatientQuery(search="3125550177")) == ["phone"]


def test_a_position_that_is_not_one_is_refused(either):
    a_clinic(either)
    for position in ("nonsense", "ESC#2027", "PATIENT#9#x#y"):
        with pytest.raises(ValueError):
            either.patients_page("c1", EVERYONE, 5, position)
