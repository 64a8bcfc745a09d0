"""Dispatch: due jobs sent per second with the messages-per-second limit lifted (100, 1,000, 10,000 due),
and DynamoDB calls and time per sent job as the number of enrolled patients grows (10 -> 10,000).

Each scenario has a table of its own on the stack's moto server and runs the real dispatch handler with
the real wiring: the real twilio client sends to the stack's Twilio-compatible endpoint over loopback.
Status callbacks are recorded by the endpoint but not posted back (they are the web function's work,
and would share this one process's CPU with dispatch).
"""
from __future__ import annotations

import dataclasses
import gc
import time
from datetime import timedelta
from typing import Any, Iterable

from bench.measure import CallCounter, median
from bench.stack import (UNDELIVERED_CALLBACKS, ServerErrors, new_table, patient_items, patients_like, services_on, template_patient,
                         write_items)

DUE_COUNTS = (100, 1_000, 10_000)
PATIENT_COUNTS = (10, 100, 1_000, 10_000)
DUE_IN_SWEEP = 100
FUTURE_JOBS_PER_PATIENT = 2
TARGET_CALLS_PER_JOB = 3  # claim (returns the job), the patient's state at send time, record the send


def _jobs(patients: list[Any], due_per_patient: dict[str, int], now, future: int) -> Iterable[dict]:
    """Due dose reminders (as many as asked per patient) and `future` later ones each."""
    from shared.adapters.dynamodb.codec import job_to_item
    from shared.domain.jobs import Channel, Job
    from shared.domain.job_kinds import JobKind

    DOSE_REMINDER = JobKind.DOSE_REMINDER

    for patient in patients:
        dose = patient.plan.dose_on(now.date())
        body = f"{patient.clinic_name}: Tonight: LDN {dose} mg."
        for n in range(due_per_patient.get(patient.patient_id, 0)):
            yield job_to_item(Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=DOSE_REMINDER,
                                      to=patient.phone, send_at=now - timedelta(seconds=n), unique=f"now{n}",
                                      body=body), 8)
        for n in range(future):
            yield job_to_item(Job.new(patient_id=patient.patient_id, channel=Channel.SMS, kind=DOSE_REMINDER,
                                      to=patient.phone, send_at=now + timedelta(days=n + 1), unique=f"later{n}",
                                      body=body), 8)


