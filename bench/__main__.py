"""`make bench`: run every benchmark, print each figure with its target and ratio, write bench/results.json.

    .venv/bin/python -m bench            # everything (several minutes on 2 cores)
    .venv/bin/python -m bench --quick    # smaller counts, to try the benchmarks out (results not written)
    .venv/bin/python -m bench --safety-only   # the safety net on the held-out corpus, merged into results.json
    .venv/bin/python -m bench --cold-start-only   # cold start alone, here and from the packaged zip (not written)
    .venv/bin/python -m bench scale      # the capacity bench alone (virtual clock), merged into results.json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from bench import cold_start, cost, deployed, dispatch, inbound, safety, scale
from bench.measure import line, ratio
from bench.stack import start_stack
from local import moto_atomic

RESULTS = Path(__file__).resolve().parent / "results.json"
TWILIO_WEBHOOK_LIMIT_MS = 15_000          # Twilio gives up on a webhook after 15 s in all
DEFAULT_SMS_PER_SECOND = 10               # dispatch must at least keep up with the account's limit
FLAT_GROWTH = 1.5                         # ms per job at 10,000 patients over 10 patients: flat within noise
DESIGN_AWS_USD = 0.002                    # /work DESIGN.md "Scale, on paper" estimates, per patient-month
DESIGN_SMS_USD = 1.20
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "safety" / "corpus"
HELD_OUT = CORPUS / "heldout.tsv"
# fresh: blind when first run (then tuned on, like the held-out half); fresh2: blind, reported only
FRESH, FRESH2 = CORPUS / "fresh.tsv", CORPUS / "fresh2.tsv"
SAFETY_FLOORS = {"explicit_recall": 1.0, "warning_recall": 0.95, "false_alarm_rate": 0.03}  # issue 13, whole corpus
SAFETY_P99_US = 1000                      # <= 1 ms per text
SCALE_FANOUT_VS_LIMIT = 0.8               # issue 18: the fan-out hands 100,000 over at >= 0.8 of the physical limit


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(), "implementation": platform.python_implementation(),
            "platform": platform.platform(), "date": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    started = time.perf_counter()
    results: dict = {"machine": machine(), "command": "make bench  (.venv/bin/python -m bench)"}
    say = lambda text: print(text, flush=True)  # noqa: E731
    say(f"taperline benchmarks on {results['machine']['cores']} cores, Python {results['machine']['python']}, "
        f"load {results['machine']['load_average_at_start']}")
    if args.safety_only:
        return safety_only(results, say)
    if args.cold_start_only:
        return cold_start_only(args, results, say)
    if args.what == "scale":
        return scale_only(args, results, say)
    say("\n[safety] the detector on the held-out half of the corpus ...")
    results["safety"] = {**safety.run(HELD_OUT), "fresh": safety.run(FRESH), "fresh2": safety.run(FRESH2)}

    results["cold_start"] = measure_cold_start(args, say)
    results["scale"] = measure_scale(args, say)

    with moto_atomic.item_level_transactions():  # moto's transactions undo items, not tables
        taper = on_dev_stacks(args, results, say)
    throughput_run = results["dispatch"]["runs"]["by_due"]["1000"]
    results["cost"] = {**cost.price(taper, web_ms=results["inbound"]["p50_ms"],
                                    dispatch_ms_per_job=throughput_run["ms_per_job"],
                                    dispatch_empty_run_ms=results["dispatch"]["empty_run_ms"]),
                       "taper": taper}
    results["targets"] = targets(results)
    results["seconds"] = round(time.perf_counter() - started, 1)
    report(results, say)
    if args.quick:
        say("\n--quick: results not written")
    else:
        RESULTS.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n")
        say(f"\nwritten {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")
    return 0  # a missed target is a finding to print (MISSED), not a failed command


def measure_cold_start(args, say) -> dict:
    runs = 3 if args.quick else cold_start.RUNS
    say("\n[cold start] python -X importtime, fresh processes, round robin ...")
    here = cold_start.run(runs=runs)
    say(f"[cold start] the packaged zip, unzipped read-only, Python {deployed.RUNTIME}, with and without its bytecode ...")
    return {**here, **deployed.run(runs=runs)}


def cold_start_only(args, results: dict, say) -> int:
    """The cold-start figures and targets alone, printed (results.json is not written)."""
    c = results["cold_start"] = measure_cold_start(args, say)
    say("\n=== cold start (value, target, ratio = value / target) ===")
    for text in cold_start_lines(c):
        say(text)
    t = cold_start_targets(c)
    missed = [name for name, target in t.items() if not target["ok"]]
    say(f"\ncold-start targets met: {len(t) - len(missed)}/{len(t)}" + (f"; MISSED: {', '.join(missed)}" if missed else ""))
    say("--cold-start-only: results not written")
    return 0


def on_dev_stacks(args, results: dict, say) -> dict:
    """Inbound and dispatch on one dev stack, then one patient's taper on a fresh one (its figures returned)."""
    stack = start_stack()
    try:
        moto_atomic.self_check(stack.services.store.client, stack.settings.table_name)
        say(f"\n[inbound] {inbound.PATIENTS if not args.quick else 200:,} patients mid check-in, signed POST /sms/inbound ...")
        results["inbound"] = inbound.run(stack, patients=200 if args.quick else inbound.PATIENTS)
        say("\n[dispatch] SMS_PER_SECOND=0, real twilio client to the local endpoint ...")
        results["dispatch"] = dispatch.run(stack, due_counts=(100, 1_000) if args.quick else dispatch.DUE_COUNTS,
                                           patient_counts=(10, 1_000) if args.quick else dispatch.PATIENT_COUNTS,
                                           progress=say)
    finally:
        stack.stop()

    say("\n[cost] one patient's whole default taper through a fresh local stack ...")
    stack = start_stack()
    try:
        return cost.simulate_taper(stack)
    finally:
        stack.stop()


