"""English safety lexicon, pure data: word classes, the concepts built from them, and idioms that mean nothing.

How to read a pattern (matched against the normalised text, see `normalise.tokens`):
  UPPER        a word class below: any of its words or short phrases
  word         that word; "a|b" either word; "suicid*" any word starting so; "x?" the word x or nothing
  (a b|c)      either the words "a b" or "c" (a group may hold phrases and classes; "(a b)?" is optional)
  ~3           up to three other words (never across "." "," or "?"); "~~8" may cross commas
  !CLASS       the next word is not one of these (also "!a|b" and "!(a b|c)")
  $            the end of a clause
To add a word, add it to its class (or to a concept's patterns); misspellings of words listed in FUZZY are read too.
"""

WORDS = {
    "I": ("i", "me", "myself"),
    "SELF": ("myself", "my self", "my own self"),
    "BODY": ("my wrist", "my wrists", "my arm", "my arms", "my leg", "my legs", "my thigh", "my thighs", "my skin",
             "my veins", "my throat", "my stomach", "my hips", "my body", "my face", "my head"),
    "MY_LIFE": ("my life", "my own life", "it all", "everything", "this life", "my existence"),
    "KILL": ("kill", "killing", "killed", "kills", "unalive", "unaliving", "unalived", "off", "offing", "end",
             "ending", "delete", "deleting", "top", "topping", "neck", "rope"),
    "HARM": ("carve", "carved", "carving", "hurt", "hurting", "hurts", "harm", "harming", "harmed", "cut", "cutting",
             "cuts", "burn", "burning", "slashed", "sliced", "gas", "gassing", "gassed",
             "burned", "burnt", "stab", "stabbing", "stabbed", "hang", "hanging", "hanged", "hung", "shoot",
             "shooting", "shot", "drown", "drowning", "poison", "poisoning", "poisoned", "starve", "starving",
             "starved", "slit", "slitting", "slice", "slicing", "slash", "slashing", "choke", "choking", "strangle",
             "suffocate", "suffocating", "injure", "injuring", "injured", "mutilate", "mutilating", "hit", "hitting",
             "punch", "punching", "punched", "bash", "bashing", "bashed", "scratch", "scratched", "scratching",
             "bang", "banging", "banged", "bruise", "bruising", "bite", "biting"),
    "MINOR_HARM": ("hurt", "hurting", "cut", "cutting", "burn", "burned", "burnt", "burning", "hit", "hitting",
                   "scratch", "scratched", "scratching", "injure", "injured", "injuring", "bang", "banged", "banging",
                   "bash", "bashed", "bruise", "bruised", "bite", "bit"),
    "WANT": ("want", "wanted", "wanting", "wants", "need", "needing", "ready", "desire", "longing", "long", "urge",
             "urges", "tempted", "deserve"),
    "INTENT": ("going", "about", "planning", "plan", "plans", "intend", "decided", "trying", "tried", "attempt",
               "attempted", "might", "will", "should", "gonna", "ready", "prepared", "time"),
    "THINK": ("think", "thinking", "thought", "thoughts", "considering", "contemplating", "fantasize",
              "fantasizing", "obsessing", "idea", "ideas"),
    "DIE": ("die", "be dead", "end it all", "end everything", "end my life", "end my own life"),
    "LIVE": ("live", "living", "be alive", "stay alive", "keep living", "go on living", "be living", "survive"),
    "TAKE": ("take", "took", "taking", "swallow", "swallowed", "swallowing", "down", "downed", "downing", "ate",
             "eat", "eating", "chug", "chugged", "popped", "pop", "popping"),
    "PILLS": ("pills", "pill", "meds", "medication", "medications", "medicine", "tablets", "tablet", "capsules",
              "caps", "ldn", "naltrexone", "prescription", "sleeping pills", "painkillers", "opioids", "oxy",
              "insulin", "tylenol", "advil", "ibuprofen", "aspirin", "acetaminophen", "paracetamol", "benadryl",
              "xanax", "ambien", "tramadol", "oxycodone", "percocet", "vicodin", "antidepressants", "lithium",
              "klonopin", "valium", "ativan", "seroquel", "trazodone", "gabapentin", "pain pills", "sleep aids",
              "them", "it all"),
    "HIGH_PLACE": ("bridge", "bridges", "building", "roof", "rooftop", "cliff", "balcony", "overpass", "window",
                   "ledge", "tower", "parking garage", "highest floor", "top floor"),
    "VEHICLE": ("train", "bus", "truck", "traffic", "subway", "car", "cars", "the tracks", "tracks", "highway",
                "freeway", "semi", "oncoming traffic"),
    "MEANS": ("rope", "noose", "gun", "guns", "pistol", "rifle", "shotgun", "handgun", "firearm", "firearms",
              "bullet", "bullets", "ammo", "ammunition", "razor blades", "razorblades", "blades", "poison", "helium",
              "exit bag"),
    "GET": ("bought", "buy", "buying", "got", "get", "getting", "purchased", "ordered", "order", "have",
            "found", "brought", "loaded", "load", "loading", "hiding", "hid", "tied", "picked up", "pick up",
            "picking up", "borrowed", "borrow", "borrowing", "grabbed", "grab", "stole", "stolen", "took",
            "tie", "tying", "made", "make", "making", "thinking", "thought", "looking"),
    "STASH": ("stockpil*", "hoard*", "stash*", "saving up", "been saving", "saved up", "collecting", "collected",
              "gathering", "gathered", "hiding", "hid", "squirreling", "squirreled", "putting aside", "set aside",
              "setting aside", "building up"),
    "GOODBYE": ("goodbye", "good bye", "farewell"),
    "DRIVE": ("drive", "driving", "drove", "driven", "crash", "crashing", "crashed", "steer", "steering", "steered",
              "swerve", "swerving", "swerved", "wreck", "wrecking", "wrecked", "speed", "speeding"),
    "WATER": ("lake", "river", "ocean", "sea", "water", "beach", "pier", "dock", "shore", "bay", "creek", "pond"),
    "SUICIDE": ("suicid*", "sewer slide", "unaliv*", "self delet*"),
    # words that welcome or shrug at one's own death: "would be nice to", "I'd be fine if", "wouldn't mind if"
    "WELCOME": ("wish", "wishing", "hope", "hoping", "pray", "praying", "nice", "good", "great", "fine", "ok", "okay",
                "relief", "not mind", "not care", "rather", "easier", "peaceful", "welcome", "not complain",
                "not be the worst thing", "not be so bad", "not be that bad", "not be a bad thing"),
    "CALM": ("calm", "calmer", "at peace", "peace", "peaceful", "relieved", "relief", "at ease", "lighter", "serene",
             "settled"),
    # an attempt begun and stopped (C-SSRS interrupted or aborted attempts)
    "STOPPED": ("stopped myself", "could not do it", "could not go through", "changed my mind", "chickened out",
                "got scared", "backed out", "threw them up", "threw up", "called 911", "called for help", "put it down",
                "put them back", "put it away", "took it off", "talked me down", "found me", "stopped me"),
    "DECIDED": ("made up my mind", "my mind is made up", "decided", "decision", "made my decision"),
    "KIN": ("kids", "children", "son", "daughter", "dog", "cat", "dogs", "cats", "pets", "pet", "family", "wife",
            "husband", "mom", "mother", "dad", "father", "parents", "partner", "babies", "baby", "girls", "boys"),
    "THINGS": ("things", "stuff", "belongings", "possessions", "clothes", "books", "jewelry", "everything",
               "all my", "all of my", "most of my", "my"),
    "NO_ONE": ("no one", "nobody", "noone", "not anyone", "not a soul"),
    "TRIP": ("the", "a", "an", "my", "our", "that", "this", "his", "her", "their", "your", "vacation", "holiday",
             "trip", "walks", "walk", "hikes", "hike", "dates", "date", "tour", "leave", "line", "stage", "air",
             "record", "about", "with", "to", "at", "in", "for", "tomorrow", "today", "tonight", "twitter", "it",
             "social", "strike", "break"),
    "CUT_OBJECT": ("back", "down", "out", "off", "my", "the", "a", "an", "it", "them", "this", "that", "ldn", "dose",
                   "doses", "pills", "pill", "tablet", "tablets", "carbs", "sugar", "caffeine", "coffee", "alcohol",
                   "hair", "grass", "lawn", "wood", "paper", "vegetables", "class", "corners", "ties", "in", "into",
                   "up", "through", "#", "half", "some", "everything", "people", "him", "her", "costs", "hours",
                   "loose", "to", "from", "on", "while", "when", "with", "for", "since", "again to", "again by",
                   "again next", "again tomorrow", "again on", "again in", "again after", "again this", "next",
                   "tomorrow", "onions", "meat", "food", "sweets", "dairy", "gluten", "cheese"),
    "ANYMORE": ("anymore", "any more", "any longer", "no more", "much more", "much longer"),
    "ACCIDENT": ("cooking", "shaving", "gardening", "chopping", "cleaning", "lifting", "exercising", "running",
                 "playing", "working", "workout", "accident", "accidentally", "fell", "falling", "slipped",
                 "tripped", "gym", "kitchen", "stove", "oven", "bike", "fence", "paper", "lid", "sport", "sports",
                 "hiking", "skiing", "walking", "yard", "can", "glass", "opening", "moving", "at work", "on the",
                 "on a", "by mistake", "door", "cabinet", "drawer", "baking", "fixing", "carving", "slicing"),
    "PLACE": ("traffic", "jam", "meeting", "parking", "lot", "building", "store", "room", "line", "queue", "mall",
              "class", "town", "city", "office", "debt", "contract", "lease", "game", "maze", "level"),
    "QUESTION": ("?",),
    # what cuts: "used the glass on my arm"
    "SHARP": ("razor", "razors", "blade", "blades", "knife", "knives", "glass", "shard", "shards", "scissors",
              "lighter", "cigarette", "needle", "pin", "compass", "sharpener", "box cutter", "nails"),
    # things kept for a lifetime and given away: "gave my guitar to my nephew"
    "KEEPSAKES": ("guitar", "watch", "ring", "rings", "jewelry", "necklace", "car", "truck", "bike", "books", "records",
                  "collection", "tools", "clothes", "camera", "paintings", "savings", "dog", "cat", "pets", "pet",
                  "things", "stuff", "belongings", "possessions"),
    # a time marker: counted with a means or a farewell, a plan in the making
    "WHEN": ("tonight", "tomorrow", "this weekend", "tomorrow night", "friday", "saturday", "sunday", "monday",
             "this week", "in an hour", "after they leave", "when everyone is asleep", "soon"),
    # ways out, spoken gently: "check out early", "go home to the lord", "not be around"
    "GONE": ("be dead", "be gone", "die", "not wake up", "disappear", "never come back", "not come back",
             "not exist", "not be here", "checking out", "check out", "go to sleep forever", "disappearing",
             "not waking up", "never waking up", "dying", "being dead", "being gone", "not existing", "not being here"),
    # a shrug at one's own death, read after "kills me": "if this kills me, fine"
    "SHRUG": (", fine", "fine", ", ok", "ok", ", okay", "okay", ", so be it", "so be it", ", whatever", "whatever",
              ", good", ", let it", "let it", ", i do not care", "i do not care"),
    "OTHERS": ("kids", "children", "we", "he", "she", "they", "he is", "she is", "they are", "his", "her", "their",
               "brother", "sister",
               "friend", "friends", "mom", "dad", "son", "daughter", "husband", "wife", "cousin", "uncle", "aunt",
               "coworker", "patient", "someone", "somebody", "neighbor", "boyfriend", "girlfriend", "partner",
               "nephew", "niece", "grandma", "grandpa", "client", "classmate", "roommate", "people", "a man",
               "a woman", "a girl", "a guy", "a kid", "a student", "a celebrity"),
}

