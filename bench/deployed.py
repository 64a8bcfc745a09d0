"""Cold start of the deployed artifact: `.serverless/taperline.zip` unzipped into a read-only directory and each
handler imported (plus its first call's build, as bench/cold_start.py's PROGRAMS) by the runtime's Python with
bytecode writing off, `-X importtime`, median of runs; beside the floor (flask, boto3, twilio.rest, marshmallow)
from the same tree, and the same three programs on a copy of the tree with every .pyc removed. The six variants
run round robin, so a busy moment of a shared machine weighs on each alike.

The import path is the tree, then only what the Lambda runtime provides and serverless.yml's noDeploy leaves
out of the zip (RUNTIME_PROVIDED, taken from a site-packages of the same Python version). Those are precompiled
there (pip compiles at install), as they are in the Lambda runtime's own /var/runtime, so that is fair.
"""
from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from bench import importtime
from bench.cold_start import ENV, MARK, PROGRAMS, ROOT, RUNS
from bench.measure import median
from bench.runtime_python import find_python, runtime_site
from scripts.check_artifact_imports import foreign_extensions, snapshot
from scripts.runtime import RUNTIME_PROVIDED, link_runtime_packages, serverless_runtime

ZIP = ROOT / ".serverless" / "taperline.zip"
RUNTIME = serverless_runtime().removeprefix("python")  # 3.13
RATIO_TO_FLOOR = 1.25  # each handler at most 1.25x the floor
NO_PYC_SLOWER = 3.0  # each handler at least 3x faster than the same tree without its bytecode
NAMES = ("web", "dispatch", "floor")
VARIANTS = ("pyc", "no_pyc")
OWN = ("functions", "shared")
PYC_TAG = re.compile(r"\.(\w+-\d+)(?:\.opt-\d)?\.pyc$")  # x.cpython-313.pyc
SO_TAG = re.compile(r"\.(cpython-\d+|abi3)[^/.]*\.so$")  # x.cpython-312-x86_64-linux-gnu.so, x.abi3.so
REPORTED_ORIGINS = ("flask", "marshmallow", "twilio", "werkzeug", "boto3", "botocore", "urllib3")
ORIGINS = """import json, sys
def where(module):
    path = getattr(module, '__file__', None) or ''
    return next((tag for tag, root in (('tree', sys.argv[1]), ('runtime', sys.argv[2]), ('stdlib', sys.base_prefix))
                 if path.startswith(root)), 'builtin' if not path else path)
print(json.dumps({name: where(m) for name, m in list(sys.modules.items())}))
"""


def run(runs: int = RUNS, archive: Path = ZIP) -> dict:
    """cold_start.deployed_* figures, or the same keys as null with `deployed.reason` saying why."""
    facts = {"zip": str(archive), "runtime": f"python{RUNTIME}", "serverless_yml_runtime": serverless_runtime()}
    if not archive.exists():
        return _none(facts, f"{archive.name} missing: run `make package` first (the bench does not package)")
    facts.update(zip_facts(archive))
    python = find_python(RUNTIME)
    site = runtime_site(RUNTIME)
    facts.update(python=str(python) if python else None, runtime_site=str(site) if site else None)
    if python is None:
        return _none(facts, f"no Python {RUNTIME} on this machine (pyenv or python{RUNTIME} on PATH)")
    if site is None:
        return _none(facts, f"no Python {RUNTIME} site-packages with boto3 for what the runtime provides "
                            "(set BENCH_RUNTIME_SITE)")
    with tempfile.TemporaryDirectory(prefix="deployed-") as work:
        trees = unpack(archive, Path(work), site)
        try:
            measured, changed = round_robin(python, trees, runs)
        finally:
            for path in trees.values():
                _chmod_tree(path, writable=True)  # so the temporary directory can be removed by anyone
    return {**figures(measured), "deployed": {**facts, **details(measured), "tree_changed_by": changed}}


