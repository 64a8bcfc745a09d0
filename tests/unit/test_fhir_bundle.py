"""The patient's FHIR bundle: every resource valid by fhir.resources' models, the values the record holds, no more."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from functions.web.fhir_bundle import (
    CHECKIN_ID_SYSTEM, ESCALATION_ID_SYSTEM, NALTREXONE_RXCUI, PATIENT_ID_SYSTEM, QUESTIONNAIRE_URL, RXNORM,
    patient_bundle,
)
from shared.domain import replan
from shared.domain.checkins import COMPLETED, EXPIRED, OPEN, Answer, CheckIn
from shared.domain.job_kinds import Channel, JobKind
from shared.domain.jobs import Job, JobStatus
from shared.domain.patients import Escalation, PatientStatus
from tests.builders import a_patient

UTC = timezone.utc
NOW = datetime(2027, 1, 16, 12, 0, tzinfo=UTC)
HELD_AT = datetime(2027, 1, 14, 15, 0, tzinfo=UTC)
RAW_TEXTS = ("two I think", "mood about 7", "none at all", "feeling rough, my sister came over", "meh whatever")
EMAIL_BODY = "Patient: Ana L.\nWhy:\n- symptom return: symptoms 8, baseline 2"


def _answer(value: int | None, raw: str, at: datetime) -> Answer:
    return Answer(value, raw, f"SM-{at:%d%H%M}" if raw else "", at)


def _checkins() -> list[CheckIn]:
    base = datetime(2027, 1, 3, 23, 0, tzinfo=UTC)
    baseline = CheckIn("ci-base", "baseline", base, Decimal("4.5"), status=COMPLETED, position=3, answers={
        "symptoms": _answer(2, RAW_TEXTS[0], base + timedelta(minutes=2)),
        "mood": _answer(7, RAW_TEXTS[1], base + timedelta(minutes=5)),
        "withdrawal": _answer(0, RAW_TEXTS[2], base + timedelta(minutes=6))})
    step = datetime(2027, 1, 12, 23, 0, tzinfo=UTC)
    # symptoms read, mood asked twice and unreadable, withdrawal never answered (closed at day's end)
    expired = CheckIn("ci-step", "step", step, Decimal("2.5"), status=EXPIRED, position=2, answers={
        "symptoms": _answer(8, RAW_TEXTS[3], step + timedelta(minutes=3)),
        "mood": _answer(None, RAW_TEXTS[4], step + timedelta(minutes=9)),
        "withdrawal": _answer(None, "", step + timedelta(hours=5))})
    today = datetime(2027, 1, 15, 23, 0, tzinfo=UTC)
    still_open = CheckIn("ci-open", "step", today, Decimal("2.5"), status=OPEN, position=1, answers={
        "symptoms": _answer(3, "3", today + timedelta(minutes=1))})
    unanswered = CheckIn("ci-none", "follow_up", datetime(2027, 1, 10, 23, 0, tzinfo=UTC), Decimal("3.5"),
                         status=EXPIRED, position=0, answers={})
    return [still_open, expired, baseline, unanswered]   # newest first, as a record holds them


RESOLVED = Escalation("esc-1", ("symptom_return",), "routine", "resolved", datetime(2027, 1, 13, 0, 30, tzinfo=UTC),
                      evidence=({"why": "symptoms 8, baseline 2", "raw": RAW_TEXTS[3]},),
                      acknowledged_by="dr@example.org", acknowledged_at=datetime(2027, 1, 13, 14, 0, tzinfo=UTC),
                      resolved_by="dr@example.org", resolved_at=HELD_AT, note="called her: sleeping badly")
OPEN_URGENT = Escalation("esc-2", ("crisis",), "urgent", "open", datetime(2027, 1, 15, 23, 20, tzinfo=UTC))


def _email(escalation: Escalation, unique: str, status: JobStatus = JobStatus.SENT, kind: str = JobKind.ESCALATION_EMAIL,
           channel: Channel = Channel.EMAIL, to: str = "dr@example.org") -> Job:
    job = Job.new(patient_id="p1", channel=channel, kind=kind, to=to, send_at=escalation.created_at, unique=unique,
                  subject="A patient at Demo Clinic needs review", body=EMAIL_BODY, html=f"<p>{EMAIL_BODY}</p>")
    sent_at = escalation.created_at + timedelta(seconds=40) if status is JobStatus.SENT else None
    return replace(job, status=status, finished_at=sent_at)


def _jobs() -> list[Job]:
    return [_email(RESOLVED, "mail-1"),
            _email(OPEN_URGENT, "mail-2", status=JobStatus.PENDING),              # not sent yet: no Communication
            _email(RESOLVED, "sms-1", kind=JobKind.PLAN_CHANGE, channel=Channel.SMS, to="+12125550123")]


AUDIT = [{"id": "hol-abc", "who": "dr@example.org", "action": "hold", "at": "2027-01-14T15:00:00Z",
          "before": {}, "after": {}}]


def _held_patient(**changes: Any):
    patient = a_patient()
    held_plan = replan.hold(patient.plan, date(2027, 1, 14))
    return replace(patient, plan=held_plan, held_since="2027-01-14", **changes)


@pytest.fixture
def bundle() -> dict[str, Any]:
    return patient_bundle(_held_patient(), _checkins(), [OPEN_URGENT, RESOLVED], AUDIT, _jobs(), NOW)


def resources(bundle: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == resource_type]


def one(bundle: dict[str, Any], resource_type: str) -> dict[str, Any]:
    found = resources(bundle, resource_type)
    assert len(found) == 1, [r["resourceType"] for r in found]
    return found[0]


def references(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "reference" and isinstance(v, str)] + \
               [r for k, v in value.items() if k != "reference" for r in references(v)]
    return [r for v in value for r in references(v)] if isinstance(value, list) else []


def test_every_resource_in_the_bundle_is_valid_for_its_fhir_model(bundle):
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    assert bundle["timestamp"] == "2027-01-16T12:00:00Z"
    for entry in bundle["entry"]:
        model = get_fhir_model_class(entry["resource"]["resourceType"])
        parsed = model.model_validate(entry["resource"])
        assert parsed.model_dump(mode="json", exclude_none=True) == entry["resource"]
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds == ["Patient", "MedicationRequest", "Questionnaire",
                     "QuestionnaireResponse", "Observation", "Observation", "Observation",   # baseline
                     "QuestionnaireResponse",                                                # nothing answered
                     "QuestionnaireResponse", "Observation",                                 # the expired step
                     "QuestionnaireResponse", "Observation",                                 # open today
                     "Flag", "Flag", "Communication"]


def test_the_bundle_round_trips_through_json_and_the_bundle_model(bundle):
    text = json.dumps(bundle)
    again = Bundle.model_validate_json(text)
    assert again.model_dump(mode="json", exclude_none=True) == bundle
    assert json.loads(again.model_dump_json(exclude_none=True)) == bundle


def test_the_same_record_gives_the_same_bundle_whatever_order_it_comes_in(bundle):
    shuffled = patient_bundle(_held_patient(), list(reversed(_checkins())), [RESOLVED, OPEN_URGENT], AUDIT,
                              list(reversed(_jobs())), NOW)
    assert shuffled == bundle
    other = patient_bundle(_held_patient(patient_id="p2"), _checkins(), [RESOLVED], AUDIT, _jobs(), NOW)
    shared = {e["fullUrl"] for e in other["entry"]} & {e["fullUrl"] for e in bundle["entry"]}
    assert shared == {e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Questionnaire"}


def test_every_entry_has_a_urn_uuid_full_url_matching_its_id_and_every_reference_resolves_in_the_bundle(bundle):
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    refs = references(bundle["entry"])
    assert refs and set(refs) <= set(urls)


def test_the_patient_carries_our_id_name_and_sms_number_and_nothing_the_record_lacks(bundle):
    patient = one(bundle, "Patient")
    assert patient["identifier"] == [{"system": PATIENT_ID_SYSTEM, "value": "p1"}]
    assert patient["name"] == [{"text": "Ana Lopez", "family": "Lopez", "given": ["Ana"]}]
    assert patient["telecom"] == [{"system": "sms", "value": "+12125550123", "use": "mobile"}]
    assert set(patient) == {"resourceType", "id", "identifier", "name", "telecom"}   # no birthDate, gender, address


def test_the_medication_request_lists_each_step_with_its_dates_and_dose_and_the_hold():
    # Given a patient not held: every step closes the day before the next, the last on the last dose day
    patient = a_patient()
    request = one(patient_bundle(patient, [], [], [], [], NOW), "MedicationRequest")
    assert request["status"] == "active" and request["intent"] == "order" and "statusReason" not in request
    assert request["medicationCodeableConcept"]["coding"] == [
        {"system": RXNORM, "code": NALTREXONE_RXCUI, "display": "naltrexone"}]
    assert NALTREXONE_RXCUI == "7243"
    assert request["authoredOn"] == "2027-01-02T15:00:00Z"
    assert request["requester"]["display"] == "dr@example.org"
    steps = [(d["sequence"], d["timing"]["repeat"]["boundsPeriod"], d["doseAndRate"][0]["doseQuantity"]["value"],
              d["text"]) for d in request["dosageInstruction"]]
    assert steps == [
        (1, {"start": "2027-01-04", "end": "2027-01-07"}, 4.5, "4.5 mg once a day at 21:00"),
        (2, {"start": "2027-01-08", "end": "2027-01-11"}, 3.5, "3.5 mg once a day at 21:00"),
        (3, {"start": "2027-01-12", "end": "2027-01-15"}, 2.5, "2.5 mg once a day at 21:00"),
        (4, {"start": "2027-01-16", "end": "2027-01-19"}, 1.5, "1.5 mg once a day at 21:00"),
        (5, {"start": "2027-01-20", "end": "2027-01-23"}, 0.5, "0.5 mg once a day at 21:00")]
    assert patient.plan.last_dose_date == date(2027, 1, 23)
    for instruction in request["dosageInstruction"]:
        repeat = instruction["timing"]["repeat"]
        assert (repeat["frequency"], repeat["period"], repeat["periodUnit"], repeat["timeOfDay"]) == (1, 1, "d", ["21:00:00"])
        assert instruction["doseAndRate"][0]["doseQuantity"] | {"value": 0} == {
            "value": 0, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}


def test_a_held_taper_is_on_hold_with_the_hold_as_its_reason_and_its_last_step_open_ended(bundle):
    request = one(bundle, "MedicationRequest")
    assert request["status"] == "on-hold"
    assert request["statusReason"]["text"].startswith("Taper held since 2027-01-14 by dr@example.org")
    bounds = [d["timing"]["repeat"]["boundsPeriod"] for d in request["dosageInstruction"]]
    assert bounds == [{"start": "2027-01-04", "end": "2027-01-07"}, {"start": "2027-01-08", "end": "2027-01-11"},
                      {"start": "2027-01-12"}]
    assert request["note"] == [{"authorString": "dr@example.org", "time": "2027-01-14T15:00:00Z", "text": "Taper held"}]


@pytest.mark.parametrize(("status", "expected"), [
    (PatientStatus.AWAITING_CONSENT, "draft"), (PatientStatus.ACTIVE, "active"), (PatientStatus.OPTED_OUT, "stopped"),
    (PatientStatus.CONSENT_EXPIRED, "cancelled"), (PatientStatus.COMPLETED, "completed")])
def test_the_medication_request_status_follows_the_patient_status(status, expected):
    request = one(patient_bundle(a_patient(status=status), [], [], [], [], NOW), "MedicationRequest")
    assert request["status"] == expected


def test_the_questionnaire_asks_the_three_check_in_questions_and_the_safety_question(bundle):
    questionnaire = one(bundle, "Questionnaire")
    assert questionnaire["url"] == QUESTIONNAIRE_URL and questionnaire["status"] == "active"
    items = {i["linkId"]: i for i in questionnaire["item"]}
    assert list(items) == ["symptoms", "mood", "withdrawal", "safety"]
    assert [items[q]["type"] for q in items] == ["integer", "integer", "integer", "choice"]
    assert [e["valueInteger"] for e in items["withdrawal"]["extension"]] == [0, 3]
    assert [o["valueCoding"]["code"] for o in items["safety"]["answerOption"]] == ["Y", "N"]
    assert "988" in items["safety"]["text"]


def test_one_questionnaire_response_per_check_in_with_the_values_read(bundle):
    patient_url = bundle["entry"][0]["fullUrl"]
    responses = {r["identifier"]["value"]: r for r in resources(bundle, "QuestionnaireResponse")}
    assert list(responses) == ["ci-base", "ci-none", "ci-step", "ci-open"]   # oldest first
    assert {k: r["status"] for k, r in responses.items()} == {
        "ci-base": "completed", "ci-none": "stopped", "ci-step": "stopped", "ci-open": "in-progress"}
    for response in responses.values():
        assert response["identifier"]["system"] == CHECKIN_ID_SYSTEM
        assert response["questionnaire"] == QUESTIONNAIRE_URL
        assert response["subject"] == {"reference": patient_url}
    answers = {k: {i["linkId"]: [a["valueInteger"] for a in i["answer"]] for i in r.get("item", [])}
               for k, r in responses.items()}
    assert answers == {"ci-base": {"symptoms": [2], "mood": [7], "withdrawal": [0]}, "ci-none": {},
                       "ci-step": {"symptoms": [8]}, "ci-open": {"symptoms": [3]}}
    assert responses["ci-step"]["authored"] == "2027-01-12T23:00:00Z"


def test_one_survey_observation_per_answer_with_a_value_derived_from_its_response(bundle):
    response_url = {e["resource"]["identifier"]["value"]: e["fullUrl"] for e in bundle["entry"]
                    if e["resource"]["resourceType"] == "QuestionnaireResponse"}
    seen = [(o["code"]["coding"][0]["code"], o["valueInteger"], o["effectiveDateTime"], o["derivedFrom"][0]["reference"])
            for o in resources(bundle, "Observation")]
    assert seen == [("symptoms", 2, "2027-01-03T23:02:00Z", response_url["ci-base"]),
                    ("mood", 7, "2027-01-03T23:05:00Z", response_url["ci-base"]),
                    ("withdrawal", 0, "2027-01-03T23:06:00Z", response_url["ci-base"]),
                    ("symptoms", 8, "2027-01-12T23:03:00Z", response_url["ci-step"]),
                    ("symptoms", 3, "2027-01-15T23:01:00Z", response_url["ci-open"])]
    answered = sum(1 for c in _checkins() for a in c.answers.values() if a.value is not None)
    assert len(seen) == answered == 5
    for observation in resources(bundle, "Observation"):
        assert observation["status"] == "final"
        assert observation["category"][0]["coding"][0]["system"] == \
            "http://terminology.hl7.org/CodeSystem/observation-category"
        assert observation["category"][0]["coding"][0]["code"] == "survey"
        assert observation["subject"] == {"reference": bundle["entry"][0]["fullUrl"]}


def test_escalations_are_flags_active_until_resolved(bundle):
    flags = {f["identifier"][0]["value"]: f for f in resources(bundle, "Flag")}
    assert list(flags) == ["esc-1", "esc-2"]
    assert all(f["identifier"][0]["system"] == ESCALATION_ID_SYSTEM for f in flags.values())
    assert (flags["esc-1"]["status"], flags["esc-1"]["period"]) == (
        "inactive", {"start": "2027-01-13T00:30:00Z", "end": "2027-01-14T15:00:00Z"})
    assert (flags["esc-2"]["status"], flags["esc-2"]["period"]) == ("active", {"start": "2027-01-15T23:20:00Z"})
    assert flags["esc-1"]["code"]["text"] == "Routine: symptom return"
    assert flags["esc-2"]["code"]["text"] == "Urgent: crisis"
    assert flags["esc-1"]["category"][0]["coding"][0]["code"] == "clinical"


def test_each_sent_escalation_email_is_a_communication_about_its_flag_with_the_subject_only(bundle):
    flag_url = {e["resource"]["identifier"][0]["value"]: e["fullUrl"] for e in bundle["entry"]
                if e["resource"]["resourceType"] == "Flag"}
    communication = one(bundle, "Communication")          # the pending email and the text are left out
    assert communication["status"] == "completed"
    assert communication["category"][0]["coding"][0]["code"] == "alert"
    assert communication["about"] == [{"reference": flag_url["esc-1"]}]
    assert communication["sent"] == "2027-01-13T00:30:40Z"
    assert communication["recipient"] == [{"display": "dr@example.org"}]
    assert communication["payload"] == [{"contentString": "A patient at Demo Clinic needs review"}]
    assert communication["priority"] == "routine"


def test_no_patient_free_text_and_no_staff_notes_leave_in_the_bundle(bundle):
    text = json.dumps(bundle)
    for private in (*RAW_TEXTS, "Ana L.", "symptoms 8, baseline 2", RESOLVED.note):
        assert private not in text, private
    for absent in ("birthDate", "gender", "address", "deceased", "maritalStatus"):
        assert f'"{absent}' not in text, absent
