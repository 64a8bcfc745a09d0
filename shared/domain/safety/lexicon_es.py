"""Spanish safety lexicon, pure data, read as `lexicon_en` says (accents folded: "mí" is "mi", "daño" is "dano").

The normaliser splits "matarme" into "matar me", so "me" is the self-reference in either order.
"""

WORDS = {
    "QUERER": ("quiero", "quisiera", "queria", "deseo", "desearia", "tengo ganas de", "ganas de", "me dan ganas de",
               "necesito", "pensando en", "he pensado en", "pense en", "pienso en", "planeo", "decidi", "intente",
               "intento", "trate de", "estoy lista para", "estoy listo para", "tentado a", "tentada a", "deseos de",
               "deseo de", "quisiera poder", "me gustaria"),
    "MATAR": ("matar", "suicidar", "quitar la vida"),
    "MORIR": ("morir", "morir me", "estar muerto", "estar muerta", "muerto", "muerta", "acabar con todo",
              "terminar con todo", "acabar con mi vida", "terminar con mi vida", "quitar me la vida",
              "desaparecer para siempre"),
    "VIVIR": ("vivir", "seguir viviendo", "estar vivo", "estar viva", "seguir con vida", "seguir vivo",
              "seguir viva", "vivir mas", "vivir asi"),
    "DANAR": ("corte", "cortar", "corto", "cortando", "cortado", "lastime", "lastimar", "lastimo", "lastimando",
              "herir", "hiero", "heri", "quemar", "quemo", "queme", "quemando", "golpear", "golpeo", "hago dano",
              "hice dano", "hacer me dano"),
    "BRAZO": ("venas", "munecas", "muneca", "brazos", "brazo", "piernas", "pierna", "piel", "muslos", "cuello"),
    "PASTILLAS": ("pastillas", "pildoras", "medicinas", "medicamentos", "medicamento", "pastilla", "ldn",
                  "naltrexona", "tabletas", "capsulas", "calmantes"),
    "ALTO": ("puente", "edificio", "techo", "azotea", "balcon", "ventana", "tren", "metro", "carro", "coche",
             "camion", "precipicio", "vias", "acantilado", "mar", "rio", "lago", "barranco"),
    "VEHICULO": ("carro", "coche", "camion", "tren", "autobus", "bus", "metro", "trailer", "auto"),
    "MEDIOS": ("cuerda", "soga", "pistola", "arma", "armas", "revolver", "veneno", "escopeta", "balas", "rifle",
               "navaja", "cuchillas", "hojas de afeitar"),
    "CONSEGUIR": ("compre", "comprar", "comprando", "consegui", "conseguir", "consiguiendo", "tengo", "tenia",
                  "guardo", "guarde", "tengo lista", "tengo listo", "busque", "buscando"),
    "JUNTAR": ("juntando", "acumulando", "ahorrando", "almacenando", "escondiendo", "he juntado", "he guardado",
               "he acumulado", "junte", "acumule", "escondi", "reuniendo", "reuni", "he estado guardando",
               "llevo guardando", "tengo guardadas", "tengo guardados", "tengo escondidas", "juntadas",
               "escondidas", "ahorradas", "acumuladas"),
    "ADIOS": ("adios",),
    "COSAS": ("mis cosas", "todas mis cosas", "todo lo que tengo", "mis pertenencias", "mi ropa", "mis libros",
              "mi perro", "mi gato", "mis mascotas", "mis joyas"),
    "DESPERTAR": ("amanecer", "amanezca", "amaneciera", "despertar", "despierte", "despertara", "despertase",
                  "despertar me", "despertaria", "desperte"),
    "QUESTION": ("?",),
    "NADIE": ("nadie", "a nadie", "ninguno", "ni uno"),
    "OTROS": ("ella", "ellos", "su", "mi hermano", "mi hermana", "mi amigo", "mi amiga", "mi hijo", "mi hija",
              "mi esposo", "mi esposa", "mi mama", "mi papa", "alguien", "mi primo", "mi prima", "mi vecino"),
}

