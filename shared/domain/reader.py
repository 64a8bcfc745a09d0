"""Reading a patient's reply to a check-in question the way people text. Never raises."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from shared.domain.keywords import fold
from shared.domain.questions import Question

NUMBER_WORDS = {"zero": 0, "none": None, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a zero": 0, "nil": 0}
# Spanish, without accents (the reader folds them). "ninguno" and "nada" are no number: like "none", each
# question's own words say what they mean. "una" is also "a": a number only when no word follows it ("una noche").
SPANISH_NUMBER_WORDS = {"cero": 0, "ninguno": None, "ninguna": None, "nada": None, "uno": 1, "dos": 2, "tres": 3,
                        "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10}
_SPANISH_UNA = re.compile(r"\buna\b(?!\s*(?!(?:y|o|a|luego)\b)[a-z])")
_NEGATED = re.compile(r"\b(?:no|not|ni)\s+$")
_UNSURE = re.compile(r"^\W*(?:no\s+(?:se|lo\s+se|estoy\s+segur[oa]|sabria|idea)|ni\s+idea|not\s+sure|no\s+clue)\b")


@dataclass(frozen=True)
class _Grammar:
    """How replies are written in one language (English's always included: people mix)."""

    numbers: dict[str, int]
    out_of_ten: re.Pattern[str]
    range: re.Pattern[str]
    question_words: re.Pattern[str]


def _grammar(number_words: dict[str, int | None], of: str, to: str, question_words: str) -> _Grammar:
    return _Grammar({w: n for w, n in number_words.items() if n is not None},
                    re.compile(rf"(\d+)\s*(?:/|{of})\s*10\b"), re.compile(rf"(\d+)\s*(?:-|{to})\s*(\d+)"),
                    re.compile(rf"\b({question_words})\b"))


_EN_WORDS = "symptoms?|mood|withdrawal|sleep|and|then"
_GRAMMARS = {
    "en": _grammar(NUMBER_WORDS, "out of|of", "to|or", _EN_WORDS),
    "es": _grammar({**NUMBER_WORDS, **SPANISH_NUMBER_WORDS}, "out of|of|de|sobre", "to|or|a|al|o",
                   rf"{_EN_WORDS}|y|luego|sintomas?|estado de animo|animo|abstinencia|suenos?"),
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SEPARATORS_ONLY = re.compile(r"^[\s,;/&+-]*$")


@dataclass(frozen=True)
class Reading:
    """Values for the next questions, in order (maybe several), or none when the reply is unreadable."""

    values: tuple[int, ...]

    @property
    def readable(self) -> bool:
        return bool(self.values)


def read_reply(text: str, questions: tuple[Question, ...], language: str = "en") -> Reading:
    """Answers for `questions` (the current one first) found in the text; stops at the first bad one.
    A Spanish patient's reply is read in Spanish and English, accents or none."""
    try:
        return Reading(tuple(_values(text or "", questions, language)))
    except Exception:  # noqa: BLE001 - a reply we cannot read is a re-ask, never an error
        return Reading(())


def _values(text: str, questions: tuple[Question, ...], language: str = "en") -> list[int]:
    if not questions:
        return []
    grammar = _GRAMMARS.get(language, _GRAMMARS["en"])
    normal = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    if language == "es":
        normal = _SPANISH_UNA.sub("1", re.sub(r"\bentre\s+(\d+)\s+y\s+(\d+)", r"\1-\2", fold(normal)))
    if _UNSURE.match(fold(normal)):
        return []  # "no idea", "no sé": not the withdrawal answer "no"
    normal = grammar.out_of_ten.sub(r"\1", normal)
    for word, number in sorted(grammar.numbers.items(), key=lambda item: -len(item[0])):
        normal = re.sub(rf"\b{word}\b", str(number), normal)
    tokens = _tokens(normal, questions, grammar)
    if not tokens:
        word_value = _scale_word(normal, questions[0], language)
        return [word_value] if word_value is not None else []
    values = []
    for question, token in zip(questions, tokens):
        value = question.worse_of(*token) if isinstance(token, tuple) else token
        if not question.accepts(value):
            break
        values.append(value)
    return values


def _tokens(normal: str, questions: tuple[Question, ...], grammar: _Grammar) -> list[Any]:
    """Numbers and ranges in order of appearance; a range counts as one answer."""
    tokens: list[Any] = []
    pattern = re.compile(rf"{grammar.range.pattern}|{_NUMBER.pattern}")
    for match in pattern.finditer(normal):
        if match.group(1) is not None:
            tokens.append((int(match.group(1)), int(match.group(2))))
        elif "." in match.group(0):
            low = int(float(match.group(0)))
            tokens.append((low, low + 1))  # 7.5: between two answers, read as a range (the worse end)
        else:
            tokens.append(int(match.group(0)))
    # Several answers in one text only when it is a list of answers ("3 7 0", "3,7,0", "mood 7"):
    # in a sentence ("8, maybe 9") the first number is the answer.
    rest = grammar.question_words.sub(" ", pattern.sub(" ", normal))
    if len(tokens) > 1 and (len(questions) == 1 or not _SEPARATORS_ONLY.match(rest)):
        return tokens[:1]
    return tokens


def _scale_word(normal: str, question: Question, language: str) -> int | None:
    """The value of the longest scale word in the text; a negated one ("not great", "no muy bien") is no answer."""
    for word, value in sorted(question.scale_words(language).items(), key=lambda item: -len(item[0])):
        match = re.search(rf"\b{re.escape(word)}\b", normal)
        if match:
            return None if _NEGATED.search(normal[:match.start()]) else value
    return None
