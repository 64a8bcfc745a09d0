"""Locked dependencies (issue 19): every package pinned with its hashes, installed with --require-hashes, and the
Lambda zip built from the run-time lock, whose versions are those the tests ran with."""
from __future__ import annotations

import re
from pathlib import Path

from local.table_definition import load_template

ROOT = Path(__file__).resolve().parents[2]
ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)((?:[^\n]*\\\n)*[^\n]*)", re.MULTILINE)


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """name -> version of a requirements file (following -r)."""
    found: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found.update(pins(path.parent / line[3:].strip()))
        elif "==" in line:
            name, version = line.split("==", 1)
            found[_name(name.split("[")[0])] = version.split(";")[0].strip()
    return found


def locked(path: Path) -> dict[str, list[tuple[str, str]]]:
    """name -> [(version, the rest of its entry: markers and hashes)] of a lock (a name may have a version per marker)."""
    entries: dict[str, list[tuple[str, str]]] = {}
    for name, version, rest in ENTRY.findall(path.read_text()):
        entries.setdefault(_name(name), []).append((version, rest))
    return entries


def test_every_direct_pin_is_locked_at_its_version():
    for direct, lock in (("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")):
        entries = locked(ROOT / lock)
        for name, version in pins(ROOT / direct).items():
            assert version in [v for v, _ in entries.get(name, [])], f"{name}=={version} is not in {lock}: make lock"


def test_every_locked_package_has_hashes():
    for lock in ("requirements.lock", "requirements-dev.lock"):
        entries = locked(ROOT / lock)
        assert len(entries) > 40
        for name, versions in entries.items():
            assert all("--hash=sha256:" in rest for _, rest in versions), f"{name} has no hash in {lock}"


def test_the_lambda_zip_holds_the_versions_the_tests_ran_with():
    run_time, dev = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-dev.lock")
    for name, versions in run_time.items():
        assert {v for v, _ in versions} <= {v for v, _ in dev.get(name, [])}, name


def test_make_installs_the_lock_with_hashes_and_packaging_builds_from_the_run_time_lock():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes -r requirements-dev.lock" in makefile
    requirements = load_template(ROOT / "serverless.yml")["custom"]["pythonRequirements"]
    assert requirements["fileName"] == "requirements.lock" and "--no-deps" in requirements["pipCmdExtraArgs"]
