"""SMS keywords that keep their meaning whatever the conversation state, in the patient's language.

A Spanish patient has the Spanish keywords as well as the English ones. Every patient's STOP is honoured in
either language: the FCC asks that any reasonable way of saying stop opts out, so PARAR from an English patient
opts out too."""
from __future__ import annotations

import unicodedata
from enum import Enum


class Keyword(str, Enum):
    STOP = "stop"
    START = "start"
    HELP = "help"
    CALL = "call"


_WORDS = {
    **{w: Keyword.STOP for w in ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT")},
    **{w: Keyword.START for w in ("START", "UNSTOP")},
    **{w: Keyword.HELP for w in ("HELP", "INFO")},
    **{w: Keyword.CALL for w in ("CALL", "CALL ME")},
}
SPANISH_STOP = ("PARAR", "ALTO", "CANCELAR", "BASTA")   # opt-out words for every patient, whatever their language
SPANISH_WORDS = {
    **{w: Keyword.STOP for w in SPANISH_STOP},
    **{w: Keyword.HELP for w in ("AYUDA",)},
    **{w: Keyword.START for w in ("COMENZAR", "REANUDAR")},
}
_BY_LANGUAGE = {
    "en": {**_WORDS, **{w: Keyword.STOP for w in SPANISH_STOP}},
    "es": {**_WORDS, **SPANISH_WORDS},
}


def read_keyword(text: str, language: str = "en") -> Keyword | None:
    """The keyword a whole message is, ignoring case, accents, spaces and punctuation around it ("¡Parar!")."""
    word = fold(text).strip().strip(".!¡¿?").strip().upper()
    return _BY_LANGUAGE.get(language, _BY_LANGUAGE["en"]).get(word)


def fold(text: str) -> str:
    """The text without accents (á, é, í, ó, ú, ü become a, e, i, o, u; ñ becomes n): texting often drops them."""
    decomposed = unicodedata.normalize("NFD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c))
