"""English explicit crisis concepts: suicide, self-harm, overdose and plans, in patterns."""

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
