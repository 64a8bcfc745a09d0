"""The safety detector: explicit risk, warning signs and ordinary texts, in English and Spanish, as patients write."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from tests.debian import ensure_installed
from shared.domain.safety import Risk, RiskLevel, assess
from shared.domain.safety.normalise import tokens

EXPLICIT = [
    # the issue's own examples
    "I have been thinking of taking my own life", "i cut myself tonight", "me quiero matar",
    "going to overdose on my pills", "I want to die", "SI thoughts again", "kms", "no quiero vivir",
    # intent, plan, act, in other words
    "i'm going to end my life tonight", "I want to hang myself", "I took the whole bottle",
    "swallowed a handful of tylenol", "I'm planning to overdose this weekend", "I've been hurting myself",
    "I keep thinking about killing myself", "feeling very suicidal", "started self harming again",
    "going to jump off the bridge by my house", "I WANT TO KILL MYSELF", "i'm gonna unalive myself",
    "quiero matarme", "me voy a suicidar", "ya no quiero vivir", "me corté los brazos anoche",
    "me tomé todo el frasco", "voy a tomarme todas las pastillas", "pienso en matarme todos los días",
]
WARNING = [
    # the issue's own examples
    "no way out", "this is goodbye", "todos estarían mejor sin mí", "I've been stockpiling my pills",
    "i'd rather not exist", "I can't live like this anymore", "I want to go to sleep and not wake up",
    # 988 and C-SSRS warning signs in other words
    "I feel hopeless", "I'm such a burden to everyone", "my family would be better off without me",
    "I feel trapped", "the pain is unbearable", "I wish I was dead", "goodbye everyone", "I'm giving away my stuff",
    "I bought a rope", "nothing to live for anymore", "nobody would miss me", "soy una carga para mi familia",
    "ya no puedo más", "no hay salida", "ojalá no despertara mañana", "quisiera desaparecer", "adiós a todos",
    "estoy juntando pastillas", "la vida no tiene sentido",
]
ORDINARY = [
    # the issue's idioms
    "this pain is killing me", "dying to know", "dead tired", "my phone is dying", "I cut my finger cooking",
    "I could die of boredom lol", "od? no, just 3", "can't go on the trip, mood 6", "killing it at work",
    "me muero de hambre", "me mata el calor",
    # check-in answers, withdrawal talk and low mood numbers: the check-ins handle those
    "3 7 0", "7", "mood 1 today, rough week", "slept terribly, woke up 3 times", "vivid dreams again",
    "stomach cramps all afternoon", "anxiety through the roof today", "ánimo 2, dormí fatal", "sueños muy raros",
    # near misses
    "when do I cut my dose again", "can I take all my pills in the morning", "I'm so done with this rain",
    "goodbye for now", "thanks for everything, the taper went great", "my car battery died", "si", "sí, gracias",
    "mi jefe me va a matar", "me corté el pelo ayer", "se me murió el teléfono",
]


@pytest.mark.parametrize("text", EXPLICIT)
def test_intent_plan_or_act_of_suicide_or_self_harm_is_explicit(text):
    assert assess(text).level is RiskLevel.EXPLICIT, assess(text)


@pytest.mark.parametrize("text", WARNING)
def test_warning_signs_short_of_intent_are_at_least_a_warning(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", WARNING[:7])
def test_the_issues_warning_examples_are_warnings_not_explicit(text):
    assert assess(text).level is RiskLevel.WARNING, assess(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_idioms_withdrawal_talk_and_ordinary_replies_raise_nothing(text):
    assert assess(text).level is RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", [
    "not suicidal", "I'm not going to hurt myself", "I would never hurt myself, don't worry",
    "no thoughts of hurting myself, just sad", "I have no plans to kill myself", "never had any suicidal thoughts",
    "no SI, just low energy", "no quiero morir", "no me quiero matar", "no tengo pensamientos suicidas",
    "nunca me haría daño", "my therapist asked if I'm suicidal, I said no",
])
def test_a_negated_statement_raises_nothing(text):
    assert assess(text).level is RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", [
    "I'm not ok, I want to die", "not eating not sleeping want to die", "idk i just want to die",
    "I don't want to die but I can't go on", "no, I want to die",
])
def test_negation_reaches_only_the_words_it_governs(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", ["I don't want to live anymore", "ya no quiero vivir", "no quiero seguir viviendo"])
def test_not_wanting_to_live_is_explicit_though_it_is_negated(text):
    assert assess(text).level is RiskLevel.EXPLICIT, assess(text)


@pytest.mark.parametrize("text", ["sucide", "killl myself", "suisidarme", "i want to kil my self", "kill myslef",
                                  "suicdal thoughts all day", "i wnat to die", "pienso en el suisidio", "kiero morir"])
def test_misspelt_key_words_are_read(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", ["kms", "kmsss", "honestly im about to kys", "i wanna sewer slide",
                                  "thinking about ctb", "want to unalive", "i want 2 die", "want2die",
                                  "having SI again", "su1c1dal", "ur all better off w/o me"])
def test_slang_and_texting_shorthand_are_read(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


def test_spanish_si_is_never_suicidal_ideation():
    assert tokens("si, SI tengo dudas") == ["si", ",", "si", "tengo", "dudas"]
    assert tokens("SI thoughts") == ["suicidal", "ideation", "thoughts"]


@pytest.mark.parametrize("text", ["mood 1. I want to end it all", "2. want to end my life",
                                  "sleep 1 mood 0 want to die", "0/10 want to die", "ánimo 0, quiero morirme"])
def test_a_number_beside_intent_does_not_hide_it(text):
    assert assess(text).level is RiskLevel.EXPLICIT, assess(text)


@pytest.mark.parametrize("text", ["3 7 0", "4/10", "mood 0", "2, 6 y 1", "0 withdrawal symptoms, yay"])
def test_numbers_alone_raise_nothing(text):
    assert assess(text).level is RiskLevel.NONE


def test_a_question_answered_no_raises_nothing_but_a_question_left_open_does():
    assert assess("od? no, just 3").level is RiskLevel.NONE
    assert assess("should I just overdose?").level is RiskLevel.EXPLICIT


def test_joking_hyperbole_is_let_go_but_a_wish_to_die_is_not():
    assert assess("ugh kill me now, 4 more hours of this meeting lol").level is RiskLevel.NONE
    assert assess("lol i want to die").level is RiskLevel.EXPLICIT


def test_means_and_a_farewell_together_are_explicit():
    # Given two preparatory acts, neither explicit alone
    risk = assess("I bought a rope. this is goodbye")
    # Then they are read as a plan in the making
    assert risk.level is RiskLevel.EXPLICIT
    assert {"preparations", "means", "farewell"} <= set(risk.concepts)


def test_why_names_the_concept_and_the_words_that_showed_it():
    risk = assess("I want to go to sleep and not wake up")
    assert risk.concepts == ("passive_wish",)
    assert risk.why().startswith("warning signs: passive wish to be gone (")
    assert "wake up" in risk.matched[0] and "wake up" in risk.why()
    assert assess("I want to die").why().startswith("explicit risk: intent to die")
    assert assess("7").why() == "no risk language"


def test_concepts_and_matched_words_go_together():
    risk = assess("i cut myself tonight")
    assert risk.concepts == ("self_harm",) and risk.matched == ("cut myself",)


@pytest.mark.parametrize("text", ["me quiero matar", "ánimo 6, dormí mal", "suisidarme", "gracias por todo",
                                  "no quiero vivir"])
def test_a_spanish_text_reads_as_spanish_whatever_its_risk(text):
    assert assess(text).language == "es"


@pytest.mark.parametrize("text", ["I want to die", "mood 6", "7", "", "thanks!"])
def test_an_english_or_languageless_text_reads_as_english(text):
    assert assess(text).language == "en"


# Concepts, each in phrasings of our own, with the near misses that must stay quiet beside them.
CONCEPT_EXPLICIT = {
    "seeing oneself die by a method": ["i keep imagining myself jumping off the roof at work",
                                       "can't stop picturing myself pulling the trigger",
                                       "visualizing myself on the tracks when the train comes"],
    "driving into something": ["thinking about crashing my car into a wall on the way home",
                               "been thinking of driving off the bridge", "i swerved into the barrier on purpose"],
    "carbon monoxide": ["i ran a hose from the exhaust into the car",
                        "sat in the car in the garage with the engine on for an hour"],
    "walking into water": ["i'm at the river and i'm going to walk in", "going to walk into the ocean tonight",
                           "i'll fill my pockets with stones"],
    "ending it, with a time": ["i'm going to end it once the kids are asleep", "planning to end things this weekend",
                               "i think i will end it after christmas"],
    "an attempt begun and stopped": ["my sister found me before i could go through with it",
                                     "i almost went through with it", "i took the pills but called 911",
                                     "i put the rope around my neck but took it off", "casi lo hago anoche",
                                     "mi hermana me encontró antes de que lo hiciera"],
    "self-harm, again and deeper": ["i cut again. it was deeper than before", "the cuts are getting deeper",
                                    "i've got fresh cuts on my arms", "my arms are covered in cuts",
                                    "relapsed last night after 60 days clean from cutting",
                                    "banged my head against the wall till i got dizzy",
                                    "tengo cortadas nuevas en los brazos", "me rasguño la piel hasta que sangra"],
    "burning with cigarettes": ["me estoy quemando con cigarros otra vez", "me apagué el cigarro en el brazo",
                                "put my cigarette out on my arm"],
    "Spanish method verbs and clitics": ["me quiero ahogar en el mar", "voy a envenenarme", "pienso asfixiarme",
                                         "me quiero colgar", "voy a tomármelas todas", "me mataré esta noche",
                                         "me tomé los somníferos de mi mamá, todos"],
    "English and Spanish mixed": ["quiero die", "me quiero kill", "i want to matarme"],
    "spelt by ear": ["kisiera morirme", "ya no kiero bibir", "kiero aserme daño"],
    "a deliberate act aimed at death": ["i stopped taking insulin so that i will die",
                                        "quit eating on purpose so i can die sooner", "made sure i won't wake up this time",
                                        "swallowed everything i had saved", "para el viernes ya me habré suicidado"],
    "wishing for the courage": ["wish i had the courage to end my life", "if only i had the nerve to kill myself"],
    "a place and a jump": ["i'm on the roof. i'm going to jump", "been staring at that bridge, planning to jump off it"],
    "something sharp on the body": ["ran the razor across my wrist again", "used a shard of the broken plate on my thigh",
                                    "cutting is the only way i get through the night", "usé el vidrio en mi brazo",
                                    "me clavo las uñas hasta sangrar", "cuando me siento así me corto con lo que sea"],
    "means and a time": ["i have a rope in the garage. tonight", "got the gun. this weekend",
                         "compré raticida, es para mí", "esta noche me tomo todo el frasco"],
    "Spanish methods and euphemisms": ["me tomé la caja entera de ibuprofeno", "puse la manguera del mofle adentro del carro",
                                       "me voy a estrellar a propósito contra un poste",
                                       "me voy a meter al río para no volver", "voy a irme de este mundo esta noche"],
    "checking out, with a method": ["thinking of checking out for good tonight with my pills"],
}
CONCEPT_WARNING = {
    "welcoming one's own death": ["honestly it would be fine if i got hit by a car",
                                  "wouldn't be the worst thing if a truck ran me over",
                                  "i don't care what happens to me anymore", "it'd be nice to just not be here",
                                  "sometimes i think it would be easier to not exist",
                                  "ojalá me atropelle un camión", "me daría igual si me muero mañana"],
    "joining the dead": ["i just want to see my mom again, i miss her since she died",
                         "my wife passed last year and i'm ready to join her", "quiero irme con mi papá al cielo",
                         "ya quiero estar con mi esposo que murió"],
    "others after my death": ["they will miss me when i'm gone", "she'll regret it when i'm not around anymore",
                              "se van a arrepentir cuando ya no esté"],
    "hating being alive, wanting out": ["i hate waking up every day", "i want out of this life",
                                        "i'm done fighting this", "no point", "i need the pain to stop for good",
                                        "ya no quiero seguir luchando", "la vida ya no vale la pena",
                                        "mis nietos son lo único que me mantiene aquí"],
    "others better off": ["everyone would be fine without me", "mis hijos estarían más felices sin mí",
                          "estarían mejor si yo no existiera", "la neta todos would be better off sin mí"],
    "farewells": ["just wanted to say my goodbyes while i still can", "i've said all i wanted to say. take care",
                  "i'm at peace with dying", "please stop calling me, i won't be here by friday",
                  "thanks for everything, i won't be needing the reminders", "please look after my cat when i'm gone",
                  "esta es mi despedida, los quiero", "adiós y gracias por todo", "ya me despedí de mis hijos",
                  "ya estoy listo para partir"],
    "affairs in order": ["i left all my things to my sister", "wrote down all my passwords for my husband",
                         "put the will where my son can find it"],
    "means and searching": ["been googling painless ways to die", "i know where my dad keeps his gun",
                            "picked up some rope at the hardware store", "compré varias cajas de pastillas",
                            "tengo las pastillas escondidas", "sé dónde guarda mi papá la pistola",
                            "¿cuántas pastillas serían mortales?"],
    "calm after a decision": ["i feel so calm since i decided", "strange sense of peace now that my mind is made up",
                              "estoy tranquila, ya tomé la decisión"],
    "religious and formal wording": ["i'm ready to meet my maker", "i wish the lord would call me home",
                                     "let the cancer take me, i'm tired", "i pray the lord takes me soon",
                                     "I have lived long enough", "I don't wish to carry on",
                                     "I've made my peace and I'm ready to leave this world", "que diosito me recoja",
                                     "quisiera que la virgen me llevara", "ya me quiero ir con Diosito",
                                     "preferiría no haber nacido"],
    "death shrugged at or welcomed": ["if this surgery kills me, fine", "if i got run over tomorrow i'd be glad",
                                      "i'd be fine with checking out early", "disappearing sounds peaceful",
                                      "never waking up sounds nice. honestly", "wish a semi would take me out",
                                      "i wish i could sleep for good", "having passive SI again",
                                      "ojalá me diera un cáncer y ya", "sería más fácil no despertar"],
    "hopeless, in plain words": ["nothing's ever going to change", "i don't see my life getting better", "done trying",
                                 "mood 1 hope 0", "why am i even still alive", "life is just too much",
                                 "ya no soporto", "la vida no vale nada para mí", "no quiero estar aki ya"],
    "not missed, in the way": ["no one will miss me", "my kids won't miss me when i'm gone", "salgo sobrando",
                               "estoy sobrando en esta casa"],
    "not here much longer": ["i can't hang on any longer", "what's the point if i'm not going to be around",
                             "i'm not going to be here much longer anyway", "no creo estar mucho tiempo más",
                             "told my daughter i love her, maybe for the last time",
                             "if i stop replying, don't be sad, it's better this way",
                             "please tell the nurses thank you for trying"],
    "things given, affairs settled": ["gave my watch and my ring to my grandson, won't be needing them",
                                      "rehomed my cat for good, she'll take better care of her than me",
                                      "dejé todo arreglado", "le di las contraseñas a mi hijo por si me muero",
                                      "i have the pills and a bottle of whiskey here",
                                      "looked up how tall the bridge on 5th is", "cheque cuántos pisos tiene el edificio"],
    "reckless, withdrawn, ashamed": ["i hope something happens to me on the way there",
                                     "drove home drunk and honestly didn't care if i crashed",
                                     "i've been pulling away from everyone", "i can't live with what i did",
                                     "me aislé de todos, es mejor así"],
}
CONCEPT_NEAR_MISSES = [
    "the car is running rough again, taking it to the garage", "we need a new carbon monoxide detector",
    "at the lake with the kids, gonna swim out to the float", "i'm going to end things with my boyfriend",
    "i cut again on carbs, feeling good", "can i cut again to 1mg next week", "good thing i wasn't hit by that car",
    "i don't care what happens with the refill, just send it", "it would be nice to not be so tired",
    "i want to see my sister again, she moved to ohio", "i want out of this group chat",
    "done fighting with insurance, they finally approved it", "hoping something good happens this week",
    "i want the pain to stop, it's a 7 today", "i'm at peace with leaving my old job", "goodbye, talk tomorrow",
    "stop calling me at 7am, i won't be here, i'm at work", "i left my stuff at my sister's place",
    "picked up my meds at the pharmacy", "i know where the pharmacy keeps the refills",
    "i've decided to switch to evening doses", "made up my mind, i'm doing the taper slower",
    "feeling calm since i decided to take the morning dose", "no point calling the pharmacy, they're closed",
    "i'm so dead, forgot my dose at the party", "lol my brother told me kys over a video game",
    "my husband keeps saying he wants to die, he's in hospice", "i took the whole bottle to the pharmacy for disposal",
    "me ahogo de calor en este cuarto", "me quemé con el sartén cocinando", "ya me despedí de mis compañeros",
    "compré varias cajas de cubrebocas", "ya tomé la decisión de bajar la dosis, estoy tranquila",
    "ojalá pase algo bueno esta semana", "ya no puedo más con este calor jaja", "ese chiste me mató jaja",
    "me tomé todas mis pastillas de hoy", "regalé mi ropa vieja", "ya no las necesito, ¿las llevo a la farmacia?",
    "no me manden mensajes el domingo, no voy a estar", "me despedí de mi hija en el aeropuerto",
    "the gym killed me today lol", "i nearly killed myself laughing at that movie",
    "is this an overdose? took 2 by mistake", "there was a suicide on the subway line, so sad. i'm fine",
    "bought rope for the hammock", "no, i'm not having any thoughts of hurting myself", "gave my old clothes to goodwill",
    "i'm going to jump in the pool", "how tall is the new building downtown? saw it on tv",
    "we said goodbye to grandma for the last time at the funeral", "i'll be gone for good from that job",
    "i'm ready to go home, the clinic is closing", "i checked out of the hotel early", "el gym me dejó muerta jaja",
    "la clase de hoy me mató", "hubo un suicidio en la prepa de mi hijo, estamos tristes pero bien",
    "mi vecina intentó suicidarse, estoy preocupada", "no voy a estar mucho tiempo en la cita, tengo trabajo",
    "me corté con el vidrio lavando los trastes", "me tomé la botella entera de agua",
    "quiero que el señor me llame para la cita", "no haber nacido en el 80 jaja, qué viejo",
    "left everything ready for the babysitter",
]


@pytest.mark.parametrize("text", [t for texts in CONCEPT_EXPLICIT.values() for t in texts])
def test_each_explicit_concept_is_read_in_other_words(text):
    assert assess(text).level is RiskLevel.EXPLICIT, assess(text)


@pytest.mark.parametrize("text", [t for texts in CONCEPT_WARNING.values() for t in texts])
def test_each_warning_concept_is_read_in_other_words(text):
    assert assess(text).level is not RiskLevel.NONE, assess(text)


@pytest.mark.parametrize("text", CONCEPT_NEAR_MISSES)
def test_the_same_words_said_of_ordinary_things_raise_nothing(text):
    assert assess(text).level is RiskLevel.NONE, assess(text)


def test_a_decision_or_a_method_named_counts_only_beside_another_sign():
    # Given signs that alone say nothing ("I'm going to use it", "I've decided")
    assert assess("got the new cream, i'm going to use it").level is RiskLevel.NONE
    assert assess("i've decided").level is RiskLevel.NONE
    # Then beside the means or each other they are a plan in the making
    assert assess("loaded my rifle. i'm going to use it").level is RiskLevel.EXPLICIT
    assert assess("it's going to be the bridge. i've decided").level is RiskLevel.EXPLICIT


@pytest.mark.parametrize(("text", "words"), [
    ("SI + plan", ["suicidal", "ideation", "and", "plan"]),
    ("going to overdoes tonight", ["going", "to", "overdose", "tonight"]),
    ("she overdoes it", ["she", "overdoes", "it"]), ("kys", ["kill", "yourself"]),
    ("voy a tomármelas", ["voy", "a", "tomar", "me", "las"]),
])
def test_the_normaliser_reads_signs_shorthand_and_clitics(text, words):
    assert tokens(text) == words


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x1b[31m", "\U0001F600" * 50, "x" * 1_000_000, "🔪💊",
                                  "\u202e\u200b", "I\u2019m done.\u2026", "\ud800"])
def test_assess_never_raises_on_odd_text(text):
    assert isinstance(assess(text), Risk)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_assess_returns_a_risk_for_any_text(text):
    risk = assess(text)
    assert isinstance(risk, Risk) and risk.level in RiskLevel and risk.language in ("en", "es")
    assert (risk.level is RiskLevel.NONE) == (risk.concepts == ())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ñé'.,?!0123456789")), max_size=80))
def test_assess_returns_a_risk_for_any_text_made_of_letters_digits_and_marks(text):
    assert isinstance(assess(text), Risk)


DICTIONARIES = {"wamerican": Path("/usr/share/dict/american-english"), "wspanish": Path("/usr/share/dict/spanish")}


def test_the_speller_never_turns_a_dictionary_word_into_another_word():
    # Given every word of the English and Spanish dictionaries (Debian's word lists), folded as the normaliser folds
    paths = [ensure_installed(package, path) for package, path in DICTIONARIES.items()]
    from shared.domain.safety import reader
    from shared.domain.safety.normalise import fold
    words = {fold(w.strip()) for d in paths for w in d.read_text(encoding="utf-8", errors="ignore").split()}
    wanted = {"goodby", "goodbyes", "goodbys", "farewells", "ideacion", "unbearably", "squirrelled", "squirrelling",
              "desperanza", "desparecer", "wanna", "quier", "quijero", "loll", "bibir",
              "cigarillo", "cigarillos"}
    # Then none is rewritten, but for misspellings we mean to read (real_words.py lists the rest)
    rewritten = {w for w in words if w.isalpha() and reader().speller.correct(w) != (w,)} - wanted
    assert not rewritten, sorted(rewritten)[:50]

