"""Fail when the Lambda zip holds dev-only code: the dev stack, tests, bench, scripts or what they alone use.

    python3 -m scripts.check_package .serverless/taperline.zip     (run by scripts/package.sh)
"""
from __future__ import annotations

import re
import sys
import zipfile

OUR_PACKAGES = ("functions/", "shared/")
DEV_ONLY_FOLDERS = ("local/", "tests/", "bench/", "scripts/")
DEV_ONLY_MODULES = ("table_definition.py", "moto_atomic.py", "moto_transactions.py")
DEV_ONLY_NAMES = re.compile(r"\b(SimulatedClock|ClockMovedBackwards|RecordingMailSender|ThreadedMotoServer|DevStackSettings|DevStack)\b")
DEV_ONLY_IMPORT = re.compile(r"^\s*(?:from|import) (?:local|tests|bench|scripts|moto)\b.*", re.MULTILINE)


def dev_only(archive: zipfile.ZipFile) -> list[str]:
    """What in the zip is dev-only, one line each; empty when the zip is fit to deploy."""
    names = archive.namelist()
    found = [f"{name}: dev-only folder" for name in names if name.startswith(DEV_ONLY_FOLDERS)]
    ours = [name for name in names if name.startswith(OUR_PACKAGES) and name.endswith(".py")]
    found += [f"{name}: dev-only module" for name in ours if name.rpartition("/")[2] in DEV_ONLY_MODULES]
    for name in ours:
        text = archive.read(name).decode("utf-8", errors="replace")
        found += [f"{name}: names {word}" for word in sorted(set(DEV_ONLY_NAMES.findall(text)))]
        found += [f"{name}: {line.strip()}" for line in DEV_ONLY_IMPORT.findall(text)]
    if not any(name.startswith("functions/") for name in names):
        found.append("no functions/ in the zip: not the Lambda package")
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python3 -m scripts.check_package ZIP...", file=sys.stderr)
        return 2
    failed = False
    for path in argv:
        with zipfile.ZipFile(path) as archive:
            found = dev_only(archive)
        for line in found:
            print(f"check_package: {path}: {line}", file=sys.stderr)
        failed = failed or bool(found)
        print(f"    {path}: {'DEV-ONLY CODE' if found else 'no dev-only code'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
