"""Spanish warning signs told as feelings: hopelessness, burden, trapped, wishing to be gone."""

FEELINGS = {
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
}
