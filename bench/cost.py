"""Cost per patient per month: AWS (Lambda, HTTP API, DynamoDB, SES) beside SMS (Twilio), for the default plan.

The counts come from running one patient's whole default taper (README enrollment defaults: 4.5 mg, down
1 mg every 4 days, follow-ups on days 1, 3, 7, 14 and 28 after the last dose) through the local stack:
enrolled by the API, YES, every check-in answered (an ordinary, steady patient), dispatch run at every
due minute. Texts, webhook requests and DynamoDB calls are counted as they happen; durations come from
the inbound and dispatch benchmarks of the same run.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any

from bench.measure import READ_OPS, CallCounter

# --- list prices, us-east-1, as of 2026 (USD) --------------------------------------------------
# AWS Lambda, x86: $0.0000166667 per GB-second, $0.20 per 1M requests (aws.amazon.com/lambda/pricing)
LAMBDA_USD_PER_GB_S = 0.0000166667
LAMBDA_USD_PER_REQUEST = 0.20 / 1_000_000
# API Gateway HTTP API: $1.00 per million requests, first 300M a month (aws.amazon.com/api-gateway/pricing)
HTTP_API_USD_PER_REQUEST = 1.00 / 1_000_000
# DynamoDB on-demand (after the Nov 2024 cut): $0.625 per million write request units, $0.125 per million
# read request units (aws.amazon.com/dynamodb/pricing/on-demand)
DYNAMODB_USD_PER_WRU = 0.625 / 1_000_000
DYNAMODB_USD_PER_RRU = 0.125 / 1_000_000
# SES outbound email: $0.10 per 1,000 (aws.amazon.com/ses/pricing)
SES_USD_PER_EMAIL = 0.10 / 1_000
# Twilio, US long code: $0.0083 per SMS segment, outbound and inbound alike (twilio.com/en-us/sms/pricing/us)
TWILIO_USD_PER_SEGMENT = 0.0083
# US carriers' A2P 10DLC pass-through fees on outbound texts, about $0.003 a segment (registered brand)
CARRIER_USD_PER_OUTBOUND_SEGMENT = 0.003
# Fixed costs not charged per patient: Twilio number ($1.15/month), the KMS key ($1/month), EventBridge
# schedules (free), CloudWatch logs and alarms, point-in-time recovery storage.

# --- our deployment (serverless.yml) and assumptions ---------------------------------------------
WEB_MEMORY_GB = 512 / 1024
DISPATCH_MEMORY_GB = 256 / 1024
DISPATCH_RUNS_PER_MONTH = 60 * 24 * 30.44  # the one-minute schedule, whether or not anything is due
PATIENTS_SHARING_THE_SCHEDULE = 1_000      # assumed active patients in one deployment, to share that fixed cost
EMAILS_PER_PATIENT_MONTH = 1.0             # assumed provider/escalation emails (a steady patient causes none)
RRU_PER_READ = 1                           # strongly consistent read of an item under 4 KB
DAYS_PER_MONTH = 30.44

ANSWERS = {"1/3:": "1", "2/3:": "7", "3/3:": "0"}  # a steady patient: few symptoms, good mood, no new effects
PHONE = "+12125550777"


def segments(text: str) -> int:
    from shared.domain.texts import gsm7_length

    septets = gsm7_length(text)
    if septets is None:
        return 1 if len(text) <= 70 else math.ceil(len(text) / 67)
    return 1 if septets <= 160 else math.ceil(septets / 153)


class RequestCounter:
    """WSGI middleware counting the requests of each kind that reach the app."""

    def __init__(self, app):
        self.app = app
        self.counts: Counter = Counter()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        kind = "/sms/inbound" if path == "/sms/inbound" else "/sms/status" if path == "/sms/status" else \
            "/api" if path.startswith("/api/") else "twilio-endpoint" if path.startswith("/2010-04-01") else "dev"
        self.counts[kind] += 1
        return self.app(environ, start_response)


def simulate_taper(stack: Any) -> dict:
    """One patient's whole default taper through the stack; what it took."""
    import requests

    from bench.stack import API_KEY

    requests_seen = RequestCounter(stack._app)
    stack._app = requests_seen
    counter = CallCounter(stack.services.store.client)
    enrolled_at = stack.clock.now()
    body = {"first_name": "Ana", "last_name": "Lopez", "phone": PHONE, "timezone": "America/New_York",
            "provider_email": "provider@example.org", "start_dose_mg": 4.5,
            "start_date": stack.clock.now().date().isoformat(), "consent": True}
    response = requests.post(stack.base_url + "/api/patients", json=body, timeout=15,
                             headers={"Authorization": f"Bearer {API_KEY}"})
    response.raise_for_status()
    patient_id = response.json()["id"]
    dispatched: Counter = Counter()
    sids = iter(range(1, 10_000))

    def say(text: str) -> None:
        status, _ = stack.deliver_inbound(PHONE, text, f"SMcost{next(sids):06d}")
        if status != 200:
            raise RuntimeError(f"cost simulation: /sms/inbound answered {status}")

    def answer_questions() -> None:
        for _ in range(10):
            last = stack.network.sent(PHONE)[-1]["body"] if stack.network.sent(PHONE) else ""
            reply = next((answer for mark, answer in ANSWERS.items() if mark in last), None)
            if reply is None:
                return
            say(reply)

    dispatched.update(stack.schedule.move_to(stack.clock.now()))  # the welcome text
    say("YES")
    for _ in range(2_000):
        answer_questions()
        following = stack.schedule.next_due_minute()
        if following is None:
            break
        dispatched.update(stack.schedule.move_to(following))
    stack.callbacks.jobs.join()  # the status callbacks still queued reach the app
    calls, items_written, transaction_items = counter.snapshot(), counter.items_written, counter.transaction_items
    due_index_queries = counter.due_index_queries
    patient = stack.services.store.get_patient(patient_id)
    if patient.status.value != "completed":
        raise RuntimeError(f"cost simulation: the patient ended {patient.status.value}, not completed")
    days = (stack.clock.now() - enrolled_at).total_seconds() / 86_400
    outbound = stack.network.sent(PHONE)
    inbound = [m for m in stack.network.thread(PHONE) if m.get("from") == PHONE]
    checkins = stack.services.store.checkins_of(patient_id)
    per_patient = Counter(calls)
    per_patient["Query"] -= due_index_queries
    return {
        "days": round(days, 2), "texts_out": len(outbound), "segments_out": sum(segments(m["body"]) for m in outbound),
        "texts_in": len(inbound), "segments_in": sum(segments(m["body"]) for m in inbound),
        "emails": len(stack.mail.sent), "checkins_completed": len([c for c in checkins if c.status == "completed"]),
        "web_requests": {k: v for k, v in requests_seen.counts.items() if k in ("/sms/inbound", "/sms/status", "/api")},
        "dispatch_jobs_handled": sum(v for k, v in dispatched.items() if k != "left_for_next_run"),
        "dispatch_outcomes": {k: v for k, v in sorted(dispatched.items()) if v},
        "dynamodb_calls": dict(sorted((+per_patient).items())),
        "dynamodb_reads": sum(n for op, n in per_patient.items() if op in READ_OPS),
        "dynamodb_items_written": items_written, "dynamodb_transaction_items": transaction_items,
        "dynamodb_due_index_queries_excluded": due_index_queries,
        "profile_item_kb": round(_profile_kb(stack, patient_id), 2),
    }


