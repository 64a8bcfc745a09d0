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
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from local.phone_network import FailurePlan
from local.stack import LocalStack
from shared.domain.jobs import Channel, JobStatus, utc_iso
from shared.services.schedule import CHECKIN, CHECKIN_NUDGE
from tests.e2e.conftest import move_clock
from tests.fakes import FakeMail, MemoryStore

START = datetime(2027, 6, 7, 15, 0, tzinfo=timezone.utc)  # 11:00 in New York, the day before the plans start
PATIENTS = 200
DAYS = 7
KEY = {"Authorization": "Bearer faults-key"}
FINAL = {JobStatus.SENT, JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.UNCONFIRMED, JobStatus.CANCELLED,
         JobStatus.DONE}
NEEDS_ATTENTION = {JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.UNCONFIRMED}
ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles")
DOSE_TIMES = ("20:00", "20:30", "21:00", "21:15")
CHECKIN_TIMES = ("17:00", "18:00", "18:30")
REFUSED = {"20429", "20500"}  # the Twilio error codes of the plan's 429 and 500
ANSWERS = ("2", "7", "0")  # symptoms, mood, new effects: mild, nothing for the care team


class MemoryLocalStack(LocalStack):
    """The local stack as `make dev` builds it, on the in-memory store instead of moto's DynamoDB."""

    def start(self) -> "MemoryLocalStack":
        from shared.adapters.clock import SimulatedClock
        from shared.config import Settings

        env = {**self.environ, "TWILIO_API_URL": self.base_url}
        env.setdefault("PUBLIC_BASE_URL", self.base_url)
        self.settings = Settings.from_env(env)
        self.clock = SimulatedClock(self._start_time())
        self._build_services()
        self._serve()
        return self

    def _build_services(self) -> None:
        from functions.dispatch import handler as dispatch_handler
        from functions.web.app import create_app
        from local.dev_routes import dev_blueprint
        from local.phone_network import PhoneNetwork, StatusCallbacks, messages_api
        from local.scheduler import Schedule
        from local.seed import seed_demo_clinic
        from shared.wiring import build_services

        self.mail = FakeMail()
        self.services = build_services(self.settings, for_web=True, clock=self.clock, mail=self.mail,
                                       store=MemoryStore(), app_secret=self.environ["APP_SECRET"])
        self.demo = seed_demo_clinic(self.services, self.local.local_api_key)
        self.network = PhoneNetwork(self.clock, self.settings.twilio_account_sid, self.services.twilio_auth_token)
        self.callbacks = StatusCallbacks(self._post_status)
        self.schedule = Schedule(self.clock, self.services.store,
                                 lambda event: dispatch_handler.handler(event, None, services=self.services),
                                 self.settings.aws_region)
        service_numbers = {self.settings.twilio_messaging_service_sid or "from": self.settings.twilio_from_number}
        self._app = create_app(self.services, extra_blueprints=[
            dev_blueprint(self),
            messages_api(lambda: self.network, lambda: self.callbacks, lambda: service_numbers)])

    def stop(self) -> None:
        self.ticker.stop()
        self.server.shutdown()


@pytest.fixture(scope="module")
def stack():
    running = MemoryLocalStack({"PORT": "0", "DEV_TICK_SECONDS": "0", "DEV_START_TIME": utc_iso(START),
                                "LOCAL_API_KEY": "faults-key", "SMS_PER_SECOND": "0"}).start()
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


def reply(stack, n: int, body: str) -> None:
    answer = requests.post(stack.base_url + "/dev/phone", json={"from": phone(n), "body": body}, timeout=30).json()
    assert answer["status"] == 200


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
            reply(stack, n, text)
            replies += 1
    return replies


def sends_by_job(stack) -> dict[tuple[str, str], list[dict]]:
    """Every message Twilio accepted through the REST API, by the job named in its status callback."""
    found: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with stack.network.lock:
        messages = [dict(m) for m in stack.network.messages]
    for message in messages:
        if message["direction"] == "outbound" and message["status_callback"]:
            query = parse_qs(urlsplit(message["status_callback"]).query)
            found[(query["patient"][0], query["job"][0])].append(message)
    return found


