"""Spanish safety lexicon, pure data, read as `lexicon_en` says (accents folded: "mí" is "mi", "daño" is "dano").

The normaliser splits "matarme" into "matar me", so "me" is the self-reference in either order.

The data is split by kind (words, explicit concepts, warning feelings and acts, guards) so each module
stays short; this package exposes it under the names the matcher reads.
"""
from shared.domain.safety.lexicon_es.explicit import EXPLICIT
from shared.domain.safety.lexicon_es.guards import HYPERBOLE, IDIOMS, SUPPORTING
from shared.domain.safety.lexicon_es.warning_acts import ACTS
from shared.domain.safety.lexicon_es.warning_feelings import FEELINGS
from shared.domain.safety.lexicon_es.words import BRIDGE, FUZZY, JOKING, NEGATORS, SPELLED_BY_SOUND, WORDS

WARNING = {**FEELINGS, **ACTS}

__all__ = ["WORDS", "JOKING", "NEGATORS", "BRIDGE", "FUZZY", "SPELLED_BY_SOUND", "EXPLICIT", "SUPPORTING", "HYPERBOLE", "IDIOMS", "WARNING"]
