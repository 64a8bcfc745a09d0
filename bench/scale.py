"""Capacity: how fast reminders due in one minute are handed to Twilio, design by design, with the emulator left out.

    .venv/bin/python -m bench scale      # this alone, merged into bench/results.json as scale.<design>.<due>

The real dispatch code runs: the dispatch Lambda handlers (`handler`, `worker`), `FanOut`, `Dispatcher.run` and
every job's claim, patient read, send and record, over the in-memory store (tests/memory, held to DynamoDB's
contract). What is simulated is time, on a virtual clock (a discrete-event simulation, so 100,000 sends at 150 ms
take seconds, not minutes):

- every store call costs a DynamoDB latency drawn from a log-normal (p50 4 ms, p99 15 ms), one per call, and the
  Twilio stand-in's create costs a Twilio latency (p50 150 ms, p99 600 ms); past the account's concurrency
  (requests in flight on the virtual clock, all workers together) it answers 429 / 20429 as Twilio does;
- the Dispatcher's thread pool is a virtual pool of `concurrency` slots: a job starts on the slot that frees first
  and holds it for the sum of its calls' latencies (jobs run one at a time in real time, each at its virtual
  start); the Lambda's remaining time (the handler's context) is read on the same clock;
- the schedule runs every minute while anything is due; the fan-out's invokes take 20 ms each (p99 80 ms), in
  turn, and a worker starts 50 ms after its invoke (p99 300 ms: Lambda's queue and a warm start). The worker's
  reserved concurrency is the shard count: a worker started while that many still run is throttled and Lambda
  tries it again 1 s later, then 2 s, 4 s... (AWS's documented backoff), until its event is 60 s old (dropped).

A reminder is handed over when Twilio's answer to its create arrives; it is late when that is after its minute
(more than 60 s after it fell due). `scheduled` is the fan-out with SCHEDULE_AHEAD_MINUTES=60 through a Messaging
Service: the runs from an hour before hand each reminder over with SendAt = its minute (lateness 0: Twilio sends it
on the minute, at the sender's own rate). `limit_per_s` is what anyone could hand over: the account's concurrency over
Twilio's mean latency (Little's law); `vs_limit` is the design's rate over it. The messages-per-second pacer is off
(SMS_PER_SECOND=0) in every design: past the handoff, Twilio queues each sender's texts and releases them at the
sender's own rate (README, "Capacity").
"""
from __future__ import annotations

import bisect
import heapq
import math
import random
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

DUE_COUNTS = (1_000, 10_000, 100_000)
DESIGNS = ("single", "fanout", "scheduled")
LEAD_MINUTES = 60                       # scheduled: SCHEDULE_AHEAD_MINUTES, reminders handed over an hour ahead
MINUTE = datetime(2027, 3, 16, 1, 0, tzinfo=timezone.utc)  # 21:00 in New York: bedtime doses
TWILIO_CONCURRENCY = 100
SHARDS, WORKER_CONCURRENCY = 8, 12     # serverless.yml: dueShards x dispatchConcurrency = 96 <= 100
SINGLE_CONCURRENCY = 8                  # today's one invocation (DISPATCH_CONCURRENCY's default)
SCHEDULE_TIMEOUT_S, WORKER_TIMEOUT_S = 55.0, 75.0  # serverless.yml
MAX_EVENT_AGE_S = 60.0                  # serverless.yml: a worker's event throttled longer than this is dropped
SEED = 18


@dataclass(frozen=True)
class Latency:
    """A log-normal latency given by its median and 99th percentile, in seconds."""

    p50: float
    p99: float

    @property
    def sigma(self) -> float:
        return math.log(self.p99 / self.p50) / 2.3263

    @property
    def mean(self) -> float:
        return self.p50 * math.exp(self.sigma ** 2 / 2)

    def draw(self, rng: random.Random) -> float:
        return rng.lognormvariate(math.log(self.p50), self.sigma)


