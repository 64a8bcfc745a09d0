"""CSV exports through the API and the admin pages: real rows read back with the csv module, the clinic's days as
the range (both ends included), the formula-injection guard, the 400s, admins only, and never another clinic's rows.

The Demo Clinic's zone is America/New_York, so the days 2027-01-02..2027-01-03 run from 2027-01-02T05:00:00Z up to,
not including, 2027-01-04T05:00:00Z."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from functions.web.exports import cell_text
from shared.services.accounts import api_key_hash
from shared.domain.checkins import COMPLETED, EXPIRED, Answer, CheckIn
from shared.domain.patients import Escalation, ProfileChange
from shared.services.ports import InboundSms
from tests.app.conftest import NOW, enrollment

RANGE = "from=2027-01-02&to=2027-01-03"
FIRST_MOMENT = datetime(2027, 1, 2, 5, 0, tzinfo=timezone.utc)    # midnight starting Jan 2 in New York
END = datetime(2027, 1, 4, 5, 0, tzinfo=timezone.utc)             # midnight ending Jan 3 in New York
BOM = b"\xef\xbb\xbf"
HYPERLINK = '=HYPERLINK("x","y")'


def rows_of(response) -> list[dict[str, str]]:
    data = response.get_data()
    assert data.startswith(BOM), data[:10]
    return list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


def a_checkin(checkin_id: str, started_at: datetime, status: str = COMPLETED, **raws: str) -> CheckIn:
    answers = {qid: Answer(int("".join(c for c in raw if c.isdigit()) or 0) if raw else None, raw, f"SM{checkin_id}{qid}",
                           started_at) for qid, raw in raws.items()}
    return CheckIn(checkin_id, "step", started_at, Decimal("3.5"), status=status, position=3, answers=answers)


def finish(world, patient_id: str, checkin: CheckIn) -> None:
    store = world.services.store
    store.apply_change(store.get_patient(patient_id), ProfileChange(finished=checkin), checkin.started_at)


@pytest.fixture
def clinic(world):
    """Two Demo Clinic patients (one named like a formula, one in Los Angeles with accents) and one of the Other
    Clinic, with check-ins on both sides of each edge of the range, escalations and two plan changes."""
    def enroll(key=None, **fields) -> str:
        created = world.api("POST", "/api/patients", key=key, json=enrollment(start_date="2027-01-03", **fields))
        assert created.status_code == 201, created.get_json()
        return created.get_json()["id"]

    formula = enroll(first_name=HYPERLINK, last_name="-Smith", phone="(212) 555-0170")
    jose = enroll(first_name="José", last_name="Müller-Ñúñez", phone="(212) 555-0171", timezone="America/Los_Angeles")
    other = enroll(key=world.other_key, first_name="Olga", last_name="Otherclinic", phone="(212) 555-0172",
                   provider_email="dr@other.example")
    finish(world, formula, a_checkin("ci-before", FIRST_MOMENT - timedelta(seconds=1), symptoms="1"))
    finish(world, formula, a_checkin("ci-first", FIRST_MOMENT, symptoms="+7 worse", mood="@home 5", withdrawal="1"))
    finish(world, jose, a_checkin("ci-la", FIRST_MOMENT + timedelta(hours=1), symptoms="seven 7", mood="6"))
    finish(world, formula, a_checkin("ci-last", END - timedelta(seconds=1), status=EXPIRED, symptoms="2"))
    finish(world, formula, a_checkin("ci-after", END, symptoms="3"))
    finish(world, other, a_checkin("ci-other", FIRST_MOMENT + timedelta(hours=2), symptoms="4"))

    store = world.services.store
    created = datetime(2027, 1, 3, 15, 0, tzinfo=timezone.utc)
    store.save_escalations(store.get_patient(formula), [
        Escalation("esc-done", ("mood_change", "symptom_return"), "routine", "resolved", created, (),
                   acknowledged_by="provider@example.org", acknowledged_at=created + timedelta(minutes=90, seconds=59),
                   resolved_by="admin@example.org", resolved_at=created + timedelta(hours=5), note="@dr called: ok"),
        Escalation("esc-old", ("withdrawal",), "routine", "open", FIRST_MOMENT - timedelta(seconds=1), ())])
    store.save_escalations(store.get_patient(jose), [
        Escalation("esc-open", ("crisis",), "urgent", "open", END - timedelta(seconds=1), ())])
    store.save_escalations(store.get_patient(other), [Escalation("esc-other", ("crisis",), "urgent", "open", created, ())])

    world.services.inbound.handle(InboundSms("SMyes70", "+12125550170", "+15005550006", "YES", NOW))
    assert world.api("POST", f"/api/patients/{formula}/hold").status_code == 200
    assert world.api("POST", f"/api/patients/{formula}/adjust", json={"dose_mg": 3.5}).status_code == 200
    return {"formula": formula, "jose": jose, "other": other}


def test_checkins_export_lists_each_checkin_started_in_the_clinics_days_with_name_answers_and_status(world, clinic):
    response = world.api("GET", f"/api/exports/checkins.csv?{RANGE}")

    assert response.status_code == 200
    assert response.mimetype == "text/csv" and response.mimetype_params.get("charset") == "utf-8"
    assert response.headers["Content-Disposition"] == "attachment; filename=checkins-2027-01-02-2027-01-03.csv"
    rows = rows_of(response)
    assert [r["checkin_id"] for r in rows] == ["ci-first", "ci-la", "ci-last"]
    first, la, last = rows
    assert first == {
        "patient_id": clinic["formula"], "first_name": "'" + HYPERLINK, "last_name": "'-Smith", "checkin_id": "ci-first",
        "kind": "step", "started_at_utc": "2027-01-02T05:00:00Z", "local_date": "2027-01-02", "dose_mg": "3.50",
        "symptoms_value": "7", "symptoms_raw": "'+7 worse", "mood_value": "5", "mood_raw": "'@home 5",
        "withdrawal_value": "1", "withdrawal_raw": "1", "status": "completed"}
    # the patient's own day: 06:00 UTC on Jan 2 is still Jan 1 in Los Angeles
    assert (la["first_name"], la["last_name"], la["local_date"]) == ("José", "Müller-Ñúñez", "2027-01-01")
    assert (la["mood_value"], la["mood_raw"], la["withdrawal_value"], la["withdrawal_raw"]) == ("6", "6", "", "")
    assert (last["started_at_utc"], last["local_date"], last["status"]) == ("2027-01-04T04:59:59Z", "2027-01-03", "expired")
    assert "Otherclinic" not in response.get_data(as_text=True)


def test_a_one_day_range_is_that_day_alone(world, clinic):
    rows = rows_of(world.api("GET", "/api/exports/checkins.csv?from=2027-01-03&to=2027-01-03"))
    assert [r["checkin_id"] for r in rows] == ["ci-last"]
    rows = rows_of(world.api("GET", "/api/exports/checkins.csv?from=2027-01-01&to=2027-01-01"))
    assert [r["checkin_id"] for r in rows] == ["ci-before"]


def test_escalations_export_has_reasons_times_minutes_to_each_step_and_the_guarded_note(world, clinic):
    response = world.api("GET", f"/api/exports/escalations.csv?{RANGE}")
    assert response.headers["Content-Disposition"] == "attachment; filename=escalations-2027-01-02-2027-01-03.csv"
    rows = rows_of(response)
    assert [r["escalation_id"] for r in rows] == ["esc-done", "esc-open"]
    assert rows[0] == {
        "escalation_id": "esc-done", "patient_id": clinic["formula"], "first_name": "'" + HYPERLINK,
        "last_name": "'-Smith", "reasons": "mood_change;symptom_return", "severity": "routine", "status": "resolved",
        "created_at_utc": "2027-01-03T15:00:00Z", "acknowledged_by": "provider@example.org",
        "acknowledged_at_utc": "2027-01-03T16:30:59Z", "minutes_to_acknowledge": "90",
        "resolved_by": "admin@example.org", "resolved_at_utc": "2027-01-03T20:00:00Z", "minutes_to_resolve": "300",
        "note": "'@dr called: ok"}
    assert (rows[1]["first_name"], rows[1]["severity"], rows[1]["acknowledged_at_utc"], rows[1]["minutes_to_acknowledge"],
            rows[1]["note"]) == ("José", "urgent", "", "", "")


def test_plan_changes_export_has_who_when_and_tonights_dose_before_and_after(world, clinic):
    rows = rows_of(world.api("GET", f"/api/exports/plan_changes.csv?{RANGE}"))
    key = f"api key {api_key_hash(world.demo.api_key)[:12]}"  # the key that made the change, by its public id
    assert [(r["action"], r["who"], r["at_utc"], r["local_date"], r["dose_before_mg"], r["dose_after_mg"])
            for r in rows] == [("hold", key, "2027-01-03T17:00:00Z", "2027-01-03", "4.50", "4.50"),
                               ("adjust", key, "2027-01-03T17:00:00Z", "2027-01-03", "4.50", "3.50")]
    assert {r["patient_id"] for r in rows} == {clinic["formula"]} and rows[0]["first_name"] == "'" + HYPERLINK
    assert rows[0]["change_id"].startswith("hol-") and rows[1]["change_id"].startswith("adj-")
    assert rows_of(world.api("GET", "/api/exports/plan_changes.csv?from=2027-01-04&to=2027-01-05")) == []


def test_another_clinics_key_gets_only_its_own_rows(world, clinic):
    for kind in ("checkins", "escalations", "plan_changes"):
        response = world.api("GET", f"/api/exports/{kind}.csv?{RANGE}", key=world.other_key)
        assert response.status_code == 200
        rows = rows_of(response)
        assert {r["patient_id"] for r in rows} <= {clinic["other"]}, kind
        assert clinic["formula"] not in response.get_data(as_text=True) and "José" not in response.get_data(as_text=True)
    assert [r["checkin_id"] for r in rows_of(world.api("GET", f"/api/exports/checkins.csv?{RANGE}",
                                                       key=world.other_key))] == ["ci-other"]


def test_an_empty_range_is_the_header_alone(world):
    response = world.api("GET", "/api/exports/escalations.csv?from=2027-01-02&to=2027-01-03")
    assert response.get_data() == BOM + (
        b"escalation_id,patient_id,first_name,last_name,reasons,severity,status,created_at_utc,acknowledged_by,"
        b"acknowledged_at_utc,minutes_to_acknowledge,resolved_by,resolved_at_utc,minutes_to_resolve,note\r\n")


@pytest.mark.parametrize("query,field,says", [
    ("", "from", "required"), ("from=2027-01-02", "to", "required"),
    ("from=2027-1-2&to=2027-01-03", "from", "valid date"), ("from=2027-01-02&to=tomorrow", "to", "valid date"),
    ("from=2027-02-30&to=2027-03-01", "from", "valid date"),
    ("from=2027-01-04&to=2027-01-03", "to", "must not end before it starts"),
    ("from=2027-01-01&to=2028-01-02", "to", "at most 366 days"),
    ("from=1999-12-31&to=2000-01-01", "from", "greater than or equal to 2000-01-01"),
    ("from=2027-01-02&to=2027-01-03&status=open", "status", "Unknown field"),
])
def test_a_missing_or_bad_range_is_a_400_naming_the_field(world, query, field, says):
    for kind in ("checkins", "escalations", "plan_changes"):
        response = world.api("GET", f"/api/exports/{kind}.csv?{query}")
        assert response.status_code == 400
        errors = response.get_json()["errors"]
        assert field in errors and says in " ".join(errors[field]), errors


def test_366_days_with_both_ends_is_the_longest_range(world):
    assert world.api("GET", "/api/exports/checkins.csv?from=2028-01-01&to=2028-12-31").status_code == 200  # leap year
    assert world.api("GET", "/api/exports/checkins.csv?from=2027-01-01&to=2028-01-01").status_code == 200
    assert world.api("GET", "/api/exports/checkins.csv?from=2027-01-01&to=2028-01-02").status_code == 400
    assert world.api("GET", "/api/exports/checkins.csv?from=2999-12-31&to=2999-12-31").status_code == 200


def test_the_api_needs_a_key(world):
    response = world.client.get(f"/api/exports/checkins.csv?{RANGE}")
    assert response.status_code == 401 and response.get_json()["error"] == "Unauthorized"


def test_an_admin_downloads_the_same_files_from_the_exports_page(world, clinic):
    world.sign_in(world.demo.admin_email, world.demo.admin_password)
    page = world.client.get(f"/exports?{RANGE}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for kind in ("checkins", "escalations", "plan_changes"):
        assert f'href="/exports/{kind}.csv?{RANGE.replace("&", "&amp;")}"' in html
        download = world.client.get(f"/exports/{kind}.csv?{RANGE}")
        assert download.status_code == 200 and download.headers["Cache-Control"] == "no-store"
        assert download.headers["Content-Disposition"] == f"attachment; filename={kind}-2027-01-02-2027-01-03.csv"
        assert download.get_data() == world.api("GET", f"/api/exports/{kind}.csv?{RANGE}").get_data()
    assert [r["checkin_id"] for r in rows_of(world.client.get(f"/exports/checkins.csv?{RANGE}"))] == [
        "ci-first", "ci-la", "ci-last"]


def test_the_exports_page_offers_the_last_30_of_the_clinics_days_and_says_what_is_wrong_with_a_range(world):
    world.sign_in(world.demo.admin_email, world.demo.admin_password)
    html = world.client.get("/exports").get_data(as_text=True)
    assert 'value="2026-12-05"' in html and 'value="2027-01-03"' in html   # noon of Jan 3 in New York
    assert 'href="/exports/checkins.csv?from=2026-12-05&amp;to=2027-01-03"' in html
    refused = world.client.get("/exports?from=2027-01-04&to=2027-01-03")
    assert refused.status_code == 400 and "must not end before it starts" in refused.get_data(as_text=True)
    assert 'href="/exports/checkins.csv' not in refused.get_data(as_text=True)
    bad_download = world.client.get("/exports/checkins.csv?from=2027-01-04&to=2027-01-03")
    assert bad_download.status_code == 400 and "must not end before it starts" in bad_download.get_data(as_text=True)


def test_providers_may_not_export(world, clinic):
    world.sign_in(world.demo.provider_email, world.demo.provider_password)
    assert world.client.get("/exports").status_code == 403
    for kind in ("checkins", "escalations", "plan_changes"):
        response = world.client.get(f"/exports/{kind}.csv?{RANGE}")
        assert response.status_code == 403 and clinic["formula"] not in response.get_data(as_text=True)
    assert 'href="/exports"' not in world.client.get("/patients").get_data(as_text=True)


def test_the_exports_link_is_in_an_admins_navigation(world):
    world.sign_in(world.demo.admin_email, world.demo.admin_password)
    assert 'href="/exports"' in world.client.get("/patients").get_data(as_text=True)


@pytest.mark.parametrize("value,written", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("a=1", "a=1"), ("José", "José"), ("", ""), (None, ""), (7, "7"), (0, "0"), (Decimal("3.50"), "3.50"),
])
def test_text_cells_that_could_start_a_formula_are_quoted_and_numbers_are_written_as_they_are(value, written):
    assert cell_text(value) == written
