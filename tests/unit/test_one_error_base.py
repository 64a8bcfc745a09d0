"""One error base for the domain, services and adapters, and one place that maps each kind to HTTP."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import shared
from shared import errors

SETTINGS_ERRORS = {"ConfigError"}  # raised at cold start, before any request: the function fails to start


def shared_modules():
    for info in pkgutil.walk_packages(shared.__path__, "shared."):
        yield importlib.import_module(info.name)


def test_every_error_raised_on_purpose_has_the_one_base():
    found = {cls for module in shared_modules() for _, cls in inspect.getmembers(module, inspect.isclass)
             if issubclass(cls, Exception) and cls.__module__.startswith("shared.")}
    assert len(found) > 15
    strays = {cls.__qualname__ for cls in found if not issubclass(cls, errors.TaperlineError)} - SETTINGS_ERRORS
    assert not strays


@pytest.mark.parametrize("error, status", [
    (errors.Refused("x"), 400), (errors.NotSignedIn("x"), 401), (errors.NotAllowed("x"), 403),
    (errors.NotFound("x"), 404), (errors.PhoneTaken("+1"), 409), (errors.Throttled("x"), 429),
    (errors.StoreUnavailable("x"), 503), (errors.StatusMoved("p1"), 503), (errors.SendError("x"), 500),
])
def test_each_kind_has_its_status(error, status):
    from functions.web.errors import status_of

    assert status_of(error)[0] == status


def test_only_the_error_module_maps_errors_to_statuses():
    from pathlib import Path

    web = Path(__file__).resolve().parents[2] / "functions" / "web"
    mapping = [p.name for p in web.glob("*.py") if "register_error_handler(" in p.read_text() or
               "errorhandler(" in p.read_text()]
    assert sorted(mapping) == ["app.py", "errors.py"]  # app.py only for Flask-WTF's CSRF error
