"""Spotting self-harm or suicide language in a patient's text. A false alarm beats a miss."""
from __future__ import annotations

import re

_SELF = r"(my ?self|myself|meself|my ?slf)"
_PHRASES = (
    # naming it
    r"suicid\w*", r"sucid\w*", r"suicde\w*", r"suiside\w*", r"sewer ?slide", r"unalive\w*", r"self[- ]?harm\w*",
    r"kms", r"kys", r"k[i1]ll?\s?m[yi]\s?s[el]{1,3}[fv]", r"off my ?self", r"want\s?2\s?die",
    r"(feel(ing)? like|thinking (about|of)|think about) dying", r"(could|wanna|gonna|just) die",
    r"(don'?t|dont|do not) wanna (live|be here|be alive|wake up)", r"tired of (living|life|being alive)",
    r"(nobody|no one|noone) (would|will) (miss|care about) me", r"took (all|too many) (of )?(my|the)? ?(pills|meds|tablets)",
    r"(swallow|swallowed) (all|a bunch of) (my |the )?(pills|meds)",
    # killing, hurting, ending
    rf"kill(ing|ed)? {_SELF}", rf"(hurt|harm|cut|burn|hang|shoot|drown|poison|starv)(ting|ing|s|ed|e)? {_SELF}",
    r"kill me", r"end(ing)? (it|it all|things|everything|my life|my own life|this)", r"take my (own )?life",
    r"take all (my|the) (pills|meds|medication|tablets)", r"overdos\w*", r"\bod\b( on)?",
    r"jump(ing)? (off|in front)",
    # wanting to die / not to live
    r"(want|wanna|going|gonna|ready|wish|need|deserve)( to| 2)? (die|be dead)", r"want 2 die",
    r"wish i (was|were|wasn'?t|weren'?t) (dead|here|alive|born)", r"better off (dead|without me|gone)",
    r"rather be dead", r"(i'?d|i would) rather die", r"no (reason|point)( in| to)? (living|live|go on|going on)",
    r"nothing (left )?to live for", r"(don'?t|do not|dont) want to (live|be alive|be here|wake up|exist)",
    r"not want to (live|be alive)", r"can'?t (go on|do this anymore|take (it|this) anymore|keep going)",
    r"life (is|isn'?t) (not )?worth( living)?", r"(say|said) goodbye (to|for) (every|good)",
    r"end my (own )?life", r"disappear forever", r"not be around (anymore|much longer)",
)
_PATTERN = re.compile(r"(?<![a-z])(" + "|".join(_PHRASES) + r")(?![a-z])", re.IGNORECASE)


def mentions_crisis(text: str) -> bool:
    """True when the text carries any self-harm or suicide language we know of."""
    normalised = re.sub(r"[\u2018\u2019`´]", "'", text or "")
    normalised = re.sub(r"[^\w'\s]", " ", normalised)
    normalised = re.sub(r"\s+", " ", normalised).lower()
    return bool(_PATTERN.search(normalised))