EXPLICIT = {
    "suicidal_thoughts": ("suicid*", "autolesi*", "auto lesi*"),
    "suicide_intent": (
        "me ~3 (MATAR|mato|mate|suicido|suicidare|suicide) !a", "MATAR me", "QUERER ~2 MORIR", "me ~2 quiero morir",
        "me ~1 voy a morir ~1 (hoy|ya|esta noche)", "no ~1 (quiero|quisiera|deseo) ~1 VIVIR !(con|el|la|en)",
        "no tengo ganas de vivir", "quitar me la vida", "me ~2 (quiero|voy a|pienso) ~1 hacer dano",
        "(acabar|terminar) ~1 con ~1 mi ~1 vida", "poner fin a mi vida", "(acabar|terminar) con todo $",
        "(acabar|terminar) con todo (hoy|esta noche|ya|de una vez|manana)",
        "(voy a|quiero|pienso) (acabar|terminar) con todo",
        "(usar|usarla|usarlo|usar la|usar lo) ~2 conmigo", "(la|lo) voy a usar conmigo",
        "(morir|muerte) ~2 todo lo que (quiero|pienso|deseo)",
    ),
    "suicide_plan": (
        "sobredosis", "(tomar|tomarme|tome|tomando|trague|tragar|tragando|me tome) ~2 todas ~3 PASTILLAS",
        "(tomar|tome|tomando|trague|tragar) ~3 (frasco|caja|bote)",
        "(frasco|caja|bote) ~2 de ~1 PASTILLAS ~2 (y|para)",
        "(tirar me|aventar me|lanzar me|arrojar me) ~4 ALTO",
        "me ~3 (tirar|aventar|lanzar|arrojar) ~3 (puente|edificio|azotea|balcon|ventana|tren|metro|vias|precipicio)",
        "(ahorcar me|colgar me)", "me ~2 (ahorcar|ahorco)", "(pegar me|pegarme|dar me) ~1 un (tiro|balazo)",
        "disparar me", "me ~2 pego un tiro", "cuantas ~3 PASTILLAS ~4 (morir|matar|mata|muerte|letal)",
        "dosis (letal|mortal)", "hacer me ~1 una soga", "(soga|cuerda) ~3 cuello",
        "(me tome|tome|me trague|trague|tomar me|me acabo de tomar) ~2 (muchas|todas|un monton de|varias|demasiadas|"
        "##) ~2 PASTILLAS",
        "me voy a (tirar|aventar|lanzar|echar|arrojar) $", "ALTO ~8 (tirar me|tirar|saltar|aventar me|lanzar me)",
        "me ~3 (echar|tirar|aventar|lanzar|arrojar) ~2 (al|a la|a las|del|desde el|desde la) ALTO",
        "(QUERER|voy a) ~1 (manejar|chocar|estrellar me|conducir|estrellar) ~2 (contra|hacia) ~2 (camion|pared|arbol|"
        "poste|tren|muro|trailer|carro)",
        "(se|sabe) ~1 (como|cuando|donde) ~3 lo voy a hacer", "tengo un plan $",
        "(tengo|hice) un plan para ~2 (morir|matar me|hacerlo|acabar)",
        "PASTILLAS ~4 para (no despertar|morir|no volver a despertar|dormir para siempre|acabar con todo)",
        "(navaja|cuchillo|pistola|cuchilla) ~3 (en|contra) (el|mi) (cuello|garganta|cabeza|muneca|munecas|pecho)",
        "desangrar me", "me voy a desangrar", "saltar ~2 (del|de la|desde|de un|de una|por la) ALTO",
        "me ~3 (pegar|dar) un (tiro|balazo)", "(dar me|darme) un (tiro|balazo)", "QUERER dejar de vivir",
        "(tomar|tomar me|beber|me tome|tome|tomare|voy a tomar) ~2 (cloro|veneno|raticida|insecticida|pesticida|"
        "lejia|lavandina|matarratas|veneno para ratas)",
        "(soga|cuerda|pistola|arma) ~2 (lista|listo|preparada|preparado|cargada|cargado)",
        "(voy a|me voy a|pienso) hacer (una tonteria|una locura|algo)",
    ),
    "self_harm": (
        "me ~2 DANAR", "DANAR me", "(cortar me|corte|cortando me) ~2 BRAZO", "(cortar|corte|cortando) ~2 venas",
        "(lastimar me|herir me|quemar me|golpear me)", "volvi a cortar me", "otra vez ~2 cortando", "hacer me dano",
        "me (hice|hago|hacia|estoy haciendo|vuelvo a hacer) ~1 (cortadas|cortes|heridas|quemaduras)",
        "(DANAR|quemado|lastimado|cortado) ~5 a proposito",
        "(hasta|hasta que) ~2 (sangrar|sangre|sangro|sangraba|sangraron)",
    ),
}

