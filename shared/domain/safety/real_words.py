"""Dictionary words the speller must leave alone: each lies within a misspelling of a lexicon key word, pure data.

Found by running every word of the English and Spanish system dictionaries (Debian's wamerican and wspanish)
through the speller and keeping those it would have rewritten: "overdue" is not "overdose", "homeless" is not
"hopeless", "vivid" is not "vivir", "nose" is not "noose". `tests/unit/test_safety_detector.py` repeats the check
where those dictionaries are installed, so a key word added to a lexicon's FUZZY list names its new neighbours.
"""

REAL_WORDS = frozenset({
    "aa", "ahorcable", "ala", "amarar", "amo", "ann", "arre", "ass", "astilla", "astillar", "attar", "baath",
    "bastilla", "bazaar", "bearable", "bee", "beebe", "ben", "bills", "boneless", "boos", "bootee", "bootees",
    "bootes", "bootless", "borden", "brooke", "burdel", "buss", "butt", "cal", "caress", "caro", "carr", "cary",
    "castilla", "catt", "cellos", "cerrillo", "choose", "cofin", "coking", "compas", "conn", "coon", "corcarse",
    "cortante", "creation", "cuter", "dded", "deadliness", "dee", "deicidio", "dell", "denny", "depp", "desaparear",
    "desaparejar", "desiree", "desperecer", "dilation", "dills", "donne", "droop", "edad", "eel", "ell", "escapee",
    "esperante", "esperanto", "espernada", "esperteza", "evermore", "falwell", "farrell", "fed", "felling", "fells",
    "fil", "filed", "filing", "fills", "fina", "finn", "finnish", "firewall", "flor", "foretell", "fromm", "ful",
    "gills", "goggle", "goggled", "goggling", "goo", "gota", "haas", "hanna", "hapless", "harria", "hatting",
    "heel", "hierro", "hills", "hiss", "homeless", "homelessness", "hooping", "hoot", "hopping", "hornless",
    "horra", "ideario", "ideatica", "ideatico", "ii", "incomportable", "inn", "insobornable", "insupportable",
    "iss", "iteration", "janna", "joint", "kidd", "lame", "lass", "latte", "latter", "lee", "lees", "lena", "leno",
    "less", "leva", "leve", "levee", "lief", "lle", "looser", "loosing", "loot", "loots", "loren", "loss", "lott",
    "loveless", "luvia", "mal", "mamma", "mann", "manna", "mantillas", "mass", "matte", "met", "meting", "mills",
    "mirthless", "mod", "mooney", "moore", "mousse", "murrio", "nadia", "nadine", "nadir", "natillas", "ned",
    "nose", "orr", "overbore", "overcome", "overcoming", "overdo", "overdoes", "overdoing", "overdone", "overdue",
    "overjoyed", "overjoying", "overrode", "overtone", "overuse", "overused", "overusing", "paint", "palls",
    "parra", "parred", "parro", "passe", "patellas", "patilla", "pello", "pero", "piles", "pilla", "pillo",
    "planed", "planing", "poino", "points", "pointy", "poisson", "pol", "poll", "polls", "poole", "poop", "pooped",
    "pooping", "poor", "posible", "postilla", "pres", "print", "prof", "pulls", "putt", "queerer", "quicial",
    "quiebro", "quieto", "quistarse", "quitante", "rastillar", "reaparecer", "riffle", "rills", "rom", "rots",
    "sadie", "scarred", "seasons", "sedation", "seed", "seer", "sel", "serra", "shapeless", "shapelessness",
    "sills", "siting", "solla", "sollo", "somme", "soportable", "sped", "spills", "steep", "steeped", "stoop",
    "stooped", "stooping", "stoops", "subsidio", "suscitar", "susidio", "tal", "tapped", "tee", "tel", "tennis",
    "thee", "tills", "tolls", "toneless", "toothless", "topless", "toss", "tranquilla", "tranquillo", "treason",
    "unbeatable", "unbreakable", "unreadable", "valle", "veer", "verbose", "verdosa", "verdoso", "vii", "vistillas",
    "wadding", "wanda", "wed", "wee", "wills", "wining", "worthies", "worthiest", "worthiness", "yet",
})
