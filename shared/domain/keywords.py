"""SMS keywords that keep their meaning whatever the conversation state."""
from __future__ import annotations

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


def read_keyword(text: str) -> Keyword | None:
    """The keyword a whole message is, ignoring case, spaces and trailing punctuation."""
    word = text.strip().strip(".!").strip().upper()
    return _WORDS.get(word)
