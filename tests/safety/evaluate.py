"""Recall and false alarms of the safety detector on a labelled corpus (`label lang source text` rows).

    .venv/bin/python -m tests.safety.evaluate tests/safety/corpus/tune.tsv
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from shared.domain.safety import Risk, RiskLevel, assess

LABELS = ("explicit", "warning", "none")


@dataclass(frozen=True)
class Row:
    label: str
    lang: str
    source: str
    text: str


def load(path: str | Path) -> list[Row]:
    """The rows of one corpus file, header skipped; a row with an unknown label is an error."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [Row(*fields[:3], "\t".join(fields[3:])) for fields in reader if fields and fields[0] != "label"]
    unknown = {row.label for row in rows} - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels in {path}: {sorted(unknown)}")
    return rows


def caught(row: Row, risk: Risk) -> bool:
    """Explicit rows must be explicit; warning rows at least a warning; ordinary rows nothing."""
    if row.label == "explicit":
        return risk.level is RiskLevel.EXPLICIT
    if row.label == "warning":
        return risk.level is not RiskLevel.NONE
    return risk.level is RiskLevel.NONE


def evaluate(rows: list[Row]) -> dict:
    """explicit_recall, warning_recall, false_alarm_rate, counts, and the rows missed or falsely raised."""
    counts = {label: 0 for label in LABELS}
    right = {label: 0 for label in LABELS}
    missed: list[tuple[Row, Risk]] = []
    false_alarms: list[tuple[Row, Risk]] = []
    for row in rows:
        risk = assess(row.text)
        counts[row.label] += 1
        if caught(row, risk):
            right[row.label] += 1
        elif row.label == "none":
            false_alarms.append((row, risk))
        else:
            missed.append((row, risk))
    ratio = lambda n, d: n / d if d else 1.0  # noqa: E731
    return {"explicit_recall": ratio(right["explicit"], counts["explicit"]),
            "warning_recall": ratio(right["warning"], counts["warning"]),
            "false_alarm_rate": ratio(counts["none"] - right["none"], counts["none"]),
            "counts": counts, "missed": missed, "false_alarms": false_alarms}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    figures = evaluate(load(argv[0]))
    print(f"explicit recall  {figures['explicit_recall']:.1%}   warning recall  {figures['warning_recall']:.1%}   "
          f"false alarms  {figures['false_alarm_rate']:.1%}   rows {figures['counts']}")
    for title, rows in (("missed", figures["missed"]), ("false alarms", figures["false_alarms"])):
        print(f"\n{title} ({len(rows)}):")
        for row, risk in rows:
            print(f"  {row.label:8} {row.lang} {row.source:22} {risk.level.value:8} {row.text!r}  [{risk.why()}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
