"""The Lambda runtime, said once: its name from serverless.yml, a Python of its version on this machine, and
the packages it provides that the zip leaves out. Standard library only: the Makefile runs it before the venv.

    python3 -m scripts.runtime version     # 3.13
    python3 -m scripts.runtime python      # a Python 3.13 here, else python3 (make builds .venv with it)
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# serverless.yml's noDeploy (boto3, botocore, s3transfer, jmespath) and what they need that the zip may lack;
# the runtime has urllib3 too, but the zip's own copy comes first on the path, as in /var/task.
RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "six", "urllib3")


def serverless_runtime() -> str:
    """The provider's runtime in serverless.yml, e.g. python3.13."""
    found = re.search(r"^  runtime:\s*(python\d+\.\d+)\b", (ROOT / "serverless.yml").read_text(), re.MULTILINE)
    if found is None:
        raise SystemExit("scripts.runtime: no `runtime: pythonX.Y` under provider in serverless.yml")
    return found.group(1)


def runtime_python(runtime: str) -> str | None:
    """A Python of the runtime's minor version (python3.13 -> 3.13.x) on this machine, or None."""
    wanted = re.fullmatch(r"python(\d+\.\d+)", runtime)
    if wanted is None:
        raise SystemExit(f"scripts.runtime: not a Python runtime: {runtime}")
    version = wanted.group(1)
    candidates = [os.environ.get("RUNTIME_PYTHON", ""), sys.executable, shutil.which(f"python{version}") or ""]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += sorted((str(p) for p in pyenv_root.glob(f"versions/{version}.*/bin/python")), reverse=True)
    return next((c for c in filter(None, candidates) if minor_of(c) == version), None)


def minor_of(python: str) -> str | None:
    """`python`'s version as 3.13, or None when it does not run."""
    try:
        found = subprocess.run([python, "-S", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                               capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found.stdout.strip() if found.returncode == 0 else None


def link_runtime_packages(site: Path, into: Path) -> Path:
    """A directory holding only what the runtime provides (RUNTIME_PROVIDED), linked from `site`: put after the
    unzipped tree, nothing the zip lacks can be found elsewhere."""
    into.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_PROVIDED:
        if (site / name).is_dir():
            (into / name).symlink_to(site / name)
        elif (site / f"{name}.py").is_file():
            (into / f"{name}.py").symlink_to(site / f"{name}.py")
            (into / "__pycache__").mkdir(exist_ok=True)
            for cached in (site / "__pycache__").glob(f"{name}.*.pyc"):
                (into / "__pycache__" / cached.name).symlink_to(cached)
    return into


def main(argv: list[str]) -> int:
    runtime = serverless_runtime()
    if argv == ["version"]:
        print(runtime.removeprefix("python"))
    elif argv == ["python"]:
        print(runtime_python(runtime) or "python3")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
