"""The message catalogs (issue 16): every text of the source is in the template and translated in every
language, with a comment saying where it is sent, the same placeholders, the compiled .mo as the .po says, and
no English keyword left in a Spanish text."""
from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from shared.domain.catalogs import DOMAIN, LANGUAGES, LOCALES

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "NC_": ((1, "c"), 2)}  # as `make catalogs` extracts them
TRANSLATED = [language for language in LANGUAGES if language != "en"]


def in_source() -> dict[tuple[str | None, str], list[str]]:
    """(context, message id) -> its TRANSLATORS comments, extracted from the source as `make catalogs` does."""
    found = {}
    for _, _, message, comments, context in extract_from_dir(
            str(ROOT), method_map=[("shared/domain/**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        found[(context, message)] = comments
    return found


def catalog(language: str):
    with open(LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as po:
        return read_po(po)


def template():
    with open(LOCALES / f"{DOMAIN}.pot", "rb") as pot:
        return read_po(pot)


def test_the_source_has_the_texts_and_each_says_where_it_is_sent():
    source = in_source()
    assert len(source) > 50  # the texts were really read
    assert [key for key, comments in source.items() if not comments] == []


def test_the_template_holds_exactly_the_texts_of_the_source():
    assert {(m.context, m.id) for m in template() if m.id} == set(in_source())


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_is_translated_in_every_language_with_the_same_placeholders(language):
    messages = {(m.context, m.id): m for m in catalog(language) if m.id}
    assert set(messages) == set(in_source())
    for key, message in messages.items():
        assert message.string and "fuzzy" not in message.flags, key
        assert set(re.findall(r"{\w+}", message.string)) == set(re.findall(r"{\w+}", message.id)), key
        assert message.auto_comments, key  # the translator sees where it is sent


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalog_says_what_the_po_says(language):
    compiled = gettext.translation(DOMAIN, LOCALES, [language])
    for message in catalog(language):
        if message.id:
            got = compiled.pgettext(message.context, message.id) if message.context else compiled.gettext(message.id)
            assert got == message.string, f"run make catalogs: {message.id!r}"


def test_spanish_texts_name_the_spanish_keywords():
    for message in catalog("es"):
        if message.id:
            assert not re.search(r"\b(YES|STOP|HELP|START)\b", message.string), message.string