def test_a_week_of_random_twilio_failures_ends_every_job_sent_once_or_visibly_failed(stack):
    began = time.perf_counter()
    plan = FailurePlan(rate=0.2, seed=9, hang_seconds=0.6)
    stack.network.fail_randomly(plan)
    # Given 200 patients enrolled and consenting, while one Twilio send in five fails
    ids = [enroll(stack, n) for n in range(PATIENTS)]
    move_clock(stack, advance_minutes=30)                       # the welcomes go out, retried as needed
    for n in range(PATIENTS):
        reply(stack, n, "YES")
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
    jobs = {pid: stack.services.store.jobs_of(pid) for pid in ids}
    known = {(pid, j.job_id) for pid, found in jobs.items() for j in found}
    sent_jobs = {(pid, j.job_id) for pid, found in jobs.items() for j in found if j.status is JobStatus.SENT}
    assert set(sends) <= known                                  # nothing went out that no job asked for
    by_key = {(pid, j.job_id): j for pid, found in jobs.items() for j in found}
    unrecorded = [(by_key[key].kind, by_key[key].status.value, by_key[key].error_code, by_key[key].attempts,
                   by_key[key].sid, utc_iso(by_key[key].send_at), [(m["sid"], m["created_at"]) for m in sends[key]])
                  for key in set(sends) - sent_jobs]
    assert unrecorded == []                                     # every text at Twilio is a job recorded sent
    statuses: Counter = Counter()
    kinds: Counter = Counter()
    retried_nudges_sent = 0
    for pid, found in jobs.items():
        attention = {j["id"] for j in requests.get(f"{stack.base_url}/api/patients/{pid}", headers=KEY,
                                                   timeout=30).json()["deliveries_needing_attention"]}
        for job in found:
            statuses[job.status.value] += 1
            kinds[(job.kind, job.status.value)] += 1
            messages = sends.get((pid, job.job_id), [])
            assert len(messages) <= 1, (job, messages)          # never doubled
            if job.send_at <= end - timedelta(hours=1):
                assert job.status in FINAL, job                 # never lost in the outbox
            if job.channel is Channel.SMS and job.status is JobStatus.SENT:
                assert [m["sid"] for m in messages] == [job.sid], job   # exactly one message, this one
                assert (messages[0]["to"], messages[0]["body"]) == (job.to, job.body), job
            if job.status in (JobStatus.FAILED, JobStatus.EXPIRED, JobStatus.CANCELLED):
                assert messages == [], (job, messages)          # reported as not sent: and it was not
            if job.status in NEEDS_ATTENTION:
                assert job.job_id in attention, job             # visible on the patient's record
            if job.kind == CHECKIN_NUDGE and job.status is JobStatus.SENT and job.error_code in REFUSED:
                retried_nudges_sent += 1                        # its last failed try was a 429 or a 500
    drawn = Counter(plan.drawn)
    print(f"\ntwilio week: {PATIENTS} patients, {DAYS} days; sends attempted {len(plan.drawn)}, "
          f"faults {dict(drawn)}; replies {replies}; jobs {dict(statuses)}; nudges sent after a 429/500 "
          f"{retried_nudges_sent}; by kind {dict(sorted(kinds.items()))}; {time.perf_counter() - began:.0f} s")
    assert all(drawn[kind] >= 20 for kind in ("429", "500", "timeout_kept", "timeout_lost")), drawn
    assert kinds[(CHECKIN, "sent")] >= PATIENTS and kinds[(CHECKIN_NUDGE, "sent")] >= PATIENTS // 3
    assert retried_nudges_sent >= 10                            # nudges refused by Twilio went out on retry
    assert statuses["sent"] >= PATIENTS * DAYS
    assert statuses["failed"] >= 1                             # the refused phones' texts: failed, and listed