DYNAMODB = Latency(0.004, 0.015)
TWILIO = Latency(0.150, 0.600)
TWILIO_429 = Latency(0.030, 0.100)
INVOKE = Latency(0.020, 0.080)
WORKER_START = Latency(0.050, 0.300)


class Sim:
    """The virtual clock (seconds after the minute) and the random draws."""

    def __init__(self, seed: int = SEED):
        self.t = 0.0
        self.rng = random.Random(seed)

    def spend(self, latency: Latency) -> None:
        self.t += latency.draw(self.rng)


class TimedStore:
    """The in-memory store; each call costs a DynamoDB latency on the virtual clock (a due-index read: one a page of
    1,000 keys)."""

    def __init__(self, store: Any, sim: Sim):
        self._store, self._sim = store, sim

    def due_jobs(self, now: datetime, shard: int | None = None, after: datetime | None = None):
        for n, due in enumerate(self._store.due_jobs(now, shard, after)):
            if n % 1000 == 0:
                self._sim.spend(DYNAMODB)
            yield due

    def jobs_of(self, patient_id: str) -> list:
        """The in-memory store's jobs_of, found through an index by patient (its own looks at every job, which at
        100,000 patients would make the simulation quadratic); one DynamoDB query's latency."""
        self._sim.spend(DYNAMODB)
        jobs = self._store.table.jobs
        if getattr(self, "_indexed", -1) != len(jobs):
            self._by_patient: dict[str, list[str]] = {}
            for patient, job_id in jobs:
                self._by_patient.setdefault(patient, []).append(job_id)
            self._indexed = len(jobs)
        return [job for job in (self._store.get_job(patient_id, job_id)
                                for job_id in sorted(self._by_patient.get(patient_id, []))) if job]

    def due_shards(self, now: datetime) -> list[int]:
        for _ in range(self._store.table.shards):
            self._sim.spend(DYNAMODB)
        return self._store.due_shards(now)

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._store, name)
        if not callable(found):
            return found

        def timed(*args: Any, **kwargs: Any) -> Any:
            self._sim.spend(DYNAMODB)
            return found(*args, **kwargs)
        return timed


class TwilioStandIn:
    """Twilio's Messages create on the virtual clock: a drawn latency, and 429 / 20429 past the account's concurrency
    (requests in flight at that moment, counted over every worker's requests)."""

    def __init__(self, sim: Sim, concurrency: int = TWILIO_CONCURRENCY):
        self.sim, self.concurrency = sim, concurrency
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.handed: dict[str, float] = {}   # phone -> when Twilio's answer came
        self.refused = 0

    def in_flight(self, moment: float) -> int:
        return bisect.bisect_right(self.starts, moment) - bisect.bisect_right(self.ends, moment)

    def send(self, to: str, body: str, status_callback: str, sender: str = "") -> str:
        from shared.errors import SendError

        start = self.sim.t
        if self.in_flight(start) >= self.concurrency:
            self.sim.spend(TWILIO_429)
            self.refused += 1
            raise SendError("Twilio refused the message: HTTP 429", code="20429", retryable=True)
        self.sim.spend(TWILIO)
        bisect.insort(self.starts, start)
        bisect.insort(self.ends, self.sim.t)
        self.handed[to] = self.sim.t
        return f"SM{len(self.handed):032x}"

    def find_sent(self, to: str, body: str, since: datetime) -> str | None:
        return None

    def schedule(self, to: str, body: str, status_callback: str, send_at: datetime, sender: str = "") -> str:
        """A create with ScheduleType=fixed and SendAt: the same request, the same limits."""
        return self.send(to, body, status_callback, sender)

    def cancel(self, sid: str) -> bool:
        return True


class VirtualPool:
    """The Dispatcher's pool on the virtual clock: `concurrency` slots; each job starts when the first slot frees
    (no earlier than the run's start) and holds it for its calls' latencies."""

    def __init__(self, sim: Sim, concurrency: int, start: float):
        self.sim = sim
        self.free = [start] * concurrency
        heapq.heapify(self.free)

    def next_start(self) -> float:
        return self.free[0]

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        self.sim.t = heapq.heappop(self.free)
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # noqa: BLE001 - as a pool would hold it
            future.set_exception(exc)
        heapq.heappush(self.free, self.sim.t)
        return future

    def __enter__(self) -> "VirtualPool":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def end(self) -> float:
        return max(self.free)


