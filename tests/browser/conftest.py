"""Real headless Chromium (Debian's package) driven by Playwright, against the local stack in this process."""
from __future__ import annotations

import os
import re
from pathlib import Path

from tests.debian import ensure_installed

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
    """Debian's chromium, installed with apt-get when it is missing."""
    return ensure_installed("chromium", CHROMIUM)


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
    """A fresh laptop-sized tab; the test fails if the page logged an error (a CSP block, a script error)."""
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(20_000)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" and not _expected(msg.text) else None)
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    yield tab
    context.close()
    assert problems == [], problems


def _expected(text: str) -> bool:
    """Chromium logs the 4xx answers that tests ask for on purpose (wrong password, another clinic's patient)."""
    return text.startswith("Failed to load resource: the server responded with a status of 4")


def screenshot(page, name: str, docs_name: str = "", docs_size: tuple[int, int] = (1000, 700)) -> Path:
    """A full-page PNG under test-output/screenshots; with DOCS_IMAGES=1 also a small JPEG for the README."""
    if "/dev" not in page.url:
        assert_fit_for_people(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000, f"{name} screenshot is empty"
    if docs_name and os.environ.get("DOCS_IMAGES") == "1":
        DOCS.mkdir(exist_ok=True)
        size = page.viewport_size
        page.set_viewport_size({"width": docs_size[0], "height": docs_size[1]})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(DOCS / docs_name), type="jpeg", quality=60)
        page.set_viewport_size(size)
    return path


UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
               && !(e.tagName === 'BUTTON' && e.textContent.trim()))
  .map(e => e.outerHTML.slice(0, 100))"""
RAW = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\d{2}:\d{2}:\d{2}|\bNone\b|\bTrue\b|\bFalse\b|Decimal\(|datetime\.|\{'|\['|<[a-z]+[ >]")


def assert_fit_for_people(page) -> None:
    """A title, one h1, a label for every field, and no raw ISO strings or Python reprs in what people read."""
    assert page.title().endswith(" · taperline") and page.locator("h1").count() == 1, page.url
    assert page.evaluate(UNLABELLED) == [], page.url
    shown = page.inner_text("main")
    assert not RAW.search(shown), f"{page.url} shows {RAW.search(shown).group(0)!r}"


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


AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"   # npm's axe-core, pinned in package-lock.json
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async ([exclude, vendor, tags]) => {
  const result = await axe.run({include: [document], exclude: exclude.map(s => [s])},
                               {runOnly: {type: 'tag', values: tags}, elementRef: true});
  const shown = rule => rule.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                                           why: (n.failureSummary || n.any.concat(n.all).map(c => c.message).join('; ')).slice(0, 300)}));
  // "needs review" counts too, except inside vendored markup, and the contrast of the chart's one- and two-digit
  // axis labels (too short for axe to judge)
  const reviewed = (rule, n) => !vendor.some(s => n.element && n.element.closest(s))
                                && !(rule.id === 'color-contrast' && n.html.startsWith('<text'));
  const review = result.incomplete.map(rule => ({...rule, id: rule.id + ' (needs review)',
                                                 nodes: rule.nodes.filter(n => reviewed(rule, n))}));
  return [...result.violations, ...review.filter(rule => rule.nodes.length)]
    .map(rule => ({id: rule.id, help: rule.help, nodes: shown(rule)}));
}"""


def axe_findings(page, exclude: tuple[str, ...] = (), vendor: tuple[str, ...] = ()) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA findings on the page as it is now, outside the CSS selectors in `exclude`:
    violations, and "needs review" results outside the `vendor` selectors (markup that is not ours).

    The pages' Content-Security-Policy (script-src 'self') blocks page.add_script_tag, which inlines the file's text
    into a <script>; so the file's text is evaluated through the DevTools protocol (page.evaluate), which the page's
    CSP does not govern: the page is checked as served, CSP and all."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS.relative_to(ROOT)} is missing: run `npm ci` (make test does)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(AXE_RUN, [list(exclude), list(vendor), WCAG_21_AA])


def assert_accessible(page, exclude: tuple[str, ...] = (), vendor: tuple[str, ...] = ()) -> None:
    """No axe-core finding (WCAG 2.1 A and AA) on the page; the failure names each rule, element and reason."""
    findings = axe_findings(page, exclude, vendor)
    assert not findings, f"axe on {page.url}:\n" + "\n".join(
        f"- {f['id']}: {f['help']}\n" + "\n".join(f"    {n['target']}: {n['why']}\n      {n['html']}" for n in f["nodes"])
        for f in findings)
