"""One clinic's whole service for the model-based test, built only through the public seams: `build_services`
(with the in-memory store, or with none so the wiring builds the real DynamoDB store over a moto table), the
Flask app's JSON API, `services.inbound.handle` and the dispatch handlers (the minute's run fans out to a worker
per due shard, each run inline as it is started).

The one test double of our own is `ObservingSms`: tests.fakes.FakeSms that also notes, at the moment dispatch
hands it a text, which job the text is (the status-callback URL names it) and where the patient stood then
(read from the store in that very call: dispatch sends one job at a time here), and that fails the next sends
to one phone as a script says, so a failure lands on the patient the test chose.
"""
from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from shared.config import Settings
from shared.domain.accounts import Role, User
from functions.dispatch import handler as dispatch
from shared.domain.jobs import Job, utc_iso
from shared.domain.patients import PatientStatus
from shared.services.ports import InboundSms, SendError
from shared.wiring import build_services
from tests.fakes import FakeMail, FakeSms, FixedClock

LONGEST_STEP_RUNS = 600  # dispatch runs in one move of the clock, at most (a safety valve)
API_KEY = "tl_model-based-test-key"
PROVIDER = "provider@model.example"
SERVICE_NUMBER = "+15005550006"

# What a scripted Twilio failure looks like to dispatch, as the real adapter raises it.
TWILIO_FAILURES = {
    "429": SendError("Twilio refused the message: HTTP 429", code="20429", retryable=True),
    "500": SendError("Twilio refused the message: HTTP 500", code="20500", retryable=True),
    "network": SendError("Twilio unreachable: ConnectionError", code="network", retryable=True),
    "timeout_lost": SendError("Twilio answer lost: ReadTimeout", code="ambiguous", ambiguous=True),
    "21610": SendError("Twilio refused the message: HTTP 400", code="21610"),   # the patient unsubscribed
    "21211": SendError("Twilio refused the message: HTTP 400", code="21211"),   # not a valid number
    "30007": SendError("Twilio refused the message: HTTP 400", code="30007"),   # carrier filtered, permanent
}
TIMEOUT_KEPT = "timeout_kept"  # Twilio took the text, then the answer was lost


@dataclass(frozen=True)
class SendSeen:
    """One text that reached Twilio, with what the store said at that moment."""

    at: datetime
    to: str
    body: str
    sid: str
    patient_id: str
    job: Job | None
    status: PatientStatus | None
    plan_generation: str


@dataclass(frozen=True)
class FailureSeen:
    """One send Twilio refused (or whose answer was lost), by script."""

    at: datetime
    to: str
    patient_id: str
    job_id: str
    code: str
    reached_twilio: bool


class ObservingSms(FakeSms):
    """FakeSms that records each send's job and patient as they were when it was sent, and fails by script."""

    def __init__(self, clock: FixedClock):
        super().__init__()
        self.clock = clock
        self.store: Any = None
        self.script: dict[str, list[str]] = {}      # phone -> failures for its next sends, in turn
        self.events: list[SendSeen | FailureSeen] = []

    def send(self, to: str, body: str, status_callback: str, sender: str = "") -> str:
        query = parse_qs(urlsplit(status_callback).query)
        patient_id, job_id = query["patient"][0], query["job"][0]
        job = self.store.get_job(patient_id, job_id)
        patient = self.store.get_patient(patient_id)
        now = self.clock.now()
        planned = self.script.get(to) or []
        failure = planned.pop(0) if planned else None
        if failure in TWILIO_FAILURES:
            self.events.append(FailureSeen(now, to, patient_id, job_id, failure, reached_twilio=False))
            raise TWILIO_FAILURES[failure]
        self.lose_answer = failure == TIMEOUT_KEPT
        before = len(self.sent)
        try:
            return super().send(to, body, status_callback, sender)
        except SendError:
            if failure == TIMEOUT_KEPT:
                self.events.append(FailureSeen(now, to, patient_id, job_id, failure, reached_twilio=True))
            raise
        finally:
            if len(self.sent) > before:
                sid = self.sent[-1]["sid"]
                self.events.append(SendSeen(now, to, body, sid, patient_id, job,
                                            patient.status if patient else None,
                                            patient.plan_generation if patient else ""))

    def find_sent(self, to: str, body: str, since: datetime) -> str | None:
        """As Twilio's Messages list answers it: this number and text, sent since `since` (FakeSms ignores
        `since`, and would find yesterday's identical dose reminder)."""
        return next((e.sid for e in self.events
                     if isinstance(e, SendSeen) and e.to == to and e.body == body and e.at >= since), None)


