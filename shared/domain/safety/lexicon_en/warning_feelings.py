"""English warning signs told as feelings: hopelessness, burden, trapped, wishing to be gone."""

FEELINGS = {
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
}