class Context:
    """A Lambda context whose remaining time is read on the virtual clock, where the pool would claim next."""

    def __init__(self, pool: VirtualPool, start: float, timeout_s: float):
        self.pool, self.deadline = pool, start + timeout_s
        self.aws_request_id = "bench"

    def get_remaining_time_in_millis(self) -> int:
        return int((self.deadline - self.pool.next_start()) * 1000)


class SimWorkers:
    """Asynchronous invokes on the virtual clock: each costs the schedule an invoke's latency; the worker starts a
    little later (Lambda's queue)."""

    def __init__(self, sim: Sim):
        self.sim = sim
        self.queued: list[tuple[float, datetime, int]] = []

    def start(self, now: datetime, shard: int) -> None:
        self.sim.spend(INVOKE)
        self.queued.append((self.sim.t + WORKER_START.draw(self.sim.rng), now, shard))


def seeded_store(due: int) -> Any:
    from shared.domain.jobs import Channel, Job
    from tests.builders import a_patient
    from tests.memory import MemoryStore

    store = MemoryStore(due_shards=SHARDS)
    template = a_patient("template", consented_at=MINUTE - timedelta(days=3))
    for n in range(due):
        patient = replace(template, patient_id=f"p{n:06d}", phone=f"+1212{n:07d}")
        store.add_patient(patient)
        store.put_job(Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind="dose_reminder",
                              to=patient.phone, send_at=MINUTE, unique=f"dose-{n:012d}", body="Demo Clinic: Tonight: LDN 3 mg."))
    return store


def services_for(design: str, store: Any, sim: Sim, sms: TwilioStandIn) -> tuple[Any, SimWorkers | None]:
    from shared.config import Settings
    from shared.wiring import build_services
    from tests.fakes import FakeMail, FixedClock

    fans_out = design in ("fanout", "scheduled")
    ahead = {"schedule_ahead_minutes": LEAD_MINUTES, "twilio_messaging_service_sid": "MG" + "0" * 32} \
        if design == "scheduled" else {}
    settings = Settings(mode="local", due_shards=SHARDS, sms_per_second=0, log_level="ERROR",
                        dispatch_concurrency=WORKER_CONCURRENCY if fans_out else SINGLE_CONCURRENCY,
                        twilio_concurrency=TWILIO_CONCURRENCY, **ahead)
    workers = SimWorkers(sim) if fans_out else None
    extra = {"workers": workers} if workers else {}
    services = build_services(settings, clock=FixedClock(MINUTE), store=TimedStore(store, sim), sms=sms,
                              mail=FakeMail(), twilio_auth_token="bench", **extra)
    return services, workers


