"""bench/importtime.py reads `python -X importtime` lines: importers by position, time beyond the floor."""
from bench import importtime

TEXT = """import time: self [us] | cumulative | imported package
import time:        10 |         10 |       a.b
import time:        20 |         30 |     a
import time:         5 |         35 |   a.b
import time:       100 |        100 |   heavy
import time:         1 |        136 | shared.thing
import time:         7 |          7 | a.c
"""


def test_each_entry_knows_its_importer_even_when_a_name_appears_twice():
    entries = importtime.parse(TEXT)
    assert [(e.module, e.imported_by) for e in entries] == [
        ("a.b", "a"), ("a", "a.b"), ("a.b", "shared.thing"), ("heavy", "shared.thing"), ("shared.thing", None),
        ("a.c", None)]
    assert importtime.top_level_ms(entries) == 0.143


def test_time_beyond_the_floor_leaves_out_what_the_floor_loads():
    entries = importtime.parse(TEXT)
    assert importtime.beyond_us(entries, floor={"a", "a.b"}) == [0, 0, 0, 100, 101, 7]
    heaviest = importtime.heaviest_beyond([entries], floor={"a", "a.b"}, own=("shared",))
    assert heaviest == {"heavy": {"beyond_floor_ms": 0.1, "cumulative_ms": 0.1, "imported_by": "shared.thing"},
                        "a.c": {"beyond_floor_ms": 0.0, "cumulative_ms": 0.0, "imported_by": "(at call time)"}}
