"""The lexicon's small pattern language (see `lexicon_en`), compiled to regular expressions over normalised text."""
from __future__ import annotations

import re

WORD = r"[a-z0-9]+"                      # a word token: clause marks are not words, so gaps never cross them
CLAUSE_END = r"(?= [.,?](?!\S)| *$)"
_ELEMENT = re.compile(r"(?:!~\d+|!)?\([^)]*\)\??|\S+")
NUMBERS = {"#": "[0-9]+", "##": "[1-9][0-9]+"}  # any number; a number of ten or more


def compile_pattern(pattern: str, classes: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One pattern as a regular expression matching whole tokens of " tok tok . tok " text."""
    return re.compile(r"(?<!\S)" + _body(pattern, classes) + r"(?!\S)")


def elements(pattern: str) -> list[str]:
    """A pattern's elements: words, classes, "(several words|or these)" groups, "~n", "!x", "$"."""
    return _ELEMENT.findall(pattern)


def literal_words(pattern: str) -> set[str]:
    """The plain words a pattern or class entry names (no classes, stems or operators): the lexicon's vocabulary."""
    return {w for a in _all_alternatives(pattern) for w in a.split() if w.islower() and w.isalnum()}


def stems(pattern: str) -> set[str]:
    """The stems a pattern names ("suicid*" gives "suicid")."""
    return {w[:-1] for a in _all_alternatives(pattern) for w in a.split() if w.endswith("*")}


def _all_alternatives(pattern: str) -> list[str]:
    return [a for e in elements(pattern) for a in _strip(re.sub(r"^!(~\d+)?", "", e)).split("|")]


def _strip(element: str) -> str:
    element = element[:-1] if element.endswith("?") and len(element) > 1 else element
    return element[1:-1] if element.startswith("(") and element.endswith(")") else element


def _body(pattern: str, classes: dict[str, tuple[str, ...]]) -> str:
    parts: list[str] = []
    prefix = ""
    for element in elements(pattern):
        if element.startswith("~~"):
            prefix += rf"(?:(?:{WORD}|,) ){{0,{int(element[2:])}}}"
        elif element.startswith("~"):
            prefix += rf"(?:{WORD} ){{0,{int(element[1:])}}}"
        elif element == "$":
            parts[-1] += CLAUSE_END
        elif element.startswith("!~"):
            reach, group = re.match(r"!~(\d+)(.*)", element).groups()  # type: ignore[union-attr]  # startswith
            parts[-1] += rf"(?!(?: {WORD}){{0,{int(reach) - 1}}} (?:{_alternatives(_strip(group), classes)})(?!\S))"
        elif element.startswith("!"):
            parts[-1] += rf"(?! (?:{_alternatives(_strip(element[1:]), classes)})(?!\S))"
        elif element.endswith("?"):
            prefix += rf"(?:(?:{_alternatives(_strip(element), classes)}) )?"
        else:
            parts.append(prefix + f"(?:{_alternatives(_strip(element), classes)})")
            prefix = ""
    if prefix or not parts:
        raise ValueError(f"pattern must end with a word or class: {pattern!r}")
    return " ".join(parts)


def _alternatives(element: str, classes: dict[str, tuple[str, ...]]) -> str:
    return "|".join(_entry(e) for e in sorted(set(_entries(element, classes)), key=len, reverse=True))


def _entry(entry: str) -> str:
    if entry in NUMBERS:
        return NUMBERS[entry]
    return r"\ ".join(re.escape(word).replace(r"\*", "[a-z]*") for word in entry.split())


def anchors(pattern: str, classes: dict[str, tuple[str, ...]], common: frozenset[str]) -> frozenset[str]:
    """Words of which a text must hold one for the pattern to match ("stem*" for a stem): the rarest element's.

    Empty when no element can stand as anchor (then the pattern is always tried).
    """
    best: frozenset[str] = frozenset()
    best_score: tuple[int, int] | None = None
    for element in elements(pattern):
        if element.startswith(("~", "!")) or element == "$" or (element.endswith("?") and len(element) > 1):
            continue
        words = set()
        for entry in _entries(_strip(element), classes):
            if entry in NUMBERS:
                break
            words.add(max(entry.split(), key=lambda w: (w not in common, len(w))))
        else:
            score = (sum(w in common for w in words), len(words))
            if best_score is None or score < best_score:
                best, best_score = frozenset(words), score
    return best


def _entries(element: str, classes: dict[str, tuple[str, ...]]) -> list[str]:
    entries: list[str] = []
    for alternative in element.split("|"):
        entries.extend(classes[alternative] if alternative.isupper() and alternative.replace("_", "").isalpha()
                       else [alternative])
    return entries