def run_design(design: str, due: int, max_minutes: int = 240) -> dict:
    """Every reminder due at one minute, dispatched by `design` until none is left; the handoff figures."""
    from functions.dispatch import handler as dispatch
    from shared.domain.jobs import utc_iso

    sim = Sim()
    store = seeded_store(due)
    sms = TwilioStandIn(sim)
    services, workers = services_for(design, store, sim, sms)
    report: Counter[str] = Counter()
    running: list[tuple[float, float]] = []  # (start, end) of every worker run so far
    lead = timedelta(minutes=LEAD_MINUTES if design == "scheduled" else 0)
    first = -int(lead.total_seconds() // 60)  # scheduled: the runs begin an hour before the reminders' minute
    for minute in range(first, max_minutes):
        now = MINUTE + timedelta(minutes=minute)
        if not store.due_shards(now + lead):
            break
        sim.t = minute * 60.0
        if workers is None:  # today's one invocation: it sends everything due itself
            pool = VirtualPool(sim, SINGLE_CONCURRENCY, sim.t)
            services.dispatcher.pool = lambda _n, p=pool: p
            report.update(dispatch.handler({"time": utc_iso(now)}, Context(pool, sim.t, SCHEDULE_TIMEOUT_S),
                                           services=services))
            continue
        dispatch.handler({"time": utc_iso(now)}, None, services=services)
        started, workers.queued = workers.queued, []
        for queued, moment, shard in started:  # shards are disjoint: each worker runs on its own virtual timeline
            begin = admitted(queued, running)
            if begin is None:
                report["workers_dropped"] += 1
                continue
            pool = VirtualPool(sim, WORKER_CONCURRENCY, begin)
            services.dispatcher.pool = lambda _n, p=pool: p
            report.update(dispatch.worker({"time": utc_iso(moment), "shard": shard},
                                          Context(pool, begin, WORKER_TIMEOUT_S), services=services))
            running.append((begin, pool.end()))
    return figures(design, due, sms, report, start=first * 60.0)


def admitted(queued: float, running: list[tuple[float, float]]) -> float | None:
    """When Lambda runs a worker queued at `queued`, given the workers running (reserved concurrency = shards):
    throttled, it is tried again 1 s later, then 2 s, 4 s...; None once its event is older than the maximum age."""
    begin, wait = queued, 1.0
    while sum(1 for start, end in running if start <= begin < end) >= SHARDS:
        begin += wait
        wait *= 2
        if begin - queued > MAX_EVENT_AGE_S:
            return None
    return begin


def figures(design: str, due: int, sms: TwilioStandIn, report: Counter[str], start: float = 0.0) -> dict:
    """Lateness is counted from the reminders' minute (0 for one handed over before it: Twilio sends it on the
    minute); the handoff rate over the time from the first run to the last handoff."""
    if len(sms.handed) != due or report["sent"] + report["handed_ahead"] != due:
        raise RuntimeError(f"scale {design} {due}: {len(sms.handed)} handed over, report {dict(report)}")
    late = sorted(max(0.0, moment) for moment in sms.handed.values())  # seconds after the reminders fell due
    limit = TWILIO_CONCURRENCY / TWILIO.mean
    rate = due / (max(sms.handed.values()) - start)
    return {"p50_late_s": round(_quantile(late, 0.50), 2), "p99_late_s": round(_quantile(late, 0.99), 2),
            "max_late_s": round(late[-1], 2), "handoff_per_s": round(rate, 1), "limit_per_s": round(limit, 1),
            "vs_limit": round(rate / limit, 3), "late_count": sum(1 for moment in late if moment > 60.0),
            "twilio_429": sms.refused, "runs_report": {k: v for k, v in sorted(report.items()) if v}}


def _quantile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(due_counts: tuple[int, ...] = DUE_COUNTS, designs: tuple[str, ...] = DESIGNS, progress=print) -> dict:
    results: dict = {}
    for design in designs:
        for due in due_counts:
            found = run_design(design, due)
            results.setdefault(design, {})[str(due)] = found
            progress(f"    scale: {design:<9} {due:>7,} due -> last handed over {found['max_late_s']:>8} s after the "
                     f"minute, {found['handoff_per_s']:>6}/s ({found['vs_limit']:.2f} of {found['limit_per_s']}/s), "
                     f"{found['late_count']:,} late")
    results["settings"] = {"twilio_concurrency": TWILIO_CONCURRENCY, "due_shards": SHARDS,
                           "worker_concurrency": WORKER_CONCURRENCY, "single_concurrency": SINGLE_CONCURRENCY,
                           "dynamodb_latency_s": {"p50": DYNAMODB.p50, "p99": DYNAMODB.p99},
                           "twilio_latency_s": {"p50": TWILIO.p50, "p99": TWILIO.p99, "mean": round(TWILIO.mean, 4)},
                           "schedule_timeout_s": SCHEDULE_TIMEOUT_S, "worker_timeout_s": WORKER_TIMEOUT_S,
                           "sms_per_second": 0, "seed": SEED, "scheduled_lead_minutes": LEAD_MINUTES}
    return results
