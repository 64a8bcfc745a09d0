"""Spanish texts that only sound like a crisis: support for others, hyperbole, idioms."""

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
