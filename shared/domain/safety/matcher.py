"""Finding concepts in normalised tokens: idioms set aside, then each concept's patterns, each unless negated."""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from shared.domain.safety.language import ENGLISH, SPANISH
from shared.domain.safety.patterns import anchors, compile_pattern

NEGATION_REACH = 6                     # how many words back a negator may stand, bridged by BRIDGE words
FALLBACK = "death_talk"                # named only when nothing more specific is found
COMMON = ENGLISH | SPANISH | frozenset("i me my to a the you it not no is am do be of and in that on de la el que y "
                                       "mi en lo".split())
_NO = frozenset({"no", "nope", "nah", "never", "not"})
_ASKED = frozenset({"asked", "asks", "ask", "asking", "wondered", "wondering"})
_SET_ASIDE = "~"                       # what an idiom leaves behind: not a word, so no pattern spans it


@dataclass(frozen=True)
class Rule:
    concept: str
    explicit: bool
    regex: re.Pattern[str]
    language: str
    hyperbole: bool = False            # counts only when the text is not laughing ("kill me now lol")
    alone: bool = True                 # raises a risk on its own; else it only supports other signs


@dataclass(frozen=True)
class Hit:
    """One concept found, with the normalised words that showed it."""

    concept: str
    explicit: bool
    words: str
    language: str
    alone: bool = True


class Index:
    """Patterns filed under the words one of which a text must hold for them to match, so most are never tried."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_stem: dict[str, list[int]] = {}
        self._always: list[int] = []

    def add(self, item: object, pattern: str, classes: dict[str, tuple[str, ...]]) -> None:
        n = len(self.items)
        self.items.append(item)
        words = anchors(pattern, classes, COMMON)
        if not words:
            self._always.append(n)
        for word in words:
            table = self._by_stem if word.endswith("*") else self._by_word
            table.setdefault(word.rstrip("*"), []).append(n)

    def candidates(self, tokens: list[str]) -> list[Any]:
        """The items whose anchor words the tokens hold, in the order they were added."""
        found = set(self._always)
        lengths = {len(stem) for stem in self._by_stem}
        for token in set(tokens):
            found.update(self._by_word.get(token, ()))
            for length in lengths:
                found.update(self._by_stem.get(token[:length], ()))
        return [self.items[n] for n in sorted(found)]


class Matcher:
    """All the lexicons' concepts, compiled once."""

    def __init__(self, lexicons: dict[str, ModuleType]):
        self.rules = Index()
        self.idioms = Index()
        self.negators: set[str] = set()
        self.bridge: set[str] = set()
        self.joking: set[str] = set()
        for explicit, table in ((True, "EXPLICIT"), (False, "WARNING"), (False, "HYPERBOLE"), (False, "SUPPORTING")):
            for language, lexicon in lexicons.items():
                for concept, patterns in getattr(lexicon, table, {}).items():
                    for p in patterns:
                        rule = Rule(concept, explicit, compile_pattern(p, lexicon.WORDS), language,
                                    table == "HYPERBOLE", table != "SUPPORTING")
                        self.rules.add(rule, p, lexicon.WORDS)
        for lexicon in lexicons.values():
            for p in lexicon.IDIOMS:
                self.idioms.add(compile_pattern(p, lexicon.WORDS), p, lexicon.WORDS)
            self.negators.update(lexicon.NEGATORS)
            self.bridge.update(lexicon.BRIDGE)
            self.joking.update(lexicon.JOKING)

    def find(self, tokens: list[str]) -> list[Hit]:
        """Every concept the tokens show, explicit ones first, each once."""
        text = " " + " ".join(tokens) + " "
        for idiom in self.idioms.candidates(tokens):
            text = idiom.sub(_SET_ASIDE, text)
        joking = not self.joking.isdisjoint(tokens)
        hits: list[Hit] = []
        found: set[str] = set()
        for rule in self.rules.candidates(tokens):
            if rule.concept in found or (rule.hyperbole and joking):
                continue
            for match in rule.regex.finditer(text):
                if not self._negated(text, match) and not _answered_no(text, match):
                    hits.append(Hit(rule.concept, rule.explicit, match.group(0).strip(), rule.language, rule.alone))
                    found.add(rule.concept)
                    break
        specific = [h for h in hits if h.concept != FALLBACK]
        return specific if any(h.alone for h in specific) else hits

    def _negated(self, text: str, match: re.Match[str]) -> bool:
        """A negator just before the match, with only bridge words between ("not going to hurt myself")."""
        before = text[max(0, match.start() - 120):match.start()].split()
        for word in reversed(before[-NEGATION_REACH:]):
            if word in self.negators:
                return True
            if word not in self.bridge:
                return False
        return False


def _answered_no(text: str, match: re.Match[str]) -> bool:
    """A question answered no at once: "od? no, just 3", "she asked if I was suicidal, I said no"."""
    clause = text[:match.start()].rsplit(" . ", 1)[-1].rsplit(" ? ", 1)[-1].split()
    asked = not _ASKED.isdisjoint(clause)
    after = text[match.end():match.end() + 120].split()
    for i, word in enumerate(after):
        if word == "." or (word == "," and not asked):
            return False
        if word in ("?", ","):
            answer = [w for w in after[i + 1:i + 4] if w not in ("i", "said", "say", "answered", "and")]
            return bool(answer) and answer[0] in _NO and answer[1:2] not in (["one"], ["body"])
    return False
