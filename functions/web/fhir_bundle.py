"""One patient's record as a FHIR Bundle (type `collection`) for a clinic's EHR. Pure: the record and the clock
in, a JSON-ready dict out. Every resource is built with fhir.resources' models (its R4B package, FHIR 4.3.0:
no release of the library carries R4 4.0.1 on pydantic 2; the resources used here have R4's shape), so
pydantic checks each one, and the Bundle, as it is made. The library does not check codes against their
value sets: the statuses below are taken from them by hand.

What goes in, and no more than the record holds:
- `Patient`: our id as an identifier, the name, the phone (SMS). No birth date, gender or address: we hold none.
- `MedicationRequest`: naltrexone (RxNorm 7243); one `dosageInstruction` per plan step, dated by
  `timing.repeat.boundsPeriod` (a held plan's last step has no end: the hold has none); the status from the
  patient's; a hold as `statusReason`; each plan change of the audit log as a `note` (who, when, what).
- `Questionnaire`: the check-in's three questions and the safety question.
- a `QuestionnaireResponse` per check-in, with the values read from the replies. The patient's raw reply text is
  left out: the value is what the check-in read from it, and free text can carry anything.
- an `Observation` (category survey) per answer that has a value, derived from its QuestionnaireResponse.
- a `Flag` per escalation; a `Communication` per escalation email sent (its subject only: no patient text).

Every entry's fullUrl is `urn:uuid:` + a uuid5 of our own ids, so the same record gives the same bundle."""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.flag import Flag
from fhir.resources.R4B.medicationrequest import MedicationRequest
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.resource import Resource

from shared.domain import checkins as checkin_states
from shared.domain.checkins import CheckIn
from shared.domain.job_kinds import Channel, JobKind
from shared.domain.jobs import Job, JobStatus, utc_iso
from shared.domain.patients import Escalation, Patient, PatientStatus
from shared.domain.plan import Plan
from shared.domain.questions import QUESTIONS
from shared.domain.safety_question import question_text

FHIR_VERSION = "4.3.0"   # fhir.resources.R4B
BASE = "https://taperline.example"
PATIENT_ID_SYSTEM = f"{BASE}/patient-id"
CHECKIN_ID_SYSTEM = f"{BASE}/checkin-id"
ESCALATION_ID_SYSTEM = f"{BASE}/escalation-id"
QUESTIONNAIRE_URL = f"{BASE}/fhir/Questionnaire/taper-checkin"
QUESTIONNAIRE_VERSION = "1"
QUESTION_SYSTEM = f"{BASE}/fhir/CodeSystem/checkin-question"
ESCALATION_REASON_SYSTEM = f"{BASE}/fhir/CodeSystem/escalation-reason"
SAFETY_LINK_ID = "safety"
# The namespace of every fullUrl's uuid5: fixed for good, or the same record would get new ids.
UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/fhir")

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
NALTREXONE_RXCUI = "7243"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
COMMUNICATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/communication-category"
PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode"
YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"

# medicationrequest-status: active | on-hold | cancelled | completed | entered-in-error | stopped | draft | unknown
REQUEST_STATUS = {PatientStatus.AWAITING_CONSENT: "draft", PatientStatus.ACTIVE: "active",
                  PatientStatus.OPTED_OUT: "stopped", PatientStatus.CONSENT_EXPIRED: "cancelled",
                  PatientStatus.COMPLETED: "completed"}
HELD = "on-hold"
# questionnaire-answers-status: in-progress | completed | amended | entered-in-error | stopped
RESPONSE_STATUS = {checkin_states.OPEN: "in-progress", checkin_states.COMPLETED: "completed",
                   checkin_states.INTERRUPTED: "stopped", checkin_states.EXPIRED: "stopped"}
PLAN_CHANGES = {"hold": "Taper held", "resume": "Taper resumed", "adjust": "Dose or pace adjusted",
                "end": "Taper ended early"}


