"""Twilio answers 429, 500 or times out on a random 20% of sends over a simulated week of 200 patients.

The issue's full scale. The local stack runs as `make dev` wires it: the web app (the JSON API, the signed
Twilio webhooks, /dev/phone, /dev/clock), the real Dispatcher and schedule code invoked through the dispatch
handler at every due minute, the real `twilio` client sending over HTTP to the local Twilio-compatible
endpoint with its seeded FailurePlan (429, 500, a timeout after Twilio kept the text, a timeout before it
did, evenly), and Twilio's status callbacks posted back to /sms/status. Only the table differs: the
in-memory store (tests/fakes.MemoryStore, the same conditional rules as DynamoStore) instead of moto, which
would make this week ~20 minutes (tests/faults/test_twilio_failures.py keeps a bounded run on moto).

Patients enroll through the API, reply YES, and most answer their check-ins (some all three questions,
some only the first, some never), so the week holds welcome texts, dose reminders, step-downs, check-in
questions, nudges, closes and follow-ups. Sends are not paced (SMS_PER_SECOND=0): pacing is Twilio's rate
limit, not what this test is about.
"""
from __future__ import annotations

import time
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
import requests

from local.phone_network import FailurePlan
from local.stack import DevStack
from shared.domain.jobs import JobStatus, utc_iso
from shared.domain.job_kinds import JobKind

CHECKIN, CHECKIN_NUDGE = JobKind.CHECKIN, JobKind.CHECKIN_NUDGE
from tests.e2e.conftest import move_clock
from tests.fakes import FakeMail, MemoryStore
from tests.faults.twilio_checks import KEY, check_every_job, reply, sends_by_job, statuses_of

START = datetime(2027, 6, 7, 15, 0, tzinfo=timezone.utc)  # 11:00 in New York, the day before the plans start
PATIENTS = 200
DAYS = 7
ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles")
DOSE_TIMES = ("20:00", "20:30", "21:00", "21:15")
CHECKIN_TIMES = ("17:00", "18:00", "18:30")
REFUSED = {"20429", "20500"}  # the Twilio error codes of the plan's 429 and 500
ANSWERS = ("2", "7", "0")  # symptoms, mood, new effects: mild, nothing for the care team


class MemoryDevStack(DevStack):
    """The local stack as `make dev` builds it, on the in-memory store instead of moto's DynamoDB."""

    def _start_aws(self) -> str:
        return ""  # no AWS at all: nothing below calls it

    def _storage(self) -> dict:
        return {"store": MemoryStore(), "mail": FakeMail()}


@pytest.fixture(scope="module")
def stack():
    running = MemoryDevStack({"PORT": "0", "DEV_TICK_SECONDS": "0", "DEV_START_TIME": utc_iso(START),
                              "LOCAL_API_KEY": "faults-key", "SMS_PER_SECOND": "0",
                              "DEV_DEMO_ENROLLMENTS_PER_MINUTE": str(PATIENTS)}).start()  # the fleet, at once
    running.services.sms.client.http_client.timeout = 0.3  # a timeout is the client giving up: keep it short
    try:
        yield running
    finally:
        running.stop()


def phone(n: int) -> str:
    return f"+1646555{n:04d}"


def enroll(stack, n: int) -> str:
    """Plans of 3 mg down by 1 mg every 1 or 2 days, with follow-ups: they step down and end within the week."""
    body = {"first_name": "Flo", "last_name": f"Week{n}", "phone": phone(n), "timezone": ZONES[n % 3],
            "provider_email": "provider@example.org", "start_dose_mg": 3, "step_mg": 1, "step_days": 1 + n % 2,
            "dose_time": DOSE_TIMES[n % 4], "checkin_time": CHECKIN_TIMES[n % 3], "start_date": "2027-06-08",
            "follow_up_days": [1, 2] if n % 2 == 0 else [1], "consent": True}
    response = requests.post(stack.base_url + "/api/patients", json=body, headers=KEY, timeout=30)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def answer_open_checkins(stack, ids: list[str]) -> int:
    """Patients who got a check-in question answer it: a third all three questions, a third only the first
    (their nudge comes), a third never (nudge, then the check-in closes unanswered)."""
    replies = 0
    for n, pid in enumerate(ids):
        patient = stack.services.store.get_patient(pid)
        checkin = patient.open_checkin
        if checkin is None or n % 3 == 2 or checkin.current is None:
            continue
        asked = stack.services.store.get_job(pid, checkin.checkin_id)
        if asked is None or asked.status is not JobStatus.SENT or (n % 3 == 1 and checkin.position > 0):
            continue
        for text in ANSWERS[checkin.position:] if n % 3 == 0 else ANSWERS[checkin.position:1]:
            reply(stack, phone(n), text)
            replies += 1
    return replies


