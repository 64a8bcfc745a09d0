"""The safety detector on a labelled corpus file: recall, false alarms, corpus sizes and time per text.

    from bench import safety; safety.run("tests/safety/corpus/heldout.tsv")
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from bench.measure import percentile
from shared.domain.safety import assess
from tests.safety.evaluate import evaluate, load

# Texts of no corpus, to load the detector and its caches before timing; each corpus text is then timed the first
# time the detector sees it, as a patient's new text would be.
WARM_UP = ("mood 5, slept ok", "I want to die", "me quiero morir", "no way out", "this pain is killing me",
           "todo bien, 7", "can I take it at night?", "gracias") * 20


def run(path: str | Path) -> dict:
    """explicit_recall, warning_recall, false_alarm_rate, sizes, and p50/p99 microseconds of one assess call."""
    rows = load(path)
    for text in WARM_UP:
        assess(text)
    timings_us = []
    for row in rows:
        started = time.perf_counter_ns()
        assess(row.text)
        timings_us.append((time.perf_counter_ns() - started) / 1000)
    figures = evaluate(rows)
    languages = Counter(row.lang for row in rows)
    return {"explicit_recall": round(figures["explicit_recall"], 4),
            "warning_recall": round(figures["warning_recall"], 4),
            "false_alarm_rate": round(figures["false_alarm_rate"], 4),
            "sizes": {**figures["counts"], **{f"lang_{lang}": n for lang, n in sorted(languages.items())},
                      "total": len(rows)},
            "p50_us": round(percentile(timings_us, 50), 1), "p99_us": round(percentile(timings_us, 99), 1)}
