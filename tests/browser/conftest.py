"""Real headless Chromium (Debian's package) driven by Playwright, against the local stack in this process."""
from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
DOCS = ROOT / "docs"
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def ensure_chromium() -> Path:
    """Install Debian's chromium with apt-get when it is missing (once, even with parallel workers)."""
    if CHROMIUM.exists():
        return CHROMIUM
    with open("/tmp/taperline-chromium.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not CHROMIUM.exists():
            sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            for step in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
                done = subprocess.run(sudo + step, env=env, capture_output=True, text=True, timeout=900)
                if done.returncode != 0:
                    pytest.fail(f"could not install chromium ({' '.join(step)}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    home = tmp_path_factory.mktemp("chromium-home")  # Chromium writes crash-report folders under HOME
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(ensure_chromium()), args=FLAGS, headless=True,
                                              env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home)})
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def screenshot(page, name: str, docs_name: str = "") -> Path:
    """A full-page PNG under test-output/screenshots; with DOCS_IMAGES=1 also a small JPEG for the README."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000, f"{name} screenshot is empty"
    if docs_name and os.environ.get("DOCS_IMAGES") == "1":
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / docs_name), type="jpeg", quality=70, full_page=False)
    return path


def sign_in(page, base_url: str, email: str, password: str) -> None:
    """Sign in with the keyboard only: type, Tab, type, Enter."""
    page.goto(base_url + "/login")
    page.get_by_label("Email").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url("**/patients")


def no_sideways_scroll(page) -> bool:
    """The page itself fits the viewport's width (wide tables and the chart scroll inside their own box)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