def test_a_week_of_random_twilio_failures_ends_every_job_sent_once_or_visibly_failed(stack):
    began = time.perf_counter()
    plan = FailurePlan(rate=0.2, seed=9, hang_seconds=0.6)
    stack.network.fail_randomly(plan)
    # Given 200 patients enrolled and consenting, while one Twilio send in five fails
    ids = [enroll(stack, n) for n in range(PATIENTS)]
    move_clock(stack, advance_minutes=30)                       # the welcomes go out, retried as needed
    for n in range(PATIENTS):
        reply(stack, phone(n), "YES")
    for n, (status, code) in enumerate(((500, 20500), (429, 20429), (500, 20500))):
        stack.network.fail_next(status, code, times=10, to=phone(n))  # a few phones Twilio keeps refusing for a while
    # When dispatch runs at every due minute for a week, the patients answering their check-ins
    end = START + timedelta(days=DAYS)
    replies = 0
    for hour in range(1, DAYS * 24 + 1):
        move_clock(stack, now=utc_iso(min(end, START + timedelta(hours=hour))))
        replies += answer_open_checkins(stack, ids)
    stack.network.fail_randomly(None)
    stack.callbacks.jobs.join()  # every status callback Twilio owed us has arrived

    # Then every job due in the week ended: sent once (one message at Twilio), or failed and listed
    sends = sends_by_job(stack)
    jobs = check_every_job(stack, ids, end - timedelta(hours=1), sends)
    sent_jobs = {(pid, j.job_id) for pid, found in jobs.items() for j in found if j.status is JobStatus.SENT}
    by_key = {(pid, j.job_id): j for pid, found in jobs.items() for j in found}
    unrecorded = [(by_key[key].kind, by_key[key].status.value, by_key[key].error_code, by_key[key].attempts,
                   by_key[key].sid, utc_iso(by_key[key].send_at), [(m["sid"], m["created_at"]) for m in sends[key]])
                  for key in set(sends) - sent_jobs]
    assert unrecorded == []                                     # every text at Twilio is a job recorded sent
    statuses = statuses_of(jobs)
    kinds = Counter((j.kind, j.status.value) for found in jobs.values() for j in found)
    retried_nudges_sent = sum(1 for found in jobs.values() for j in found      # last failed try a 429 or 500
                              if j.kind == CHECKIN_NUDGE and j.status is JobStatus.SENT and j.error_code in REFUSED)
    drawn = Counter(plan.drawn)
    print(f"\ntwilio week: {PATIENTS} patients, {DAYS} days; sends attempted {len(plan.drawn)}, "
          f"faults {dict(drawn)}; replies {replies}; jobs {dict(statuses)}; nudges sent after a 429/500 "
          f"{retried_nudges_sent}; by kind {dict(sorted(kinds.items()))}; {time.perf_counter() - began:.0f} s")
    assert all(drawn[kind] >= 20 for kind in ("429", "500", "timeout_kept", "timeout_lost")), drawn
    assert kinds[(CHECKIN, "sent")] >= PATIENTS and kinds[(CHECKIN_NUDGE, "sent")] >= PATIENTS // 3
    assert retried_nudges_sent >= 10                            # nudges refused by Twilio went out on retry
    assert statuses["sent"] >= PATIENTS * DAYS
    assert statuses["failed"] >= 1                             # the refused phones' texts: failed, and listed
