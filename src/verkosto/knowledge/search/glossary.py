"""A small fixed three-language glossary and place-name table. Pure data.

The registry's themes (with their fi/sv/en labels) and organisation names are added to
these at run time (``vocabulary.py``); these entries make the cross-language search work
on a fresh database too, before any theme or municipality has been loaded.
"""


def gettext_noop(message: str) -> str:
    """Marks a concept's name for translation (``makemessages`` looks for this name);
    ``vocabulary.py`` shows it in the reader's language. Kept here so this stays data."""
    return message


# (name shown in `why`, {language: labels})
GLOSSARY: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    (
        gettext_noop("twin towns"),
        {
            "fi": ("ystävyyskaupunki", "ystävyyskaupunkitoiminta", "ystävyyskunta"),
            "sv": ("vänort", "vänortssamarbete", "vänstad"),
            "en": ("twin town", "twinning", "sister city"),
        },
    ),
    (gettext_noop("network"), {"fi": ("verkosto",), "sv": ("nätverk",), "en": ("network",)}),
    (
        gettext_noop("membership"),
        {"fi": ("jäsenyys",), "sv": ("medlemskap",), "en": ("membership",)},
    ),
    (
        gettext_noop("partnership"),
        {"fi": ("kumppanuus",), "sv": ("partnerskap",), "en": ("partnership",)},
    ),
    (
        gettext_noop("advocacy"),
        {"fi": ("edunvalvonta",), "sv": ("intressebevakning",), "en": ("advocacy",)},
    ),
    (
        gettext_noop("international work"),
        {
            "fi": ("kansainvälinen toiminta", "kv-toiminta"),
            "sv": ("internationellt arbete", "internationalisering"),
            "en": ("international work", "internationalisation"),
        },
    ),
    (
        gettext_noop("good practice"),
        {
            "fi": ("hyvä käytäntö", "paras käytäntö"),
            "sv": ("gott exempel", "god praxis"),
            "en": ("good practice", "best practice"),
        },
    ),
    (gettext_noop("impact"), {"fi": ("vaikuttavuus",), "sv": ("effekt",), "en": ("impact",)}),
    (
        gettext_noop("cost-effectiveness"),
        {
            "fi": ("kustannusvaikuttavuus",),
            "sv": ("kostnadseffektivitet",),
            "en": ("cost-effectiveness",),
        },
    ),
    (
        gettext_noop("cooperation"),
        {
            "fi": ("yhteistyö",),
            "sv": ("samarbete", "samverkan"),
            "en": ("cooperation", "collaboration"),
        },
    ),
    (
        gettext_noop("peer learning"),
        {"fi": ("vertaisoppiminen",), "sv": ("kollegialt lärande",), "en": ("peer learning",)},
    ),
    (gettext_noop("climate"), {"fi": ("ilmasto",), "sv": ("klimat",), "en": ("climate",)}),
    (
        gettext_noop("early childhood education"),
        {"fi": ("varhaiskasvatus",), "sv": ("småbarnspedagogik",), "en": ("early education",)},
    ),
    (
        gettext_noop("workforce shortage"),
        {
            "fi": ("osaajapula", "työvoimapula"),
            "sv": ("personalbrist", "kompetensbrist"),
            "en": ("workforce shortage", "labour shortage"),
        },
    ),
    (
        gettext_noop("benchmarking"),
        {"fi": ("vertailu",), "sv": ("jämförelse",), "en": ("benchmarking",)},
    ),
    (
        gettext_noop("EU funding"),
        {"fi": ("EU-rahoitus",), "sv": ("EU-finansiering",), "en": ("EU funding",)},
    ),
)

# Places with a different name in Finnish, Swedish or English.
PLACE_NAMES: tuple[tuple[str, ...], ...] = (
    ("Helsinki", "Helsingfors"),
    ("Turku", "Åbo"),
    ("Maarianhamina", "Mariehamn"),
    ("Vaasa", "Vasa"),
    ("Espoo", "Esbo"),
    ("Vantaa", "Vanda"),
    ("Porvoo", "Borgå"),
    ("Oulu", "Uleåborg"),
    ("Tampere", "Tammerfors"),
    ("Lappeenranta", "Villmanstrand"),
    ("Kokkola", "Karleby"),
    ("Pietarsaari", "Jakobstad"),
    ("Hämeenlinna", "Tavastehus"),
    ("Lahti", "Lahtis"),
    ("Pori", "Björneborg"),
    ("Kajaani", "Kajana"),
    ("Hyvinkää", "Hyvinge"),
    ("Raasepori", "Raseborg"),
    ("Kirkkonummi", "Kyrkslätt"),
    ("Kauniainen", "Grankulla"),
    ("Tukholma", "Stockholm"),
    ("Göteborg", "Gothenburg"),
    ("Brysseli", "Bryssel", "Brussels"),
    ("Suomi", "Finland"),
    ("Ruotsi", "Sverige", "Sweden"),
    ("Ahvenanmaa", "Åland"),
)