def measure_scale(args, say) -> dict:
    say("\n[scale] reminders due in one minute, by design: the real dispatch code on a virtual clock ...")
    return scale.run(due_counts=scale.DUE_COUNTS[:2] if args.quick else scale.DUE_COUNTS, progress=say)


def scale_only(args, results: dict, say) -> int:
    """The capacity bench alone, merged into the last full run's results.json (machine noted apart)."""
    figures = {**measure_scale(args, say), "machine": results["machine"]}
    for text in scale_lines(figures):
        say(text)
    if args.quick:
        say("--quick: results not written")
        return 0
    return write_part("scale", figures, scale_targets(figures), say)


def write_part(name: str, figures: dict, targets: dict, say) -> int:
    """Put one part's figures and targets into the last full run's results.json, the rest left as it was."""
    written = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    written[name] = figures
    written.setdefault("targets", {}).update(targets)
    RESULTS.write_text(json.dumps(written, indent=2, sort_keys=False) + "\n")
    say(f"\nwritten bench/results.json ({name} only)")
    return 0


def scale_targets(s: dict) -> dict:
    found = {}
    if "100000" in s.get("fanout", {}):
        found["scale.fanout.100000.vs_limit"] = at_least(s["fanout"]["100000"]["vs_limit"], SCALE_FANOUT_VS_LIMIT)
    if "100000" in s.get("scheduled", {}):
        late = s["scheduled"]["100000"]["late_count"]
        found["scale.scheduled.100000.late_count"] = {"value": late, "target": "= 0", "ratio": None, "ok": late == 0}
    return found


def scale_lines(s: dict) -> list[str]:
    lines = ["capacity (virtual clock; handoff = Twilio's answer to the create; late = after the reminder's minute)",
             f"  {'design':<10} {'due':>8} {'p50 late':>9} {'p99 late':>9} {'max late':>9} {'per s':>7} "
             f"{'limit/s':>8} {'vs limit':>8} {'late':>8}"]
    for design in scale.DESIGNS:
        for due, f in s.get(design, {}).items():
            lines.append(f"  {design:<10} {int(due):>8,} {f['p50_late_s']:>8}s {f['p99_late_s']:>8}s {f['max_late_s']:>8}s "
                         f"{f['handoff_per_s']:>7} {f['limit_per_s']:>8} {f['vs_limit']:>8} {f['late_count']:>8,}")
    return lines


def safety_only(results: dict, say) -> int:
    """Run the safety figures alone and put them into the last full run's results.json (machine noted apart)."""
    say("\n[safety] the detector on the held-out half of the corpus ...")
    figures = {**safety.run(HELD_OUT), "fresh": safety.run(FRESH), "fresh2": safety.run(FRESH2),
               "machine": results["machine"]}
    for text in safety_lines(figures):
        say(text)
    return write_part("safety", figures, safety_targets(figures), say)


