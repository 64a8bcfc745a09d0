"""Debian packages some tests need (Chromium, word lists): installed with apt-get when missing, once even with
parallel workers; a test that cannot get them fails, it is never skipped."""
from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

import pytest


def ensure_installed(package: str, path: Path) -> Path:
    """`path`, installing Debian's `package` first when it is missing (as root, or with `sudo -n`)."""
    if path.exists():
        return path
    with open(f"/tmp/taperline-apt-{package}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _apt_get(package)
    return path


def _apt_get(package: str) -> None:
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with open("/tmp/taperline-apt.lock", "w") as lock:  # one apt-get at a time across packages
        fcntl.flock(lock, fcntl.LOCK_EX)
        for step in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", package]):
            done = subprocess.run(sudo + step, env=env, capture_output=True, text=True, timeout=900)
            if done.returncode != 0:
                pytest.fail(f"could not install {package} ({' '.join(step)}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
