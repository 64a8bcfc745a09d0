"""Cold start: what each Lambda function imports before it can answer, measured with `python -X importtime`
in fresh subprocesses (median of several runs), beside the floor (flask, boto3, twilio.rest and marshmallow
imported bare in the same run), and the packaged zip.

Both handler modules import almost nothing at module level and build their services on the first call,
so the figure is the import of the handler module *plus* everything its first call imports (building
the services, as Lambda's first invocation does): moving imports into the first call does not hide them.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from bench.measure import median

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
TARGETS_MS = {"web": 400.0, "dispatch": 250.0}
MARK = "--bench-import-start--"
ENV = {"TAPERLINE_MODE": "local", "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "TWILIO_API_URL": "http://127.0.0.1:9",
       "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": "cold-start", "TWILIO_FROM_NUMBER": "+15005550006",
       "APP_SECRET": "cold-start-" + "0" * 32, "LOG_LEVEL": "WARNING"}  # no network: nothing is called
PROGRAMS = {
    "web": "import functions.web.handler as h\nh._handler = h._build()",
    "dispatch": "import functions.dispatch.handler as h\nh._default_services()",
    # the same, then what its first text adds (the Twilio sender is built on first use)
    "dispatch_sending": "import functions.dispatch.handler as h\nh._default_services().sms.built()",
    "floor": "import flask, boto3, twilio.rest, marshmallow",
}
NEVER_IN = {"dispatch": ("flask", "marshmallow", "pygal", "apispec", "jinja2", "werkzeug", "flask_wtf")}
LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)")


def program(name: str) -> str:
    """Timed code: mark the start on stderr, run, then list the modules loaded, on stdout."""
    return (f"import sys, time\nprint({MARK!r}, file=sys.stderr, flush=True)\nstarted = time.perf_counter()\n"
            f"{PROGRAMS[name]}\nwall = (time.perf_counter() - started) * 1000\n"
            "print(wall)\nprint(' '.join(sorted(sys.modules)))\n")


# How Python finds compiled code. "here": as this machine runs it (site-packages compiled at install; the
# repo's own modules compiled afresh each time when PYTHONDONTWRITEBYTECODE is set, as it is here);
# "no_pyc": nothing compiled ahead, as the Lambda zip was before issue 17 (slim dropped every .pyc and /var/task is
# read-only, so each cold start compiled every module it imported; boto3 is the runtime's own there);
# "all_pyc": everything compiled ahead, what a package carrying .pyc would give.
VARIANTS = ("here", "no_pyc", "all_pyc")


def one_run(name: str, variant: str = "here", caches: Path | None = None) -> dict:
    env = {**os.environ, **ENV, "PYTHONPATH": str(ROOT)}
    flags = ["-X", "importtime"]
    if variant == "no_pyc":
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        flags += ["-X", f"pycache_prefix={caches}/empty"]
    elif variant == "all_pyc":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        flags += ["-X", f"pycache_prefix={caches}/warm"]
    done = subprocess.run([sys.executable, *flags, "-c", program(name)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    after = done.stderr.split(MARK, 1)[1]
    entries = [LINE.match(text) for text in after.splitlines()]
    top = {m.group(4): int(m.group(2)) for m in entries if m and len(m.group(3)) == 1}  # imports at the top level
    wall_ms, modules = done.stdout.splitlines()[:2]
    return {"import_ms": sum(top.values()) / 1000, "top": top, "wall_ms": float(wall_ms), "modules": set(modules.split())}


def summary(results: list[dict]) -> dict:
    heaviest = sorted(results[-1]["top"].items(), key=lambda kv: -kv[1])[:8]
    modules = results[-1]["modules"]
    return {"import_ms": round(median(r["import_ms"] for r in results), 1),
            "init_wall_ms": round(median(r["wall_ms"] for r in results), 1),
            "import_ms_each_run": [round(r["import_ms"], 1) for r in results],
            "heaviest_imports_ms": {k: round(v / 1000, 1) for k, v in heaviest},
            "loaded": {m: m in modules for m in ("flask", "marshmallow", "pygal", "apispec", "jinja2", "werkzeug",
                                                 "flask_wtf", "twilio.rest", "boto3")}}


def measure_all(runs: int = RUNS) -> dict:
    """Round robin over the programs, so a busy moment of a shared machine weighs on each alike."""
    plan = [(name, "here") for name in PROGRAMS] + [(name, v) for v in VARIANTS[1:] for name in ("web", "dispatch")]
    results: dict[str, list[dict]] = {_key(*p): [] for p in plan}
    with tempfile.TemporaryDirectory() as caches:
        for name in ("web", "dispatch", "floor"):
            one_run(name, "all_pyc", Path(caches))  # fills the warm cache
        for _ in range(runs):
            for name, variant in plan:
                results[_key(name, variant)].append(one_run(name, variant, Path(caches)))
    return {key: summary(found) for key, found in results.items()}


def _key(name: str, variant: str) -> str:
    return name if variant == "here" else f"{name}_{variant}"


def zip_size() -> dict:
    archive = ROOT / ".serverless" / "taperline.zip"
    if not archive.exists():
        return {"zip": None, "note": "run ./scripts/package.sh (or make package) first"}
    with zipfile.ZipFile(archive) as zipped:
        unpacked = sum(info.file_size for info in zipped.infolist())
        files = len(zipped.infolist())
    return {"zip": str(archive.relative_to(ROOT)), "zip_bytes": archive.stat().st_size,
            "zip_mb": round(archive.stat().st_size / 1_000_000, 2), "unzipped_mb": round(unpacked / 1_000_000, 2),
            "files": files, "shared_by": ["web", "dispatch"],
            "note": "one artifact for both functions (serverless.yml package.individually: false)"}


def run(runs: int = RUNS) -> dict:
    measured = measure_all(runs)
    web, dispatch, sending, floor = (measured[name] for name in ("web", "dispatch", "dispatch_sending", "floor"))
    unwanted = [m for m in NEVER_IN["dispatch"] if dispatch["loaded"].get(m)]
    return {"web_ms": web["import_ms"], "dispatch_ms": dispatch["import_ms"], "floor_ms": floor["import_ms"],
            "web_init_wall_ms": web["init_wall_ms"], "dispatch_init_wall_ms": dispatch["init_wall_ms"],
            "floor_wall_ms": floor["init_wall_ms"], "targets_ms": TARGETS_MS,
            "dispatch_first_text_extra_ms": round(min(sending["import_ms_each_run"]) - min(dispatch["import_ms_each_run"]), 1),
            "web_ms_no_pyc": measured["web_no_pyc"]["import_ms"],
            "dispatch_ms_no_pyc": measured["dispatch_no_pyc"]["import_ms"],
            "web_ms_all_pyc": measured["web_all_pyc"]["import_ms"],
            "dispatch_ms_all_pyc": measured["dispatch_all_pyc"]["import_ms"],
            "web_min_ms": min(web["import_ms_each_run"]), "dispatch_min_ms": min(dispatch["import_ms_each_run"]),
            "floor_min_ms": min(floor["import_ms_each_run"]),
            "web_vs_floor": round(web["import_ms"] / floor["import_ms"], 2),
            "dispatch_vs_floor": round(dispatch["import_ms"] / floor["import_ms"], 2), "runs": runs,
            "dispatch_imports_it_does_not_use": unwanted,
            "detail": measured, "package": zip_size(),
            "how": "python -X importtime in a fresh process: sum of top-level imports while importing the handler "
                   "module and building its services (its first call); median of runs. init_wall_ms adds the "
                   "boto3/twilio client construction (no network). *_no_pyc: nothing precompiled (as the zip was before issue 17); "
                   "*_all_pyc: everything precompiled."}