class Listed:
    """The store, with the due jobs already read: Dispatcher.run sends them with every other call real."""

    def __init__(self, store: Any, due: list):
        self.store, self.due = store, due

    def due_jobs(self, now):
        return iter(self.due)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def scenario(stack: Any, template: Any, name: str, patients: int, due: int, future: int = 0,
             prefetch: bool = False) -> dict:
    """Seed `patients` with `due` jobs due now between them (and `future` later jobs each); run dispatch once;
    what it took. Then a run with nothing left due on the same table: the fixed cost of its shard queries.

    With `prefetch` the due list is read first and timed apart, then the real Dispatcher sends it: the
    time per job without moto's query cost, which grows with the table (DynamoDB's reads only the index).
    """
    from functions.dispatch import handler as dispatch_handler
    from shared.domain.jobs import utc_iso
    from shared.domain.patients import PatientStatus

    table = f"bench-{name}"
    new_table(stack, table)
    now = stack.clock.now()
    people = patients_like(template, patients, status=PatientStatus.ACTIVE, consented_at=now)
    due_per_patient = {p.patient_id: due // patients + (1 if n < due % patients else 0) for n, p in enumerate(people)}
    services = services_on(stack, table, public_base_url=UNDELIVERED_CALLBACKS)
    assert services.settings.sms_per_second == 0, "the messages-per-second limit must be lifted"
    seed_started = time.perf_counter()
    write_items(services.store.client, table, [*patient_items(people, with_phone=False),
                                               *_jobs(people, due_per_patient, now, future)])
    seeded_s = time.perf_counter() - seed_started
    gc.collect()
    gc.freeze()  # the seeded items (moto holds them in this process) are not what is measured: keep them out of GC
    counter = CallCounter(services.store.client)
    texts_before = len(stack.network.sent())
    event = {"time": utc_iso(now), "id": f"bench-{name}"}
    query_s = 0.0
    if prefetch:  # read the due list first (timed apart), so moto's whole-table sort per query does not mix in
        listed = time.perf_counter()
        due_list = list(services.store.due_jobs(now))
        query_s = time.perf_counter() - listed
        dispatcher = dataclasses.replace(services.dispatcher, outbox=Listed(services.store, due_list))
        started = time.perf_counter()
        report = dispatcher.run(now)
    else:  # the dispatch Lambda as deployed: the handler, querying and sending together
        started = time.perf_counter()
        report = dispatch_handler.handler(event, None, services=services)
    elapsed = time.perf_counter() - started
    calls = counter.snapshot()
    texts = len(stack.network.sent()) - texts_before
    if report["sent"] != due or texts != due or report["errors"] or report["failed"]:
        raise RuntimeError(f"dispatch benchmark {name}: expected {due} sent, got {report} and {texts} texts")
    queries = calls.get("Query", 0)
    empty = _empty_run_ms(services, now, runs=3)
    return {"patients": patients, "due": due, "seconds": round(elapsed, 3), "seed_seconds": round(seeded_s, 1),
            "items_in_table": patients + due + patients * future,
            "jobs_per_s": round(due / elapsed, 1), "ms_per_job": round(elapsed * 1000 / due, 3),
            "empty_run_ms": empty, "query_ms": round(query_s * 1000, 1), "handler": not prefetch,
            "dynamodb_calls_per_job": round((sum(calls.values()) - queries) / due, 3), "queries": queries,
            "calls_by_operation": dict(sorted(calls.items())), "ms_per_call": counter.ms_per_call(), "concurrency": services.settings.dispatch_concurrency}


def _empty_run_ms(services: Any, now, runs: int) -> float:
    """Dispatch runs with nothing due (most minutes): the shard queries and nothing else; median ms."""
    from functions.dispatch import handler as dispatch_handler
    from shared.domain.jobs import utc_iso

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        report = dispatch_handler.handler({"time": utc_iso(now)}, None, services=services)
        timings.append((time.perf_counter() - started) * 1000)
        if any(report.values()):
            raise RuntimeError(f"dispatch benchmark: a run with nothing due did something: {report}")
    return round(median(timings), 2)


def run(stack: Any, due_counts: Iterable[int] = DUE_COUNTS, patient_counts: Iterable[int] = PATIENT_COUNTS,
        progress=print) -> dict:
    template = template_patient(stack, phone="+12125559999")
    throughput = {}
    for due in due_counts:
        throughput[due] = scenario(stack, template, f"due-{due}", patients=due, due=due)
        progress(f"    dispatch: {due:>6} due jobs -> {throughput[due]['jobs_per_s']} jobs/s")
    sweep = {}
    for patients in patient_counts:
        sweep[patients] = scenario(stack, template, f"patients-{patients}", patients=patients, due=DUE_IN_SWEEP,
                                   future=FUTURE_JOBS_PER_PATIENT, prefetch=True)
        progress(f"    dispatch: {patients:>6} patients -> {sweep[patients]['dynamodb_calls_per_job']} calls/job, "
                 f"{sweep[patients]['ms_per_job']} ms/job (due list read first in {sweep[patients]['query_ms']} ms; "
                 f"a run with nothing due {sweep[patients]['empty_run_ms']} ms)")
    smallest = sweep[min(sweep)] if sweep else None
    return {
        "jobs_per_s": {str(due): r["jobs_per_s"] for due, r in throughput.items()},
        "ms_per_job_by_due": {str(due): r["ms_per_job"] for due, r in throughput.items()},
        "empty_run_ms": smallest["empty_run_ms"] if smallest else None,
        "empty_run_ms_by_patients": {str(p): r["empty_run_ms"] for p, r in sweep.items()},
        "due_list_query_ms_by_patients": {str(p): r["query_ms"] for p, r in sweep.items()},
        "server_errors_retried": ServerErrors.count,
        "dynamodb_calls_per_job": {str(p): r["dynamodb_calls_per_job"] for p, r in sweep.items()},
        "ms_per_job_by_patients": {str(p): r["ms_per_job"] for p, r in sweep.items()},
        "queries_by_patients": {str(p): r["queries"] for p, r in sweep.items()},
        "ms_per_call_by_patients": {str(p): r["ms_per_call"] for p, r in sweep.items()},
        "due_in_patient_sweep": DUE_IN_SWEEP,
        "future_jobs_per_patient": FUTURE_JOBS_PER_PATIENT,
        "target_dynamodb_calls_per_job": TARGET_CALLS_PER_JOB,
        "concurrency": next(iter(throughput.values()))["concurrency"] if throughput else None,
        "sms_per_second_limit": 0,
        "runs": {"by_due": {str(k): v for k, v in throughput.items()},
                 "by_patients": {str(k): v for k, v in sweep.items()}},
    }
