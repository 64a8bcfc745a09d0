"""Short modules: none in shared/ over 250 lines (data included: the lexicons are split by kind)."""
from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
LIMIT = 250


def test_no_module_in_shared_is_over_the_limit():
    sizes = {str(p.relative_to(SHARED)): len(p.read_text().splitlines()) for p in SHARED.rglob("*.py")}
    assert len(sizes) > 60
    assert {name: lines for name, lines in sizes.items() if lines > LIMIT} == {}
