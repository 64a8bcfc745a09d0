"""The safety net's floors on the whole corpus (tune + heldout + fresh): every explicit text caught as explicit,
at least 95% of warning signs caught, at most 3% of ordinary texts raising anything. fresh.tsv was written by
someone who never saw the detector and measured blind once before it joined the floors. `make bench` reports the
held-out half alone (bench/safety.py); the README says how the corpus was built."""
from pathlib import Path

import pytest

from tests.safety.evaluate import evaluate, load

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = ("tune.tsv", "heldout.tsv", "fresh.tsv")


def whole_corpus():
    return [row for name in FILES for row in load(CORPUS / name)]


@pytest.fixture(scope="module")
def figures():
    return evaluate(whole_corpus())


def shown(rows) -> str:
    return "\n".join(f"{row.label} {row.lang} {risk.level.value}: {row.text!r}" for row, risk in rows)


def test_the_corpus_is_as_large_as_the_issue_asks_in_both_languages(figures):
    counts = figures["counts"]
    assert counts["explicit"] + counts["warning"] >= 300 and counts["none"] >= 200
    rows = whole_corpus()
    assert {(row.label, row.lang) for row in rows} == {(label, lang) for label in ("explicit", "warning", "none")
                                                       for lang in ("en", "es")}


def test_every_explicit_text_is_caught_as_explicit(figures):
    missed = [(row, risk) for row, risk in figures["missed"] if row.label == "explicit"]
    assert figures["explicit_recall"] == 1.0, shown(missed)


def test_at_least_95_percent_of_warning_signs_are_caught(figures):
    missed = [(row, risk) for row, risk in figures["missed"] if row.label == "warning"]
    assert figures["warning_recall"] >= 0.95, shown(missed)


def test_at_most_3_percent_of_ordinary_texts_raise_an_alarm(figures):
    assert figures["false_alarm_rate"] <= 0.03, shown(figures["false_alarms"])
