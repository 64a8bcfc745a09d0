"""Reading `python -X importtime` output: each module's self and cumulative time and which module imported it.

    import time:  self [us] | cumulative | imported package
    import time:       120 |        120 |     _io
    import time:       310 |       1200 |   flask.app

Lines come children first: a module's line follows the lines of the modules its import pulled in, one
level deeper (two more spaces). Modules already imported are not listed again.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from bench.measure import median

LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)")


@dataclass(frozen=True)
class Entry:
    module: str
    self_us: int
    cumulative_us: int
    imported_by: str | None  # None: imported at the top, by the timed code or a function it called
    children: tuple[int, ...] = ()  # indexes of the entries its import pulled in


def parse(text: str) -> list[Entry]:
    """Every module the text lists, in order, with the module whose import pulled it in. A name can appear twice
    (importing `a.b` first imports `a`, which may import `a.b`): entries are told apart by position."""
    rows = [(len(m.group(3)) // 2, m.group(4), int(m.group(1)), int(m.group(2)))
            for m in map(LINE.match, text.splitlines()) if m]
    pending: dict[int, list[int]] = defaultdict(list)  # level -> entries waiting for their importer's line
    importer: dict[int, str] = {}
    children: dict[int, tuple[int, ...]] = {}
    for index, (level, name, _, _) in enumerate(rows):
        children[index] = tuple(pending.pop(level + 1, []))
        importer.update(dict.fromkeys(children[index], name))
        pending[level].append(index)
    return [Entry(name, self_us, cum_us, importer.get(i), children[i]) for i, (_, name, self_us, cum_us) in enumerate(rows)]


def beyond_us(entries: list[Entry], floor: set[str]) -> list[int]:
    """For each entry, the self time of it and everything its import pulled in, leaving out modules in `floor`:
    what that import costs beyond what the floor pays anyway."""
    out: list[int] = []
    for e in entries:  # children come first, so their sums are ready
        out.append((0 if e.module in floor else e.self_us) + sum(out[c] for c in e.children))
    return out


def top_level_ms(entries: list[Entry]) -> float:
    """The import time of the timed code: the sum of the modules it imported itself."""
    return sum(e.cumulative_us for e in entries if e.imported_by is None) / 1000


def package(module: str) -> str:
    return module.split(".", 1)[0]


def heaviest_beyond(runs: list[list[Entry]], floor: set[str], own: tuple[str, ...], count: int = 12) -> dict:
    """The imports a handler adds to the floor's (flask+boto3+twilio.rest+marshmallow): modules the floor does not
    load, imported by the project's code or at the top, ranked by the median ms they add beyond the floor."""
    added: dict[str, list[int]] = defaultdict(list)
    cumulative: dict[str, list[int]] = defaultdict(list)
    via: dict[str, str] = {}
    for entries in runs:
        extra = beyond_us(entries, floor)
        for e, us in zip(entries, extra):
            if e.module not in floor and package(e.module) not in own and (e.imported_by is None or package(e.imported_by) in own):
                added[e.module].append(us)
                cumulative[e.module].append(e.cumulative_us)
                via[e.module] = e.imported_by or "(at call time)"
    ranked = sorted(added, key=lambda m: -median(added[m]))[:count]
    return {m: {"beyond_floor_ms": round(median(added[m]) / 1000, 1), "cumulative_ms": round(median(cumulative[m]) / 1000, 1),
                "imported_by": via[m]} for m in ranked}


def own_self_ms(runs: list[list[Entry]], own: tuple[str, ...], count: int = 10) -> dict:
    """The project's own modules by median self time (module-level work: tables, compiled patterns)."""
    times: dict[str, list[int]] = defaultdict(list)
    for entries in runs:
        for e in entries:
            if package(e.module) in own:
                times[e.module].append(e.self_us)
    ranked = sorted(times, key=lambda m: -median(times[m]))[:count]
    return {m: round(median(times[m]) / 1000, 1) for m in ranked}


def self_ms_by_package(runs: list[list[Entry]], floor: set[str], count: int = 15) -> dict:
    """Self time summed per top-level package (no double counting), median over runs, and whether the floor
    loads that package too."""
    totals: dict[str, list[float]] = defaultdict(list)
    for entries in runs:
        summed: dict[str, int] = defaultdict(int)
        for e in entries:
            summed[package(e.module)] += e.self_us
        for name, us in summed.items():
            totals[name].append(us)
    floor_packages = {package(m) for m in floor}
    ranked = sorted(totals, key=lambda p: -median(totals[p]))[:count]
    return {p: {"self_ms": round(median(totals[p]) / 1000, 1), "in_floor": p in floor_packages} for p in ranked}
