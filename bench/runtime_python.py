"""Finding the Lambda runtime's Python on this machine, and a site-packages of that version holding what the
runtime provides (boto3 & co.)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def find_python(version: str) -> Path | None:
    """The runtime's Python, found as packaging finds it (scripts/compile_artifact.py)."""
    from scripts.runtime import runtime_python

    found = runtime_python(f"python{version}")
    return Path(found) if found else None


def runtime_site(version: str) -> Path | None:
    """A site-packages of Python `version` with boto3 in it: $BENCH_RUNTIME_SITE, else the project's .venv when it
    has that version (`make` builds it with the runtime's Python when this machine has one)."""
    candidates = [Path(os.environ["BENCH_RUNTIME_SITE"])] if os.environ.get("BENCH_RUNTIME_SITE") else []
    candidates.append(ROOT / ".venv" / "lib" / f"python{version}" / "site-packages")
    return next((site for site in candidates if (site / "boto3" / "__init__.py").is_file()), None)
