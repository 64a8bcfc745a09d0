"""Whether a text reads as Spanish or English, by its common words."""
from __future__ import annotations

SPANISH = frozenset(
    "que de la el los las y en un una es estoy esta mi yo pero por para con muy mas ya bien mal hoy si tengo quiero "
    "todo nada porque como dia noche dormir siento gracias hola buenos bueno tambien soy sueno dolor se lo le del al "
    "ni nunca cuando donde estar estaba tuve puedo puede hay aqui eso esto vida todos nadie mejor sin solo otra vez "
    "mucho poco semana ayer manana cabeza estomago ansiedad animo cansado cansada siempre ahora pastilla pastillas "
    "dosis creo pienso hice voy vamos usted ustedes necesito quisiera despues antes tarde temprano".split())
ENGLISH = frozenset(
    "the i to and a is it my you not of in that have was but so feel today am just this with for be are do at been "
    "had slept sleep good well ok okay thanks bad want like really pain what can will would how dont im me got get "
    "about after before night day week much more still tired better worse they them she he we our your all any some "
    "went go going know think if or no yes yeah".split()) - {"no", "me", "a"}
_SPANISH_MARKS = frozenset("\u00f1\u00e1\u00e9\u00ed\u00f3\u00fa\u00bf\u00a1")


def language(text: str, tokens: list[str], found_in: tuple[str, ...] = ()) -> str:
    """ "es" when the text has more Spanish than English common words; on a tie, Spanish letters or the lexicon
    whose concepts were found decide; else "en"."""
    spanish = sum(t in SPANISH for t in tokens)
    english = sum(t in ENGLISH for t in tokens)
    if spanish == english:
        spanish += any(c in _SPANISH_MARKS for c in text[:500].lower()) or "es" in found_in
    return "es" if spanish > english else "en"
