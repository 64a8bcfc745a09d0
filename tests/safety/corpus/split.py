"""Split a staging TSV of the safety corpus into tune.tsv and heldout.tsv.

Usage: python tests/safety/corpus/split.py STAGING.tsv

The staging file is tab-separated with the header ``label lang source text``.
The split is stratified by (label, lang), 50/50: each stratum is sorted by
text, shuffled with one ``random.Random(20261129)`` (strata taken in sorted
order), and its first ceil(n/2) rows go to tune.tsv, the rest to heldout.tsv.
Each output keeps the same columns and is sorted by (label, lang, text), so the
row order carries no information. Duplicate texts (compared case- and
whitespace-insensitively) are refused, as are unknown labels or languages.
"""

import random
import re
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20261129
HEADER = ["label", "lang", "source", "text"]
LABELS = {"explicit", "warning", "none"}
LANGS = {"en", "es"}
HERE = Path(__file__).resolve().parent


def normalise(text):
    return re.sub(r"\s+", " ", text).strip().casefold()


def read_rows(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != HEADER:
        raise SystemExit(f"{path}: header must be {' TAB '.join(HEADER)}")
    rows, errors, seen = [], [], {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            errors.append(f"line {number}: expected 4 tab-separated fields, got {len(fields)}")
            continue
        label, lang, source, text = (field.strip() for field in fields)
        if label not in LABELS:
            errors.append(f"line {number}: unknown label {label!r}")
        if lang not in LANGS:
            errors.append(f"line {number}: unknown lang {lang!r}")
        if not source or not text:
            errors.append(f"line {number}: empty source or text")
        key = normalise(text)
        if key in seen:
            errors.append(f"line {number}: duplicate of line {seen[key]}: {text!r}")
        else:
            seen[key] = number
        rows.append((label, lang, source, text))
    if errors:
        raise SystemExit("refusing to split:\n" + "\n".join(errors))
    return rows


def split(rows):
    strata = defaultdict(list)
    for row in rows:
        strata[(row[0], row[1])].append(row)
    rng = random.Random(SEED)
    tune, heldout = [], []
    for key in sorted(strata):
        stratum = sorted(strata[key], key=lambda row: (row[3], row[2]))
        rng.shuffle(stratum)
        cut = (len(stratum) + 1) // 2
        tune.extend(stratum[:cut])
        heldout.extend(stratum[cut:])
    return tune, heldout


def write(path, rows):
    rows = sorted(rows, key=lambda row: (row[0], row[1], row[3]))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(HEADER) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage: split.py STAGING.tsv")
    tune, heldout = split(read_rows(argv[1]))
    write(HERE / "tune.tsv", tune)
    write(HERE / "heldout.tsv", heldout)
    for name, rows in (("tune.tsv", tune), ("heldout.tsv", heldout)):
        counts = defaultdict(int)
        for row in rows:
            counts[(row[0], row[1])] += 1
        summary = ", ".join(f"{label}/{lang} {n}" for (label, lang), n in sorted(counts.items()))
        print(f"{name}: {len(rows)} rows ({summary})")


if __name__ == "__main__":
    main(sys.argv)
