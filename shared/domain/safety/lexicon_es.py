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
                  "naltrexona", "tabletas", "capsulas", "calmantes", "pastillas para dormir", "somniferos",
                  "pastillas de la presion", "antidepresivos", "clonazepam", "tramadol", "paracetamol",
                  "ibuprofeno", "acetaminofen", "aspirinas", "aspirina", "tylenol", "insulina", "diazepam",
                  "alprazolam", "rivotril", "litio", "pastillas para el dolor"),
    "ALTO": ("puente", "edificio", "techo", "azotea", "balcon", "ventana", "tren", "metro", "carro", "coche",
             "camion", "precipicio", "vias", "acantilado", "mar", "rio", "lago", "barranco", "segundo piso",
             "tercer piso", "cuarto piso", "quinto piso", "sexto piso", "septimo piso", "octavo piso", "noveno piso",
             "decimo piso", "ultimo piso", "piso alto"),
    "VEHICULO": ("carro", "coche", "camion", "tren", "autobus", "bus", "metro", "trailer", "auto"),
    "MEDIOS": ("cuerda", "soga", "pistola", "arma", "armas", "revolver", "veneno", "escopeta", "balas", "rifle",
               "navaja", "cuchillas", "hojas de afeitar", "horca"),
    "CONSEGUIR": ("compre", "comprar", "comprando", "consegui", "conseguir", "consiguiendo", "tengo", "tenia",
                  "guardo", "guarde", "tengo lista", "tengo listo", "busque", "buscando"),
    "JUNTAR": ("juntando", "acumulando", "ahorrando", "almacenando", "escondiendo", "he juntado", "he guardado",
               "he acumulado", "junte", "acumule", "escondi", "reuniendo", "reuni", "he estado guardando",
               "llevo guardando", "tengo guardadas", "tengo guardados", "tengo escondidas", "juntadas",
               "escondidas", "ahorradas", "acumuladas"),
    "ADIOS": ("adios",),
    # pills taken as prescribed: "todas mis pastillas de hoy"
    "RUTINA": ("de hoy", "del dia", "de la manana", "de la noche", "de la tarde", "como", "a tiempo", "juntas", "con",
               "en la", "a la", "a su hora", "bien", "en ayunas", "temprano"),
    "FAMILIA": ("mi familia", "mis hijos", "mi hijo", "mi hija", "mis hijas", "mis padres", "mi mama", "mi papa",
                "mi esposo", "mi esposa", "mi pareja", "mis nietos", "mis hermanos", "mis seres queridos", "todos",
                "todo el mundo", "ustedes"),
    # how others would be without me: "mejor", "más tranquilos", "en paz"
    "MEJOR": ("mejor", "mas tranquilos", "mas tranquilas", "mas tranquila", "mas tranquilo", "mas felices", "mas feliz",
              "mas contentos", "mas contentas", "en paz", "aliviados", "aliviadas", "tranquilos", "felices"),
    "TRANQUILA": ("tranquila", "tranquilo", "en paz", "aliviada", "aliviado", "calmada", "calmado", "serena", "sereno"),
    "DECIDIDO": ("tome mi decision", "tome la decision", "ya decidi", "lo decidi", "lo tengo decidido",
                 "lo tengo claro", "tengo decidido", "tomada la decision", "decision tomada"),
    "COSAS": ("mis cosas", "todas mis cosas", "todo lo que tengo", "mis pertenencias", "mi ropa", "mis libros",
              "mi perro", "mi gato", "mis mascotas", "mis joyas"),
    "DESPERTAR": ("amanecer", "amanezca", "amaneciera", "despertar", "despierte", "despertara", "despertase",
                  "despertar me", "despertaria", "desperte"),
    "QUESTION": ("?",),
    "NADIE": ("nadie", "a nadie", "ninguno", "ni uno"),
    "OTROS": ("ella", "ellos", "su", "mi hermano", "mi hermana", "mi amigo", "mi amiga", "mi hijo", "mi hija",
              "mi esposo", "mi esposa", "mi mama", "mi papa", "alguien", "mi primo", "mi prima", "mi vecino",
              "mi vecina", "mi tio", "mi tia", "mi novio", "mi novia", "mi abuelo", "mi abuela", "un senor",
              "una senora", "un chavo", "una chava", "un muchacho", "una muchacha", "un companero", "una companera"),
    # a time marker: counted with a means or a farewell, a plan in the making
    "CUANDO": ("esta noche", "hoy", "manana", "este fin", "el viernes", "el sabado", "el domingo", "ahorita",
               "en un rato", "la proxima semana"),
    # things that cut: "me corto con lo que encuentre", "use el vidrio en el brazo"
    "FILO": ("vidrio", "navaja", "cuchilla", "cuchillas", "cuchillo", "tijeras", "rastrillo", "hoja de afeitar",
             "encendedor", "cigarro", "aguja", "sacapuntas", "lo que encuentre", "lo que sea", "lo que tenga"),
    # the heavens that might take me: "que Dios me lleve", "que la Virgen me recoja"
    "CIELO": ("dios", "diosito", "senor", "el senor", "cielo", "virgen", "jesus", "jesucristo", "tata dios"),
}

