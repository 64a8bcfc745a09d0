"""Inbound reply: p50/p99 of a signed `POST /sms/inbound` carrying an ordinary check-in answer, and the
DynamoDB calls one answer makes, with 1,000 patients enrolled and each mid check-in."""
from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

import requests
from twilio.request_validator import RequestValidator

from bench.measure import CallCounter, percentile
from bench.stack import patient_items, patients_like, template_patient, write_items

PATIENTS = 1_000
WARM_UP = 20
TARGET_CALLS = 3


def seed_mid_checkin(stack: Any, count: int) -> list[Any]:
    """`count` active patients, each with a step-down check-in open at its first question."""
    from shared.domain import checkins
    from shared.domain.patients import PatientStatus

    template = template_patient(stack)
    now = stack.clock.now()
    patients = []
    for patient in patients_like(template, count, status=PatientStatus.ACTIVE, consented_at=now):
        checkin, _ = checkins.start(f"chk-{patient.patient_id}", checkins.STEP, patient.plan.dose_on(now.date()), now)
        patients.append(replace(patient, open_checkin=checkin))
    write_items(stack.services.store.client, stack.settings.table_name, patient_items(patients))
    return patients


def signed_form(stack: Any, phone: str, body: str, sid: str) -> tuple[dict, dict]:
    """The form Twilio posts for an incoming text, and its X-Twilio-Signature header over the public URL."""
    settings = stack.settings
    form = {"From": phone, "To": settings.twilio_from_number, "Body": body, "MessageSid": sid, "SmsMessageSid": sid,
            "AccountSid": settings.twilio_account_sid, "NumMedia": "0", "NumSegments": "1",
            "SmsStatus": "received", "ApiVersion": "2010-04-01"}
    signature = RequestValidator(stack.services.twilio_auth_token).compute_signature(
        settings.public_base_url + "/sms/inbound", form)
    return form, {"X-Twilio-Signature": signature}


def run(stack: Any, patients: int = PATIENTS) -> dict:
    seeded = seed_mid_checkin(stack, patients)
    counter = CallCounter(stack.services.store.client)
    url = stack.base_url + "/sms/inbound"
    session = requests.Session()
    timings: list[float] = []
    calls_per_answer: list[int] = []
    by_operation: dict[str, int] = {}
    wrong = 0
    for n, patient in enumerate(seeded):  # each patient answers the first question ("symptoms") once
        form, headers = signed_form(stack, patient.phone, "2", f"SMbench{n:08d}")
        before = counter.snapshot()
        started = time.perf_counter()
        response = session.post(url, data=form, headers=headers, timeout=15)
        elapsed = (time.perf_counter() - started) * 1000
        made = counter.since(before)
        if response.status_code != 200 or "<Message>2/3" not in response.text:
            wrong += 1
        if n < WARM_UP:
            continue  # the first requests warm the app's lazy parts; not an ordinary answer's cost
        timings.append(elapsed)
        calls_per_answer.append(sum(made.values()))
        for operation, count in made.items():
            by_operation[operation] = by_operation.get(operation, 0) + count
    stored = stack.services.store.get_patient(seeded[-1].patient_id).open_checkin
    if wrong or stored is None or stored.position != 1 or stored.answers["symptoms"].value != 2:
        raise RuntimeError(f"inbound benchmark: {wrong} answers were not taken as ordinary answers")
    measured = len(timings)
    return {
        "patients": patients, "answers_timed": measured, "warm_up_answers": WARM_UP,
        "p50_ms": round(percentile(timings, 50), 2), "p90_ms": round(percentile(timings, 90), 2),
        "p99_ms": round(percentile(timings, 99), 2), "max_ms": round(max(timings), 2),
        "dynamodb_calls": max(calls_per_answer), "dynamodb_calls_mean": round(sum(calls_per_answer) / measured, 3),
        "dynamodb_calls_by_operation": {op: round(count / measured, 3) for op, count in sorted(by_operation.items())},
        "target_dynamodb_calls": TARGET_CALLS,
        "how": "signed Twilio form POSTed over loopback HTTP to the local stack's /sms/inbound, one at a time, "
               "each an ordinary first answer of an open check-in",
    }
