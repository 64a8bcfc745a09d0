"""English texts that only sound like a crisis: support for others, hyperbole, idioms."""

# Signs that raise nothing alone but count as preparations beside another (a decision, a method named): "I'm going
# to use it" after "loaded my gun", "it's going to be pills. I've decided".
SUPPORTING = {
    "resolved": (
        "i know (which|what|the) (tree|beam|branch|rafter|bridge|building|overpass|spot|place|cliff|train|exit)",
        "(i have|i) ~1 decided $", "DECIDED ~3 (is|has been) final", "(made|make) up my mind", "my mind is made up",
        "no turning back", "(going to|will|about to|ready to) (use|go through with) (it|them) $",
        "know (what|exactly what) i am (going to|gonna) do with (it|them)",
    ),
    "timing": ("WHEN $", "(tonight|tomorrow|this weekend) (is|will be) (it|the night|the day)"),
    "means": (
        "(it|it will|it has to|going to) be (PILLS|MEANS|hanging|jumping|the bridge|the train|drowning|the gun|the "
        "rope) $",
    ),
}

# Warning signs that count only when the text is not laughing ("kill me now, 4 more hours of this lol").
HYPERBOLE = {
    "passive_wish": ("kill me now", "take me now", "(someone|somebody|god|please|just) ~2 kill me"),
    "death_talk": ("I ~3 (die|dying|dead|death)",),
    "hopelessness": ("(hate|hating) my life",),
    "trapped": ("end of my (rope|tether)",),
}