WARNING = {
    "hopelessness": (
        "sin esperanza*", "desesperanza*", "no hay ~1 esperanza", "no tengo ~1 esperanza", "perdi ~2 esperanza",
        "ninguna esperanza", "nada tiene sentido", "(la|mi) vida no tiene sentido",
        "no tiene sentido ~1 (vivir|seguir|nada)", "no vale la pena ~1 (vivir|seguir|nada)",
        "para que ~1 (seguir|vivir|sigo|vivo)", "no tengo ~1 futuro", "sin futuro",
        "nunca ~3 (mejorar|mejorare|voy a estar bien)", "nada ~2 va a ~1 (cambiar|mejorar)",
        "no tengo ~1 (razon|razones|motivo|motivos) ~1 (para|por) ~1 (vivir|seguir)",
        "sin (razon|razones|motivo|motivos) ~1 para ~1 (vivir|seguir)", "me rindo $", "ya me rendi",
        "me di por vencid*", "no sirvo para nada", "soy un fracaso", "ya nada importa", "nada importa",
        "no valgo nada", "no quiero nada ~2 (esta vida|la vida)", "no doy mas $", "no tengo por (quien|que) vivir",
        "(que|para que) sentido tiene ~1 (seguir|vivir|la vida|nada|todo esto)",
        "no le (veo|encuentro) ~1 (sentido|caso|point|punto|objeto|razon) ~2 (a nada|a la vida|a vivir|a seguir|a "
        "esto|a mi vida)",
        "no le veo ~1 (sentido|caso|point|punto|objeto|razon) $", "siempre voy a estar asi",
        "cansad* de (luchar|pelear)", "(mi vida|yo) no (vale|valgo) nada",
        "(unica|unico) (razon|motivo|cosa) ~4 (sigo aqui|sigo viva|sigo vivo|me mantiene)",
    ),
    "burden": (
        "(soy|ser|siendo) ~2 carga", "carga para ~2 (todos|mi|ellos|mis|los demas|mi familia)",
        "estorbo", "mejor sin mi", "(estarian|estaran|estaria|vivirian|serian|seran) ~3 mejor ~2 sin mi",
        "NADIE me ~2 (extranaria|extranara|echaria de menos|echara de menos|extrana)",
        "NADIE ~1 le (importo|importaria)",
        "NADIE ~2 (notaria|notara|se daria cuenta|me va a extranar)", "a nadie le importa si",
        "todos ~3 mejor si yo ~1 no", "sin mi ~2 (estarian|estaran|estaria|vivirian|seran|serian) ~1 mejor",
        "merecen algo mejor que yo",
    ),
    "trapped": (
        "no hay salida", "no tengo ~1 salida", "sin salida", "no veo ~1 salida", "atrapad*", "insoportable",
        "no ~1 (aguanto|soporto) ~1 mas", "no ~1 puedo ~1 mas $", "ya no puedo mas",
        "ya no aguanto !(el|la|los|las|este|estos|estas|mi|tanto|tanta|a|que|las ganas)",
        "ya no puedo $", "no puedo seguir ~1 (asi|mas|adelante|viviendo)", "no puedo seguir $",
        "no puedo vivir ~1 asi",
        "no puedo con ~1 (esto|todo|mi vida) $", "hart* de ~1 (vivir|todo|la vida|mi vida)", "no lo soporto mas",
        "no quiero seguir ~1 (asi|mas|aqui)", "no quiero seguir $",
        "ya no ~1 doy mas", "no doy para mas", "no aguanto esta vida", "estoy al limite",
    ),
    "passive_wish": (
        "(dormir|quiero|quisiera|ojala|deseo|prefiero|y|si) ~3 (no|nunca) ~2 DESPERTAR !(a|al|temprano|tan)",
        "no volver a DESPERTAR", "no quiero ~1 DESPERTAR !(a|al|temprano|tan)",
        "ojala ~3 (muert*|desaparecer|desapareciera|no existir|no existiera|no haber nacido|no hubiera nacido|no "
        "estar|no estuviera)",
        "QUERER ~1 desaparecer", "quisiera ~2 (no existir|estar muert*|no haber nacido)", "dejar de existir",
        "no (quiero|quisiera) ~1 (existir|estar aqui|seguir aqui)",
        "prefiero ~2 (no existir|estar muert*|morir|no estar)",
        "mejor ~1 muert*", "(cansad*|hart*) ~4 (vivir|existir|estar vivo|estar viva)", "cansad* de (la|mi) vida",
        "me (canse|harte) de ~3 (vivir|la vida|existir|estar vivo|estar viva)", "sin ganas de vivir",
        "(dios|que) ~2 me lleve", "quiero que ~2 (todo|esto) ~1 (termine|acabe|se acabe)", "ya no quiero estar aqui",
        "(dormid*|dormir|dormir me) ~1 para siempre", "(ir me|irme|irse) ~1 para siempre", "me ~2 ir para siempre",
        "(seria|estaria|estarian) mejor ~2 (no estar|no existir|no existiera|no estuviera|muert*|desaparecer|si no "
        "estuviera|si no existiera)", "ojala ~3 (muriera|muera|me muera|me muriera|morir)",
        "(dios|senor|cielo) ~3 (me recoja|me lleve|lleve me|recoge me|llevame|recoja me)",
        "(QUERER|ojala) ~4 VEHICULO me (llevara|atropellara|atropelle|lleve|pise|matara|arrollara)",
        "(ir me|irme|ir|irse) ~1 de este mundo", "no quiero ~2 (estar|seguir) en este mundo",
        "(da igual|da lo mismo|no me importa) ~2 (vivir o morir|si muero|si me muero|morir)", "vivir o morir",
        "(muerte|morir|estar muerto|estar muerta) ~2 (suena|parece|seria|es) ~3 (descanso|paz|alivio|mejor|bonito|"
        "tranquilo|tentador)",
    ),
    "farewell": (
        "ADIOS ~1 (a todos|para siempre|mundo)", "(esto|este) ~1 es ~1 (un|el|mi) ADIOS", "es una despedida",
        "me (despido|despidiendo) ~2 (de todos|para siempre|de ustedes|de mi familia|de este mundo)",
        "despedir me ~2 de todos", "mi ultimo mensaje", "ultima vez que ~3 (sabran|saben|escribo)",
        "no ~2 (volveran|volveras|van) a ~1 (ver me|saber de mi)",
        "no sabran ~1 mas de mi", "cuiden ~2 (a mis|de mis|a mi)", "perdon por todo", "perdonen me",
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
    "timing": ("(es|sera) esta noche $", "hoy es el dia $", "ya (elegi|escogi|decidi) ~2 (el dia|la fecha|la noche)"),
    "means": (
        "JUNTAR ~3 PASTILLAS", "suficientes PASTILLAS", "PASTILLAS ~3 suficientes ~2 para",
        "CONSEGUIR ~3 MEDIOS", "cuantas PASTILLAS ~3 (se necesitan|necesito|hacen falta|son suficientes)",
        "(busque|buscando|investigando|investigue) ~3 (como|formas de|maneras de) ~2 (morir|matar|suicid*)",
        "(forma|manera) ~3 (de|para) (morir|matar me|suicidar me)",
    ),
    "giving_away": (
        "(regalando|regale|regalado|regalar|regalare) ~3 COSAS",
        "(regalando|regale|regalar) ~1 (todo|todas mis cosas) $", "(deshacer me|deshaciendo me) ~2 de ~1 COSAS",
        "(hice|hacer|escribi|escribiendo|hago) ~1 (mi|un) ~1 testamento", "testamento",
        "(poner|puse|poniendo) ~2 (asuntos|cosas) ~1 en orden", "quiero que ~2 (tengas|tenga|tengan) mis",
    ),
    "death_talk": (
        "(pienso|pensando|pensamientos|ideas) ~3 (muerte|morir)",
        "mi funeral",
    ),
}

IDIOMS = (
    "(muero|muere|mori|morir|muerto|muerta|muriendo|morir me|muriendo me) (de|del) ~1 (susto|hambre|sueno|risa|frio|"
    "calor|ganas|verguenza|aburrimiento|miedo|envidia|cansancio|sed|amor|celos|nervios|curiosidad|gusto|alegria|"
    "emocion|pena)",
    "(muero|morir|muriendo|morir me) por ~1 (ver|saber|ir|probar|conocer|comer|verte|ver te|que|un|una|el|la|tu|"
    "salir)",
    "me (mata|matan|matas|mataste) ~2 (el|la|los|las|este|esta|ese|esa|mi|tu|su|que|de)",
    "me ~1 (esta|estan|va a|van a|vas a|iba a) (matando|matar)",
    "me (mato|mate) ~1 (el|la|los|las|este|esta|ese|esa|mi|tu|trabajando|estudiando|de)",
    "(matar|mata) el tiempo", "(muerto|muerta) de ~1 (cansancio|sueno|hambre|risa|frio|miedo|calor)",
    "me ~2 (DANAR|quemado|lastimado) ~1 (el|la|los|las|un|una|en|con|cocinando|jugando|al|trabajando|haciendo|"
    "afeitando|sin querer) !BRAZO !~6(a proposito|adrede)",
    "cortar me ~1 (el|las) ~1 (pelo|cabello|unas|fleco|barba)", "me corte el (pelo|cabello|fleco|barba)",
    "(puedo|puede|pueden|podria|riesgo|peligro) ~3 sobredosis", "sin querer ~3 DANAR",
    "se me ~1 (murio|muere|muerto) ~2 (el|la)", "me muero por", "tirar me ~1 a la (piscina|alberca|cama)",
    "me (tiene|tienes|tienen|trae|traes|traen) ~1 (muerta|muerto|muertas|muertos)",
    "(puedo|debo|podria|se pueden|se puede) ~1 (tomar me|tomar|tomarlas|tomar las) ~4 (juntas|juntos|al mismo tiempo|"
    "a la vez)",
    "OTROS ~2 suicid*",
    "(sone|sono|sonaba|pesadilla|pesadillas|suenos) ~4 (morir|muerte|moria|muerto|muerta|matar|mataba|mataban|"
    "muriendo) !me", "suicid* (prevencion|documental|linea)",
    "(pense|senti|sentia|crei|creia) que me (iba a morir|moria|muero|voy a morir)",
    "salida (del|de la|hasta|a las)", "sin salida hasta",
    "atrapad* en ~2 (trafico|trabajo|casa|la oficina|el carro|el coche|la nieve|el elevador|una junta|reunion|el "
    "aeropuerto)",
    "MEDIOS ~~6 para (tender|colgar la ropa|el perro|acampar|escalar|el barco|la ropa)",
    "testamento ~3 (abogado|abogada|notario|notaria|bebe|herencia)",
    "(causa|causan|causar|provoca|provocan|da|dan|efecto secundario|efectos secundarios) ~4 suicid* ~3 QUESTION",
    "(MEDIOS) ~~6 (para proteccion|para protegerme|para defensa|para cazar|para la caza|por seguridad)",
    "DANAR ~4 (jugando|cayendo|en el gym|ejercicio|entrenando|corriendo|cocinando|trabajando|accidente|sin querer|"
    "futbol|tenis)",
    "(me cai|cai|caida|tropece|resbale|accidente) ~4 me ~1 DANAR",
    "(documental|pelicula|libro|serie|articulo|noticia|noticias|programa|platica|charla|clase) ~3 suicid*",
    "no aguanto ~1 (las ganas|la emocion|el hambre|las ansias)",
)

# Warning signs that count only when the text is not laughing.
HYPERBOLE = {
    "death_talk": ("(yo|me) ~3 (morir|muero|muerte|muerto|muerta)",),
}
JOKING = ("jaja", "jajaja", "jajajaja", "jeje", "jejeje", "xd", "jsjs", "jajja")

NEGATORS = ("no", "nunca", "jamas", "ni", "tampoco", "ningun", "ninguna", "ningunas", "ningunos")
BRIDGE = ("me", "te", "quiero", "voy", "a", "pienso", "tengo", "estoy", "pensando", "en", "ganas", "de", "deseo",
          "he",
          "pensado", "hay", "ideas", "pensamientos", "intencion", "planes", "lo", "la", "hacer", "soy", "es", "estar",
          "quiero", "quisiera", "intentaria", "haria", "voy", "ya", "mas", "tendria", "siento", "como", "por", "que",
          "pensaria", "pensar", "podria", "pienso", "se", "les")
FUZZY = ("suicidar", "suicidio", "suicida", "matarme", "morirme", "suicidarme", "desaparecer", "esperanza",
         "sobredosis", "pastillas", "insoportable", "autolesion", "cortarme", "ahorcarme", "quitarme", "quiero",
         "vida", "nadie")
