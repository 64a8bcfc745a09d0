"""Spotting self-harm or suicide language in a patient's text. A false alarm beats a miss."""
from __future__ import annotations

import re

_PHRASES = (
    r"suicid\w*", r"sucid\w*", r"suicde", r"kill(ing)? my ?self", r"kms", r"end (it|it all|my life|things)",
    r"want(ed)? to die", r"wanna die", r"wish i (was|were) dead", r"better off dead", r"take my (own )?life",
    r"no reason to live", r"nothing to live for", r"hurt(ing)? my ?self", r"harm(ing)? my ?self",
    r"self[- ]?harm", r"cut(ting)? my ?self", r"overdos\w*", r"od on", r"don'?t want to (live|be alive|wake up)",
    r"not want to (live|be alive)", r"unalive", r"end my own life",
)
_PATTERN = re.compile(r"\b(" + "|".join(_PHRASES) + r")\b", re.IGNORECASE)


def mentions_crisis(text: str) -> bool:
    """True when the text carries any self-harm or suicide language we know of."""
    normalised = re.sub(r"[\u2018\u2019`]", "'", text or "")
    normalised = re.sub(r"\s+", " ", normalised)
    return bool(_PATTERN.search(normalised))
