"""Dispatch workers in the local stack: each started the way an asynchronous Lambda invoke starts one (a thread of its
own, the caller not waiting), running the worker handler; `settle` waits for them as the next minute would."""
from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime
from typing import Callable

from shared.adapters.lambda_workers import worker_event


class ThreadWorkers:
    """`invoke(event)` runs one worker (the worker handler with the stack's services) and returns its report."""

    def __init__(self, invoke: Callable[[dict], dict]):
        self.invoke = invoke
        self.lock = threading.Lock()
        self.running: list[threading.Thread] = []
        self.reports: Counter[str] = Counter()
        self.failures: list[BaseException] = []
        self.started: list[dict] = []  # every worker event, in order

    def start(self, now: datetime, shard: int) -> None:
        event = worker_event(now, shard)
        thread = threading.Thread(target=self._run, args=(event,), name=f"dispatch-worker-{shard}", daemon=True)
        with self.lock:
            self.running.append(thread)
            self.started.append(event)
        thread.start()

    def _run(self, event: dict) -> None:
        try:
            report = self.invoke(event)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever settles the minute
            with self.lock:
                self.failures.append(exc)
            return
        with self.lock:
            self.reports.update(report)

    def settle(self) -> dict[str, int]:
        """Wait for every worker started so far; their reports summed (raise the first worker's failure)."""
        while True:
            with self.lock:
                running, self.running = self.running, []
            if not running:
                break
            for thread in running:
                thread.join()
        with self.lock:
            reports, self.reports = dict(self.reports), Counter()
            failures, self.failures = self.failures, []
        if failures:
            raise failures[0]
        return reports