EXPLICIT = {
    "suicidal_thoughts": (
        "suicid*", "sewer slide", "self delet*", "unaliv*", "suicidal ideation",
    ),
    "suicide_intent": (
        # attempts begun and stopped
        "(almost|nearly|about to|was going to|ready to|tried to|could not) ~2 (go|went|going) through with it",
        "(almost|nearly) (did it|killed myself|jumped|hanged myself|overdosed|ended it|ended my life) "
        "!(to|for|at|on|in)",
        "(found|stopped|caught|interrupted) me before i ~1 (could|did) ~1 (do it|go through with it|jump|take them|"
        "finish|pull the trigger|swallow them)",
        "(PILLS|MEANS|knife|blade|razor|ledge|bridge|edge|noose) ~~10 (but|then|and) i? ~1 STOPPED",
        "(PILLS|MEANS|knife|blade|razor|ledge|bridge|edge|noose) ~~10 but i? stopped $",
        "(was|were) (about|going|ready) to (jump|pull the trigger|take them|take the pills|swallow them|hang myself) "
        "~~3 but",
        "WANT to? ~3 (dye|dy) $",
        # mixed with Spanish: "i want to matarme"
        "WANT to? ~1 (morir|morir me|matar me|suicidar me|quitar me la vida)",
        "(i|i am|i will) ~1 (about|going|want|bout|finna|gotta|need|have|will|might|should|could|may) to? ~1 kill "
        "yourself",
        "WANT to? ~3 DIE", "(feel|feeling|felt) like (die|dying|ending it|ending my life|ending it all)", "KILL SELF",
        "(end|ending|ended) ~1 MY_LIFE", "(take|taking|took|takes) my own? life", "ending it all",
        "(not|never|no longer) ~1 WANT to? LIVE", "do not ~2 want to? LIVE",
        "(WANT|INTENT) (to|on)? ~1 (end|ending) (it|things) $",
        "(WANT|INTENT) (to|on)? ~1 (end|ending) (it|things) (tonight|today|now|soon|after|once|before|this|tomorrow|"
        "for good|forever|by|when)",
        "THINK (about|of) ~1 (dying|ending it|ending things|ending everything|not being alive|ending my life)",
        "WANT ~2 my life to? (end|over)", "(dying|death|to die|die) ~2 all i ~1 (want|think about|need|wish for)",
        "(make|making|made|force|forcing) myself (jump|do it|die|go through with it|pull the trigger)",
        "myself to death", "(gun|pistol|knife|rope|blade|razor|it|them) on myself",
        "(should|might as well|may as well) ~1 die $", "WANT to? stop (living|being alive|breathing)",
        "(going to|gonna|about to|will|want to|plan to) do something (stupid|drastic|dumb|permanent)",
        "(i|i have|i had|i already) ~1 attempted",
        "(suicide|my|an) attempt", "(drink|drinking|eat|eating|starve|starving) ~3 (until|till|til) i (die|am dead)",
        "(throw|throwing|threw|hurl|fling|yeet|yeeting|yeeted) myself ~3 (in front of|off|from|under|into|onto)",
        "to end it $",
        # a deliberate act aimed at death: "stopped eating so i'll die", "making sure i don't wake up"
        "so (that)? i (will|can|would|might|could) (die|be dead|not wake up|never wake up)",
        "(making sure|make sure|made sure) i ~1 (do not|will not|never|would not) wake up",
        "(guts|courage|nerve|balls|strength|bravery) to (end it|end things|end everything|end my life|kill myself|go "
        "through with it|jump|pull the trigger)", "(guts|courage|nerve|balls|bravery) to do it $",
        "(planning|plan|going|gonna|about|ready|want|intend|decided) to jump (off|from) (it|there|that|HIGH_PLACE)",
        "i am (going|about|gonna|ready) to jump $",
        "(THINK|WANT|INTENT) ~2 (checking out|check out) (for good|permanently|early|of life|tonight|with|on purpose)",
        "(check|checking) out (for good|permanently|early|of life|of this life|of this world|tonight) ~~4 (on "
        "purpose|myself|my own)",
        "end my (suffering|pain|misery) ~1 (tonight|today|now|for good|forever|once and for all)",
    ),
    "suicide_plan": (
        # seeing oneself die by a method
        "(picture|picturing|pictured|imagine|imagining|imagined|visualize|visualizing|visualise|visualising|see|"
        "seeing) myself ~2 (hanging|hanged|jumping|bleeding out|overdosing|with a noose|pulling the trigger|on the "
        "tracks|slitting|in front of a train|off the bridge|off a bridge|off the roof|with a gun|drowning)",
        # carbon monoxide, charcoal
        "garage ~~8 (car|engine|motor) ~1 (running|on|idling|started)", "(car|engine) ~2 (running|idling) ~4 garage",
        "(hose|tube|pipe) ~3 (exhaust|tailpipe)", "(exhaust|tailpipe|fumes) ~4 (hose|into the car|breathe|breathing|"
        "inhale)",
        "carbon monoxide !(detector|detectors|alarm|alarms|leak|poisoning from|levels)",
        "charcoal ~8 (bathroom|bedroom|my room|the car|tent|sealed|taped|closed windows)",
        # water
        "WATER ~~8 (INTENT|WANT) to? ~1 (walk|wade|swim) (in|out|into the water) $",
        "(INTENT|WANT|THINK) to? ~2 (walk|wade|walking|wading) ~2 into the (ocean|sea|lake|river|water)",
        "(fill|filled|filling|fill up) my pockets with (rocks|stones)",
        # the pills named, then "all of them"
        "(took|swallowed|downed|chugged|popped) ~4 PILLS ~~6 (all of them|every one|every last one|all) $",
        "overdos*",
        "TAKE ~2 (all|every) !# ~3 PILLS !(to|back|into|out|off|with|from|away|as|for|like|on time|in the morning|in "
        "the evening|at night|every|each|daily|this morning|this evening|today like|as usual|as prescribed|at "
        "breakfast|with breakfast|with food|with water)",
        "TAKE ~3 (whole|entire|full) (bottle|pack|box|packet|bottles)", "TAKE ~2 ## ~3 PILLS",
        "TAKE ~2 (bottle|bottles|handful|handfuls|bunch|fistful|fistfuls) ~1 of ~2 PILLS", "TAKE ~3 medicine cabinet",
        "jump* ~2 (off|from) ~2 HIGH_PLACE", "HIGH_PLACE ~4 to jump", "HIGH_PLACE ~8 jump $",
        "(WANT|INTENT|THINK) ~4 jump* ~2 in front of", "(WANT|INTENT|THINK) ~4 (step|walk|lie|lay) ~2 in front of",
        "(walk|walked|walking|step|stepped|run|ran|jump|jumped|lie|lay|drive|drove|driving|steer|crash) ~1 (into|in "
        "front of|onto|off) ~2 VEHICLE",
        "(WANT|INTENT|THINK) ~4 DRIVE ~3 (into|off) ~3 (tree|wall|bridge|cliff|river|lake|traffic|pole|truck)",
        "blow my brains out", "bullet ~2 my (head|brain|brains|skull)",
        "(gun|pistol) ~2 (to|in) my (head|mouth|temple)",
        "(knife|blade|razor|gun|pistol|rope|cord|belt) ~3 (to|against|on|around) my (throat|wrist|wrists|neck|head|"
        "chest|temple)",
        "(pull|pulling) the trigger", "(lethal|fatal|deadly) (dose|amount|overdose)",
        "how (many|much) ~3 PILLS ~4 (kill|die|dead|lethal|fatal|deadly|end)", "how to ~1 KILL SELF",
        "(tie|tied|tying|made|make|making|hang|hung) ~2 noose", "noose ~3 (neck|ready|tied|up)",
        "(have|got|made|making) a plan $", "(have|got|made) a plan (to|for) (it|dying|that|this|my death)",
        "(know|figured out|worked out|planned out|decided) ~2 (how|when|where) ~6 (do it|end it|do this)",
        "(step|jump|walk|lie|lay) in front $", "jump* ~2 (off|from|out) ~4 (floor|story|storey|stories)",
        "PILLS ~2 (lined up|laid out|counted out|in front of me)",
        "PILLS ~6 (not|never) ~3 wake up", "bleed (out|to death)", "TAKE ~6 on purpose",
        "TAKE everything (i had|i have|in the|in my|i could find)",
        "method ~2 (picked|chosen|planned|figured|ready|decided)",
        "(picked|chose|chosen|planned|decided on) ~2 method",
        "(which|what) (bridge|building|method|gun|rope|spot|pills) ~4 (use|do it|jump|going to|am going)",
        "(PILLS|MEANS|what i need|everything i need) to do it", "MEANS ~3 (ready|tied|loaded|in my hand)",
        "(drink|drinking|drank|swallow|swallowing|swallowed|chug|chugged|down) ~2 (bleach|antifreeze|poison|drain "
        "cleaner|rat poison|pesticide|weed killer)",
        "(walk|walking|swim|swimming) ~2 into the (ocean|sea|lake|river|water) ~4 (not|never) come back",
        "(gun|pistol|rope|noose) ~3 (use it|do it) ~1 (tonight|today|now)", "(gun|pistol|rope|noose) ~3 (use it|do it) $",
        "(swallowed|took|taken|downed|drank|had) (what|everything|all) i (needed|need|had|could find|saved)",
    ),
    "self_harm": (
        "HARM SELF",
        "(cut|cutting|slit|slitting|slice|slicing|sliced|slash|slashing|slashed|scratch|scratched|scratching|burn|"
        "burning|burned) ~1 BODY",
        "(fresh|new|deep|more|open) (cuts|burns|wounds|scratches|scars) ~2 (on|all over|across|in) BODY",
        "BODY ~3 (covered in|full of) (cuts|scars|burns|scratches|wounds)",
        "(so|then|and|until|till|because|again) i (cut|burned|burnt) $",
        "(bang|banged|banging|hit|hitting|slam|slammed|slamming|smash|smashed|smashing) my head ~4 (until|till|til|"
        "on purpose|so hard|again and again|over and over)",
        "BODY ~3 (razor|blade|blades|knife|lighter|glass|scissors|cigarette)",
        "self harm*", "self injur*", "self mutilat*",
        "(am|started|start|began|been|keep|kept) ~1 cutting !CUT_OBJECT",
        "(relapse|relapsed|relapsing) ~~8 (cutting|cut|self harm|sh|burning|harming)",
        "(days|weeks|months|years) clean (from|of) (cutting|self harm|sh|burning|harming)",
        "(THINK|WANT|urge|urges|need|tempted|itching) (of|about|to)? (cut|cutting) !CUT_OBJECT",
        "(razor|blade|blades|knife) ~3 my (skin|wrist|wrists|arm|arms|thigh|thighs)",
        "(until|til|till) ~2 (bleed|bleeds|bled|bleeding|bruise|bruises|bruised)",
        "(HARM|MINOR_HARM|DRIVE) ~5 on purpose", "i ~2 (cut|burned|burnt|carved) (again|deeper) !CUT_OBJECT",
        "(cut|cutting|cuts|burns|burned|burning) ~3 deeper",
        "(cigarette|cigarettes|lighter|lighters) ~4 (on|into|against) BODY", "(carve|carved|carving) ~2 into BODY",
        "(used|using|use|took|take|taking|ran|run|dragged|drag|pressed|press) ~2 SHARP ~4 (on|into|across|against|"
        "over|along|to) BODY",
        "(cutting|burning myself|hurting myself|self harm) ~2 (is|was|has been) ~2 (only thing|how i cope|what gets|"
        "what helps|the only way|helping|keeping me)",
        "(cutting|burning|hurting myself) ~~4 (did it|done it|doing it) ~2 (#x|# times|again|twice|every day|every "
        "night)",
    ),
}

