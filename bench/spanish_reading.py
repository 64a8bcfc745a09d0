"""Held-out check of the Spanish reading (issue 16): replies, keywords and consent written after the reader, the
keywords and consent were built and never used to tune them. `python -m bench.spanish_reading` prints the figures.

Each reply is (question id, text, the value a person would read, or None where a re-ask is right)."""
from __future__ import annotations

from shared.domain.consent import is_consent
from shared.domain.keywords import Keyword, read_keyword
from shared.domain.questions import QUESTIONS, question
from shared.domain.reader import read_reply

REPLIES = [
    ("symptoms", "cuatro", 4), ("symptoms", "Un 6", 6), ("symptoms", "como 7", 7), ("symptoms", "diez, horrible", 10),
    ("symptoms", "0 nada de dolor", 0), ("symptoms", "tres o cuatro", 4), ("symptoms", "5/10", 5),
    ("symptoms", "ningún síntoma hoy", 0), ("symptoms", "estoy en 8", 8), ("symptoms", "Seis.", 6),
    ("symptoms", "igual que ayer", None), ("symptoms", "no sé", None), ("symptoms", "mas o menos", None),
    ("symptoms", "dos", 2), ("symptoms", "NUEVE", 9), ("symptoms", "2-3", 3),
    ("mood", "ocho", 8), ("mood", "bien, un 7", 7), ("mood", "cinco", 5), ("mood", "muy bien", 10),
    ("mood", "tres de diez", 3), ("mood", "6 o 7", 6), ("mood", "me siento regular", None),
    ("mood", "Siete!", 7), ("mood", "uno", 1), ("mood", "muy bajo", 0), ("mood", "genial hoy", 10),
    ("withdrawal", "nada", 0), ("withdrawal", "leve", 1), ("withdrawal", "moderado", 2), ("withdrawal", "fuerte", 3),
    ("withdrawal", "un poco, leve", 1), ("withdrawal", "ninguno", 0), ("withdrawal", "sueños raros, moderados", None),
    ("withdrawal", "grave", 3), ("withdrawal", "2", 2), ("withdrawal", "severa", 3), ("withdrawal", "ninguna", 0),
    ("withdrawal", "Nada nada", 0), ("withdrawal", "cero", 0),
]
KEYWORDS = [
    ("Parar", Keyword.STOP), ("ALTO", Keyword.STOP), ("cancelar", Keyword.STOP), ("Basta!", Keyword.STOP),
    ("ayuda", Keyword.HELP), ("Ayuda?", Keyword.HELP), ("comenzar", Keyword.START), ("Reanudar", Keyword.START),
    ("STOP", Keyword.STOP), ("para ya", None), ("necesito ayuda con la dosis", None), ("alto el dolor", None),
]
CONSENT = [("Sí", True), ("si", True), ("SI acepto", True), ("sí, por favor", True), ("Claro que sí", True),
           ("yes", True), ("no", False), ("todavía no", False), ("sí pero mañana", False), ("quién es?", False)]


def main() -> None:
    right = sum(1 for qid, text, want in REPLIES if _read(qid, text) == want)
    wrong_value = [(qid, text, want, _read(qid, text)) for qid, text, want in REPLIES
                   if _read(qid, text) != want and _read(qid, text) is not None]
    print(f"replies: {right}/{len(REPLIES)} read as a person would; misread (a wrong number, not a re-ask): "
          f"{len(wrong_value)} {wrong_value}")
    keywords = sum(1 for text, want in KEYWORDS if read_keyword(text, "es") == want)
    print(f"keywords (es patient): {keywords}/{len(KEYWORDS)}; "
          f"misses: {[(t, w) for t, w in KEYWORDS if read_keyword(t, 'es') != w]}")
    consent = sum(1 for text, want in CONSENT if is_consent(text, "es") == want)
    print(f"consent (es patient): {consent}/{len(CONSENT)}; "
          f"misses: {[(t, w) for t, w in CONSENT if is_consent(t, 'es') != w]}")


def _read(qid: str, text: str) -> int | None:
    remaining = QUESTIONS[QUESTIONS.index(question(qid)):]
    reading = read_reply(text, remaining[:1], language="es")
    return reading.values[0] if reading.readable else None


if __name__ == "__main__":
    main()
