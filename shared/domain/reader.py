"""Reading a patient's reply to a check-in question the way people text. Never raises."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from shared.domain.questions import Question

NUMBER_WORDS = {"zero": 0, "none": None, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a zero": 0, "nil": 0}
_WORD_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if n is not None}
_OUT_OF_TEN = re.compile(r"(\d+)\s*(?:/|out of|of)\s*10\b")
_RANGE = re.compile(r"(\d+)\s*(?:-|to|or)\s*(\d+)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SEPARATORS_ONLY = re.compile(r"^[\s,;/&+-]*$")
_QUESTION_WORDS = re.compile(r"\b(symptoms?|mood|withdrawal|sleep|and|then)\b")


@dataclass(frozen=True)
class Reading:
    """Values for the next questions, in order (maybe several), or none when the reply is unreadable."""

    values: tuple[int, ...]

    @property
    def readable(self) -> bool:
        return bool(self.values)


def read_reply(text: str, questions: tuple[Question, ...]) -> Reading:
    """Answers for `questions` (the current one first) found in the text; stops at the first bad one."""
    try:
        return Reading(tuple(_values(text or "", questions)))
    except Exception:  # noqa: BLE001 - a reply we cannot read is a re-ask, never an error
        return Reading(())


def _values(text: str, questions: tuple[Question, ...]) -> list[int]:
    if not questions:
        return []
    normal = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    normal = _OUT_OF_TEN.sub(r"\1", normal)
    for word, number in sorted(_WORD_NUMBERS.items(), key=lambda item: -len(item[0])):
        normal = re.sub(rf"\b{word}\b", str(number), normal)
    tokens = _tokens(normal, questions)
    if not tokens:
        word_value = _scale_word(normal, questions[0])
        return [word_value] if word_value is not None else []
    values = []
    for question, token in zip(questions, tokens):
        value = question.worse_of(*token) if isinstance(token, tuple) else token
        if not question.accepts(value):
            break
        values.append(value)
    return values


def _tokens(normal: str, questions: tuple[Question, ...]) -> list[Any]:
    """Numbers and ranges in order of appearance; a range counts as one answer."""
    tokens: list[Any] = []
    pattern = re.compile(rf"{_RANGE.pattern}|{_NUMBER.pattern}")
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
    rest = _QUESTION_WORDS.sub(" ", pattern.sub(" ", normal))
    if len(tokens) > 1 and (len(questions) == 1 or not _SEPARATORS_ONLY.match(rest)):
        return tokens[:1]
    return tokens


def _scale_word(normal: str, question: Question) -> int | None:
    for word, value in sorted(question.words.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{re.escape(word)}\b", normal):
            return value
    return None