@dataclass
class World:
    services: Any
    client: Any
    clock: FixedClock
    sms: ObservingSms
    mail: FakeMail
    quiet_start: time
    quiet_end: time
    hold_on_escalation: bool
    workers: "InlineWorkers"
    cleanup: list = field(default_factory=list)

    @property
    def store(self) -> Any:
        return self.services.store

    def move_clock(self, target: datetime, dispatch_down: bool = False) -> list[tuple[datetime, dict]]:
        """Move time to `target` as the one-minute schedule would: dispatch now, at every minute a job falls due
        on the way, and at `target`; or, with dispatch down, only at `target`. Returns each run's report."""
        runs = []

        def run(moment: datetime) -> None:  # the minute's run, fanning out to a worker per due shard, as deployed
            self.clock.set(moment)
            started = dispatch.handler({"time": utc_iso(moment)}, None, services=self.services)
            runs.append((moment, {**started, **self.workers.settle()}))

        if not dispatch_down:
            run(self.clock.now())
            for _ in range(LONGEST_STEP_RUNS):
                now = self.clock.now()
                due = self.store.next_due_after(now - timedelta(seconds=1))
                # a job due by now was written during the last run (an email a task queued): the next minute
                minute = None if due is None else _ceil_minute(due) if due > now else now + timedelta(minutes=1)
                if minute is None or minute > target:
                    break
                run(minute)
            else:
                raise AssertionError(f"more than {LONGEST_STEP_RUNS} dispatch runs before {target}")
        if self.clock.now() < target or dispatch_down:
            run(target)
        return runs

    def text(self, phone: str, body: str, sid: str) -> str:
        """A text from a phone, as Twilio posts it; the reply."""
        return self.services.inbound.handle(InboundSms(sid, phone, SERVICE_NUMBER, body, self.clock.now())).reply

    def api(self, method: str, path: str, body: dict | None = None):
        kwargs = {"json": body} if body is not None else {}
        return self.client.open(path, method=method, headers={"Authorization": f"Bearer {API_KEY}"}, **kwargs)


class InlineWorkers:
    """Dispatch workers run as they are started, one after another (a run replays alike), their reports summed."""

    def __init__(self) -> None:
        self.services: Any = None
        self.report: Counter[str] = Counter()

    def start(self, now: datetime, shard: int) -> None:
        self.report.update(dispatch.worker({"time": utc_iso(now), "shard": shard}, None, services=self.services))

    def settle(self) -> dict[str, int]:
        report, self.report = dict(self.report), Counter()
        return report


def settings_for(table_name: str = "taperline-model", endpoint: str = "") -> Settings:
    """Local settings; dispatch sends one job at a time, unpaced, so a run replays alike (random ids aside) and
    `ObservingSms` reads the store at the very moment of each send."""
    return Settings(mode="local", table_name=table_name, aws_endpoint_url=endpoint,
                    public_base_url="https://taper.example", twilio_account_sid="AC" + "1" * 32,
                    twilio_auth_token="test-token", twilio_from_number=SERVICE_NUMBER, due_shards=4,
                    sms_per_second=0, dispatch_concurrency=1, log_level="WARNING")


def memory_world(now: datetime, quiet: tuple[time, time], hold_on_escalation: bool) -> World:
    from tests.fakes import MemoryStore

    settings = settings_for()
    return _world(settings, now, quiet, hold_on_escalation, store=MemoryStore(due_shards=settings.due_shards))


def moto_world(endpoint: str, now: datetime, quiet: tuple[time, time], hold_on_escalation: bool) -> World:
    """A fresh table on the shared moto server, and the real DynamoDB store the wiring builds over it."""
    from local.table_definition import create_table
    from shared.wiring import aws_client

    settings = settings_for(f"model-{uuid.uuid4().hex[:12]}", endpoint)
    client = aws_client(settings, "dynamodb")
    create_table(client, settings.table_name)
    world = _world(settings, now, quiet, hold_on_escalation)
    world.cleanup.append(lambda: client.delete_table(TableName=settings.table_name))
    return world


def _world(settings: Settings, now: datetime, quiet: tuple[time, time], hold_on_escalation: bool,
           **store: Any) -> World:
    from functions.web.app import create_app

    clock = FixedClock(now)
    sms, mail, workers = ObservingSms(clock), FakeMail(), InlineWorkers()
    services = workers.services = build_services(settings, clock=clock, sms=sms, mail=mail, twilio_auth_token="test-token",
                                                 app_secret="model-app-secret", workers=workers, **store)
    sms.store = services.store
    clinic = services.accounts.create_clinic(
        "Model Clinic", "+1 212 555 0100", now,
        settings={"timezone": "America/New_York", "quiet_start": quiet[0].strftime("%H:%M"),
                  "quiet_end": quiet[1].strftime("%H:%M"), "hold_on_escalation": hold_on_escalation,
                  "escalation_email": "urgent@model.example",
                  "enrollments_per_minute": 100})  # more than a run's 40 steps can enroll: limits have their own tests
    # the provider never signs in here: stored with no password, sparing each example an argon2 hash
    services.store.put_user(User(PROVIDER, clinic.clinic_id, Role.PROVIDER, "Dr. Model"), now)
    services.accounts.create_api_key(clinic.clinic_id, "model", now, key=API_KEY)
    return World(services, create_app(services).test_client(), clock, sms, mail, quiet[0], quiet[1],
                  hold_on_escalation, workers)


def _ceil_minute(moment: datetime) -> datetime:
    floor = moment.replace(second=0, microsecond=0)
    return floor if floor == moment else floor + timedelta(minutes=1)
