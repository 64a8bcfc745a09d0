"""The safety question: asked after a warning sign or a very low mood, answered YES or NO, escalated when
unanswered. Pure: the question's state, how an answer is read, and every safety text in English and Spanish."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from shared.domain.gsm7 import in_language

ANSWER_WITHIN = timedelta(minutes=60)     # no answer by then: an urgent escalation
OPEN_FOR = timedelta(hours=24)            # after that an unanswered question no longer holds the conversation
CALM_AFTER_NO = timedelta(hours=24)       # a warning text this soon after a NO gets 988, not the question again
WARNING, LOW_MOOD = "warning", "low_mood"  # what opened the question
KEPT_WORDS = 5                            # texts kept with an open question, for the provider
REPLY_BREAK = "\n\n"                      # between two texts sent as one reply (each its own SMS)
# What a text does to the safety question
ASK, REASK, ANSWERED_YES, ANSWERED_NO, AFTER_NO = "ask", "reask", "yes", "no", "after_no"
IN_CRISIS = "in_crisis"   # a warning text while a crisis escalation is still open: 988 again, added to it


@dataclass(frozen=True)
class SafetyQuestion:
    """An open safety question, kept on the patient's profile until answered."""

    question_id: str
    asked_at: datetime
    trigger: str                          # WARNING or LOW_MOOD
    language: str = "en"
    concepts: tuple[str, ...] = ()        # what the detector saw (empty for a low mood)
    words: tuple[str, ...] = ()           # the patient's texts that opened it or came while it was open
    escalation_id: str = ""               # the urgent escalation raised when it went unanswered

    def is_open(self, now: datetime) -> bool:
        return now < self.asked_at + OPEN_FOR

    def with_words(self, text: str) -> SafetyQuestion:
        kept = (*self.words, text.strip()[:300])[-KEPT_WORDS:]
        return replace(self, words=kept)


def read_answer(text: str, language: str = "en") -> str | None:
    """'yes', 'no', or None when the text answers neither: a short reply, or one that starts with its answer.
    Both at once reads as yes (a miss costs more than a call); 'no sé' or 'not sure' is neither. SÍ/SI and NO
    are read in every language (people mix); a Spanish patient's own words ('ajá', 'correcto', and in a short
    reply 'nunca', 'nel') only when `language` is "es"."""
    words = re.findall(r"[a-z]+", _fold(text))
    if not words or tuple(words[:2]) in _UNSURE:
        return None
    spanish = language == "es"
    yes = _YES | _YES_ES if spanish else _YES
    short = len(words) <= 4
    said_yes = words[0] in yes or (short and bool(set(words) & yes)) or words in (["y"], ["ya"])
    no = _NO | _NO_ES if spanish and short else _NO  # "nunca ... pero sí lo pienso": a long reply is no NO
    said_no = words[0] in no or (short and bool(set(words) & no))
    if said_yes:
        return "yes"
    return "no" if said_no else None


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


# "y" and "ya" are Spanish for "and" and "already": a yes only when they are the whole reply
_YES = {"yes", "yeah", "yea", "yep", "yup", "si", "sip", "simon", "claro", "afirmativo"}
_NO = {"no", "n", "nope", "nah", "nop", "negativo"}
_YES_ES = {"sii", "siii", "aja", "correcto", "cierto", "exacto"}
_NO_ES = {"nel", "nunca", "tampoco", "noo", "nooo"}
_UNSURE = {("no", "se"), ("no", "lo"), ("no", "estoy"), ("not", "sure"), ("no", "idea"), ("no", "clue")}


def question_text(language: str = "en") -> str:
    _ = in_language(language)
    # TRANSLATORS: the safety question, after a warning sign or a very low mood. Name the yes/no words patients of
    # the language use (SI, NO); keep 988.
    return _("Are you thinking about ending your life or hurting yourself? Reply YES or NO. If you are in danger "
             "now, call or text 988.")


def reask_text(language: str = "en") -> str:
    _ = in_language(language)
    # TRANSLATORS: the safety question again, when the reply was neither yes nor no. Keep 988.
    return _("Please reply YES or NO: are you thinking about ending your life or hurting yourself? If you are in "
             "danger now, call or text 988.")


def answered_no_text(language: str = "en") -> str:
    _ = in_language(language)
    # TRANSLATORS: the reply to NO to the safety question. Keep 988 and 911.
    return _("Thank you for answering. We will share your message with your care team. If you are ever in danger, "
             "call or text 988, or call 911.")


def warning_after_no_text(language: str = "en") -> str:
    _ = in_language(language)
    # TRANSLATORS: a new warning sign shortly after the patient answered NO to the safety question. Keep 988.
    return _("We hear you. If you are thinking about ending your life or are in danger, call or text 988 now. "
             "Your care team will see your message.")


def crisis_text(language: str = "en") -> str:
    _ = in_language(language)
    # TRANSLATORS: the crisis reply (crisis language, or YES to the safety question). Keep 988 and 911; say how to
    # reach 988 in the language (Spanish: press 2, or text AYUDA to 988).
    return _("If you are thinking of harming yourself, call or text 988 (Suicide & Crisis Lifeline) now. In an "
             "emergency call 911. Your care team will contact you.")


def unknown_number_warning_text(language: str = "en") -> str:
    """A warning sign from a number we do not know: nobody would follow a question up, so 988 at once."""
    _ = in_language(language)
    # TRANSLATORS: a warning sign in a text from a number that belongs to no patient. Keep 988 and 911.
    return _("If you are thinking about ending your life or hurting yourself, call or text 988 now. In an "
             "emergency call 911.")