def safety_targets(s: dict) -> dict:
    """The issue's floors (set on the whole corpus) read on the held-out half, and the 1 ms per text budget."""
    def target(value, bound, higher):
        ok = value >= bound if higher else value <= bound
        return {"value": value, "target": f"{'>=' if higher else '<='} {bound}", "ratio": ratio(value, bound), "ok": ok}

    return {"safety.explicit_recall (held-out)": target(s["explicit_recall"], SAFETY_FLOORS["explicit_recall"], True),
            "safety.warning_recall (held-out)": target(s["warning_recall"], SAFETY_FLOORS["warning_recall"], True),
            "safety.false_alarm_rate (held-out)": target(s["false_alarm_rate"], SAFETY_FLOORS["false_alarm_rate"], False),
            "safety.p99_us per text": target(s["p99_us"], SAFETY_P99_US, False)}


def safety_lines(s: dict) -> list[str]:
    lines = []
    for title, f in (("held-out half of the corpus", s), ("fresh set (blind at its first run)", s["fresh"]),
                     ("second fresh set (blind, never tuned on)", s["fresh2"])):
        lines += [f"safety net, {title}: " + ", ".join(f"{k} {v}" for k, v in f["sizes"].items()),
                  line("explicit recall", f["explicit_recall"], "", SAFETY_FLOORS["explicit_recall"], better="higher"),
                  line("warning recall", f["warning_recall"], "", SAFETY_FLOORS["warning_recall"], better="higher"),
                  line("false alarm rate", f["false_alarm_rate"], "", SAFETY_FLOORS["false_alarm_rate"])]
    return lines + [line("per text p50 (held-out)", s["p50_us"], "us"),
                    line("per text p99 (held-out)", s["p99_us"], "us", SAFETY_P99_US)]


def _parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", choices=["scale"], help="scale: only the capacity bench, merged into results.json")
    parser.add_argument("--quick", action="store_true", help="smaller counts; results.json is not written")
    parser.add_argument("--safety-only", action="store_true", help="only the safety net's figures, merged into results.json")
    parser.add_argument("--cold-start-only", action="store_true", help="only the cold-start figures, printed, not written")
    return parser.parse_args(argv)


def at_most(value, target):
    """A target's record; a value of None (not measured) misses it, as the reason is printed beside."""
    return {"value": value, "target": f"<= {target}", "ratio": None if value is None else ratio(value, target),
            "ok": value is not None and value <= target}


def at_least(value, target):
    return {"value": value, "target": f">= {target}", "ratio": None if value is None else ratio(value, target),
            "ok": value is not None and value >= target}


def cold_start_targets(c: dict) -> dict:
    """Issue 17 on the deployed zip: each handler <= 1.25x the floor, and >= 3x faster than without its bytecode."""
    return {"cold_start.web_ms": at_most(c["web_ms"], cold_start.TARGETS_MS["web"]),
            "cold_start.dispatch_ms": at_most(c["dispatch_ms"], cold_start.TARGETS_MS["dispatch"]),
            "cold_start.dispatch unused imports": at_most(len(c["dispatch_imports_it_does_not_use"]), 0),
            **{f"cold_start.deployed_{n}_ms / deployed_floor_ms": at_most(c[f"deployed_{n}_vs_floor"], deployed.RATIO_TO_FLOOR)
               for n in ("web", "dispatch")},
            **{f"cold_start.deployed_{n}_ms_no_pyc / deployed_{n}_ms": at_least(c[f"deployed_{n}_no_pyc_vs_pyc"],
                                                                                 deployed.NO_PYC_SLOWER)
               for n in ("web", "dispatch")}}


