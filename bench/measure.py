"""Small measuring tools: percentiles, DynamoDB call counting, and the printed lines with targets."""
from __future__ import annotations

import math
import statistics
import threading
import time
from collections import Counter
from typing import Any, Iterable

READ_OPS = {"GetItem", "Query", "BatchGetItem", "TransactGetItems"}
WRITE_OPS = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}


def percentile(values: Iterable[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of the values."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


class CallCounter:
    """Counts the DynamoDB calls one boto3 client makes (a `before-call.dynamodb` hook, as the tests do).

    Besides calls by operation it keeps the items each write touches, for request-unit costing.
    """

    def __init__(self, client: Any):
        self.calls: Counter = Counter()
        self.items_written = 0
        self.transaction_items = 0
        self.due_index_queries = 0  # dispatch's per-minute look at the due index: a fixed cost, not a patient's
        self.seconds: Counter = Counter()  # time in each operation, summed over threads
        self._started = threading.local()
        client.meta.events.register("before-call.dynamodb", self._count)
        client.meta.events.register("after-call.dynamodb", self._done)
        client.meta.events.register("before-parameter-build.dynamodb", self._inspect)  # sees the API params

    def _count(self, model, **_):
        self.calls[model.name] += 1
        self._started.at = time.perf_counter()

    def _done(self, model, **_):
        self.seconds[model.name] += time.perf_counter() - getattr(self._started, "at", time.perf_counter())

    def ms_per_call(self) -> dict[str, float]:
        return {op: round(self.seconds[op] * 1000 / n, 2) for op, n in sorted(self.calls.items()) if n}

    def _inspect(self, model, params, **_):
        if model.name == "Query" and params.get("IndexName") == "due":
            self.due_index_queries += 1
        elif model.name == "TransactWriteItems":
            self.items_written += len(params.get("TransactItems", []))
            self.transaction_items += len(params.get("TransactItems", []))
        elif model.name == "BatchWriteItem":
            self.items_written += sum(len(v) for v in params.get("RequestItems", {}).values())
        elif model.name in WRITE_OPS:
            self.items_written += 1

    def snapshot(self) -> Counter:
        return Counter(self.calls)

    def since(self, before: Counter) -> Counter:
        now = Counter(self.calls)
        now.subtract(before)
        return +now


def ratio(value: float, target: float) -> float:
    return round(value / target, 3) if target else float("nan")


def line(name: str, value: float, unit: str, target: float | None = None, better: str = "lower") -> str:
    """`name  value unit   target <= t  (ratio r, ok|MISSED)`."""
    shown = f"{value:,.2f}" if abs(value) >= 0.1 or value == 0 else f"{value:.6f}"
    text = f"  {name:<44} {shown:>12} {unit:<10}"
    if target is None:
        return text
    ok = value <= target if better == "lower" else value >= target
    sign = "<=" if better == "lower" else ">="
    return text + f" target {sign} {target:g} {unit}  ratio {ratio(value, target):.2f}  {'ok' if ok else 'MISSED'}"
