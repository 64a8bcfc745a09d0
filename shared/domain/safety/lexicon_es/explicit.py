"""Spanish explicit crisis concepts: suicide, self-harm, overdose and plans, in patterns."""

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