def zip_facts(archive: Path) -> dict:
    """How many .pyc the zip carries and for which Python, its extension modules' tags, and whether the
    project's sources in it are those of the working tree."""
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        stale = [n for n in names if n.endswith(".py") and n.split("/")[0] in OWN
                 and (not (ROOT / n).is_file() or (ROOT / n).read_bytes() != zipped.read(n))]
    mine = {n for n in names if n.split("/")[0] in OWN and n.endswith(".py")}
    missing = [str(p.relative_to(ROOT)) for top in OWN for p in (ROOT / top).rglob("*.py")
               if "__pycache__" not in p.parts and str(p.relative_to(ROOT)) not in mine]
    tag = f"cpython-{RUNTIME.replace('.', '')}"
    present = set(names)
    uncompiled = [n for n in names if n.endswith(".py") and _cached(n, tag) not in present]
    extensions = {n: _tag(SO_TAG, n) for n in names if n.endswith(".so")}
    return {"zip_pyc": sum(n.endswith(".pyc") for n in names),
            "zip_pyc_tags": dict(Counter(_tag(PYC_TAG, n) for n in names if n.endswith(".pyc"))),
            "zip_py": sum(n.endswith(".py") for n in names), f"zip_py_without_{tag}_pyc": len(uncompiled),
            "zip_extension_tags": dict(Counter(extensions.values())),
            "zip_extensions_not_for_runtime": foreign_extensions(archive, f"python{RUNTIME}"),
            "zip_stale_vs_working_tree": {"differ": len(stale), "missing_from_zip": len(missing),
                                          "examples": (stale + missing)[:5]}}