def _profile_kb(stack: Any, patient_id: str) -> float:
    """The patient's profile item, the largest item an ordinary call writes (DynamoDB's size rule, roughly)."""
    from shared.adapters import keys

    item = stack.services.store.client.get_item(TableName=stack.settings.table_name,
                                                Key=keys.patient_profile_key(patient_id).as_item())["Item"]
    return len(str(item).encode()) / 1024


def price(taper: dict, web_ms: float, dispatch_ms_per_job: float, dispatch_empty_run_ms: float) -> dict:
    """AWS and SMS dollars per patient per month from the counted taper and the measured durations."""
    months = taper["days"] / DAYS_PER_MONTH
    web_requests = sum(taper["web_requests"].values())
    web_gb_s = web_requests * web_ms / 1000 * WEB_MEMORY_GB
    dispatch_gb_s = taper["dispatch_jobs_handled"] * dispatch_ms_per_job / 1000 * DISPATCH_MEMORY_GB
    schedule_share = DISPATCH_RUNS_PER_MONTH / PATIENTS_SHARING_THE_SCHEDULE  # runs a month, per patient
    schedule_gb_s = schedule_share * max(dispatch_empty_run_ms, 1) / 1000 * DISPATCH_MEMORY_GB
    # writes: every item charged as big as the profile (an upper bound); transactions cost double
    wru_per_item = max(1, math.ceil(taper["profile_item_kb"]))
    wru = (taper["dynamodb_items_written"] + taper["dynamodb_transaction_items"]) * wru_per_item
    rru = taper["dynamodb_reads"] * RRU_PER_READ
    schedule_rru = schedule_share * 8 * 0.5  # each minute, 8 eventually consistent shard queries of 0.5 RRU
    aws = {
        "lambda_web": (web_gb_s * LAMBDA_USD_PER_GB_S + web_requests * LAMBDA_USD_PER_REQUEST) / months,
        "lambda_dispatch_jobs": dispatch_gb_s * LAMBDA_USD_PER_GB_S / months,
        "lambda_dispatch_schedule_share": schedule_gb_s * LAMBDA_USD_PER_GB_S + schedule_share * LAMBDA_USD_PER_REQUEST,
        "http_api": web_requests * HTTP_API_USD_PER_REQUEST / months,
        "dynamodb": (wru * DYNAMODB_USD_PER_WRU + rru * DYNAMODB_USD_PER_RRU) / months
                    + schedule_rru * DYNAMODB_USD_PER_RRU,
        "ses": EMAILS_PER_PATIENT_MONTH * SES_USD_PER_EMAIL + taper["emails"] * SES_USD_PER_EMAIL / months,
    }
    sms = {
        "twilio_outbound": taper["segments_out"] * TWILIO_USD_PER_SEGMENT / months,
        "twilio_inbound": taper["segments_in"] * TWILIO_USD_PER_SEGMENT / months,
        "carrier_fees_outbound": taper["segments_out"] * CARRIER_USD_PER_OUTBOUND_SEGMENT / months,
    }
    return {
        "aws_usd_per_patient_month": round(sum(aws.values()), 6),
        "sms_usd_per_patient_month": round(sum(sms.values()), 4),
        "aws_breakdown_usd": {k: round(v, 7) for k, v in aws.items()},
        "sms_breakdown_usd": {k: round(v, 4) for k, v in sms.items()},
        "per_taper": {"months": round(months, 2), "aws_usd": round(sum(aws.values()) * months, 5),
                      "sms_usd": round(sum(sms.values()) * months, 3)},
        "inputs": {"web_ms_per_request": web_ms, "dispatch_ms_per_job": dispatch_ms_per_job,
                   "dispatch_empty_run_ms": dispatch_empty_run_ms, "web_memory_gb": WEB_MEMORY_GB,
                   "dispatch_memory_gb": DISPATCH_MEMORY_GB, "patients_sharing_schedule": PATIENTS_SHARING_THE_SCHEDULE,
                   "emails_per_patient_month_assumed": EMAILS_PER_PATIENT_MONTH, "wru_per_item_written": wru_per_item},
        "prices": {"lambda_usd_per_gb_s": LAMBDA_USD_PER_GB_S, "lambda_usd_per_request": LAMBDA_USD_PER_REQUEST,
                   "http_api_usd_per_request": HTTP_API_USD_PER_REQUEST, "dynamodb_usd_per_wru": DYNAMODB_USD_PER_WRU,
                   "dynamodb_usd_per_rru": DYNAMODB_USD_PER_RRU, "ses_usd_per_email": SES_USD_PER_EMAIL,
                   "twilio_usd_per_segment": TWILIO_USD_PER_SEGMENT,
                   "carrier_usd_per_outbound_segment": CARRIER_USD_PER_OUTBOUND_SEGMENT},
    }
