"""GSM-7, the alphabet of one-segment texts (GSM 03.38): how long a text is in it, and folding a text into it."""
from __future__ import annotations

import unicodedata
from typing import Callable

from shared.domain.catalogs import translator

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")
SEGMENT_LIMIT = 160


def gsm7_length(text: str) -> int | None:
    """Septets the text takes in GSM-7, or None when it needs UCS-2."""
    length = 0
    for char in text:
        if char in GSM7_BASIC:
            length += 1
        elif char in GSM7_EXTENDED:
            length += 2
        else:
            return None
    return length


def fits_one_segment(text: str) -> bool:
    length = gsm7_length(text)
    return length is not None and length <= SEGMENT_LIMIT


def gsm_fold(text: str) -> str:
    """A text as GSM-7 can carry it: a letter GSM-7 lacks loses its accent (á í ó ú -> a i o u; ñ é ü ¿ ¡ are
    GSM-7 and stay); a character with no GSM-7 form at all is left out."""
    kept = []
    for char in text:
        if char in GSM7_BASIC or char in GSM7_EXTENDED:
            kept.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        kept.append(base if base and all(c in GSM7_BASIC for c in base) else "")
    return "".join(kept)


def in_language(language: str) -> Callable[[str], str]:
    """`_` of one language: the message id's text there, folded to GSM-7."""
    translate = translator(language)
    return lambda message: gsm_fold(translate(message))


def sms_name(name: str) -> str:
    """A name as a GSM-7 text can carry it: accents folded (María -> Maria); else left out."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).strip()
    return folded if folded and gsm7_length(folded) == len(folded) else ""
