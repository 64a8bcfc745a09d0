"""Reading a patient's answer to the consent question."""
from __future__ import annotations

import re

from shared.domain.keywords import fold

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


SPANISH_YES_WORDS = {"si", "sii", "siii", "acepto", "claro", "dale", "vale"}
SPANISH_FILLER = {"por", "favor", "porfa", "gracias", "muchas", "que", "de", "acuerdo", "esta", "bien", "yo", "lo",
                  "quiero", "me", "parece"}
SPANISH_NEGATIONS = {"nunca", "jamas", "espera", "esperar", "despues", "luego", "parar", "alto", "basta", "cancelar",
                     "todavia", "aun"}


def is_consent(text: str, language: str = "en") -> bool:
    """True for a clear yes to the consent question in the patient's language. A Spanish patient may say SÍ/SI
    ("Sí", "si por favor", "Sí, acepto") or YES; an English patient's consent is `is_yes` exactly. Accents and
    case are ignored; any negation ("no", "todavía no", "sí, pero después") is not a yes."""
    if language != "es":
        return is_yes(text)
    plain = fold(text).lower().replace("\u2019", "'")
    words = [w.strip("'") for w in re.findall(r"[a-z']+", plain) if w.strip("'")]
    yes, filler = YES_WORDS | SPANISH_YES_WORDS, FILLER | SPANISH_FILLER
    if not words or len(words) > 6 or any(w in NEGATIONS | SPANISH_NEGATIONS for w in words):
        return False
    return any(w in yes for w in words) and all(w in yes | filler for w in words)
