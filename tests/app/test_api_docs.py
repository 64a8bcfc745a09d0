"""The API reference at /api/docs: its page and assets under the app's CSP, and the vendored Swagger UI as npm ships it."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from functions.web.api_docs import SWAGGER_UI_VERSION, VENDORED, vendored_files
from functions.web.app import CONTENT_SECURITY_POLICY
from tests.app.conftest import csrf_from

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "swagger-ui-dist"
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
FOOTER_LINK = re.compile(r'<footer>\s*<a href="/api/docs">API reference</a>\s*</footer>')


def test_the_page_is_served_under_the_apps_csp_with_no_inline_script(world):
    response = world.client.get("/api/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    scripts = SCRIPT.findall(html)
    assert [src for src, _ in scripts] == [' src="/api/docs/swagger-ui/swagger-ui-bundle.js"', ' src="/api/docs/api-docs.js"']
    assert all(body.strip() == "" for _, body in scripts), "inline script"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert '<link rel="stylesheet" href="/api/docs/swagger-ui/swagger-ui.css">' in html


@pytest.mark.parametrize("path, mimetype", [
    ("/api/docs/swagger-ui/swagger-ui-bundle.js", "text/javascript"), ("/api/docs/api-docs.js", "text/javascript"),
    ("/api/docs/swagger-ui/swagger-ui.css", "text/css"), ("/api/docs/swagger-ui/LICENSE", "text/plain"),
    ("/api/docs/swagger-ui/swagger-ui-bundle.js.LICENSE.txt", "text/plain")])
def test_assets_answer_with_their_type_and_a_days_caching(world, path, mimetype):
    with world.client.get(path) as response:  # closes the file, as a WSGI server does
        assert response.status_code == 200 and response.mimetype == mimetype and response.get_data()
    assert response.headers["Cache-Control"] == "public, max-age=86400"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("name", ["README.md", "SHA256SUMS", "swagger-ui-bundle.js.map", "../api_docs.py",
                                  "%2e%2e/api_docs.py", "index.html"])
def test_only_the_listed_vendored_files_are_served(world, name):
    assert world.client.get(f"/api/docs/swagger-ui/{name}").status_code == 404


def test_the_footer_links_to_the_reference_signed_in_or_not(world):
    sign_in_page = world.client.get("/login")
    assert FOOTER_LINK.search(sign_in_page.get_data(as_text=True))
    token = csrf_from(sign_in_page)
    signed = world.client.post("/login", data={"email": world.demo.admin_email, "password": world.demo.admin_password,
                                                "csrf_token": token})
    assert signed.status_code == 302
    assert FOOTER_LINK.search(world.client.get("/patients").get_data(as_text=True))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest() -> dict[str, str]:
    """SHA256SUMS as name -> hash."""
    lines = (VENDORED / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name.lstrip("*"): digest for digest, name in (line.split(maxsplit=1) for line in lines if line.strip())}


def test_the_vendored_files_are_those_of_the_manifest():
    listed = manifest()
    assert set(listed) == vendored_files() == {"swagger-ui-bundle.js", "swagger-ui-bundle.js.LICENSE.txt",
                                               "swagger-ui.css", "LICENSE", "NOTICE"}
    assert {path.name for path in VENDORED.iterdir()} == set(listed) | {"README.md", "SHA256SUMS"}
    assert {name: sha256((VENDORED / name).read_bytes()) for name in listed} == listed
    assert f"`swagger-ui-dist` **{SWAGGER_UI_VERSION}**" in (VENDORED / "README.md").read_text(encoding="utf-8")


def test_the_manifest_matches_the_pinned_npm_package(tmp_path):
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][PACKAGE]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"][f"node_modules/{PACKAGE}"]
    assert pinned == locked["version"] == SWAGGER_UI_VERSION, "package.json, package-lock.json and api_docs.py disagree"
    files = _installed_files() or _packed_files(tmp_path, locked["integrity"])
    assert {name: sha256(files[name]) for name in manifest()} == manifest(), f"vendored copy differs from {PACKAGE}"


def _installed_files() -> dict[str, bytes] | None:
    """The package's files in node_modules (npm ci checked them against the lock's integrity); None if absent."""
    folder = ROOT / "node_modules" / PACKAGE
    if not (folder / "package.json").exists():
        return None
    assert json.loads((folder / "package.json").read_text())["version"] == SWAGGER_UI_VERSION, "run npm ci"
    return {name: (folder / name).read_bytes() for name in manifest()}


def _packed_files(tmp_path: Path, integrity: str) -> dict[str, bytes]:
    """The package's files from its npm tarball (npm's cache or the registry), checked against the lock's integrity."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail(f"neither node_modules/{PACKAGE} nor npm: cannot check the vendored Swagger UI (run npm ci)")
    packed = subprocess.run([npm, "pack", f"{PACKAGE}@{SWAGGER_UI_VERSION}", "--prefer-offline", "--json",
                             "--pack-destination", str(tmp_path)], capture_output=True, text=True, cwd=tmp_path)
    assert packed.returncode == 0, f"npm pack {PACKAGE} failed (run npm ci): {packed.stderr[-500:]}"
    tarball = tmp_path / json.loads(packed.stdout)[0]["filename"]
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    assert digest == integrity, "the npm tarball is not the one package-lock.json pins"
    with tarfile.open(tarball) as archive:
        return {name: archive.extractfile(f"package/{name}").read() for name in manifest()}