def patient_bundle(patient: Patient, checkins: Iterable[CheckIn], escalations: Iterable[Escalation],
                   audit: Iterable[dict[str, Any]], jobs: Iterable[Job], now: datetime) -> dict[str, Any]:
    """The patient's record as a validated FHIR Bundle in JSON form. `checkins`: every check-in, the open one
    too (a record's `checkins`); `audit`: the store's `audit_of(patient_id)`; `jobs`: the patient's jobs (only
    escalation emails that were sent are used); `now`: the bundle's timestamp. Raises pydantic's
    ValidationError should anything not make valid FHIR."""
    pid = patient.patient_id
    subject = _url("Patient", pid)
    resources: list[Resource] = [
        _patient(subject, patient),
        _medication_request(_url("MedicationRequest", pid), patient, list(audit), subject),
        _questionnaire(_url("Questionnaire", QUESTIONNAIRE_URL)),
    ]
    for checkin in sorted(checkins, key=lambda c: (c.started_at, c.checkin_id)):
        response = _url("QuestionnaireResponse", pid, checkin.checkin_id)
        resources.append(_response(response, checkin, subject))
        resources += [_observation(_url("Observation", pid, checkin.checkin_id, question_id), question_id, value, at,
                                   subject, response)
                      for question_id, value, at in _values(checkin)]
    ordered = sorted(escalations, key=lambda e: (e.created_at, e.escalation_id))
    flags = {e.escalation_id: _url("Flag", pid, e.escalation_id) for e in ordered}
    resources += [_flag(flags[e.escalation_id], e, subject) for e in ordered]
    emails = sorted((j for j in jobs if j.kind == JobKind.ESCALATION_EMAIL and j.channel is Channel.EMAIL
                     and j.status is JobStatus.SENT), key=lambda j: (j.send_at, j.job_id))
    for job in emails:
        about = [flags[e.escalation_id] for e in ordered if utc_iso(job.send_at) in _emailed_at(e)]
        urgent = any(e.severity == "urgent" for e in ordered if flags[e.escalation_id] in about)
        resources.append(_communication(_url("Communication", pid, job.job_id), job, subject, about, urgent))
    bundle = Bundle.model_validate({"type": "collection", "timestamp": now,
                                    "entry": [{"fullUrl": f"urn:uuid:{r.id}", "resource": r} for r in resources]})
    data: dict[str, Any] = bundle.model_dump(mode="json", exclude_none=True)
    return data


def _url(resource_type: str, *ids: str) -> str:
    """A stable fullUrl: the same type and ids always give the same uuid (also the resource's id)."""
    return f"urn:uuid:{uuid.uuid5(UUID_NAMESPACE, '/'.join((resource_type, *ids)))}"


def _id(full_url: str) -> str:
    return full_url.removeprefix("urn:uuid:")


def _mg(dose: Decimal) -> str:
    return f"{dose.normalize():f}"


def _patient(url: str, patient: Patient) -> FhirPatient:
    name: dict[str, Any] = {"text": patient.display_name, "given": [patient.first_name] if patient.first_name else None,
                            "family": patient.last_name or None}
    return FhirPatient.model_validate({
        "id": _id(url),
        "identifier": [{"system": PATIENT_ID_SYSTEM, "value": patient.patient_id}],
        "name": [{k: v for k, v in name.items() if v}],
        "telecom": [{"system": "sms", "value": patient.phone, "use": "mobile"}]})


def _medication_request(url: str, patient: Patient, audit: list[dict[str, Any]], subject: str) -> MedicationRequest:
    held = patient.status is PatientStatus.ACTIVE and bool(patient.held_since)
    changes = sorted((a for a in audit if a.get("action") in PLAN_CHANGES), key=lambda a: str(a.get("at", "")))
    holds = [a for a in changes if a.get("action") == "hold"]
    data: dict[str, Any] = {
        "id": _id(url),
        "status": HELD if held else REQUEST_STATUS[patient.status],
        "intent": "order",
        "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": NALTREXONE_RXCUI, "display": "naltrexone"}],
                                      "text": "naltrexone (low dose), taper"},
        "subject": {"reference": subject},
        "authoredOn": patient.created_at,
        "requester": {"type": "Practitioner", "display": patient.provider_email} if patient.provider_email else None,
        "dosageInstruction": _dosage(patient, patient.plan, held),
        "note": [{"authorString": a.get("who") or "unknown", "time": a["at"], "text": PLAN_CHANGES[a["action"]]}
                 for a in changes if a.get("at")] or None,
    }
    if held:
        who = f" by {holds[-1]['who']}" if holds and holds[-1].get("who") else ""
        data["statusReason"] = {"text": f"Taper held since {patient.held_since}{who}: "
                                        "no further step-down until a provider resumes it"}
    return MedicationRequest.model_validate({k: v for k, v in data.items() if v is not None})


def _dosage(patient: Patient, plan: Plan, held: bool) -> list[dict[str, Any]]:
    """One instruction a step, from its first day to the day before the next (the last: the last dose day; a held
    plan's last step runs on with no end)."""
    at = patient.dose_time.strftime("%H:%M")
    out = []
    for n, step in enumerate(plan.steps):
        following = plan.steps[n + 1] if n + 1 < len(plan.steps) else None
        end: date | None = (following.start_date - timedelta(days=1) if following
                            else None if held else plan.last_dose_date)
        bounds: dict[str, Any] = {"start": step.start_date, **({"end": end} if end else {})}
        out.append({"sequence": n + 1,
                    "text": f"{_mg(step.dose_mg)} mg once a day at {at}",
                    "timing": {"repeat": {"boundsPeriod": bounds, "frequency": 1, "period": 1, "periodUnit": "d",
                                          "timeOfDay": [patient.dose_time.replace(tzinfo=None)]}},
                    "doseAndRate": [{"doseQuantity": {"value": step.dose_mg, "unit": "mg", "system": UCUM,
                                                      "code": "mg"}}]})
    return out


