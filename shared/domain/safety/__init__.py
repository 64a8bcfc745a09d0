"""Spotting suicide and self-harm risk in a patient's text, English or Spanish: explicit, warning signs, or none."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Callable

__all__ = ["Risk", "RiskLevel", "assess", "describe"]

CONCEPTS = {  # what a provider reads for each concept
    "suicidal_thoughts": "talks of suicide or self-harm",
    "suicide_intent": "intent to die or to kill themself",
    "suicide_plan": "a plan or method to end their life",
    "self_harm": "harming themself",
    "hopelessness": "hopelessness",
    "burden": "feeling a burden",
    "trapped": "feeling trapped, pain unbearable",
    "passive_wish": "passive wish to be gone",
    "farewell": "saying goodbye",
    "means": "getting the means",
    "giving_away": "giving things away",
    "timing": "a time set",
    "resolved": "a decision made, calm after it",
    "reckless": "reckless, hoping to come to harm",
    "withdrawn": "withdrawing from everyone",
    "shame": "great guilt or shame",
    "preparations": "preparations: several warning signs together",
    "death_talk": "talk of their own death",
    "unread": "a text the detector could not read",
}


def describe(concepts: tuple[str, ...] | list[str]) -> str:
    """The concepts in a provider's words, without the patient's own (for emails and evidence): "feeling a burden"."""
    return "; ".join(dict.fromkeys(CONCEPTS.get(c, c.replace("_", " ")) for c in concepts))


class RiskLevel(str, Enum):
    NONE = "none"
    WARNING = "warning"
    EXPLICIT = "explicit"


@dataclass(frozen=True)
class Risk:
    """What a text shows: its level, the concepts that fired and the words that showed each."""

    level: RiskLevel
    concepts: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()
    language: str = "en"

    def why(self) -> str:
        """One line for a provider, e.g. "warning signs: passive wish to be gone ('not wake up')"."""
        if self.level is RiskLevel.NONE:
            return "no risk language"
        label = "explicit risk" if self.level is RiskLevel.EXPLICIT else "warning signs"
        reasons = (f"{CONCEPTS.get(c, c)} ('{w}')" if w else CONCEPTS.get(c, c)
                   for c, w in zip(self.concepts, self.matched + ("",) * len(self.concepts)))
        return f"{label}: " + "; ".join(reasons)


# Preparatory acts (C-SSRS): two of these together are a plan in the making, treated as explicit. A lexicon's
# SUPPORTING signs ("I'm going to use it", "it's going to be pills") count here, and raise nothing alone.
PREPARATIONS = frozenset({"means", "farewell", "giving_away", "timing", "resolved"})

@dataclass(frozen=True)
class Reader:
    matcher: Any
    speller: Any
    tokens: Callable[[str], list[str]]
    language: Callable[..., str]


@cache
def reader() -> Reader:
    """The lexicons, compiled, and the speller: loaded and built on the first text rather than at import (about
    150 ms of regular expressions), so pages, the API and dispatch never pay for them."""
    from shared.domain.safety import lexicon_en, lexicon_es
    from shared.domain.safety.language import language
    from shared.domain.safety.matcher import Matcher
    from shared.domain.safety.normalise import tokens
    from shared.domain.safety.real_words import REAL_WORDS
    from shared.domain.safety.spelling import speller_for

    return Reader(Matcher({"en": lexicon_en, "es": lexicon_es}), speller_for((lexicon_en, lexicon_es), REAL_WORDS),
                  tokens, language)


def assess(text: str) -> Risk:
    """The risk a patient's text shows. Pure and fast; never raises (an unreadable text is a warning)."""
    text = text if isinstance(text, str) else str(text or "")
    try:
        read = reader()
        words = [w for token in read.tokens(text) for w in read.speller.correct(token)]
        hits = read.matcher.find(words)
        lang = read.language(text, words, tuple(h.language for h in hits))
    except Exception:  # noqa: BLE001 - a safety check that fails open is a miss; when in doubt, warn
        return Risk(RiskLevel.WARNING, ("unread",), ("",))
    concepts, matched = tuple(h.concept for h in hits), tuple(h.words for h in hits)
    if len(PREPARATIONS.intersection(concepts)) >= 2:
        return Risk(RiskLevel.EXPLICIT, ("preparations", *concepts), ("", *matched), lang)
    hits = [h for h in hits if h.alone]
    concepts, matched = tuple(h.concept for h in hits), tuple(h.words for h in hits)
    if any(h.explicit for h in hits):
        return Risk(RiskLevel.EXPLICIT, concepts, matched, lang)
    return Risk(RiskLevel.WARNING if hits else RiskLevel.NONE, concepts, matched, lang)