EXPLICIT = {
    "suicidal_thoughts": ("suicid*", "autolesi*", "auto lesi*"),
    "suicide_intent": (
        # attempts begun and stopped
        "casi (lo hago|lo hice|me mato|me mate|me tiro|me avento|me ahorco|me corto)",
        "(encontro|encontraron|detuvo|detuvieron|paro|pararon) antes de que (lo hiciera|pudiera|me tirara|me matara)",
        "(PASTILLAS|MEDIOS|cuchillo|puente|orilla) ~~10 (pero|y) ~1 (me detuve|me arrepenti|no pude|no lo hice|me dio "
        "miedo|las vomite|llame al 911|pedi ayuda|me la quite)",
        # mixed with English: "quiero die", "me quiero kill"
        "(QUERER|me quiero|voy a|me voy a) ~1 (die|dying|kill myself|kill me|kill|end it|end my life)",
        "me ~3 (MATAR|mato|mate|matare|mataria|suicido|suicidare|suicide) !a", "MATAR me", "QUERER ~2 MORIR",
        "me ~2 quiero morir",
        "me ~1 voy a morir ~1 (hoy|ya|esta noche)",
        "no ~1 (quiero|quisiera|deseo) ~1 VIVIR !(con|el|en|lejos|sola|solo|la experiencia|la abstinencia|la misma|eso|"
        "esto)",
        "no tengo ganas de vivir", "quitar me la vida", "me ~2 (quiero|voy a|pienso) ~1 hacer dano",
        "(acabar|terminar) ~1 con ~1 mi ~1 vida", "poner fin a mi vida", "(acabar|terminar) con todo $",
        "(acabar|terminar) con todo (hoy|esta noche|ya|de una vez|manana)",
        "(voy a|quiero|pienso) (acabar|terminar) con todo",
        "(usar|usarla|usarlo|usar la|usar lo) ~2 conmigo",
        # compound tenses and intent: "ya me habré matado", "me voy a ir de este mundo"
        "me (habre|habria|hubiera|hubiese|he|ya) ~1 (matado|suicidado|quitado la vida)",
        "(voy a|pienso|quiero|decidi) ~1 (ir me|irme|marchar me) de este mundo", "me voy a ir de este mundo", "me voy de este mundo ~1 CUANDO",
        "(tomo|tome|trago|trague|tomare|tomar me|voy a tomar) todo (CUANDO|el frasco|la caja|el bote)",
        "me (tomo|trago|tomare|voy a tomar) todo $",
        "(MEDIOS|veneno para ratas|raticida|matarratas|cloro) ~~6 (es|son|sera|seran) para mi",
        "(chocar|choque|estrellar|estrellar me|volcar|aventar) ~5 a proposito", "(la|lo) voy a usar conmigo",
        "(morir|muerte) ~2 todo lo que (quiero|pienso|deseo)",
    ),
    "suicide_plan": (
        "(ahogar|asfixiar|envenenar|degollar|electrocutar|apunalar) me",
        "me (quiero|voy a|pienso|quisiera|intente) (ahogar|asfixiar|envenenar|degollar|electrocutar|apunalar|colgar|"
        "ahorcar)",
        "(trague|me trague|tome|me tome|tomar me|tragar me|me tomare|me voy a tomar) ~2 (las|los|mis|sus) ~1 PASTILLAS "
        "~~8 (todas|todos|todititas|todititos) $",
        "sobredosis", "(tomar|tomarme|tome|tomando|trague|tragar|tragando|me tome) ~2 todas ~3 PASTILLAS !RUTINA",
        "(voy a|quiero|pienso) (tomar me|tragar me) (las|los) (todas|todos) !RUTINA",
        "(tomar|tome|tomando|trague|tragar|tomo|tomare|me tomo|me tome) ~3 (frasco|caja|bote)",
        "(tome|trague|tomo|tomare|tomar) ~2 (frasco|caja|bote|tira|blister|paquete) (entera|entero|completa|completo)",
        "(tome|trague|tomo|tomare|tomar) ~2 (botella|frasco|caja|bote) (entera|entero|completa|completo) de ~1 PASTILLAS",
        "(manguera|tubo) ~4 (escape|mofle)", "(escape|mofle) ~4 (manguera|ventana|dentro del carro|en el carro)",
        "(meter me|meter|entrar|adentrar me|adentrar|caminar|nadar|ir me) ~3 (mar|rio|lago|agua) ~4 (no volver|no regresar|no salir)",
        "(frasco|caja|bote) ~2 de ~1 PASTILLAS ~2 (y|para)",
        "(tirar me|aventar me|lanzar me|arrojar me) ~4 ALTO",
        "me ~3 (tirar|aventar|lanzar|arrojar) ~3 (puente|edificio|azotea|balcon|ventana|tren|metro|vias|precipicio)",
        "(ahorcar me|colgar me)", "me ~2 (ahorcar|ahorco)", "(pegar me|pegarme|dar me) ~1 un (tiro|balazo)",
        "disparar me", "me ~2 pego un tiro", "cuantas ~3 PASTILLAS ~4 (morir|matar|mata|muerte|letal)",
        "dosis (letal|mortal)", "hacer me ~1 una soga", "(soga|cuerda) ~3 cuello",
        "(me tome|tome|me trague|trague|tomar me|me acabo de tomar) ~2 (muchas|todas|un monton de|varias|demasiadas|"
        "##) ~2 PASTILLAS !RUTINA",
        "me voy a (tirar|aventar|lanzar|echar|arrojar) $", "ALTO ~8 (tirar me|tirar|saltar|aventar me|lanzar me)",
        "me ~3 (echar|tirar|aventar|lanzar|arrojar|tire|avente|lance|arroje|eche|tiro|aviento|lanzo|arrojo) ~2 (al|"
        "a la|a las|del|desde el|desde la) ALTO",
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
        "quem* ~4 (cigarro|cigarros|cigarrillo|cigarrillos|encendedor|cerillo|cerillos|cerillas)",
        "(cigarro|cigarros|cigarrillo|cigarrillos) ~4 (en|contra) (mi|mis|el|la|los|las) ~1 (BRAZO|mano|manos)",
        "me ~2 DANAR", "DANAR me", "me (clavo|clave|entierro|enterre|encajo) las unas",
        "(use|uso|usar|pase|paso) ~2 FILO ~2 (en|por|contra) (el|la|los|las|mi|mis) BRAZO",
        "(cuando|siempre que|cada vez que) ~6 me (corto|quemo|lastimo|golpeo|hago dano|rasguno)", "(cortar me|corte|cortando me) ~2 BRAZO", "(cortar|corte|cortando) ~2 venas",
        "(lastimar me|herir me|quemar me|golpear me)", "volvi a cortar me", "otra vez ~2 cortando", "hacer me dano",
        "me (hice|hago|hacia|estoy haciendo|vuelvo a hacer) ~1 (cortadas|cortes|heridas|quemaduras)",
        "(DANAR|quemado|lastimado|cortado) ~5 a proposito",
        "(hasta|hasta que) ~2 (sangrar|sangre|sangro|sangraba|sangraron|sangra|sangran|sangrara)",
        "(cortadas|cortes|heridas|quemaduras) (nuevas|nuevos|frescas|frescos|recientes)",
        "BRAZO ~2 (llenos|llenas|lleno|llena) de (cortadas|cortes|heridas|quemaduras|cicatrices)",
        "(golpe*|pego|pegue|pegando|azot*) ~4 cabeza ~2 contra (la pared|el piso|el suelo)",
        "(dejo de comer|deje de comer|no como|sin comer|matar me de hambre) ~3 a proposito",
    ),
}

