"""Dictionary words the speller must leave alone: each lies within a misspelling of a lexicon key word, pure data.

Found by running every word of the English and Spanish system dictionaries (Debian's wamerican and wspanish)
through the speller and keeping those it would have rewritten: "overdue" is not "overdose", "homeless" is not
"hopeless", "vivid" is not "vivir", "nose" is not "noose". `tests/unit/test_safety_detector.py` repeats the check
where those dictionaries are installed, so a key word added to a lexicon's FUZZY list names its new neighbours.
"""

REAL_WORDS = frozenset({
    "aa", "ahorcable", "amo", "ann", "arre", "ass", "astilla", "astillar", "bastilla", "bearable", "bee", "beebe",
    "ben", "bills", "boneless", "boos", "bootee", "bootless", "borden", "brooke", "burdel", "buss", "caress",
    "caro", "carr", "castilla", "catt", "cellos", "choose", "coking", "conn", "coon", "corcarse", "cortante",
    "creation", "deadliness", "dee", "deicidio", "dell", "denny", "desaparear", "desaparejar", "desiree",
    "desperecer", "dilation", "dills", "donne", "droop", "edad", "eel", "ell", "escapee", "esperante", "esperanto",
    "espernada", "esperteza", "evermore", "falwell", "farrell", "felling", "fells", "fills", "finn", "firewall",
    "flor", "foretell", "fromm", "ful", "gills", "goggle", "goggled", "goo", "haas", "hanna", "hapless", "harria",
    "heel", "hierro", "hills", "hiss", "homeless", "homelessness", "hoot", "hornless", "ideario", "ideatica",
    "ideatico", "ii", "incomportable", "inn", "insobornable", "insupportable", "iss", "iteration", "janna", "joint",
    "lass", "lee", "lees", "less", "leve", "levee", "lief", "lle", "looser", "loosing", "loot", "loots", "loren",
    "loss", "lott", "loveless", "mal", "mamma", "manna", "mantillas", "mass", "matte", "meting", "mills",
    "mirthless", "mod", "mooney", "moore", "mousse", "murrio", "nadia", "nadine", "nadir", "natillas", "ned",
    "nose", "orr", "overbore", "overcome", "overcoming", "overdo", "overdoes", "overdoing", "overdone", "overdue",
    "overjoyed", "overjoying", "overrode", "overtone", "overuse", "overused", "overusing", "paint", "palls",
    "parra", "parred", "patellas", "patilla", "pello", "pero", "piles", "pilla", "pillo", "planed", "planing",
    "poino", "points", "pointy", "poisson", "pol", "poll", "polls", "poole", "poop", "pooped", "pooping", "poor",
    "posible", "postilla", "print", "prof", "pulls", "putt", "queerer", "quicial", "quiebro", "quieto", "quistarse",
    "quitante", "rastillar", "reaparecer", "riffle", "rills", "rom", "sadie", "scarred", "sedation", "seed", "seer",
    "serra", "shapeless", "shapelessness", "sills", "siting", "somme", "soportable", "spills", "steep", "steeped",
    "stoop", "stooped", "subsidio", "suscitar", "susidio", "tal", "tee", "tel", "tennis", "thee", "tills",
    "toneless", "toothless", "topless", "tranquillo", "unbeatable", "unbreakable", "unreadable", "valle", "veer",
    "verbose", "verdosa", "verdoso", "vistillas", "wanda", "wed", "wee", "wills", "worthies", "worthiest",
    "worthiness",
})