# Said of other things, or as a figure of speech: these spans are set aside before the concepts are read.
IDIOMS = (
    "(it|that|this|he|she|they|you|is|are|was|were) ~2 (kill|killing) me !SHRUG",
    "(kills|killing|killed) me !SHRUG",
    "OTHERS ~3 kill me",
    "(killing|killed|kill|kills) it", "kill ~1 time", "killing time", "would kill for", "kill for a",
    "dressed to kill",
    "dying to", "(would|could) die for", "to die for $",
    "(die|died|dying|dead|death) (of|from|by) ~1 (boredom|bored|embarrassment|laughter|laughing|shame|cuteness|"
    "excitement|hunger|thirst|heat|cold|curiosity|envy|happiness|cringe|chocolate)",
    "(died|dying|dead|die) laughing", "(killed|kill|killing) myself (laughing|with laughter|from laughing)", "i am dead (lol|lmao|haha|lmfao|that|this|at|omg)",
    "i am (so|totally|literally|really|soo|sooo|so so) dead !inside",
    "(lol|lmao|haha) ~1 i am dead",
    "dead (tired|serious|set|on|wrong|right|beat|last|center|asleep|silent|quiet|broke|certain|sure|easy|ringer|heat)",
    "(phone|battery|car|laptop|plant|plants|flowers|tv|computer|charger|printer|ipad|watch|headphones|fridge|cell|"
    "mic|mouse|keyboard|bulb|engine|garden) ~2 (dying|died|dead|die)",
    "(bored|scared|worried|freaked|sick|tired|frightened|starving|freezing|stressed|annoyed|tickled|loved|beat|"
    "laughed|hugged|bore|scare|worry|work|worked|working) to death",
    "(work|working|worked|worry|worrying|worried) myself to death",
    "over my dead body", "drop dead", "dead to the world", "(deadline|deadlines)", "death (metal|valley)",
    "MINOR_HARM (SELF|BODY) ~3 ACCIDENT !~6(on purpose)", "(accidentally|accident) ~2 MINOR_HARM (SELF|BODY)",
    "(cooking|shaving|chopping|gardening) ~4 MINOR_HARM (SELF|BODY)",
    "(end|ended|ending) (it|things) (with|between)", "end my relationship",
    "(can|could|would|will|do|does) (i|you|one|people|someone|anyone|we) ~1 overdose",
    "(is|was|would|could|will) (that|this|it) ~2 overdos* ~1 QUESTION",
    "(there was|there has been|heard about|read about|news about|another) ~3 suicid*",
    "(possible|risk|chance|danger|dangerous|safe|worried|afraid|scared|fear|careful|avoid|prevent|accidental|"
    "accidentally|accident) ~3 overdose",
    "overdose (risk|danger)",
    "overdos* on (chocolate|sugar|candy|netflix|tv|coffee|caffeine|cookies|sweets|carbs|junk food|pizza|food|cake|"
    "ice cream|sun|work|love|cuteness|social media|tiktok|youtube|news|shopping|books|cheese|christmas|holiday|"
    "television|reality tv)",
    "(can|should|could|do|may) i ~2 (take|swallow) ~4 (at once|together|at the same time)",
    "(cause|causes|causing|give|gives|trigger|triggers|side effect|side effects|linked to|risk of|increase|"
    "increases) ~4 suicid* ~3 QUESTION",
    "MEANS ~~6 (for hunting|for protection|for self defense|for the boat|for camping|for climbing|hunting season|i "
    "hunt|we hunt|for my boat|for the dog|swing|to the range|shooting range|gun range|gun shop|for cleaning|to sell)",
    "(car|engine) ~6 (to warm up|warming up|warm it up|to defrost|defrosting|to heat up|heating up)",
    "TAKE ~~10 (like|as) (you said|you told me|the doctor said|my doctor said|prescribed|instructed|directed|usual)",
    "OTHERS ~2 (left|leaves|gave|gives|is leaving|is giving) ~3 (everything|all|things|stuff|belongings|money)",
    "OTHERS ~2 jump*", "(give|giving|gave|given) away ~2 (old|extra|spare|unused|leftover|outgrown|baby)",
    "suicid* ~4 (side effect|side effects|caused by|linked to) ~3 QUESTION",
    "jump* ~5 into the (lake|water|river|pool|ocean|sea)", "way out ~2 (until|till|til|before)",
    "trapped (in|at) ~2 (job|work|traffic|meeting|meetings)", "(bored|boring) ~3 (could|might) die",
    "(could|might) die of",
    "(beat|beating) ~1 myself up", "(hang|hanging) in there", "hang out",
    "shoot me (a|an)", "in the mood for", "hang on !(much longer|any longer|anymore)", "could not be happier", "kill the pain", "poison (ivy|oak)",
    "(drown|drowning|drowned) myself in !~3(tub|bath|bathtub|WATER|pool|river|sea)",
    "(did not|do not|does not) ~1 wake up ~3 (until|till|til|at|once|during|in|for|early|before|on|when|with|from|"
    "feeling|rested|refreshed)",
    "(not|never) ~1 wake up (until|till|til|at|once|during|in|for|early|before|on time|when|feeling|rested|refreshed|"
    "with|sore|tired|hungry|sweating)",
    "OTHERS ~2 (suicid*|sewer slide)",
    "OTHERS ~4 (wants|wanted|keeps saying|says|said|talks about|talking about|talked about|thinks about|thinking about|"
    "tried|attempted|threatened|threatens) ~2 (to die|to kill himself|to kill herself|to kill themselves|suicid*|"
    "dying|killing himself|killing herself|self harm*|cutting|overdos*)",
    "SUICIDE (prevention|awareness|hotline|documentary|rates|statistics|risk|warning|podcast|book|movie|show|line|"
    "meme|memes|joke|jokes|video|trend|song)",
    "way out of ~2 PLACE", "burden of proof", "(financial|cost|tax|pill|medication|med|money|paperwork) burden",
    "burden on (my|the|our) (budget|wallet|finances|bank account|schedule)",
    "hopeless (at|with|when it comes|romantic|case)", "unbearable (hot|cold|humid|slow|long|loud|boring)",
    "(felt|feel|feeling|thought|think|sure) ~1 (like)? i (was|am|were) (going to die|dying|gonna die)",
    "(will|would|could|can|am) i (die|be dead|going to die|dying)",
    "(feel|feeling|felt|look|looks|looking) like death",
    "will ~3 (lawyer|attorney|notary|baby|estate planning)",
    "dying for (a|an|some|my)", "(dying|died|die) (of|from) (this|the|a|my|covid|cancer|flu)",
    "(PLACE|heat|weather|humidity|noise|cold|wait|commute|boss|smell|neighbors|music|itch|itching) ~2 unbearable",
    "trapped (at|in|inside) ~2 (PLACE|work|house|car|airport|elevator|snow|home|bathroom|meetings)",
    "OTHERS ~3 (self harm*|cutting|overdos*)",
    "(dream|dreams|dreamt|dreamed|nightmare|nightmares) !of ~5 (died|dying|die|dead|death|killed|kill|killing) "
    "!(myself|my self)",
    "(you|your|these|the|this) ~2 (ask|asking|asked|questions|question|survey|text|texts|message|messages) about ~1 "
    "suicid*",
    "(documentary|movie|film|book|show|article|podcast|series|news|story|talk|lecture|class|training|meme|video|"
    "song|episode) ~3 SUICIDE",
    "(rope|ropes|cord) ~3 (to|for) (tie|tying|strap|secure|tow|pull|climb|climbing|hang the|hang a|hang up|the boat|"
    "the kayak|the canoe|the tent|camping|the dog|the swing|a swing|the garden|the fence|the tarp|moving|the truck|"
    "the clothesline|clothesline|the clothes line|laundry|the hammock|a hammock|the gym|climbing|the kids)",
    "(good thing|lucky|luckily|glad|almost|nearly|afraid|scared|worried) ~4 (hit|run over|struck) by",
    "life insurance (renewal|premium|premiums|bill|payment|quote|company|agent|form|forms|paperwork|exam|application)",
    "(took|take|taking|bring|brought|bringing|return|returned) ~4 (bottle|bottles|pack|box|packs|boxes) ~2 (to|back to|"
    "into) (the|my) (pharmacy|pharmacist|doctor|clinic|disposal|drop off|office)",
    "dying (my|her|his|the|our) (hair|beard|roots|clothes|shirt|eggs|eyebrows)",
    "could sleep forever (after|lol|haha|this|tonight|today|right now)",
    "GOODBYE ~~2 (talk|see you|see ya|speak|catch you|until|till|tomorrow|later|next week|on monday|for now)",
    "no hope of (getting to|making it to|reaching|catching|finding|fixing|winning|finishing) (the|a|my|this|that|it)",
    "(stuck|trapped) (in|at|on) ~2 (PLACE|work|traffic|hold|the phone|the airport|meetings|the pharmacy) ~1 forever",
    "not be (here|around|home) ~~4 (at work|at school|on vacation|on holiday|out of town|traveling|travelling|"
    "visiting|on a trip|camping|busy|working|at the|at my|in the office|away)",
    "overdos* ~4 (by accident|accidentally|by mistake)", "(what happens|what if|what would happen) ~3 overdos*",
)
