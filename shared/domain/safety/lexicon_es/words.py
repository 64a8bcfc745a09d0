"""Spanish word classes, and the words that guard and bridge patterns."""

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
