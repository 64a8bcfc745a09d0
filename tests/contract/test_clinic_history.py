"""A clinic's history over a span: finished check-ins by start, escalations by creation and plan changes by when
made, oldest first, `start` <= moment < `end`, another clinic's never, read page by page (DynamoDB: one Query of the
clinic index per kind, more than one page when the span holds more than a page)."""
from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta

from shared.domain.checkins import EXPIRED
from shared.domain.patients import ProfileChange
from tests.contract.records import NOW, a_checkin, an_escalation, enrolled, finished

START, END = NOW, NOW + timedelta(days=1)


def finish(store, patient_id: str, checkin, at=NOW) -> None:
    store.apply_change(store.get_patient(patient_id), ProfileChange(finished=checkin), at)


def plan_change(store, patient_id: str, entry_id: str, at, action: str = "hold") -> dict:
    entry = {"id": entry_id, "who": "dr@example.org", "action": action, "at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
             "before": {"steps": [{"start_date": "2027-03-01", "dose_mg": "4.5"}]},
             "after": {"steps": [{"start_date": "2027-03-01", "dose_mg": "3.5"}]}}
    store.apply_change(store.get_patient(patient_id), ProfileChange(audit=entry), at)
    return entry


@contextmanager
def small_pages(store, per_page: int = 2):
    """DynamoDB answers `per_page` items a Query page; yields the count of Query calls made (none in memory)."""
    calls: Counter = Counter()
    client = getattr(store, "client", None)
    store.table.page_limit = per_page
    if client is None:
        yield calls
        return

    def count(model, **_):
        calls[model.name] += 1

    client.meta.events.register("before-call.dynamodb.Query", count)
    try:
        yield calls
    finally:
        client.meta.events.unregister("before-call.dynamodb.Query", count)


def test_checkins_of_a_clinic_are_those_started_in_the_span_oldest_first_with_their_patient(either):
    enrolled(either, "p1"), enrolled(either, "p2", phone="+12125550102")
    enrolled(either, "p3", phone="+12125550103", clinic_id="c2")
    at_start = finished(a_checkin("ci-start", started_at=START))
    last_second = replace(finished(a_checkin("ci-last", started_at=END - timedelta(seconds=1))), status=EXPIRED)
    finish(either, "p2", last_second)
    finish(either, "p1", at_start)
    finish(either, "p1", finished(a_checkin("ci-before", started_at=START - timedelta(seconds=1))))
    finish(either, "p1", finished(a_checkin("ci-at-end", started_at=END)))
    finish(either, "p2", finished(a_checkin("ci-mid", started_at=START + timedelta(hours=5))))
    finish(either, "p3", finished(a_checkin("ci-other", started_at=START + timedelta(hours=5))))

    found = list(either.checkins_of_clinic("c1", START, END))

    assert [(pid, c.checkin_id) for pid, c in found] == [("p1", "ci-start"), ("p2", "ci-mid"), ("p2", "ci-last")]
    assert found[0][1] == at_start and found[2][1] == last_second  # whole: kind, dose, answers, status
    assert found[0][1].answers["mood"].value == 6 and found[0][1].answers["mood"].raw == "6"
    assert [c.checkin_id for _, c in either.checkins_of_clinic("c2", START, END)] == ["ci-other"]
    assert list(either.checkins_of_clinic("c3", START, END)) == []
    assert list(either.checkins_of_clinic("c1", END, END)) == []


def test_an_open_checkin_is_not_history_until_it_finishes(either):
    patient = enrolled(either)
    either.apply_change(patient, ProfileChange(checkin=a_checkin("ci-open")), NOW)
    assert list(either.checkins_of_clinic("c1", START, END)) == []