WARNING = {
    "hopelessness": (
        "ya nada me importa", "ya no me importa nada",
        "(vacia|vacio|muerta|muerto|hueca|hueco) por dentro", "ya no tengo ganas de (nada|vivir)",
        "no (veo|le veo) ~1 futuro",
        "(la|mi|esta) vida ~1 no vale la pena", "vivir no vale la pena",
        "lo unico que me (detiene|mantiene|sostiene|frena|retiene|ata|tiene aqui|tiene viva|tiene vivo)",
        "(ya no quiero|ya no puedo|no puedo|no quiero|ya no voy a) seguir? (luchando|luchar|pelear|peleando) $",
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
        "(la|mi|esta) vida ~2 no vale nada", "(unica|unico) (razon|motivo|cosa) ~4 (sigo aqui|sigo viva|sigo vivo|me mantiene)",
    ),
    "burden": (
        "(estarian|estaran|estaria|vivirian|serian|seran|estara|seria) ~3 MEJOR ~2 sin mi",
        "(estarian|estaran|estaria|vivirian|serian|seran|estara|seria) ~3 MEJOR ~2 si yo? ~1 no (estuviera|existiera|"
        "estoy|existo|viviera|estuviese|existiese)",
        "(les|le) (hago|arruino|complico|amargo) la vida ~2 (a todos|a mi familia|a mis hijos|a todo el mundo)",
        "(soy|ser|siendo) ~2 carga", "carga para ~2 (todos|mi|ellos|mis|los demas|mi familia)",
        "estorbo", "mejor sin mi", "de sobra (aqui|en este mundo|en esta casa|en esta vida)", "estoy de sobra $",
        "(sobro|salgo sobrando|estoy sobrando|ando sobrando)",
        "NADIE me ~2 (extranaria|extranara|echaria de menos|echara de menos|extrana)",
        "NADIE ~1 le (importo|importaria)",
        "NADIE ~2 (notaria|notara|se daria cuenta|me va a extranar)", "a nadie le importa si",
        "todos ~3 mejor si yo ~1 no", "sin mi ~2 (estarian|estaran|estaria|vivirian|seran|serian) ~1 mejor",
        "merecen algo mejor que yo",
    ),
    "trapped": (
        "ya no puedo (anymore|no more) $",
        "no ~1 puedo mas con (esto|todo|mi vida|la vida|esta vida|este dolor|nada) $",
        "(el|este|mi) dolor ~2 (termine|acabe|se acabe|pare) ~1 para siempre",
        "no hay salida", "no tengo ~1 salida", "sin salida", "no veo ~1 salida", "atrapad*", "insoportable",
        "no ~1 (aguanto|soporto) ~1 mas", "no ~1 puedo ~1 mas $", "ya no puedo mas",
        "ya no (aguanto|soporto) !(el|la|los|las|este|estos|estas|mi|tanto|tanta|a|que|las ganas)",
        "ya no puedo $", "no puedo seguir ~1 (asi|mas|adelante|viviendo)", "no puedo seguir $",
        "no puedo vivir ~1 asi",
        "no puedo con ~1 (esto|todo|mi vida) $", "hart* de ~1 (vivir|todo|la vida|mi vida)", "no lo soporto mas",
        "no quiero seguir ~1 (asi|mas|aqui)", "no quiero seguir $",
        "ya no ~1 doy mas", "no doy para mas", "no aguanto esta vida", "estoy al limite",
    ),
    "passive_wish": (
        "(no quiero|ojala no|quisiera no|no quisiera) ~1 wake up",
        "(ojala|QUERER|no me importaria|me daria igual|seria bueno|estaria bien|que bueno seria) ~3 me (atropell*|"
        "arroll*|pisara|pise|llevara) ~2 (un|una|el|la)? (VEHICULO|rayo)",
        "ojala ~2 (alguien|algo|un rayo|dios) me (mate|matara|llevara|lleve|atropelle|atropellara)",
        "(no me importaria|me daria igual|me da igual|no me importa) ~3 (si me muero|si muero|morir me|si no despierto|"
        "que me pase algo|lo que me pase|si me pasa algo|si me atropella|si no vuelvo a despertar)",
        "(QUERER|ojala) ~3 (estar|ir me|irme|reunir me|ver) con ~4 (en el cielo|al cielo|alla arriba|en el otro lado)",
        "(QUERER|ojala) ~3 (estar|ir me|irme|reunir me|ver) con ~4 (que|quien) (murio|fallecio|se fue|perdi)",
        "(arrepentir*|extranar*|lamentar*|llorar*|van a ver) ~4 cuando ~1 (me muera|ya no este|este muert*|"
        "me haya ido)",
        "(dormir|quiero|quisiera|ojala|deseo|prefiero|preferiria|y|si|pido|pidiendo|pidiendole|ruego|rogando|rezo|"
        "rezando|pedir|acuesto) ~3 (no|nunca) ~2 DESPERTAR !(a|al|temprano|tan)",
        "no volver a DESPERTAR", "no quiero ~1 DESPERTAR !(a|al|temprano|tan)",
        "ojala ~3 (muert*|desaparecer|desapareciera|no existir|no existiera|no haber nacido|no hubiera nacido|no "
        "estar|no estuviera)",
        "QUERER ~1 desaparecer", "quisiera ~2 (no existir|estar muert*|no haber nacido)", "dejar de existir",
        "no (quiero|quisiera) ~1 (existir|estar aqui|seguir aqui)",
        "(prefiero|preferiria|quisiera|querria|desearia) ~2 (no existir|estar muert*|morir|no estar|no seguir "
        "viviendo|no vivir|no seguir aqui|no seguir viva|no seguir vivo|no despertar|no haber nacido)",
        "mejor ~1 muert*", "(cansad*|hart*) ~4 (vivir|existir|estar vivo|estar viva)", "cansad* de (la|mi) vida",
        "me (canse|harte) de ~3 (vivir|la vida|existir|estar vivo|estar viva)", "sin ganas de vivir",
        "(dios|que) ~2 me lleve", "quiero que ~2 (todo|esto) ~1 (termine|acabe|se acabe)", "ya no quiero estar aqui",
        "(dormid*|dormir|dormir me) ~1 para siempre", "(ir me|irme|irse) ~1 para siempre", "me ~2 ir para siempre",
        "(seria|es|estaria) (mas)? (facil|sencillo|comodo) ~2 (no estar|no existir|no despertar|desaparecer|no "
        "seguir|morir me|morir)",
        "(seria|estaria|estarian) mejor ~2 (no estar|no existir|no existiera|no estuviera|muert*|desaparecer|si no "
        "estuviera|si no existiera)", "ojala ~3 (muriera|muera|me muera|me muriera|morir)",
        "CIELO ~3 (me recoja|me lleve|lleve me|recoge me|llevame|recoja me|me llevara|me llevase|me recogiera|"
        "me recogiese|me lleva)", "CIELO ~3 (me llame|me llamara) (a su lado|ya|pronto|con el|con ella)",
        "CIELO ~3 (me llame|me llamara) $",
        "(quiero|quisiera|me quiero|me quisiera|deseo|ojala) ~2 (ir me|irme|ir|estar|reunir me|descansar) (con|junto "
        "a|al lado de|en los brazos de) CIELO",
        "(mejor|preferiria|quisiera|ojala|desearia|prefiero|preferible|preferido|ganas de|seria) ~3 no haber nacido",
        "(ojala|QUERER|rezo|pido|quisiera) ~3 me (diera|de|pegara|agarrara|pasara) ~2 (infarto|"
        "ataque|cancer|un derrame|accidente|algo) !(bueno|buena|bonito)",
        "(QUERER|ojala) ~4 VEHICULO me (llevara|atropellara|atropelle|lleve|pise|matara|arrollara)",
        "(ir me|irme|ir|irse) ~1 de este mundo", "no quiero ~2 (estar|seguir) en este mundo",
        "(da igual|da lo mismo|no me importa) ~2 (vivir o morir|si muero|si me muero|morir)", "vivir o morir",
        "(muerte|morir|estar muerto|estar muerta) ~2 (suena|parece|seria|es) ~3 (descanso|paz|alivio|mejor|bonito|"
        "tranquilo|tentador)",
    ),
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
    "afeitando|sin querer) !BRAZO !~6(a proposito|adrede|contra la pared|cigarro|cigarros|cigarrillo|cigarrillos|"
    "encendedor|navaja|cuchilla|cuchillas|otra vez|de nuevo|lo que encuentre|lo que sea|lo que tenga)",
    "cortar me ~1 (el|las) ~1 (pelo|cabello|unas|fleco|barba)", "me corte el (pelo|cabello|fleco|barba)",
    "(puedo|puede|pueden|podria|riesgo|peligro) ~3 sobredosis", "sin querer ~3 DANAR",
    "se me ~1 (murio|muere|muerto) ~2 (el|la)", "me muero por", "tirar me ~1 a la (piscina|alberca|cama)",
    "me (tiene|tienes|tienen|trae|traes|traen|dejo|dejaste|dejaron|deja) ~1 (muerta|muerto|muertas|muertos)",
    "(workout|gym|entrenamiento|ejercicio|rutina|trabajo|jefe|jefa|clase|tarea|examen|partido|caminata|pesas|"
    "chiste|video|dia) ~3 me (mato|mataron|mata|matan)",
    "(hubo|hay|ocurrio|reportaron|dijeron que|noticia de|otro|otra) ~3 suicid*",
    "(intento|intentaron|quiso|quiere|queria|trato de|amenazo con|amenaza con|penso en) ~1 (suicidar se|"
    "suicidarse|matar se|matarse|quitar se la vida)", "se (suicido|suicidaron|mato|mataron|quito la vida)",
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
    "no ~1 puedo mas con (este|esta|el|la|los|las|tanto|tanta|mi|mis) ~1 (calor|frio|trafico|trabajo|tarea|tareas|"
    "lluvia|ruido|gente|sueno|hambre|cansancio|vecino|vecina|jefe|jefa|suegra|hijos|nietos|examenes)",
    "(podria|podia|podre) dormir ~1 para siempre",
    "(ese|esa|eso|este|esta|esto|chiste|video|meme|pelicula|serie) ~2 me (mato|mataste|mataron|mata|matan)",
    "(regal*|done|donando|donar) ~3 (vieja|viejas|viejo|viejos|usada|usadas|usado|usados|que ya no uso|que no uso|"
    "que ya no me queda|que ya no me quedan|a la iglesia|a la caridad|al bazar)",
    "despedi* ~~8 (aeropuerto|estacion|terminal|de viaje|se fue a|se va a|se mudo|se muda|me mudo|me cambie|trabajo|"
    "vacaciones|hasta el|hasta manana|nos vemos)",
    "(ahogar me|ahogo|ahogando me|ahogando) (de|en|con) ~1 (calor|tos|risa|trabajo|deudas|problemas|un vaso|comida|"
    "pena|tarea|tareas|ansiedad)",
)