def targets(results: dict) -> dict:
    """Each target with the measured value, the ratio value/target, and whether it is met."""
    d, c, i, k = results["dispatch"], results["cold_start"], results["inbound"], results["cost"]
    ms = d["ms_per_job_by_patients"]  # due list read first: moto sorts the whole table per query, DynamoDB does not
    growth = ms[max(ms, key=int)] / ms[min(ms, key=int)]

    return {
        "inbound.dynamodb_calls": at_most(i["dynamodb_calls"], inbound.TARGET_CALLS),
        "inbound.p99_ms (Twilio's webhook limit)": at_most(i["p99_ms"], TWILIO_WEBHOOK_LIMIT_MS),
        "dispatch.dynamodb_calls_per_job (every patient count)": at_most(max(d["dynamodb_calls_per_job"].values()),
                                                                          dispatch.TARGET_CALLS_PER_JOB),
        "dispatch.ms_per_job growth, most/fewest patients": at_most(round(growth, 2), FLAT_GROWTH),
        "dispatch.jobs_per_s (slowest due count) vs default limit": at_least(min(d["jobs_per_s"].values()),
                                                                               DEFAULT_SMS_PER_SECOND),
        **cold_start_targets(c),
        "cost.aws_usd_per_patient_month (design estimate)": at_most(k["aws_usd_per_patient_month"], DESIGN_AWS_USD),
        "cost.sms_usd_per_patient_month (design estimate)": at_most(k["sms_usd_per_patient_month"], DESIGN_SMS_USD),
        **safety_targets(results["safety"]),
        **scale_targets(results["scale"]),
    }


def cold_start_lines(c: dict) -> list[str]:
    lines: list[str] = []
    lines.append("cold start (python -X importtime: handler import + its first call's imports; median)")
    lines.append(line("web", c["web_ms"], "ms", cold_start.TARGETS_MS["web"]))
    lines.append(line("dispatch", c["dispatch_ms"], "ms", cold_start.TARGETS_MS["dispatch"]))
    lines.append(line("dispatch, its first text adds (min vs min)", c["dispatch_first_text_extra_ms"], "ms"))
    lines.append(line("web, fastest run", c["web_min_ms"], "ms", cold_start.TARGETS_MS["web"]))
    lines.append(line("dispatch, fastest run", c["dispatch_min_ms"], "ms", cold_start.TARGETS_MS["dispatch"]))
    lines.append(line("web, nothing precompiled (here)", c["web_ms_no_pyc"], "ms", cold_start.TARGETS_MS["web"]))
    lines.append(line("dispatch, nothing precompiled (here)", c["dispatch_ms_no_pyc"], "ms",
                       cold_start.TARGETS_MS["dispatch"]))
    lines.append(line("web, everything precompiled (here)", c["web_ms_all_pyc"], "ms", cold_start.TARGETS_MS["web"]))
    lines.append(line("dispatch, everything precompiled (here)", c["dispatch_ms_all_pyc"], "ms", cold_start.TARGETS_MS["dispatch"]))
    lines.append(line("floor: flask+boto3+twilio.rest+marshmallow", c["floor_ms"], "ms"))
    lines.append(f"  web / floor {c['web_vs_floor']}, dispatch / floor {c['dispatch_vs_floor']} (same runs, round robin)")
    lines.append(line("web init incl. clients (wall)", c["web_init_wall_ms"], "ms"))
    lines.append(line("dispatch init incl. clients (wall)", c["dispatch_init_wall_ms"], "ms"))
    lines.append(f"  dispatch imports it does not use: {c['dispatch_imports_it_does_not_use'] or 'none'}")
    package = c["package"]
    if package.get("zip"):
        lines.append(line(f"package {package['zip']} (web + dispatch)", package["zip_mb"], "MB"))
    else:
        lines.append(f"  package: {package['note']}")
    return lines + deployed_lines(c)


