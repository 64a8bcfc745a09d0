"""The languages patients are texted in, and the gettext message catalogs that hold each text in each.

The English text is the message id, written where the text is made and marked with `_` (or `N_` where it is
data); `make catalogs` extracts them with Babel into shared/locales/texts.pot, merges them into each
language's .po (where translators work, each entry with a comment saying where it is sent) and compiles the
.mo files the service reads with the standard library's gettext."""
from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path
from typing import Callable

LANGUAGES = ("en", "es")
DEFAULT = "en"
DOMAIN = "texts"
LOCALES = Path(__file__).resolve().parents[1] / "locales"


def N_(message: str) -> str:
    """Marks a text kept as data (a question) for the catalog; it is translated where it is sent."""
    return message


def NC_(context: str, message: str) -> str:
    """Marks a short text kept as data whose meaning needs its context (a weekday, a month) for the catalog."""
    return message


@lru_cache(maxsize=None)
def _catalog(language: str) -> gettext.NullTranslations:
    if language == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALES, [language])  # a missing catalog is a packaging bug: raise


def translator(language: str) -> Callable[[str], str]:
    """The text of a message id in `language` (English for any language we do not text in)."""
    return _catalog(language if language in LANGUAGES else DEFAULT).gettext


def in_context(language: str, context: str, message: str) -> str:
    """A short message whose meaning needs its context (a weekday, a month) in `language`."""
    return _catalog(language if language in LANGUAGES else DEFAULT).pgettext(context, message)
