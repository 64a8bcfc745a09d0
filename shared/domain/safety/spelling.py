"""Reading misspelt key words: squeezed letters and a small Damerau-Levenshtein distance, against the lexicon only."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import Any

from shared.domain.safety.normalise import squeeze

SHORTEST = 5  # shorter words are not corrected (four-letter key words only for two letters swapped: "wnat")
# Spanish letters that sound alike, in the order they are merged: "kisiera" and "quisiera", "rasones" and "razones",
# "aser" and "hacer", "bida" and "vida" sound the same
_SOUNDS = tuple((re.compile(pattern), heard) for pattern, heard in (
    ("ch", "X"), ("qu(?=[ei])", "k"), ("c(?=[ei])", "s"), ("z", "s"), ("c", "k"), ("h", ""), ("v", "b"), ("ll", "y"),
    ("x(?=[kpt])", "s"), (r"(.)\1+", r"\1")))


def edits_allowed(word: str) -> int:
    """How far a misspelling may be from a key word: 1 edit for 5-7 letters, 2 for 8 or more."""
    return 0 if len(word) < SHORTEST else 1 if len(word) <= 7 else 2


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, swaps, transpositions."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


class Speller:
    """Maps a token to the lexicon word it was meant to be, or leaves it alone."""

    def __init__(self, vocabulary: set[str], stems: set[str], keys: dict[str, tuple[str, ...]], real: set[str],
                 by_sound: frozenset[str] | set[str] = frozenset()):
        self._known = frozenset(vocabulary)
        self._stems = tuple(sorted(stems))
        self._real = frozenset(real)
        self._keys = keys  # key word -> the tokens it stands for ("matarme" -> ("matar", "me"))
        self._squeezed: dict[str, str] = {}
        for word in sorted(vocabulary | set(keys)):
            self._squeezed.setdefault(squeeze(word), word)
        self._sounds: dict[str, str] = {}
        for word in sorted(by_sound):
            if len(word) >= SHORTEST - 1:
                self._sounds.setdefault(sound(word), word)
        self._swaps = {k for k in keys if len(k) == SHORTEST - 1}  # four letters: only two letters swapped
        self._deletes: dict[str, set[str]] = {}
        for key in keys:
            for variant in _deletions(key, edits_allowed(key)):
                self._deletes.setdefault(variant, set()).add(key)
        self.correct = lru_cache(maxsize=65_536)(self._correct)

    def _correct(self, token: str) -> tuple[str, ...]:
        if token in self._known or token in self._real or not token.isalpha() or token.startswith(self._stems):
            return (token,)
        squeezed = self._squeezed.get(squeeze(token))
        if squeezed is not None:
            return self._keys.get(squeezed, (squeezed,))
        if len(token) < SHORTEST - 1:
            return (token,)
        heard = self._sounds.get(sound(token))
        if heard is not None:
            return self._keys.get(heard, (heard,))
        if len(token) == SHORTEST - 1:
            swapped = (token[:i] + token[i + 1] + token[i] + token[i + 2:] for i in range(len(token) - 1))
            return next((self._keys[s] for s in swapped if s in self._swaps), (token,))
        candidates = {k for v in _deletions(token, 2 if len(token) >= 7 else 1) for k in self._deletes.get(v, ())}
        best = min(candidates, key=lambda k: (distance(token, k), k), default=None)
        if best is not None and distance(token, best) <= edits_allowed(best):
            return self._keys[best]
        return (token,)


def sound(word: str) -> str:
    """How a Spanish word sounds, spelt one way: the key under which its spellings by ear meet."""
    for pattern, replacement in _SOUNDS:
        word = pattern.sub(replacement, word)
    return word


def _deletions(word: str, depth: int) -> set[str]:
    """The word with up to `depth` letters deleted, itself included."""
    out = {word}
    for n in range(1, min(depth, len(word) - 1) + 1):
        for drop in combinations(range(len(word)), n):
            out.add("".join(c for i, c in enumerate(word) if i not in drop))
    return out


def speller_for(lexicons: tuple[Any, ...], real_words: frozenset[str]) -> Speller:
    """A speller over every word the lexicons name; their FUZZY words are read through misspellings and their
    SPELLED_BY_SOUND words through spellings by ear, never turning one of `real_words` into another word."""
    from shared.domain.safety.normalise import SLANG, tokens
    from shared.domain.safety.patterns import literal_words, stems

    vocabulary: set[str] = {w for phrase in SLANG.values() for w in phrase.split()}
    found_stems: set[str] = set()
    real = set(real_words)
    keys: dict[str, tuple[str, ...]] = {}
    by_sound: set[str] = set()
    for lexicon in lexicons:
        texts = [e for entries in lexicon.WORDS.values() for e in entries]
        tables = (getattr(lexicon, table, {}) for table in ("EXPLICIT", "WARNING", "HYPERBOLE", "SUPPORTING"))
        texts += [p for concepts in tables for ps in concepts.values() for p in ps]
        texts += [*lexicon.IDIOMS, *lexicon.NEGATORS, *lexicon.BRIDGE]
        for text in texts:
            vocabulary |= literal_words(text)
            found_stems |= stems(text)
        keys.update({key: tuple(tokens(key)) for key in lexicon.FUZZY})
        by_sound |= set(getattr(lexicon, "SPELLED_BY_SOUND", ()))
    return Speller(vocabulary, found_stems, keys, real, by_sound)