# Signs that raise nothing alone but count as preparations beside another (see `lexicon_en.SUPPORTING`).
SUPPORTING = {
    "timing": ("CUANDO $",),
    "resolved": ("ya lo decidi $", "DECIDIDO", "no hay vuelta atras", "(la|lo|las) voy a usar $"),
    "means": ("(van a ser|seran|sera con|va a ser) ~1 (las|la|el)? (PASTILLAS|MEDIOS|el puente|las vias) $",),
    "farewell": ("ya no (las|los|lo|la) (necesito|voy a necesitar|necesitare|ocupo) $",),
}

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
# Key words often spelt by ear ("kisiera", "rasones", "aser", "bida"): a word that sounds like one is read as it
SPELLED_BY_SOUND = (
    "quiero", "quisiera", "queria", "querria", "hacer", "hacerme", "hice", "hago", "razon", "razones", "vivir",
    "viviendo", "vida", "suicidar", "suicidarme", "suicidio", "suicida", "matarme", "morir", "morirme", "muerta",
    "muerto", "desaparecer", "esperanza", "nadie", "salida", "cansada", "cansado", "ahorcar", "ahorcarme", "ahogarme",
    "despedida", "despedirme", "veneno", "navaja", "cuchillo", "pistola", "pastillas", "sobredosis", "valgo",
    "sentido", "lastimarme", "herirme", "heridas", "cortarme", "cortadas", "llevara", "llevame", "extranaria",
    "insoportable", "aguanto", "soporto", "tranquilos", "tranquila", "tranquilo", "decision", "decidi", "adios",
    "perdon", "cielo", "nacido", "existir", "despertar", "despierte", "amanecer", "quitarme", "estuviera", "existiera",
    "estarian", "serian", "mejor", "carga", "necesito", "ganas", "hacerlo", "acabar", "quemarme", "cigarros",
)