WARNING = {
    "hopelessness": (
        "no way (forward|through|to go on)", "i ~3 (a failure at everything|a complete failure|a total failure|"
        "a disappointment to everyone|good for nothing|a failure)",
        "(do not know|no idea|not sure) why i (keep trying|bother|keep going|am still here|even try|keep living) "
        "!(with|going|to|doing|asking|calling|texting)",
        "i ~2 (feel|am|feeling) ~1 (empty|numb|hollow) inside", "(feel|feeling|felt) like giving up $",
        "(want|wanting) to give up $", "do not belong (in this world|on this earth|anywhere|here anymore)",
        "no point $", "(hate|hating) (being alive|living|existing|my existence|being here|that i am alive|"
        "that i am still alive|that i am still here|my own life|every day of my life)",
        "(hate|hating) (waking up|that i woke up) !(early|at|late|so early|for|before|to|with|in the|on|because)",
        "(done|finished|through|tired of|sick of) (fighting|struggling) !(with|over|about|for|against|the|my)",
        "only (reason|thing|one|ones) ~4 (stopping me|stops me|stop me|holding me back|holds me back|keeps me from)",
        "hopeless*", "no hope", "lost ~1 hope", "losing ~1 hope", "without hope",
        "no reason (to|for) (living|live|exist)",
        "no reason to (go on|keep going|wake up|get up|be here|try)", "nothing ~1 to live for",
        "(lost|no|not|any|without|only) ~3 (reason|reasons) ~2 (to|for) (live|living|go on|keep going|be here|stay)",
        "nothing left (for me|to live for|in me|to lose|to give)", "i ~3 rock bottom",
        "(can not|do not) see ~1 (a|any) way (forward|through|out)",
        "life is (too hard|too much|hell|torture|a nightmare) $",
        "(i|i have|i am|i already|i just) ~1 (given up|giving up|gave up) $", "ready to give up $",
        "only (reason|thing|one|ones) ~4 (still here|still alive|keeping me|keeps me|holds me|holding me|alive|"
        "breathing)",
        "(everything|it all|all of it|life|living|existence) ~2 (pointless|meaningless)",
        "no point ~3 (living|life|anymore|anything|going on|trying|existing|being here|waking up)",
        "what is ~1 the point ~2 (of|in) ~2 (living|life|going on|trying|existing|it all|anything|any of this|all "
        "this|this|being alive|being here|alive|waking up|getting up|me)",
        "what is ~1 the point ~1 ANYMORE", "what is ~1 the point $",
        "(do not|can not) see ~1 (the|any) point ~1 (ANYMORE|$|of living|in living|of life|in anything|of anything)",
        "life ~3 (pointless|meaningless|worthless|hopeless|not worth)", "not worth living", "no future",
        "never ~2 (get better|be okay|be ok|be happy) $", "not going to get better $", "will not ever? get better $",
        "nothing ~1 will ever ~1 (change|get better|improve)",
        "nothing is ever going to ~1 (change|get better|improve)",
        "nothing ever (gets better|changes)", "(give|giving|gave|given) up on ~1 (life|living|everything|myself)",
        "i ~1 give up $", "i am giving up $", "why bother $", "why even bother", "nothing matters",
        "no light at the end",
        "(do not|can not) see ~1 a future", "see no future", "no purpose", "no will to live",
        "lost ~1 will to live", "(i am|i feel|feel|feeling|felt|so|am|just|totally|completely) worthless",
        "worthless (piece|person|human|mom|mother|father|dad|wife|husband|loser|failure)",
        "always (be|feel) like this $",
        "(do not|can not|never) see (things|it|anything|life|this|my life) (getting|going to get|ever getting) better",
        "(done|finished|tired of|sick of|given up|give up) trying $",
        "hope (0|zero|none|nil) !(problems|issues|side|mg|of|for|to|that)",
        "why (i am|am i) ~1 still (here|alive|around|breathing)",
        "what is ~1 the point ~3 if i am not (going to|gonna) be (here|around|alive)",
        "life is ~1 (just|simply|honestly|really)? (too much|too hard|unbearable) $",
    ),
    "burden": (
        "(everyone|everybody|you all|you guys|my family) (is|are) ~1 better off $",
        "burden*", "better off? (without|sin) (me|mi)", "better off if i ~3 (was|were|gone|dead|not|never|disappear)",
        "better off ~6 (me gone|without me|if i)", "(would|will) be better off $",
        "(deserve|deserves) better than ~3 me",
        "NO_ONE ~2 (would|will|going to|even) ~2 (miss|notice|care)", "NO_ONE cares ~3 (about me|if i|whether i)",
        "NO_ONE ~2 (care|cares) ~3 if i",
        "(everyone|everybody|they|family) ~3 (better|happier|calmer|more relaxed|at peace|relieved|fine|okay|ok) ~2 "
        "(without me|if i)",
        "(make|making|made|ruin|ruining) ~2 (everyone|everybody|their|his|her|my family) ~3 (life|lives) (worse|harder|"
        "hell|miserable)",
        "(would|will) (anyone|anybody) ~2 (miss|notice|care)", "(anyone|anybody) ~2 miss me",
        "i am ~2 (a drain|dead weight|in the way|a waste of space|a waste of oxygen)", "waste of (space|oxygen)",
        "do not deserve to (live|be alive|be here|exist)", "(do not|never) matter to (anyone|anybody|no one)",
        "(drag|dragging) everyone down",
        "(world|anyone|anybody|people|everyone|everybody|they|NO_ONE|my family|my KIN|KIN) (will not|would not|will never|"
        "would never|is not going to|are not going to) ~1 (miss|notice|mourn) me",
        "(take|takes|took|would take|will take) better care of ~2 than (me|i|i could|i can|i ever)",
    ),
    "trapped": (
        "can not mas $",
        "can not (take|bear|stand|handle) ~1 (the|this|my) (pain|hurt|suffering|misery|loneliness|sadness) ~1 ANYMORE",
        "(tired|sick|exhausted) of ~1 (everything|it all) $",
        "(want|need|wanting|needing) out $", "(want|need|wanting|needing) out of (life|this life|everything|it all|"
        "existence|this world|here|living)",
        "(pain|suffering|misery|hurting) to (end|stop|be over) ~1 (permanently|forever|for good|once and for all)",
        "trapped", "no escape", "no exit", "can not escape", "stuck ~2 forever", "unbearable",
        "(no|not|need|want|find|any|see|looking for) ~3 way out",
        "unendurable", "intolerable", "can not (bear|stand) ~2 (it|this) ~1 ANYMORE",
        "can not (bear|stand) ~1 ANYMORE",
        "can not take ~2 (it|this|that) ~1 ANYMORE", "can not take ~1 ANYMORE", "can not take (it|this) $",
        "can not go on !TRIP", "can not keep (going|living|doing this|on like this)",
        "can not do ~2 (this|it|life) ~1 ANYMORE", "do not want to do (this|it|life) ANYMORE",
        "can not live ~1 like this", "can not live this way",
        "can not (cope|handle it|handle this|go on) ~2 ANYMORE", "too much to (bear|handle|take)",
        "breaking point", "can not anymore", "can not do this $",
        "done with ~1 (life|living|everything|it all|existing|this life)", "tired of fighting", "so done $",
        "can not (hold on|hang on|keep holding on|keep hanging on|last|hold out) ~1 (much longer|any longer|ANYMORE)",
        "can not (hold on|keep holding on|hold out) $",
    ),
    "passive_wish": (
        "WANT to? ~1 (desaparecer|no existir|no despertar)",
        # a death welcomed after "if": "if this kills me, fine", "if i got hit tomorrow i'd be relieved"
        "if ~4 (kills|kill|killed|takes|took|take) me ~~2 (WELCOME|so be it|whatever|relieved|glad|let it|good)",
        "if i ~3 (died|die|got hit|get hit|was hit|got run over|get run over|was run over|got killed|was killed|did not wake up|never woke up|do not make it|"
        "did not make it) ~~8 (WELCOME|relieved|glad|happy|so be it|let it|be fine|be ok|be okay|not mind|not care)",
        "let (it|death|the cancer|the illness|the disease|nature|god|the lord) ~1 (take|have) me",
        "(not|never) (going to|gonna)? fight it ~~6 (let it|take me|let go|ready to go)",
        "(sleep|asleep) (for good|permanently)", "(lived|been here|been around|been alive) (long|more than) enough",
        "(do not|no longer|not) ~1 (wish|want|desire|care) to (carry on|go on|keep going|keep on|continue) $",
        "(do not|no longer|not) ~1 (wish|want|desire|care) to (carry on|go on|continue) (living|like this|this way|"
        "with life|with this life)",
        "(lord|god|jesus|heaven|he) ~3 (call|calls|called|take|takes|bring|brings) me home",
        "(ready|want|wanting|wish|time|long|longing) to (leave|depart|exit|go from) this (world|earth|life)", "(stay|remain|staying) asleep ~1 (for good|forever|permanently)",
        "(go|going|ready to go|want to go|take me) home to (the lord|god|jesus|heaven|my maker|the father)",
        "(meet|see|be with) (my maker|the lord|jesus|god) ~1 (soon|already|now)", "ready to meet my maker",
        "(ok|okay|fine|happy|glad|relieved|ready) (with|about) (checking out|dying|not waking up|going|leaving|"
        "being gone) !(of|at|from|the|my|this|a|to|in|on|for)",
        "(checking|check|checked) out (early|for good|permanently|of life|of this life|of this world)",
        "GONE ~~6 (sounds|seems|would be|feels|looks) ~2 (nice|good|peaceful|tempting|appealing|like a relief|"
        "like rest|restful|better|easier)",
        "GONE . ~1 (sounds|seems|would be|feels) ~2 (nice|good|peaceful|tempting|appealing|like a relief|restful)",
        "(passive|active) (si|suicidal ideation|ideation|death wish)", "death wish",
        "(wish|hope|pray|praying|hoping|wishing) ~4 (heart attack|stroke|aneurysm|cancer|accident) ~2 (take me|kill|"
        "end|would|and)",
        # welcoming or shrugging at one's own death: "would be nice to be hit by a bus", "wouldn't care if I died"
        "WELCOME ~4 (hit|run over|struck|killed|taken) by ~1 (a|the)? (bus|car|truck|train|lightning|VEHICLE|drunk "
        "driver)",
        "WELCOME ~4 (a|the) (bus|car|truck|train|VEHICLE|something|lightning|meteor|plane) ~3 (hit|hits|struck|"
        "strikes|killed|kills|took|take|takes|ran over|runs over|run over|flatten|flattened) me", "WELCOME ~4 (a|the) (VEHICLE|bus|truck|train) ~1 "
        "(ran|runs|run) me over",
        "WELCOME ~3 if ~4 (plane|flight|car|bus|elevator|building|roof) ~2 (went down|crashed|crash|goes down|fell|"
        "collapsed) ~3 (with me|on me|me in it)",
        "(not|never) ~1 (care|mind) ~2 if i ~6 (died|die|dead|did not make it|not make it|never woke up|"
        "did not wake up|got hit|got killed|was killed|never came back|was gone|disappeared|just died)",
        "(not|never) ~2 care (if|whether) i (live|die|make it|died|lived|crash|crashed|got hurt|got killed|made it)",
        "(not|never) ~2 care (if|whether) i wake up !(late|early|on time|at|in time|before|for|with)",
        "(not|never) ~2 care (what happens|what will happen|what becomes) (to|of) me",
        "(accident|crash) ~4 (not|never) (make it|survive|made it) !to",
        "(nice|good|easier|peaceful|relief|restful|great|wonderful) ~3 to ~1 (not|never) (exist|be here|be alive|"
        "be around|wake up|have been born)", "to ~1 (not|never) (exist|have existed|have been born)",
        # joining the dead
        "(WANT|wish|ready|long) ~2 (be with|join|see|hold|reunite with) ~3 again ~~8 (passed|died|passed away|lost|"
        "death|funeral|heaven)",
        "(passed|died|passed away|lost) ~~8 (WANT|wish|ready|long) ~2 (be with|join|see|hold) (him|her|them) again",
        "(passed|died|passed away|lost) ~~8 (WANT|wish|ready|long) to? ~1 (join|be with) (him|her|them)",
        "(WANT|wish|ready|long) to? ~1 (join|be with) (him|her|them) ~~8 (passed|died|passed away|lost)",
        "(be with|join|see|reunite with) ~3 (in heaven|on the other side|in the afterlife|up there)",
        # others after one's death
        "(sorry|regret|miss me|cry|realize|notice|understand|see) ~3 when i am (gone|dead|not here|not around|"
        "no longer here|in the ground)",
        "(sleep|want|wish|hope|pray|rather|just|and|to|if) ~3 (not|never) ~1 wake up", "do not ~1 want to ~1 wake up",
        "so i (would not|do not|will not|would never|never) ~2 wake up",
        "(sleep|asleep) forever", "just want (it|it all|everything|all of this|all this) to (be over|end|stop) $",
        "(not sure|do not know|no idea|unsure) ~3 if ~1 i ~1 (want|wanna) to (be here|live|be alive|go on|keep going|"
        "exist)",
        "if i ~1 want to (be here|live|be alive|go on|keep going|exist) ~1 ANYMORE",
        "(do not|can not) see myself ~2 (alive|here|around|living) ~3 (by|next|much longer|past|after|in a)",
        "THINK about (not being here|not existing|not being alive|not waking up|being dead|disappearing|not being "
        "around)", "(go|went|fall|fell) to? sleep and never", "(go away|leave|disappear|vanish|sleep|rest) forever",
        "wish i ~3 (dead|gone|never been born|never born|not born|not alive|not here|not exist|die|dying|not around|"
        "disappear|vanish|sleep forever|not wake up)",
        "wish i (was|were) not ~1 (here|alive|around|born)", "(wish|want|hope) ~3 hit by a (bus|car|truck|train)",
        "rather ~2 (not exist|not be here|not be alive|not be around|be dead|die|disappear|be gone|not wake up)",
        "better off dead", "be better dead",
        "do not ~1 want to ~1 (exist|be here|be around|wake up|be on this earth)",
        "no longer want to be here", "stop existing", "cease to exist", "not (exist|existing) anymore",
        "(want|need|like) to (disappear|vanish)", "just (disappear|vanish) $",
        "(tired|sick|exhausted) (of|from) ~1 (living|life|being alive|existing|being here)",
        "god take me", "let me die", "(god|lord|jesus) (takes|took|would take|will take) me", "(god|lord|jesus|universe) ~3 take me", "take me ~2 (in my sleep|home|away)",
        "hope i die", "hope i do not wake up", "pray ~3 (die|take me)",
        "would not mind ~2 (dying|not waking up|if i died|being dead)", "(live|living) or (die|dying)",
        "if i died ~3 (would not|fine|ok|okay|relief|care)", "want to be gone", "not sure ~3 WANT ~2 (LIVE|be here)",
        "(want|wish) ~3 (it all|everything|this life) ~1 to (end|stop|be over)",
        "WANT to? ~1 (not|never) (exist|be here|be alive)", "better off gone",
        "if i (was|were|am) (gone|dead|not here|not around)", "if i ~1 (was|were) not (here|around|alive)",
        "(easier|better) ~3 if i ~2 (gone|dead|not here|did not exist|never existed|was not here|were not here)",
        "(join|be with) ~3 (heaven|in heaven|the other side|the afterlife)",
        "(WANT|wish|ready) to? ~2 (go to|be in) heaven",
        "(death|dying|being dead|dead) ~2 (sounds|seems|looks|feels|would be) ~2 (peaceful|nice|good|better|easier|"
        "like a relief|appealing|tempting|like rest|restful|relief)",
    ),
    "farewell": (
        "(do not think|not sure|doubt) i will be (around|here|alive) ~1 (much longer|for long|long|next year|by)",
        "(then|after that|and then|soon) ~1 i will be (gone|dead|out of here|out of your way|out of the picture)",
        "(not|no longer|never) ~3 (worry about me|deal with me|put up with me|be a problem|be a burden|bother anyone|"
        "bother you) ~3 (much longer|for long|for much longer|after tonight|after today|after this week)",
        "(say|saying|said|made|make|making) my GOODBYE", "said (everything|all) i ~1 (need|needed|wanted|had|have) to "
        "say",
        "(at peace|made peace|peace) with ~1 (leaving|going|dying|death|my death|it ending|ending it|not being here|"
        "the end|my decision|what i am about to do) $",
        "(will not|not|no longer) be (here|around|alive) ~4 anyway",
        "(stop|do not|no need to|no point) ~1 (texting|text|messaging|message|calling|call|contacting|contact) me ~~3 "
        "(will not|not going to|no longer|not) be (here|around|alive) !(at|in|on|today|tonight|tomorrow|this|next|"
        "until|till|because|,|for the)",
        "(thank you|thanks) for everything ~~8 (will not need|not need|no longer need|will not be needing)",
        "(take care of|look after|care for|feed) my ~1 (KIN|pets) ~2 (for me|when i am gone|after i am gone|after i go|"
        "once i am gone)",
        "this is GOODBYE", "GOODBYE ~1 (everyone|everybody|all|forever|world|for good|cruel)", "GOODBYE $",
        "GOODBYE for me",
        "bye (forever|everyone|everybody|world)",
        "(say|saying|said) GOODBYE ~2 (everyone|everybody|world|forever|for good)",
        "(final|last) GOODBYE", "farewell", "my last (text|message|words|goodbye)",
        "last ~4 from me !(today|tonight|for|until|till|this)",
        "(will not|never|not) ~3 hear from me again",
        "not be (around|here) ~1 (much longer|anymore|tomorrow|after tonight)",
        "not be (around|here) $", "not be (around|here) for (the next|next|much|long|my|the rest|the end)",
        "please (take care of|look after) my", "tell my ~1 KIN ~2 (i love|i am sorry|sorry)", "sorry for everything",
        "forgive me ~2 everything", "nice knowing", "see you on the other side", "this is the end $",
        "thank you for everything ~3 GOODBYE", "tell ~4 (thank you|thanks) for everything", "tell ~3 GOODBYE",
        "i love you all ~3 (GOODBYE|sorry|forgive)", "GOODBYE (letter|note|letters|notes)",
        "(wrote|writing|write|written) ~2 (letters|letter|notes|note) to ~2 (everyone|everybody|all|my family|my "
        "kids|the people|those)",
        "not worry about me ~1 (after|anymore|when|once|any more)",
        "(not|never|nobody|no one) ~2 (look|looking) for me",
        "where i am going ~3 not ~1 need", "will not need (anything|anyone|him|her|them|it) ~1 ANYMORE",
        "will not need anything", "will not be needing (them|it|anything|these|this|my)",
        "(thank you|thanks) for everything ~~8 (take care|GOODBYE|bye)",
        "GOODBYE ~~6 (thank you|thanks) for everything", "(bye|goodbye) (cruel )?world",
        "(left|leaving|wrote|written|writing) ~2 (letters|a letter|notes|a note) (for|to) ~2 (everyone|my family|my "
        "kids|you all|KIN)",
        "(go away|leave|walk away|disappear|drive off|swim out) (and|to) (not|never) come back",
        "(saying|said|say) GOODBYE to ~2 (people|everyone|everybody|friends|family|my family|loved ones)",
        "not (going to|gonna)? be (here|around|alive) ~1 (much longer|for long|much more|anyway|long)",
        "(love|goodbye|bye|hugged|kissed|hug|kiss) ~~6 (probably|maybe|likely|possibly) for the last time",
        "(told|tell|telling) ~3 i love (her|him|them|you) ~~4 for the last time",
        "if i ~2 (stop|quit) (answering|replying|responding|texting|writing) ~~8 (do not be sad|better that way|"
        "do not worry|do not cry|forgive|sorry|not your fault|it is ok)",
        "tell ~4 (thank you|thanks) for (trying|all you did|all you have done|being there|helping me|everything)",
        "(not|never) (her|his|your|their|anyone|anybody|you guys|your) fault $",
        "(will not|not going to|no longer|never) need ~~8 (thank you|thanks) for everything",
        "(going away|leaving) (for a long time|for good|forever|and not coming back) !(from|to|for|on|with|at|in)",
        "take care of yourselves $", "(made|making|make) (my)? peace ~~6 (ready|leave|go|goodbye|bye|this world)", "you have all been (so)? (kind|good to me|wonderful|amazing|great)",
    ),
    "timing": (
        "(tonight|today) is the (night|day) $", "(going to|will|gonna) do it (tonight|today|this weekend|soon|now)",
        "(going to|will|gonna) do it (this time|for real|when everyone|once everyone|when they|before|tomorrow|after "
        "everyone)",
        "(set|picked|chose|chosen|decided on) ~2 (a|the) (date|day|night)",
    ),
    "means": (
        "(saving|keeping|holding) ~2 PILLS for (tonight|this weekend|the weekend|when|the right time|later|one night|"
        "a bad night|the end)",
        "(counted|count|counting) ~2 PILLS ~~8 enough", "(vodka|whiskey|whisky|tequila|rum|liquor|alcohol|booze|wine) "
        "~~6 (all|every) ~2 PILLS", "all ~1 PILLS ~2 ready $",
        "STASH ~3 PILLS", "PILLS ~3 STASH",
        "(got|have|bought|get|laid out|lined up|set out|out) ~2 PILLS (and|with|plus) ~3 (vodka|whiskey|whisky|tequila|"
        "rum|liquor|booze|alcohol|wine)",
        "(checked|looked up|googled|find out|found out|finding out|wondering|checking|researched) how (tall|high) ~4 "
        "HIGH_PLACE",
        "(checked|looked up|googled|measured|found out) ~3 (height|how many floors|how many stories|highest floor|"
        "top floor) ~3 HIGH_PLACE", "enough PILLS ~2 to ~2 (die|kill|end|do it|overdose)",
        "PILLS ~2 enough to ~2 (kill|die|end|do it)", "(took|take|taking|swallowed) ~1 too many ~1 PILLS",
        "stockpil*",
        "GET ~3 MEANS", "MEANS ~3 (tied|ready|up|in my hand|loaded)",
        "(look|looking|looked|search|searched|searching|google|googled|googling|research|researched|researching|"
        "reading about|read about) ~2 up? ~2 (how|ways|way|methods|method) ~2 to (die|kill|overdose|hang|end it|"
        "end my life|do it)",
        "(what happens|what would happen|what if|would it|could it|can it|does it) ~4 (take|takes|took|swallow|"
        "swallows|swallowed) ~1 (all|every|a whole|the whole|a bottle|a handful|a bunch) ~3 PILLS",
        "(know|found|found out|know exactly) where ~4 (keeps|keep|hides|hide|stores|store|kept|hid) ~3 (MEANS|pills|"
        "meds|medication|sleeping pills)",
        "how ~3 PILLS ~2 take ~2 (die|kill|dead)",
        "how many PILLS ~2 (would it take|it would take|it takes|does it take|would kill|to kill)",
        "(bought|buy|buying|got|get|stocked|picked up) ~3 (bunch|lot|lots|bottles|boxes|extra|several|stack|##) ~2 "
        "of? PILLS",
        "HIGH_PLACE ~3 (high|tall) enough",
        "(painless|easiest|quickest|fastest|best|surest) ~2 (way|ways|method|methods) to (go|die|end it|do it)",
        "how long ~3 to (die|drown|suffocate)", "(standing|stood|sitting|sat|am) on (the|a) (ledge|railing|edge)",
        "(standing|stood) on (the|a) (bridge|roof|overpass|rooftop)", "edge of the (bridge|roof|cliff|building)",
    ),
    "giving_away": (
        "(give|giving|gave|given) ~1 away ~3 (THINGS|my dog|my cat|my pets)", "(give|giving|gave) ~2 THINGS ~2 away",
        "(made|make|making|wrote|write|writing|updated|update|updating|finished) ~1 (my|a) will $",
        "(made|wrote|updated|finished) ~1 (my|a) will (today|yesterday|tonight|last night|this week)",
        "(made|make|making|wrote|write|writing|updated|update|updating|finished) ~1 (my|a) will and",
        "(put|putting|get|getting|got|sorting|sorted) ~2 affairs in order", "want (you|them|him|her) to have my",
        "find ~2 (home|homes) for my ~1 (dog|cat|pets|pet|KIN)", "(gave|give|giving|given) my (dog|cat|pets|pet) to",
        "(make sure|want) ~3 (gets|get|has|have|takes|keeps) my (things|stuff|belongings|dog|cat|jewelry|car)",
        "(left|leaving|leave) (everything|all my things|all my stuff|my things|my stuff|my belongings|my money|my "
        "savings|my jewelry) (to|for)",
        "(left|leaving|wrote|writing|gave|giving|sent|sending|shared|sharing) ~4 (passwords|password|password list|"
        "bank details|account details|pin numbers|the deed|my accounts|bank info) ~~8 (for|to|with) ~2 (KIN|my|him|"
        "her|them)",
        "(left|leaving|put|putting) ~3 (the|my) will ~4 (for|on|where|in)",
        "life insurance",
        "(gave|give|giving|given|rehomed|rehoming|rehome) ~2 (my|the) ~2 KEEPSAKES ~4 (to|away|for good) ~~8 (for "
        "good|will not need|not be needing|will not be needing|better care|no longer need|do not need)",
        "(gave|give|giving|given|rehomed|rehome) ~2 (my|the) (dog|cat|pets|pet) ~4 for good",
        "(left|got|have|put|leaving) (everything|it all|all my affairs|my affairs) (in order|sorted|taken care of) !(for the|at|before the|after the|so the)",
    ),
    "reckless": (
        "(drinking|using|drunk|high) ~4 (more|way more|too much|every day|every night|heavily|all the time) ~~8 "
        "(not care|not see the point|no point|what is the point|nothing matters|numb|to forget|to not feel|"
        "not feel anything)",
        "(hope|hoping|wish|wishing|pray|praying) (that)? (something|someone|somebody) (happens|bad happens|would "
        "happen|will happen|happens to me|hits me|kills me|runs me over|takes me out|ends it) !(with|soon|about|for|"
        "at)",
        "DRIVE ~~8 (hoping|hope|wish|wishing|not caring|do not care) ~3 (crash|happens|happen|die|dead|kill|end|hit)",
    ),
    "withdrawn": (
        "(pulling|pulled|pull|withdrawing|withdrawn|withdrew|isolating|isolated|hiding) (myself)? (away)? from "
        "(everyone|everybody|people|my friends|my family|the world)",
        "(pushing|pushed|push|shutting|shut|cutting|cut) (everyone|everybody|people|my friends|my family) (away|out|"
        "off)",
    ),
    "shame": (
        "(ashamed|guilt|guilty|shame) ~~6 (can not|never|do not) ~2 (face|look at|live with|forgive myself|show my "
        "face)",
        "can not live with (myself|the guilt|the shame|what i did|what i have done)", "never forgive myself",
    ),
    "resolved": (
        "(have|got) it all (planned|figured|worked) out $", "(go|went|going) through with it",
        "CALM ~8 DECIDED $", "CALM ~8 DECIDED about (it|things|everything|this|what to do)",
    ),
    "death_talk": (
        "my own (funeral|grave)", "(plan|planning|planned|picture|picturing|imagine|imagining) my (funeral|burial|"
        "obituary)", "my obituary", "(after|once) i am (dead|gone for good)",
        "(picture|picturing|pictured|imagine|imagining|imagined|see|seeing) myself ~2 (dead|dying|in a coffin|in my "
        "coffin|in a casket|in the ground)",
        "my (funeral|grave)", "WANT ~2 (death|dying|be gone)", "THINK ~3 (death|dying|suicide|dead)",
        "(dark|morbid) thoughts", "i ~2 feel dead inside",
    ),
}

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
JOKING = ("lol", "lmao", "lmfao", "haha", "hahaha", "hehe", "jk", "rofl", "lolol", "xd")

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

