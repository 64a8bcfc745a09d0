"""The API reference at /api/docs: vendored Swagger UI reading /api/openapi.json, under the app's CSP."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, render_template, send_from_directory

HERE = Path(__file__).resolve().parent
VENDORED = HERE / "vendor" / "swagger-ui"  # swagger-ui-dist's files, unchanged; see its README.md
ASSETS = HERE / "assets"
SWAGGER_UI_VERSION = "5.35.0"  # the exact pin in package.json; tests hold the two equal
MIMETYPES = {".js": "text/javascript", ".css": "text/css", ".txt": "text/plain", "": "text/plain"}
CACHED = "public, max-age=86400"  # set here: the app would mark every /api/ answer no-store

bp = Blueprint("api_docs", __name__)


@lru_cache(maxsize=1)
def vendored_files() -> frozenset[str]:
    """The names listed in SHA256SUMS: the only vendored files served."""
    lines = (VENDORED / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split(maxsplit=1)[1].lstrip("*") for line in lines if line.strip())


def _asset(folder: Path, name: str) -> Response:
    """A static file with its text type and a day's caching."""
    response = send_from_directory(folder, name, mimetype=MIMETYPES.get(Path(name).suffix, "application/octet-stream"))
    response.headers["Cache-Control"] = CACHED
    return response


@bp.get("/api/docs")
def reference() -> str:
    """The HTML page; Swagger UI fills it in the browser."""
    return render_template("api_docs.html", version=SWAGGER_UI_VERSION)


@bp.get("/api/docs/api-docs.js")
def start_script() -> Response:
    """Our start-up script: SwaggerUIBundle pointed at the live document."""
    return _asset(ASSETS, "api-docs.js")


@bp.get("/api/docs/swagger-ui/<path:filename>")
def swagger_ui(filename: str) -> Response:
    """One of the vendored files; 404 for anything not in SHA256SUMS."""
    if filename not in vendored_files():
        abort(404)
    return _asset(VENDORED, filename)
