"""Check that the Lambda zip's handlers load from a read-only unzip without compiling or writing anything.

    python -m scripts.check_artifact_imports .serverless/taperline.zip python3.13

Unzips the artifact, then, with the runtime's Python and bytecode writing off, imports each handler, builds
its services (as the first invocation does) and, for the web function, answers GET /health through the
Lambda handler; a hook counts every module compiled from source. Fails if any module of the zip was
compiled or the unzipped tree changed. Without the runtime's Python here it says so and checks nothing.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts.runtime import link_runtime_packages, runtime_python

COUNTING = """
import importlib.machinery, json, sys
compiled = []
_original = importlib.machinery.SourceFileLoader.source_to_code
def _counting(self, data, path, *args, **kwargs):
    compiled.append(str(path))
    return _original(self, data, path, *args, **kwargs)
importlib.machinery.SourceFileLoader.source_to_code = _counting
"""
PROGRAMS = {
    "web": "import functions.web.handler as h\n"
           "answer = h.handler({'version': '2.0', 'routeKey': '$default', 'rawPath': '/health', 'rawQueryString': '',\n"
           "    'headers': {'host': 'api.taper.example', 'x-forwarded-proto': 'https', 'x-forwarded-port': '443'},\n"
           "    'requestContext': {'http': {'method': 'GET', 'path': '/health', 'protocol': 'HTTP/1.1',\n"
           "                                'sourceIp': '203.0.113.9'}, 'stage': '$default', 'requestId': 'check'},\n"
           "    'body': '', 'isBase64Encoded': False}, None)\n"
           "assert answer['statusCode'] == 200, answer\n",
    "dispatch": "import functions.dispatch.handler as h\nh._default_services()\n",
    # C extensions a first sign-in and a first enrollment load, for this runtime
    "extensions": "from argon2 import PasswordHasher\nPasswordHasher().verify(PasswordHasher().hash('x'), 'x')\n"
                  "import phonenumbers, markupsafe._speedups\n",
}
ENV = {"TAPERLINE_MODE": "local", "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "TWILIO_API_URL": "http://127.0.0.1:9",
       "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": "check", "TWILIO_FROM_NUMBER": "+15005550006",
       "APP_SECRET": "check-" + "0" * 32, "LOG_LEVEL": "WARNING", "AWS_DEFAULT_REGION": "us-east-1",
       "AWS_ACCESS_KEY_ID": "check", "AWS_SECRET_ACCESS_KEY": "check"}  # nothing is called over the network


def compiled_modules(tree: Path, runtime: Path, python: str, program: str) -> list[str]:
    """Modules under `tree` that `program` compiled from source, run with bytecode writing off."""
    code = COUNTING + program + f"print(json.dumps([p for p in compiled if p.startswith({str(tree)!r})]))\n"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "AWS_"))}, **ENV,
           "PYTHONPATH": os.pathsep.join([str(tree), str(runtime)]), "PYTHONDONTWRITEBYTECODE": "1"}
    # -S: no site hooks (.pth files). This machine's Pythons carry one that appends a sandbox CA to certifi's
    # bundle on import: a write into the tree, not ours. The runtime's packages come in through PYTHONPATH.
    run = subprocess.run([python, "-S", "-B", "-c", code], cwd=tree, env=env, capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        raise SystemExit(f"check_artifact_imports: the handler did not load:\n{run.stderr[-3000:]}")
    return list(json.loads(run.stdout.strip().splitlines()[-1]))


def foreign_extensions(artifact: Path, runtime: str) -> list[str]:
    """C extensions in the zip built for another Python than the runtime (abi3 ones load on any)."""
    tag = "cpython-" + runtime.removeprefix("python").replace(".", "")
    with zipfile.ZipFile(artifact) as bundle:
        return [name for name in bundle.namelist()
                if name.endswith(".so") and ".cpython-" in name and f".{tag}-" not in name]


def snapshot(tree: Path) -> set[tuple[str, int, int]]:
    """Every path of the tree with its size and modification time: equal snapshots, nothing written."""
    return {(str(p.relative_to(tree)), p.lstat().st_size, p.lstat().st_mtime_ns) for p in tree.rglob("*")}


def check(artifact: Path, python: str, programs: dict[str, str] = PROGRAMS) -> dict[str, list[str]]:
    """Per handler, the modules it compiled; raises if the tree changed."""
    import site

    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "task"
        with zipfile.ZipFile(artifact) as bundle:
            bundle.extractall(tree)
        # boto3 & co. (the runtime's own, left out of the zip) from this interpreter; nothing else outside the zip
        runtime = link_runtime_packages(Path(site.getsitepackages()[0]), Path(scratch) / "runtime")
        before = snapshot(tree)
        found = {name: compiled_modules(tree, runtime, python, program) for name, program in programs.items()}
        if snapshot(tree) != before:
            raise SystemExit("check_artifact_imports: loading the handlers wrote into the unzipped tree")
    return found


def main(argv: list[str]) -> int:
    artifact, runtime = Path(argv[0]), argv[1]
    python = runtime_python(runtime)
    if python is None:
        print(f"check_artifact_imports: no {runtime} here: not checked (the zip carries no bytecode)", file=sys.stderr)
        return 0
    foreign = foreign_extensions(artifact, runtime)
    if foreign:
        print(f"check_artifact_imports: {len(foreign)} C extensions not built for {runtime}: {', '.join(foreign[:6])}",
              file=sys.stderr)
        return 1
    found = check(artifact, python)
    for name, modules in found.items():
        print(f"check_artifact_imports: {name}: {len(modules)} modules compiled at load"
              + (f" (first: {', '.join(sorted(modules)[:5])})" if modules else ", nothing written"))
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