def unpack(archive: Path, work: Path, site: Path) -> dict[str, Path]:
    """The zip as unzipped (`pyc`), a copy with every .pyc removed (`no_pyc`), both read-only, and a directory
    linking only the runtime-provided packages (`runtime`)."""
    trees = {"pyc": work / "task", "no_pyc": work / "task-no-pyc", "runtime": work / "runtime"}
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(trees["pyc"])
    shutil.copytree(trees["pyc"], trees["no_pyc"], ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    link_runtime_packages(site, trees["runtime"])
    for path in trees.values():
        _chmod_tree(path, writable=False)
    return trees


def round_robin(python: Path, trees: dict[str, Path], runs: int) -> tuple[dict, list[str]]:
    """{(name, variant): [run, ...] or {"error": ...}}, and which runs changed their tree (none should)."""
    before = {v: snapshot(trees[v]) for v in VARIANTS}
    found: dict[tuple[str, str], list | dict] = {(n, v): [] for n in NAMES for v in VARIANTS}
    changed = []
    for _ in range(runs):
        for key, so_far in found.items():
            if isinstance(so_far, dict):
                continue  # failed once: not retried
            try:
                so_far.append(one_run(python, key[0], trees[key[1]], trees["runtime"]))
            except subprocess.CalledProcessError as failed:
                found[key] = {"error": (failed.stderr or "").strip().splitlines()[-1:] or [f"exit {failed.returncode}"]}
            if snapshot(trees[key[1]]) != before[key[1]]:
                changed.append(f"{key[0]} on {key[1]}")
                before[key[1]] = snapshot(trees[key[1]])
    return found, changed


def one_run(python: Path, name: str, tree: Path, runtime: Path) -> dict:
    env = {**os.environ, **ENV, "PYTHONPATH": f"{tree}{os.pathsep}{runtime}", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONHOME", None)
    code = (f"import sys, time\nprint({MARK!r}, file=sys.stderr, flush=True)\nstarted = time.perf_counter()\n"
            f"{PROGRAMS[name]}\nwall = (time.perf_counter() - started) * 1000\nprint(wall)\n"
            "print(' '.join(sorted(sys.modules)))\n" + ORIGINS)
    # -S: no site, so nothing from the interpreter's own site-packages; -B: write no bytecode (nor would
    # Lambda: /var/task is read-only); cwd is the tree, as /var/task is Lambda's.
    done = subprocess.run([str(python), "-S", "-B", "-X", "importtime", "-c", code, str(tree), str(runtime)],
                          cwd=tree, env=env, capture_output=True, text=True, timeout=180, check=True)
    entries = importtime.parse(done.stderr.split(MARK, 1)[1])
    wall_ms, modules, origins = done.stdout.splitlines()[:3]
    return {"import_ms": importtime.top_level_ms(entries), "wall_ms": float(wall_ms), "entries": entries,
            "modules": set(modules.split()), "origins": json.loads(origins)}


def figures(measured: dict) -> dict:
    ms = {key: _median(found, "import_ms") for key, found in measured.items()}
    out = {f"deployed_{n}_ms": ms[n, "pyc"] for n in NAMES}
    out.update({f"deployed_{n}_ms_no_pyc": ms[n, "no_pyc"] for n in NAMES})
    for n in ("web", "dispatch"):
        out[f"deployed_{n}_vs_floor"] = _ratio(ms[n, "pyc"], ms["floor", "pyc"])
        out[f"deployed_{n}_no_pyc_vs_pyc"] = _ratio(ms[n, "no_pyc"], ms[n, "pyc"])
    return out


def details(measured: dict) -> dict:
    """Each run, wall times, where the packages came from, failures, and what the web function imports beyond
    the floor (`heaviest_imports_ms`)."""
    ok = {key: found for key, found in measured.items() if isinstance(found, list) and found}
    out: dict = {"import_ms_each_run": {f"{n}_{v}": [round(r["import_ms"], 1) for r in found] for (n, v), found in ok.items()},
                 "init_wall_ms": {f"{n}_{v}": _median(found, "wall_ms") for (n, v), found in ok.items()},
                 "errors": {f"{n}_{v}": found["error"] for (n, v), found in measured.items() if isinstance(found, dict)},
                 "loaded_from": {f"{n}_{v}": {p: found[-1]["origins"].get(p) for p in REPORTED_ORIGINS}
                                 for (n, v), found in ok.items()},
                 "self_ms_by_origin": {f"{n}_{v}": _by_origin(found) for (n, v), found in ok.items()},
                 "zip_packages_loaded_from_elsewhere": sorted({f"{p}: {where}" for found in ok.values() for r in found
                                                                for p, where in r["origins"].items()
                                                                if "." not in p and _elsewhere(p, where)})}
    if ("web", "pyc") in ok and ("floor", "pyc") in ok:
        floor = set().union(*(r["modules"] for r in ok["floor", "pyc"]))
        web = [r["entries"] for r in ok["web", "pyc"]]
        out["heaviest_imports_ms"] = importtime.heaviest_beyond(web, floor, OWN)
        out["web_self_ms_by_package"] = importtime.self_ms_by_package(web, floor)
        out["web_own_modules_self_ms"] = importtime.own_self_ms(web, OWN)
    return out


def _elsewhere(package: str, where: str) -> bool:
    """Loaded from outside the tree, the runtime-provided packages and the stdlib, or a package the zip should
    have provided taken from the runtime's."""
    return where not in ("tree", "runtime", "stdlib", "builtin") or (where == "runtime" and package not in RUNTIME_PROVIDED)


def _by_origin(found: list[dict]) -> dict:
    """Median self ms of the modules loaded from the zip's tree, the runtime-provided packages and the stdlib:
    what the zip's bytecode can speed up is the `tree` part only."""
    sums = []
    for r in found:
        summed: Counter = Counter()
        for e in r["entries"]:
            summed[r["origins"].get(e.module, "builtin")] += e.self_us
        sums.append(summed)
    return {origin: round(median(s[origin] for s in sums) / 1000, 1) for origin in ("tree", "runtime", "stdlib", "builtin")}


def _chmod_tree(tree: Path, writable: bool) -> None:
    for path in [tree, *tree.rglob("*")]:
        if not path.is_symlink():
            mode = path.stat().st_mode
            path.chmod(mode | 0o200 if writable else mode & ~0o222)


def _cached(source: str, tag: str) -> str:
    """Where PEP 3147 puts the bytecode of a source: a/b.py -> a/__pycache__/b.cpython-313.pyc."""
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "__pycache__", f"{name[:-3]}.{tag}.pyc")


def _tag(pattern: re.Pattern, name: str) -> str:
    found = pattern.search(name)
    return found.group(1) if found else "untagged"


def _median(found, key: str) -> float | None:
    return round(median(r[key] for r in found), 1) if isinstance(found, list) and found else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def _none(facts: dict, reason: str) -> dict:
    keys = [f"deployed_{n}_ms{s}" for n in NAMES for s in ("", "_no_pyc")]
    keys += [f"deployed_{n}_{r}" for n in ("web", "dispatch") for r in ("vs_floor", "no_pyc_vs_pyc")]
    return {**dict.fromkeys(keys), "deployed": {**facts, "reason": reason}}