def test_escalations_of_a_clinic_are_those_created_in_the_span(either):
    ana, ben = enrolled(either, "p1"), enrolled(either, "p2", phone="+12125550102")
    other = enrolled(either, "p3", phone="+12125550103", clinic_id="c2")
    either.save_escalations(ana, [an_escalation("e-start", created_at=START),
                                  an_escalation("e-end", created_at=END),
                                  an_escalation("e-before", created_at=START - timedelta(seconds=1))])
    resolved = an_escalation("e-last", status="resolved", created_at=END - timedelta(seconds=1),
                             acknowledged_by="dr@example.org", acknowledged_at=END, resolved_by="dr@example.org",
                             resolved_at=END + timedelta(hours=1), note="@called back")
    either.save_escalations(ben, [resolved])
    either.save_escalations(other, [an_escalation("e-other", created_at=START)])

    found = list(either.escalations_created_between("c1", START, END))

    assert [(pid, e.escalation_id) for pid, e in found] == [("p1", "e-start"), ("p2", "e-last")]
    assert found[1][1] == resolved
    assert [pid for pid, _ in either.escalations_created_between("c2", START, END)] == ["p3"]


def test_plan_changes_of_a_clinic_are_its_audit_entries_in_the_span_in_the_order_made(either):
    enrolled(either, "p1"), enrolled(either, "p2", phone="+12125550102")
    enrolled(either, "p3", phone="+12125550103", clinic_id="c2")
    hold = plan_change(either, "p2", "g-hold", START)
    plan_change(either, "p1", "g-before", START - timedelta(seconds=1))
    resume = plan_change(either, "p1", "g-resume", START, action="resume")
    end = plan_change(either, "p1", "g-end", END - timedelta(seconds=1), action="end")
    plan_change(either, "p1", "g-at-end", END, action="adjust")
    plan_change(either, "p3", "g-other", START + timedelta(hours=1))

    found = list(either.plan_changes_of_clinic("c1", START, END))

    assert [(pid, entry["id"]) for pid, entry in found] == [("p2", "g-hold"), ("p1", "g-resume"), ("p1", "g-end")]
    assert [entry for _, entry in found] == [hold, resume, end]  # as written: no keys or index attributes
    assert either.audit_of("p1")[1] == resume
    assert [entry["id"] for _, entry in either.plan_changes_of_clinic("c2", START, END)] == ["g-other"]


def test_a_span_longer_than_a_page_is_read_page_by_page_in_order(either):
    enrolled(either, "p1"), enrolled(either, "p2", phone="+12125550102")
    enrolled(either, "p3", phone="+12125550103", clinic_id="c2")
    for n in range(7):
        finish(either, ("p1", "p2")[n % 2], finished(a_checkin(f"ci{n}", started_at=START + timedelta(hours=n))))
        finish(either, "p3", finished(a_checkin(f"other{n}", started_at=START + timedelta(hours=n))))
    for n in range(5):
        plan_change(either, "p1", f"g{n}", START + timedelta(minutes=n))

    with small_pages(either) as calls:
        checkins = [c.checkin_id for _, c in either.checkins_of_clinic("c1", START, END)]
        changes = [entry["id"] for _, entry in either.plan_changes_of_clinic("c1", START, END)]

    assert checkins == [f"ci{n}" for n in range(7)]
    assert changes == [f"g{n}" for n in range(5)]
    if hasattr(either, "client"):  # 7 check-ins at 2 a page: 4 pages; 5 changes: 3
        assert calls["Query"] >= 7, calls


def test_pages_are_fetched_only_as_the_reader_goes_on(either):
    enrolled(either)
    for n in range(6):
        finish(either, "p1", finished(a_checkin(f"ci{n}", started_at=START + timedelta(hours=n))))
    with small_pages(either) as calls:
        rows = either.checkins_of_clinic("c1", START, END)
        first = next(rows)
        assert first[1].checkin_id == "ci0"
        if hasattr(either, "client"):
            assert calls["Query"] == 1, calls
        assert [c.checkin_id for _, c in rows] == [f"ci{n}" for n in range(1, 6)]
