"""A patient's text as plain lower-case tokens: accents folded, letters squeezed, contractions and slang spelled out."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_CHARS = 2_000                      # an SMS is at most 1,600 characters; the rest is not read
REPEATS = re.compile(r"([a-z])\1{2,}")     # three or more of a letter become two: "killl" -> "kill", "soooo" -> "soo"
RUNS = re.compile(r"(.)\1+")

_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_TOKEN = re.compile(r"w/o|w/|[a-z0-9@$]+(?:'[a-z]+)?|[.!;:\n\u2026]+|\?+|,|[+&]")
_LEET = str.maketrans("013457@$", "oieastas")
_LETTERS_OR_DIGITS = re.compile(r"[a-z]+|[0-9]+")

# apostrophe endings, and the same words typed without the apostrophe
_ENDINGS = {"n't": ("not",), "'m": ("am",), "'d": ("would",), "'ll": ("will",), "'ve": ("have",), "'re": ("are",)}
_NOT_ROOTS = {"can": "can", "won": "will", "ain": "am", "don": "do", "didn": "did", "doesn": "does", "isn": "is",
              "wasn": "was", "aren": "are", "weren": "were", "couldn": "could", "wouldn": "would", "shouldn": "should",
              "haven": "have", "hasn": "has", "hadn": "had", "mustn": "must"}
_IS_AFTER = frozenset({"it", "that", "he", "she", "there", "what", "life", "everything", "nothing", "this", "who"})

# one token typed for several words, in English and Spanish texting
SLANG = {
    "u": "you", "ur": "your", "r": "are", "b": "be", "wanna": "want to", "wana": "want to", "gonna": "going to",
    "gona": "going to", "gotta": "got to", "tryna": "trying to", "rn": "right now", "idk": "i do not know",
    "idc": "i do not care", "im": "i am", "ive": "i have", "id": "i would", "cant": "can not", "cannot": "can not",
    "dont": "do not", "didnt": "did not", "doesnt": "does not", "isnt": "is not", "wasnt": "was not",
    "werent": "were not", "arent": "are not", "couldnt": "could not", "wouldnt": "would not",
    "shouldnt": "should not", "havent": "have not", "hasnt": "has not", "aint": "am not", "dnt": "do not",
    "its": "it is", "thats": "that is", "whats": "what is", "theres": "there is", "everyones": "everyone is",
    "wont": "will not", "aki": "aqui", "aka": "aca", "ke": "que", "nothings": "nothing is", "lifes": "life is",
    "kms": "kill myself", "kys": "kill yourself", "ctb": "suicide", "sui": "suicide", "sewerslide": "suicide",
    "selfharm": "self harm",
    "meself": "myself", "myslf": "myself", "lyf": "life", "lyfe": "life", "ded": "dead", "ppl": "people",
    "wat": "what", "wats": "what is", "wut": "what", "abt": "about", "smth": "something", "sumthin": "something",
    "nvm": "never mind", "cos": "because", "cuz": "because", "bc": "because", "gbye": "goodbye", "oded": "overdosed",
    "oding": "overdosing", "shing": "self harming", "nite": "night", "w/o": "without", "w/": "with",
    "2nite": "tonight", "tonite": "tonight", "2day": "today", "2morrow": "tomorrow", "tmrw": "tomorrow",
    "tmr": "tomorrow", "no1": "no one", "noone": "no one",
    "every1": "everyone", "any1": "anyone", "some1": "someone", "b4": "before", "pls": "please", "plz": "please",
    "q": "que", "k": "que", "xq": "porque", "pq": "porque", "porq": "porque", "tb": "tambien", "tmb": "tambien",
    "kiero": "quiero", "qiero": "quiero", "kero": "quiero", "qero": "quiero", "nd": "nada", "pa": "para",
    "xa": "para", "tqm": "te quiero mucho", "dnd": "donde", "xfa": "por favor", "bn": "bien", "ai": "hay", "ba": "va",
    "+": "and", "&": "and",
}
_BETWEEN_WORDS = {"2": "to", "4": "for"}
# real words typed for a key word, read so only where the real word cannot stand: "going to overdoes tonight"
_MEANT = {"overdoes": "overdose"}
_MEANT_AFTER = frozenset({"to", "will", "would", "might", "could", "should", "i", "and", "just", "gonna"})
_NUMBER_CONTEXT = frozenset({"mg", "mgs", "ml", "dose", "daily", "tablet", "tablets", "pill", "pills", "bd", "bid"})
# "SI" and "SH" are suicidal ideation and self-harm only beside these words (the Spanish "si" is yes or if)
ABBREVIATIONS = {"si": "suicidal ideation", "sh": "self harm"}
_ABBREVIATION_BEFORE = frozenset({"having", "have", "had", "my", "some", "passive", "active", "bad", "with", "more",
                                  "getting", "experiencing", "the", "any", "on", "constant", "strong", "no", "denies"})
_ABBREVIATION_AFTER = frozenset({"thoughts", "thought", "ideation", "again", "urges", "urge", "is", "was", "has",
                                 "came", "coming", "back", "getting", "today", "tonight", "bad", "worse", "scars",
                                 "relapse", "relapsed", "plan", "plans", "and", "with", "w"})
_ENCLITIC = re.compile(r"^([a-z]{2,}(?:ar|er|ir|ando|iendo))(me)(las|los|la|lo)?$")  # "tomarmelas": "tomar me las"
_REFLEXIVE = re.compile(r"^([a-z]{2,})(myself|myslef|myslf)$")  # "killmyself" typed as one word


def tokens(text: str) -> list[str]:
    """The text as tokens of words, numbers and clause marks ("." "," "?"), slang spelled out."""
    folded = fold(text[:MAX_CHARS])
    out: list[str] = []
    for raw in _TOKEN.findall(folded):
        out.extend(_spell_out(raw) if len(raw) < 40 else (raw,))
    return _read_abbreviations(_read_numbers(out))


def fold(text: str) -> str:
    """Lower case, accents and emoji dropped, apostrophes straightened, long runs of a letter squeezed."""
    text = text.translate(_APOSTROPHES).lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return REPEATS.sub(r"\1\1", text)


def squeeze(word: str) -> str:
    """Every run of a letter as one letter: the key under which "kil", "kill" and "killl" meet."""
    return RUNS.sub(r"\1", word)


@lru_cache(maxsize=16_384)
def _spell_out(raw: str) -> tuple[str, ...]:
    """One raw token as the words it stands for (cached: patients reuse their words)."""
    return tuple(_words_for(raw))


def _words_for(raw: str) -> list[str]:
    if raw in ("w/o", "w/", "+", "&"):
        return SLANG[raw].split()
    if not raw[0].isalnum() and raw[0] not in "@$":
        return ["?"] if raw[0] == "?" else [","] if raw == "," else ["."]
    if "'" in raw:
        return _contraction(raw)
    if raw in SLANG:
        return SLANG[raw].split()
    if len(raw) >= 4 and squeeze(raw) in SLANG:
        return SLANG[squeeze(raw)].split()  # "kmsss", "idkk"
    if raw.isalpha() or raw.isdigit():
        return _enclitic(raw)
    leet = raw.translate(_LEET)
    if leet.isalpha() and raw[0].isalpha() and len(raw) >= 3 and not raw.endswith(("mg", "ml")):
        return [leet]  # "su1c1de", "k1ll"
    return [t for part in _LETTERS_OR_DIGITS.findall(raw) for t in SLANG.get(part, part).split()]


def _contraction(raw: str) -> list[str]:
    word, _, ending = raw.partition("'")
    if ending == "t" and word.endswith("n"):
        return [_NOT_ROOTS.get(word, word[:-1]), "not"]
    if ending == "s":
        return [word, "is"] if word in _IS_AFTER else [word]
    if ending in ("d", "ed") and word == "od":
        return ["overdosed"]
    suffix = _ENDINGS.get("'" + ending)
    return [word, *suffix] if suffix else SLANG.get(word + ending, word + ending).split()


def _enclitic(word: str) -> list[str]:
    """Spanish "matarme" as "matar me" (and "killmyself" as "kill myself"): the pronoun is a self-reference."""
    found = _ENCLITIC.match(word) or _REFLEXIVE.match(word)
    return [part for part in found.groups() if part] if found else [word]


def _read_numbers(words: list[str]) -> list[str]:
    """ "want 2 die" reads "want to die"; "od" is an overdose, except as "once daily" after a dose; "to overdoes"
    is "to overdose"."""
    out = list(words)
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in _BETWEEN_WORDS and before.isalpha() and after.isalpha():
            out[i] = _BETWEEN_WORDS[word]
        elif word == "od" and not before.isdigit() and before not in _NUMBER_CONTEXT:
            out[i] = "overdose"
        elif word in _MEANT and before in _MEANT_AFTER:
            out[i] = _MEANT[word]
    return out


def _read_abbreviations(words: list[str]) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in ABBREVIATIONS and (before in _ABBREVIATION_BEFORE or after in _ABBREVIATION_AFTER):
            out.extend(ABBREVIATIONS[word].split())
        else:
            out.append(word)
    return out