def _questionnaire(url: str) -> Questionnaire:
    items: list[dict[str, Any]] = [
        {"linkId": q.id, "text": q.text, "type": "integer", "code": [_question_code(q.id)],
         "extension": [{"url": MIN_VALUE, "valueInteger": q.low}, {"url": MAX_VALUE, "valueInteger": q.high}]}
        for q in QUESTIONS]
    items.append({"linkId": SAFETY_LINK_ID, "text": question_text("en"), "type": "choice",
                  "answerOption": [{"valueCoding": {"system": YES_NO, "code": "Y", "display": "Yes"}},
                                   {"valueCoding": {"system": YES_NO, "code": "N", "display": "No"}}]})
    return Questionnaire.model_validate({
        "id": _id(url), "url": QUESTIONNAIRE_URL,
        "version": QUESTIONNAIRE_VERSION, "name": "TaperCheckIn", "title": "LDN taper check-in",
        "status": "active", "subjectType": ["Patient"], "item": items})


def _question_code(question_id: str) -> dict[str, str]:
    return {"system": QUESTION_SYSTEM, "code": question_id, "display": question_id}


def _values(checkin: CheckIn) -> list[tuple[str, int, datetime]]:
    """The answers that hold a value, in the questions' order: (question id, value, when it was read)."""
    return [(q.id, answer.value, answer.at) for q in QUESTIONS
            if (answer := checkin.answers.get(q.id)) is not None and answer.value is not None]


def _response(url: str, checkin: CheckIn, subject: str) -> QuestionnaireResponse:
    items = [{"linkId": question_id, "answer": [{"valueInteger": value}]}
             for question_id, value, _ in _values(checkin)]
    return QuestionnaireResponse.model_validate({
        "id": _id(url),
        "identifier": {"system": CHECKIN_ID_SYSTEM, "value": checkin.checkin_id},
        "questionnaire": QUESTIONNAIRE_URL,
        "status": RESPONSE_STATUS.get(checkin.status, "stopped"),
        "subject": {"reference": subject}, "source": {"reference": subject},
        "authored": checkin.started_at,
        **({"item": items} if items else {})})


def _observation(url: str, question_id: str, value: int, at: datetime, subject: str, response: str) -> Observation:
    return Observation.model_validate({
        "id": _id(url),
        "status": "final",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}],
        "code": {"coding": [_question_code(question_id)], "text": f"Taper check-in: {question_id}"},
        "subject": {"reference": subject},
        "effectiveDateTime": at,
        "valueInteger": value,
        "derivedFrom": [{"reference": response}]})


def _flag(url: str, escalation: Escalation, subject: str) -> Flag:
    reasons = ", ".join(r.replace("_", " ") for r in escalation.reasons)
    period: dict[str, Any] = {"start": escalation.created_at}
    if escalation.status == "resolved" and escalation.resolved_at:
        period["end"] = escalation.resolved_at
    return Flag.model_validate({
        "id": _id(url),
        "identifier": [{"system": ESCALATION_ID_SYSTEM, "value": escalation.escalation_id}],
        "status": "inactive" if escalation.status == "resolved" else "active",
        "category": [{"coding": [{"system": FLAG_CATEGORY, "code": "clinical", "display": "Clinical"}]}],
        "code": {"coding": [{"system": ESCALATION_REASON_SYSTEM, "code": r} for r in escalation.reasons],
                 "text": f"{escalation.severity.capitalize()}: {reasons}"},
        "subject": {"reference": subject},
        "period": period})


def _emailed_at(escalation: Escalation) -> set[str]:
    """The moments an email about the escalation went out: opened, renewed, overdue (each job sent then)."""
    moments = (escalation.created_at, escalation.last_emailed_at, escalation.overdue_notified_at)
    return {utc_iso(m) for m in moments if m is not None}


def _communication(url: str, job: Job, subject: str, about: list[str], urgent: bool) -> Communication:
    data: dict[str, Any] = {
        "id": _id(url),
        "status": "completed",
        "category": [{"coding": [{"system": COMMUNICATION_CATEGORY, "code": "alert", "display": "Alert"}]}],
        "priority": "urgent" if urgent else "routine",
        "medium": [{"coding": [{"system": PARTICIPATION_MODE, "code": "EMAILWRIT", "display": "email"}]}],
        "subject": {"reference": subject},
        "sent": job.finished_at or job.send_at,
        "recipient": [{"display": job.to}],
        "payload": [{"contentString": job.subject}] if job.subject else None,
        "about": [{"reference": flag} for flag in about] or None,
    }
    return Communication.model_validate({k: v for k, v in data.items() if v is not None})
