"""Compile every module of the Lambda zip with the runtime's Python, as unchecked-hash bytecode (PEP 552).

osls writes each zip entry with a 1970 timestamp and /var/task is read-only, so ordinary timestamp-checked
.pyc files would always be stale there and each cold start would compile every module it imports. Bytecode
compiled `--invalidation-mode unchecked-hash` by the runtime's own minor version is used as it is. Sources
stay in the zip for tracebacks, which name /var/task/... as on Lambda.

    python -m scripts.compile_artifact .serverless/taperline.zip python3.13

Run by infra/compile_bytecode.js after serverless-python-requirements has added the requirements and
before osls hashes the zip (the published version's CodeSha256). Without that Python on this machine it
says so and leaves the zip as it is: the service still works, its cold starts just compile.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts.runtime import runtime_python

TASK_ROOT = "/var/task"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest; the bytecode checks no time at all


def compile_zip(artifact: Path, python: str) -> int:
    """Add unchecked-hash .pyc for every .py in the zip (its other entries are kept as they are)."""
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "task"
        with zipfile.ZipFile(artifact) as bundle:
            bundle.extractall(tree)
        result = subprocess.run([python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash",
                                 "-s", str(tree), "-p", TASK_ROOT, str(tree)], capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"compile_artifact: compileall failed:\n{result.stdout}{result.stderr}")
        compiled = sorted(p for p in tree.rglob("*.pyc"))
        _rewrite(artifact, tree, compiled)
    return len(compiled)


def _rewrite(artifact: Path, tree: Path, compiled: list[Path]) -> None:
    """The zip's entries as they were (but any .pyc), then the bytecode, written to a new file that replaces it."""
    fresh = artifact.with_suffix(".compiling")
    with zipfile.ZipFile(artifact) as old, zipfile.ZipFile(fresh, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if not info.filename.endswith(".pyc"):  # any bytecode already there is replaced, never trusted
                new.writestr(info, old.read(info.filename), compress_type=info.compress_type)
        for path in compiled:
            name = path.relative_to(tree).as_posix()
            entry = zipfile.ZipInfo(name, FIXED_TIME)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(entry, path.read_bytes())
    fresh.replace(artifact)


def main(argv: list[str]) -> int:
    artifact, runtime = Path(argv[0]), argv[1]
    python = runtime_python(runtime)
    if python is None:
        print(f"compile_artifact: no {runtime} on this machine: the zip ships without bytecode and each cold start "
              f"compiles what it imports (install it, e.g. `pyenv install {runtime[6:]}`)", file=sys.stderr)
        return 0
    count = compile_zip(artifact, python)
    print(f"compile_artifact: {count} modules compiled into {artifact.name} by {python} (unchecked-hash)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
