"""Spanish warning signs told as acts and plans: farewells, timing, means, giving away, recklessness."""

ACTS = {
    "farewell": (
        "no (voy a|creo|pienso) ~1 estar (mucho tiempo|mucho mas|por mucho|aqui mucho|mas tiempo) !(en|con|fuera|afuera|de|"
        "por|para|aqui en|alla)",
        "no creo que ~1 (dure|este aqui|siga aqui|siga viva|siga vivo) ~2 (mucho|mas|el proximo)",
        "no me veo ~2 (aqui|viva|vivo|con vida) ~3 (el proximo|en un|dentro de|para|mucho)",
        "ADIOS ~~4 gracias por todo", "gracias por todo ~~8 (ya no voy a necesitar|no voy a necesitar|ya no necesito|"
        "ya no necesitare|no los voy a necesitar|ya no los necesito)",
        "(despedi|despido|despidiendo|despedir) me? de ~1 FAMILIA",
        "me (despedi|despido|estoy despidiendo) de ~1 FAMILIA",
        "(lista|listo|preparada|preparado) para (ir me|irme|partir|descansar|morir|irme de aqui) $",
        "(no me|ya no me|dejen de|no) ~1 (manden|mandar|escriban|escribir|envien|enviar) ~~2 no (voy a estar|estare) $",
        "ya no (voy a estar|estare) ~1 (aqui|mas)", "ya no (voy a estar|estare) $",
        "ADIOS ~1 (a todos|para siempre|mundo)", "(esto|este) ~1 es ~1 (un|el|mi) ADIOS",
        "es ~1 (mi|una|la) ~1 despedida",
        "me (despido|despidiendo) ~2 (de todos|para siempre|de ustedes|de mi familia|de este mundo)",
        "despedir me ~2 de todos", "mi ultimo mensaje", "ultima vez que ~3 (sabran|saben|escribo)",
        "no ~2 (volveran|volveras|van) a ~1 (ver me|saber de mi)",
        "no sabran ~1 mas de mi", "cuiden ~2 (a mis|de mis|a mi)", "perdon por todo",
        "(perdonen me|perdonenme|perdonadme)",
        "perdoname por todo",
        "gracias por todo ~3 ADIOS", "los quiero a todos ~3 (ADIOS|perdon)",
        "no estare ~1 (mas|mucho tiempo|aqui manana)",
        "carta* de despedida", "nos vemos en el otro lado", "(chao|chau|adios) mundo",
        "(les|le) (deje|escribi|dejo) ~1 (una carta|cartas|carta)", "no me (extranen|lloren)",
        "(diganle|dile|digan|decirle|digale|dijeran) ~4 (gracias por todo|que me perdone|que lo siento|adios|que los "
        "quiero)",
        "que me (perdone|perdonen)", "a donde voy ~3 no ~1 (necesito|necesitare|necesitar)", "no me busquen",
        "(escribi|escribiendo|escribir|deje|dejare) ~1 las cartas", "gracias por todo ~~8 (cuidense|adios|perdon)",
        "(despedir|despidiendo) me ~2 de (todos|ustedes)",
    ),
    "timing": (
        "(es|sera) esta noche $", "hoy es el dia $", "ya (elegi|escogi|decidi) ~2 (el dia|la fecha|la noche)",
        "lo voy a hacer (esta noche|hoy|manana|ya|pronto|cuando|este fin)",
    ),
    "means": (
        "(varias|muchas|un monton de|##) (cajas|frascos|botes|cajitas|paquetes) ~2 de? PASTILLAS",
        "(CONSEGUIR|fui a comprar|compre) ~2 PASTILLAS ~~6 (varias|muchas|un monton de|##) (cajas|frascos|botes)",
        "nudo (de horca|corredizo)", "(como|forma de|manera de) (hacer|atar|amarrar) ~2 (nudo|soga|horca)",
        "PASTILLAS ~3 (guardadas|escondidas|juntadas|ahorradas|acumuladas)",
        "(se|sabe|encontre) donde ~2 (guarda|guardan|esconde|esconden|tiene|tienen) ~2 (la|el|las|su|sus) (pistola|"
        "arma|armas|PASTILLAS)",
        "cuantas ~3 PASTILLAS ~4 (mortal*|letal*|fatal*|para morir|para matar)",
        "JUNTAR ~3 PASTILLAS", "(voy a|quiero|pienso) usar ~3 (pistola|arma|escopeta|rifle|revolver)",
        "guardando ~2 PASTILLAS para (el fin|esta noche|cuando|despues|el final|un mal dia|el dia)",
        "suficientes PASTILLAS", "PASTILLAS ~3 suficientes ~2 para",
        "CONSEGUIR ~3 MEDIOS",
        "(busque|averigue|investigue|pregunte|cheque|revise|medi|vi) ~4 (mas alto|altura|que tan alto|cuantos "
        "pisos|ultimo piso) ~3 ALTO", "cuantas PASTILLAS ~3 (se necesitan|necesito|hacen falta|son suficientes)",
        "(busque|buscando|investigando|investigue|viendo|googlee|googleando|en google|en internet) ~3 (como|formas "
        "de|maneras de) ~2 (morir|matar|suicid*|ahorcar me|ahogar me)",
        "(forma|manera) ~3 (de|para) (morir|matar me|suicidar me)",
    ),
    "giving_away": (
        "(deje|di|dejando|dando|repartiendo|reparti|entregue|dejare|voy a dejar|regale) ~2 COSAS ~2 a",
        "(regalando|regale|regalado|regalar|regalare) ~3 COSAS",
        "(regalando|regale|regalar) ~1 (todo|todas mis cosas) $", "(deshacer me|deshaciendo me) ~2 de ~1 COSAS",
        "(hice|hacer|escribi|escribiendo|hago) ~1 (mi|un) ~1 testamento", "testamento",
        "(deje|dejo|dejando|tengo|ya esta) todo (listo|arreglado|en orden|preparado|resuelto|pagado) $",
        "(cuentas|claves|contrasenas|papeles|seguro|escrituras|testamento|tarjetas) ~~10 por si (me pasa algo|me "
        "muero|muero|ya no estoy|no estoy|falto)",
        "(poner|puse|poniendo) ~2 (asuntos|cosas) ~1 en orden", "quiero que ~2 (tengas|tenga|tengan) mis",
    ),
    "reckless": (
        "(tomando|bebiendo|tomo|bebo) ~2 (mucho mas|demasiado|cada dia mas|todos los dias) ~~8 (nada me importa|no me "
        "importa|para no sentir|para olvidar)",
        "(ojala|esperando|rezando|pidiendo) que? (me pase algo|pase algo|algo me pase|me choquen|choque) !(bueno|buena|"
        "bonito|lindo|positivo|mejor)",
        "(manejo|manejando|maneje|conduzco|conduciendo|corriendo) ~~8 (esperando|ojala|sin importar me|no me importa) "
        "~3 (choque|chocar|pase algo|me pase|morir|me mate)",
    ),
    "withdrawn": (
        "me (aisle|aislo|estoy aislando|he aislado|alejo|aleje|estoy alejando|he alejado|encierro|encerre) ~1 de "
        "(todos|todo el mundo|mi familia|mis amigos|la gente)", "(aislad*|alejad*) de (todos|todo el mundo)",
    ),
    "shame": (
        "(verguenza|culpa) ~~6 (no puedo|nunca) ~2 (ver a nadie|vivir con|perdonar me|mirar a)",
        "no puedo vivir con (esta culpa|la culpa|esta verguenza|lo que hice)", "nunca me voy a perdonar",
    ),
    "resolved": (
        "tengo todo (planeado|pensado|listo) $", "TRANQUILA ~~8 DECIDIDO $",
        "(tome mi decision|tome la decision|lo tengo decidido|lo decidi|decision tomada) ~~3 TRANQUILA",
    ),
    "death_talk": (
        "(pienso|pensando|pensamientos|ideas) ~3 (muerte|morir)",
        "mi funeral",
    ),
}
