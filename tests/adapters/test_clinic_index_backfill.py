"""Check-ins and plan changes stored before they carried clinic index attributes are put into the index by
scripts.index_clinic_history (per patient of the clinic, no Scan), once: a second run adds nothing."""
from __future__ import annotations

from datetime import timedelta

from shared.adapters.dynamodb.codec import checkin_to_map
from shared.adapters.dynamodb.table import marshal
from tests.contract.records import NOW, a_checkin, enrolled, finished
from scripts.index_clinic_history import main
from shared.adapters.dynamodb.backfill import index_history


def put_as_before(store, item: dict) -> None:
    store.client.put_item(TableName=store.table.name, Item=marshal(item))


def test_older_checkins_and_plan_changes_join_the_clinic_index_once(store, local_settings, capsys):
    enrolled(store, "p1"), enrolled(store, "p2", phone="+12125550102", clinic_id="c2")
    old = finished(a_checkin("ci-old", started_at=NOW))
    started = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
    put_as_before(store, {"PK": "PATIENT#p1", "SK": f"CHECKIN#{started}#ci-old", "type": "checkin",
                          **checkin_to_map(old)})
    entry = {"id": "g-old", "who": "dr@example.org", "action": "hold", "at": started}
    put_as_before(store, {"PK": "PATIENT#p1", "SK": f"AUDIT#{started}#{'7' * 20}#g-old", "type": "audit", **entry})
    put_as_before(store, {"PK": "PATIENT#p1", "SK": f"AUDIT#{started}#{'8' * 20}#x", "type": "audit", "id": "x",
                          "action": "something else", "at": started})
    put_as_before(store, {"PK": "PATIENT#p2", "SK": f"CHECKIN#{started}#ci-c2", "type": "checkin",
                          **checkin_to_map(finished(a_checkin("ci-c2", started_at=NOW)))})
    span = (NOW - timedelta(hours=1), NOW + timedelta(hours=1))
    assert list(store.checkins_of_clinic("c1", *span)) == []

    assert index_history(store.table, "c1") == 2   # the check-in and the hold, not the other audit entry
    assert main(["c1"], local_settings) == 0
    assert "clinic c1: 0 items added" in capsys.readouterr().out

    assert list(store.checkins_of_clinic("c1", *span)) == [("p1", old)]
    assert list(store.plan_changes_of_clinic("c1", *span)) == [("p1", entry)]
    assert store.audit_of("p1")[0] == entry and store.checkins_of("p1") == [old]
    assert list(store.checkins_of_clinic("c2", *span)) == []   # another clinic's: its own run


def test_patients_stored_before_the_list_join_its_order_and_search_once(store, local_settings, capsys):
    from dataclasses import replace as replaced

    from shared.adapters.dynamodb.codec import escalation_to_item, patient_to_item
    from shared.domain.patients import PatientStatus
    from shared.services.ports import PatientQuery
    from tests.builders import a_patient
    from tests.contract.records import an_escalation

    # Given two profiles as they were written before: the old clinic index key, no search text, no open levels
    for patient_id, n in (("calm", 1), ("urgent", 2)):
        item = patient_to_item(a_patient(patient_id, phone=f"+121255501{n:02d}", created_at=NOW + timedelta(days=n),
                                         first_name="Zoë" if n == 2 else "Ana", status=PatientStatus.ACTIVE))
        item["clinic_sk"] = f"PATIENT#{item['created_at']}#{patient_id}"
        for name in ("search_text", "open_levels"):
            item.pop(name, None)
        put_as_before(store, item)
    put_as_before(store, escalation_to_item(a_patient("urgent"), replaced(an_escalation("e1", "crisis"),
                                                                         severity="urgent")))
    # (listed page by page all the same, as an unranked tier of their own, though search does not find them yet)
    first, position = store.patients_page("c1", PatientQuery(), 1)
    second, end = store.patients_page("c1", PatientQuery(), 1, position)
    assert [p.patient_id for p in first + second] == ["calm", "urgent"]
    assert store.patients_page("c1", PatientQuery(search="zoe"), 10) == ([], None)
    # When the script runs (twice)
    assert main(["c1"], local_settings) == 0
    assert "c1: 2 patients put in the list's order" in capsys.readouterr().out
    assert main(["c1"], local_settings) == 0
    assert "c1: 0 patients put" in capsys.readouterr().out
    # Then the open urgent escalation comes first and the accented name is found without its accent
    page, _ = store.patients_page("c1", PatientQuery(), 10)
    assert [p.patient_id for p in page] == ["urgent", "calm"]
    assert [p.patient_id for p in store.patients_page("c1", PatientQuery(search="zoe"), 10)[0]] == ["urgent"]