# Words that turn a concept off when they come just before it, with only BRIDGE words between.
NEGATORS = ("not", "never", "no", "without", "neither", "nor", "denies", "deny", "denied", "zero", "none",
            "nope", "nah", "stopped")
BRIDGE = ("going", "to", "want", "really", "ever", "even", "feel", "feeling", "like", "thinking", "about", "of",
          "have", "had", "any", "be", "am", "is", "was", "would", "will", "do", "does", "did", "planning", "plan",
          "plans", "intend", "trying", "try", "the", "a", "urge", "urges", "thoughts", "thought", "intention",
          "intentions", "desire", "wish", "actually", "having", "currently", "been", "being", "at", "all", "anything", "so",
          "in", "anymore", "ideas", "real", "active", "longer", "think", "and", "or", "serious", "seriously")
# Key words whose misspellings are read as the word ("sucide", "myslef", "overdoes")
FUZZY = ("suicide", "suicidal", "myself", "overdose", "overdosed", "overdosing", "hopeless", "burden", "goodbye",
         "stockpiling", "stockpile", "unbearable", "unalive", "worthless", "farewell", "anymore", "ideation",
         "suicidality", "hopelessness", "point", "burdensome", "suicidally", "everyone", "without", "want", "kill",
         "dead", "life", "live", "wish", "hope", "hang", "hurt", "pills", "wanna", "reason", "reasons")
