"""English safety lexicon, pure data: word classes, the concepts built from them, and idioms that mean nothing.

How to read a pattern (matched against the normalised text, see `normalise.tokens`):
  UPPER        a word class below: any of its words or short phrases
  word         that word; "a|b" either word; "suicid*" any word starting so; "x?" the word x or nothing
  (a b|c)      either the words "a b" or "c" (a group may hold phrases and classes; "(a b)?" is optional)
  ~3           up to three other words (never across "." "," or "?"); "~~8" may cross commas
  !CLASS       the next word is not one of these (also "!a|b" and "!(a b|c)")
  $            the end of a clause
To add a word, add it to its class (or to a concept's patterns); misspellings of words listed in FUZZY are read too.

The data is split by kind (words, explicit concepts, warning feelings and acts, guards) so each module
stays short; this package exposes it under the names the matcher reads.
"""
from shared.domain.safety.lexicon_en.explicit import EXPLICIT
from shared.domain.safety.lexicon_en.guards import HYPERBOLE, IDIOMS, SUPPORTING
from shared.domain.safety.lexicon_en.warning_acts import ACTS
from shared.domain.safety.lexicon_en.warning_feelings import FEELINGS
from shared.domain.safety.lexicon_en.words import BRIDGE, FUZZY, JOKING, NEGATORS, WORDS

WARNING = {**FEELINGS, **ACTS}

__all__ = ["WORDS", "JOKING", "NEGATORS", "BRIDGE", "FUZZY", "EXPLICIT", "SUPPORTING", "HYPERBOLE", "IDIOMS", "WARNING"]
