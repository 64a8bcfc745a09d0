"""Reading a patient's answer to the consent question."""
from __future__ import annotations

import re

YES_WORDS = {"yes", "y", "yeah", "yea", "yep", "yup", "ya", "yess", "yesss", "ok", "okay", "k", "sure", "agree",
             "accept", "absolutely", "definitely"}
FILLER = {"i", "please", "pls", "thanks", "thank", "you", "ty", "and", "sounds", "good", "great", "do", "will"}
NEGATIONS = {"no", "not", "dont", "don't", "never", "nope", "nah", "stop", "wait", "later"}


def is_yes(text: str) -> bool:
    """True for a clear yes ("yes", "Y", "yes!", "ok yes", "Yes please"); anything doubtful is not a yes."""
    raw = re.findall(r"[a-z']+", (text or "").lower().replace("\u2019", "'"))
    words = [w.strip("'") for w in raw if w.strip("'")]
    if not words or len(words) > 6 or any(w in NEGATIONS for w in words):
        return False
    return any(w in YES_WORDS for w in words) and all(w in YES_WORDS | FILLER for w in words)
