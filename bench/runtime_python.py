"""Finding the Lambda runtime's Python on this machine, and a site-packages of that version holding what the
runtime provides (boto3 & co.)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def serverless_runtime() -> str | None:
    """The provider's `runtime:` in serverless.yml (e.g. python3.13), as written there now."""
    found = re.search(r"^\s+runtime:\s*(\S+)", (ROOT / "serverless.yml").read_text(), re.MULTILINE)
    return found.group(1) if found else None


def find_python(version: str) -> Path | None:
    """The newest pyenv Python `version`.x, else `python<version>` on PATH; checked by asking it its version."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    pyenv = sorted(root.glob(f"versions/{version}.*/bin/python"), key=lambda p: _numbers(p.parts[-3]), reverse=True)
    on_path = shutil.which(f"python{version}")
    for candidate in [*pyenv, *([Path(on_path)] if on_path else [])]:
        if _version_of(candidate) == version:
            return candidate
    return None


def runtime_site(version: str) -> Path | None:
    """A site-packages of Python `version` with boto3 in it: $BENCH_RUNTIME_SITE, else the project's .venv when it
    has that version, else /tmp/venv<version> (this machine's spare venv until `make` builds .venv with it)."""
    candidates = [Path(os.environ["BENCH_RUNTIME_SITE"])] if os.environ.get("BENCH_RUNTIME_SITE") else []
    for venv in (ROOT / ".venv", Path(f"/tmp/venv{version.replace('.', '')}")):
        candidates.append(venv / "lib" / f"python{version}" / "site-packages")
    return next((site for site in candidates if (site / "boto3" / "__init__.py").is_file()), None)


def _version_of(python: Path) -> str | None:
    try:
        done = subprocess.run([str(python), "-S", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                              capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))