def deployed_lines(c: dict) -> list[str]:
    d = c["deployed"]
    head = (f"cold start of the packaged zip (unzipped read-only, {d.get('python') or 'Python ' + deployed.RUNTIME}, "
            f"-B, -X importtime; median; {d.get('zip_pyc', 0)} .pyc in the zip {d.get('zip_pyc_tags', {})})")
    if d.get("reason"):
        return [head, f"  not measured: {d['reason']}"]
    lines = [head]
    for n in ("web", "dispatch", "floor"):
        lines.append(_line(f"{n}, with the zip's bytecode", c[f"deployed_{n}_ms"], "ms"))
        lines.append(_line(f"{n}, its bytecode removed", c[f"deployed_{n}_ms_no_pyc"], "ms"))
    for n in ("web", "dispatch"):
        lines.append(_line(f"{n} / floor", c[f"deployed_{n}_vs_floor"], "x", deployed.RATIO_TO_FLOOR))
        lines.append(_line(f"{n} without bytecode / with", c[f"deployed_{n}_no_pyc_vs_pyc"], "x",
                           deployed.NO_PYC_SLOWER, better="higher"))
    problems = {"failed": d.get("errors"), "tree changed by": d.get("tree_changed_by"),
                "extension modules not built for the runtime": d.get("zip_extensions_not_for_runtime"),
                "zip packages loaded from outside the zip": d.get("zip_packages_loaded_from_elsewhere"),
                "zip sources differing from the working tree": d.get("zip_stale_vs_working_tree", {}).get("examples")}
    lines += [f"  {what}: {found}" for what, found in problems.items() if found]
    for n in ("web", "dispatch"):
        pyc, bare = (d["self_ms_by_origin"].get(f"{n}_{v}") for v in ("pyc", "no_pyc"))
        if pyc and bare:
            lines.append(f"  {n}, self ms by origin with/without the zip's bytecode: "
                         + ", ".join(f"{o} {pyc[o]}/{bare[o]}" for o in pyc))
    heaviest = ", ".join(f"{m} {v['beyond_floor_ms']}" for m, v in d.get("heaviest_imports_ms", {}).items())
    own = ", ".join(f"{m} {ms}" for m, ms in list(d.get("web_own_modules_self_ms", {}).items())[:6])
    return lines + [f"  web imports beyond the floor (ms added): {heaviest or 'none'}",
                    f"  web's own modules (self ms): {own or 'none'}"]


def _line(name: str, value: float | None, unit: str, target: float | None = None, better: str = "lower") -> str:
    return line(name, value, unit, target, better) if value is not None else f"  {name:<44} {'n/a':>12} (not measured)"


def report(results: dict, say) -> None:
    i, d, c, k = results["inbound"], results["dispatch"], results["cold_start"], results["cost"]
    t = results["targets"]
    say("\n=== figures (value, target, ratio = value / target) ===")
    say("inbound reply (POST /sms/inbound, ordinary check-in answer, "
        f"{i['patients']:,} patients, {i['answers_timed']} answers)")
    say(line("p50", i["p50_ms"], "ms"))
    say(line("p99", i["p99_ms"], "ms", TWILIO_WEBHOOK_LIMIT_MS))
    say(line("DynamoDB calls per answer (max)", i["dynamodb_calls"], "calls", inbound.TARGET_CALLS))
    say("dispatch (SMS_PER_SECOND lifted, concurrency "
        f"{d['concurrency']})")
    for due, rate in d["jobs_per_s"].items():
        say(line(f"jobs/s with {int(due):,} due", rate, "jobs/s", DEFAULT_SMS_PER_SECOND, better="higher"))
    for patients, calls in d["dynamodb_calls_per_job"].items():
        say(line(f"calls per sent job, {int(patients):,} patients", calls, "calls", dispatch.TARGET_CALLS_PER_JOB))
    for patients, ms in d["ms_per_job_by_patients"].items():
        say(line(f"ms per job, {int(patients):,} patients ({d['due_in_patient_sweep']} due)", ms, "ms"))
        say(line("  reading the due list first (moto)", d["due_list_query_ms_by_patients"][patients], "ms"))
        say(line("  a run with nothing due, same table (moto)", d["empty_run_ms_by_patients"][patients], "ms"))
    growth = t["dispatch.ms_per_job growth, most/fewest patients"]["value"]
    say(line("ms per job growth, most/fewest patients", growth, "x", FLAT_GROWTH))
    say(f"  server errors (moto races, retried by the SDK): {d['server_errors_retried']}")
    for text in cold_start_lines(c):
        say(text)
    taper = k["taper"]
    say(f"cost, default plan ({taper['days']} days: {taper['segments_out']} segments out, {taper['segments_in']} in, "
        f"{sum(taper['web_requests'].values())} webhook/API requests, {taper['dispatch_jobs_handled']} dispatch jobs)")
    say(line("AWS per patient-month", k["aws_usd_per_patient_month"], "USD", DESIGN_AWS_USD))
    say(line("SMS per patient-month", k["sms_usd_per_patient_month"], "USD", DESIGN_SMS_USD))
    for text in safety_lines(results["safety"]):
        say(text)
    for text in scale_lines(results["scale"]):
        say(text)
    missed = [name for name, target in t.items() if not target["ok"]]
    say(f"\ntargets met: {len(t) - len(missed)}/{len(t)}" + (f"; MISSED: {', '.join(missed)}" if missed else ""))
    say(f"took {results['seconds']} s")


if __name__ == "__main__":
    sys.exit(main())
