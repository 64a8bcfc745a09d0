"""English warning signs told as acts and plans: farewells, timing, means, giving away, recklessness."""

ACTS = {
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
