"""The benchmark corpus: the five seed texts (read from ../shared/seeds) and good
practices written for this benchmark in Finnish, Swedish and English.

The practices are invented examples written by the verkosto team for the benchmark (not
copied from anywhere); they use the inflected and compound forms real texts use, so
that a search without morphology has something to miss.
"""

import os
from pathlib import Path

SEEDS = Path(
    os.environ.get("VERKOSTO_SEEDS", Path(__file__).resolve().parents[3] / "shared" / "seeds")
)

# key, language, title, summary, body
PRACTICES: tuple[tuple[str, str, str, str, str], ...] = (
    # --- Finnish ------------------------------------------------------------------------
    (
        "p01",
        "fi",
        "Ilmastoverkostojen yhteinen päästölaskuri",
        "Kolme kaupunkia otti käyttöön HINKU-verkostossa kehitetyn päästölaskurin.",
        "Ilmastoverkostoissa syntyneitä työkaluja hyödynnetään harvoin kotikunnassa. Lahden, "
        "Kuopion ja Jyväskylän ilmastotiimit sopivat yhteisestä laskentamallista, jolloin "
        "kasvihuonekaasupäästöjen vertailu onnistuu vuosittain.",
    ),
    (
        "p02",
        "fi",
        "Ystävyyskaupunkitoiminnasta teemaverkostoksi",
        "Tampere kokosi ystävyyskaupunkinsa koulutusverkostoksi.",
        "Ystävyyskaupunkisuhteet olivat jääneet juhlavierailuiksi. Tampere kutsui "
        "ystävyyskaupunkiensa opetustoimet yhteiseen verkostoon, jossa opettajat vaihtavat "
        "kokemuksia digitaalisesta opetuksesta.",
    ),
    (
        "p03",
        "fi",
        "Varhaiskasvatuksen osaajapulaan oppisopimuksella",
        "Espoo koulutti varhaiskasvatuksen lastenhoitajia oppisopimuksella.",
        "Varhaiskasvatuksen henkilöstöpula vaikeutti päiväkotien toimintaa. Espoo rekrytoi "
        "alanvaihtajia oppisopimuskoulutukseen ja maksoi palkan koulutuksen ajalta. "
        "Osaajapula helpottui kahdessa vuodessa.",
    ),
    (
        "p04",
        "fi",
        "Jengiytymisen ehkäisy nuorisotyön ja poliisin yhteistyöllä",
        "Vantaa perusti monialaisen tiimin ehkäisemään nuorten jengiytymistä.",
        "Nuorisotyöntekijät, koulut ja poliisi tapaavat viikoittain. Jengeihin "
        "rekrytoinnin riskissä olevat nuoret ohjataan harrastuksiin ja kesätöihin.",
    ),
    (
        "p05",
        "fi",
        "EU-edunvalvonnan vuosikello",
        "Oulu laati EU-edunvalvonnalle vuosikellon ja nimesi vastuuhenkilöt.",
        "Edunvalvontatyötä EU:ssa tehdään Brysselin toimiston ja Kuntaliiton kanssa. "
        "Vuosikello kertoo, milloin komission aloitteisiin vaikutetaan ja kuka lausuu.",
    ),
    (
        "p06",
        "fi",
        "Oma Brysselin-toimisto vai Kuntaliiton toimisto?",
        "Turku vertaili oman EU-toimiston kustannuksia yhteistoimistoon.",
        "Turun kaupunki laski, että oman toimiston kustannukset olisivat kolminkertaiset. "
        "Kaupunki päätti hyödyntää Kuntaliiton Brysselin-toimistoa ja alueellista toimistoa.",
    ),
    (
        "p07",
        "fi",
        "Verkostojäsenyyksien vuosiarviointi",
        "Helsinki kartoitti kaikki kansainväliset verkostonsa ja arvioi niiden hyödyn.",
        "Helsingin kaupunki kävi läpi verkostojäsenyytensä: jäsenmaksut, henkilöstön "
        "työaika ja saavutetut tulokset. Arvioinnin perusteella kaupunki luopui kolmesta "
        "verkostosta ja liittyi uuteen kiertotalousverkostoon.",
    ),
    (
        "p08",
        "fi",
        "Vertaisoppiminen kestävän kaupunkikehityksen verkostossa",
        "FISU-verkoston kunnat jakavat hyviä käytäntöjä kuukausittain.",
        "Kiertotalouden ja resurssiviisauden verkostossa kunnat esittelevät toisilleen "
        "kokeilujaan. Vertaisoppimisen ansiosta päällekkäistä työtä on vähemmän.",
    ),
    (
        "p09",
        "fi",
        "Kaupunkien välinen yhteistyö liikkumisen edistämisessä",
        "Jyväskylä, Lahti ja Kuopio jakavat liikkumisohjelmansa tulokset.",
        "Urheilukaupungit kehittävät yhdessä arkiliikunnan mittareita. Elinvoimakumppanuus "
        "valtion kanssa tuo työhön ministeriön asiantuntijat.",
    ),
    (
        "p10",
        "fi",
        "Verkostotyön vaikuttavuuden mittaaminen indikaattoreilla",
        "Kuntaliitto kokosi mittaristoon verkostotyön vaikuttavuuden indikaattorit.",
        "Verkostojen koordinaattorit toivoivat yhteisiä indikaattoreita. Mittaristo "
        "seuraa jaettuja käytäntöjä, rahoitusta ja osallistuneita kuntia.",
    ),
    (
        "p11",
        "fi",
        "Kustannusvaikuttavin tapa hoitaa kansainväliset asiat",
        "Pieni kaupunki keskitti kv-toiminnan yhdelle asiantuntijalle.",
        "Kaupunki vertasi kv-toiminnan kustannuksia ja tuloksia. Kustannusvaikuttavuus "
        "parani, kun hanketyö keskitettiin ja verkostoja karsittiin.",
    ),
    (
        "p12",
        "fi",
        "Maahanmuuttajien kotoutuminen ja työllisyys",
        "Vaasa yhdisti kielikoulutuksen ja työharjoittelun.",
        "Kotoutumisohjelma tarjoaa suomen ja ruotsin kielen opetusta sekä "
        "työharjoittelupaikkoja kaupungin yksiköissä. Työllisyysaste nousi.",
    ),
    (
        "p13",
        "fi",
        "Luontokunnat-verkoston monimuotoisuusohjelma",
        "Kunnat laativat luonnon monimuotoisuuden ohjelmat yhteisellä mallilla.",
        "Luonnon monimuotoisuuden heikkeneminen pysäytetään kunnissa kartoittamalla "
        "arvokkaat luontokohteet ja suojelemalla ne kaavoituksessa.",
    ),
    (
        "p14",
        "fi",
        "Terve kunta -verkoston hyvinvointikertomus",
        "Hyvinvointikertomus kokoaa terveyden ja hyvinvoinnin tiedot valtuustolle.",
        "Terveyden edistämisen verkosto tarjoaa mallin, jolla kunnat raportoivat "
        "asukkaiden hyvinvoinnista kerran valtuustokaudessa.",
    ),
    (
        "p15",
        "fi",
        "MAL-sopimuksen seuranta kaupunkiseudulla",
        "Kaupunkiseutu seuraa maankäytön, asumisen ja liikenteen sopimusta yhteisesti.",
        "Maankäytön, asumisen ja liikenteen sopimuksen toteutumista arvioidaan "
        "vuosittain. Asuntotuotannon tavoitteet ja joukkoliikenteen investoinnit raportoidaan.",
    ),
    (
        "p16",
        "fi",
        "EU-rahoituksen kotiuttaminen strategian tueksi",
        "Helsinki varmistaa, että EU-hankkeet tukevat strategisia tavoitteita.",
        "EU-rahoitusta haetaan vain hankkeisiin, jotka edistävät kaupunkistrategiaa. "
        "Hankesalkkua arvioidaan puolivuosittain.",
    ),
    (
        "p17",
        "fi",
        "Kaupunkien vertailu benchmarking-verkostossa",
        "Kuusi suurta kaupunkia vertaa palvelujensa kustannuksia.",
        "Kuutoskaupungit vertailevat vuosittain palvelujen kustannuksia ja laatua. "
        "Vertailu paljastaa parhaat käytännöt, joita muut kaupungit ottavat käyttöön.",
    ),
    (
        "p18",
        "fi",
        "Koulutustarjonnan lisääminen työvoimapulasta kärsiville aloille",
        "Pääkaupunkiseutu ja valtio sopivat koulutuspaikoista.",
        "Osaavan työvoiman saatavuus on kaupungin edunvalvonnan painopiste. "
        "Ammatillisen koulutuksen aloituspaikkoja lisättiin sosiaali- ja terveysalalle.",
    ),
    (
        "p19",
        "fi",
        "Nuorten kesätyösetelit",
        "Kaupunki tukee yrityksiä, jotka palkkaavat nuoria kesätöihin.",
        "Kesätyöseteli on 300 euron tuki yritykselle. Yli tuhat nuorta sai kesätyön.",
    ),
    (
        "p20",
        "fi",
        "Kirjastojen kansainvälinen yhteistyö",
        "Kirjastot vaihtavat kokemuksia lukutaidon edistämisestä.",
        "Pohjoismaiset kirjastot järjestävät yhteisen lukukampanjan lapsille.",
    ),
    (
        "p21",
        "fi",
        "Maarianhaminan satama ja merellinen yhteistyö",
        "Maarianhamina kehittää satamaa yhdessä Tukholman ja Turun kanssa.",
        "Satamien yhteistyö vähentää laivaliikenteen päästöjä. Maarianhaminan satamassa "
        "otettiin käyttöön maasähkö.",
    ),
    (
        "p22",
        "fi",
        "Kaupunkipoliittinen yhteistyöryhmä ja pormestarien tapaamiset",
        "Kaupunkipolitiikan yhteistyöryhmä kokoaa 23 kaupunkia ja valtion.",
        "Pormestarit ja kaupunginjohtajat tapaavat ministerien kanssa. Ryhmä käsittelee "
        "kaupunkipolitiikan ajankohtaisia kysymyksiä.",
    ),
    (
        "p23",
        "fi",
        "Hiilineutraali kunta 2030",
        "Kunta sitoutui vähentämään päästöjä 80 prosenttia.",
        "Hiilineutraaliustavoite ohjaa kaikkia hankintoja. Aurinkovoimalat ja "
        "sähköautojen latausasemat rahoitettiin ilmastobudjetista.",
    ),
    (
        "p24",
        "fi",
        "Kumppanuus valtion kanssa: itäisen Suomen ohjelma",
        "Lappeenranta, Joensuu ja Imatra aloittivat kumppanuustyön valtion kanssa.",
        "Itäisen Suomen kaupungit hakevat ratkaisuja rajan sulkemisen vaikutuksiin.",
    ),
    (
        "p25",
        "fi",
        "Sähköinen asiointi kaikille",
        "Digitalisaatio-ohjelma tuo palvelut verkkoon.",
        "Kaupunki opastaa ikäihmisiä sähköisen asioinnin käytössä kirjastoissa.",
    ),
    # --- Swedish ------------------------------------------------------------------------
    (
        "p26",
        "sv",
        "Vänortssamarbete blev ett skolnätverk",
        "Norrköping samlade sina vänorter i ett nätverk för skolor.",
        "Vänorterna hade mest utbytt delegationer. Nu utbyter lärarna erfarenheter om "
        "digital undervisning, och eleverna besöker varandras skolor.",
    ),
    (
        "p27",
        "sv",
        "Kommunens EU-bevakning",
        "Kommunen följer EU-besluten som påverkar den kommunala verksamheten.",
        "Sextio procent av fullmäktigebesluten kan härledas till EU-lagstiftning. "
        "Intressebevakningen sker tillsammans med SKR och Brysselkontoret.",
    ),
    (
        "p28",
        "sv",
        "Personalbrist inom förskolan",
        "Kommunen utbildade barnskötare på arbetstid.",
        "Personalbristen inom småbarnspedagogiken minskade när kommunen erbjöd "
        "betald utbildning till nyanställda barnskötare.",
    ),
    (
        "p29",
        "sv",
        "Förebyggande arbete mot gängkriminalitet",
        "Socialtjänst, skola och polis samverkar mot gängbildning.",
        "Unga som riskerar att rekryteras till gäng får stöd av fältassistenter. "
        "Samverkan mellan polisen och skolorna har minskat brottsligheten.",
    ),
    (
        "p30",
        "sv",
        "Klimatnätverk för kommuner",
        "Kommunerna i klimatnätverket delar verktyg för att minska utsläppen.",
        "Nätverket för klimatneutrala kommuner tog fram en gemensam utsläppskalkylator. "
        "Kommunerna jämför sina utsläpp varje år.",
    ),
    (
        "p31",
        "sv",
        "Helsingfors och Stockholm delar erfarenheter av cykelstrategier",
        "Städerna utbyter kunskap om cykelinfrastruktur.",
        "Helsingfors stad och Stockholms stad har träffats tre gånger. "
        "Cykelvägarnas vinterunderhåll var det viktigaste ämnet.",
    ),
    (
        "p32",
        "sv",
        "Åbo stads program för integration",
        "Åbo erbjuder språkkurser och praktikplatser för nyanlända.",
        "Integrationen av nyanlända förbättrades när språkundervisning och "
        "praktik i stadens enheter kombinerades.",
    ),
    (
        "p33",
        "sv",
        "Kostnadseffektivitet i internationellt arbete",
        "Kommunen utvärderade sina nätverksmedlemskap.",
        "Varje medlemskap granskades: avgift, arbetstid och resultat. Kommunen lämnade "
        "två nätverk och gick med i ett nytt om cirkulär ekonomi.",
    ),
    (
        "p34",
        "sv",
        "Kollegialt lärande mellan kommuner",
        "Kommunerna besöker varandra för att lära av goda exempel.",
        "Studiebesöken har lett till att goda exempel sprids snabbare mellan kommunerna.",
    ),
    (
        "p35",
        "sv",
        "Mariehamns hamn minskar utsläppen",
        "Landström infördes i Mariehamns hamn.",
        "Fartygen kopplas till landström i hamnen, vilket minskar utsläppen och bullret.",
    ),
    # --- English ------------------------------------------------------------------------
    (
        "p36",
        "en",
        "From twin towns to a thematic network",
        "A city turned its twinning links into a network on climate.",
        "The city's sister cities had met mostly for ceremonies. The twinning partners now "
        "share climate action plans and measure emissions the same way.",
    ),
    (
        "p37",
        "en",
        "Tackling the early education workforce shortage",
        "The city recruited career changers into early childhood education.",
        "Day-care centres lacked qualified staff. Apprenticeships let career changers "
        "train while working, and the staff shortage eased within two years.",
    ),
    (
        "p38",
        "en",
        "Preventing gang involvement among young people",
        "Youth workers, schools and police work together.",
        "Young people at risk of being recruited by gangs are offered hobbies and summer "
        "jobs. Weekly meetings of youth workers and the police keep cases moving.",
    ),
    (
        "p39",
        "en",
        "A Brussels office shared by several cities",
        "Cities share an EU office instead of running their own.",
        "Running an own office in Brussels proved too expensive. The cities share staff "
        "who follow EU legislation and funding calls for all of them.",
    ),
    (
        "p40",
        "en",
        "Measuring the impact of network membership",
        "Indicators show what each network membership brings.",
        "The city reviews each membership yearly: fees, staff time, practices adopted and "
        "funding won. Memberships that bring nothing are dropped.",
    ),
    (
        "p41",
        "en",
        "Peer learning in a sustainable cities network",
        "Member municipalities share good practices every month.",
        "Peer learning reduced duplicate work: municipalities reuse each other's tools "
        "for circular economy and resource efficiency.",
    ),
    (
        "p42",
        "en",
        "Benchmarking the costs of city services",
        "Six large cities compare the cost and quality of their services.",
        "Benchmarking reveals best practices that other cities then adopt.",
    ),
    (
        "p43",
        "en",
        "Influencing EU legislation on urban policy",
        "The city takes part in EU consultations on urban policy.",
        "Advocacy work focuses on the EU's urban agenda, cohesion funding and climate "
        "legislation that cities must implement.",
    ),
    (
        "p44",
        "en",
        "Cycling winter maintenance exchange",
        "Helsinki and Stockholm compared how they keep cycle lanes open in winter.",
        "Engineers from both cities met three times; brine spraying proved best.",
    ),
    (
        "p45",
        "en",
        "Integrating newcomers through work placements",
        "Language courses combined with placements in city units.",
        "Newcomers who combined language study with a placement found jobs faster.",
    ),
)

# query → the keys of its relevant items ('s000' … 's004' are the seeds)
QUERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Finnish: inflected and compound forms
    ("ilmastoverkostot", ("p01", "p30", "p36")),
    ("ilmastoverkostojen työkalut", ("p01", "p30")),
    ("ystävyyskaupungit", ("p02", "p26", "p36", "s000")),
    ("ystävyyskaupunkisuhteista verkostoja", ("p02", "p26", "p36", "s000")),
    ("varhaiskasvatuksen osaajapula", ("p03", "p28", "p37", "s003")),
    ("päiväkotien henkilöstöpula", ("p03", "p28", "p37")),
    ("jengiytymisen ehkäisy", ("p04", "p29", "p38", "s003")),
    ("EU-edunvalvonta", ("p05", "p27", "p43", "s000", "s002")),
    ("Brysselin toimisto", ("p06", "p39", "p05")),
    ("verkostojäsenyyksien arviointi", ("p07", "p33", "p40")),
    ("vertaisoppiminen", ("p08", "p34", "p41", "s001")),
    ("verkostojen yhteistyö", ("s001", "p08", "p02", "s000")),
    ("vaikuttavuuden mittaaminen", ("p10", "p40", "s001")),
    ("kustannusvaikuttavuus", ("p11", "p33", "s000")),
    ("kotoutuminen", ("p12", "p32", "p45")),
    ("luonnon monimuotoisuus", ("p13",)),
    ("MAL-sopimukset", ("p15", "s003")),
    ("EU-rahoitus", ("p16", "s002")),
    ("kaupunkien vertailu", ("p17", "p42", "s000")),
    ("Helsingin verkostot", ("p07", "s002")),
    ("Turun kaupunki", ("p06", "p32", "p21")),
    ("Maarianhaminan satama", ("p21", "p35")),
    ("elinvoimakumppanuus", ("p09", "s003")),
    ("kaupunkipolitiikan yhteistyöryhmä", ("p22", "s003")),
    ("hiilineutraalius", ("p23", "p01", "p30")),
    # Swedish
    ("vänorter", ("p26", "p02", "p36", "s000")),
    ("vänortssamarbete", ("p26", "p02", "p36", "s000")),
    ("nätverk för klimatet", ("p30", "p01", "p36")),
    ("personalbrist inom småbarnspedagogiken", ("p28", "p03", "p37")),
    ("gängbildning", ("p29", "p04", "p38")),
    ("EU-besluten", ("p27", "s004")),
    ("Helsingfors", ("p31", "p07", "p44", "s002")),
    ("Åbo", ("p32", "p06", "p21")),
    ("kollegialt lärande", ("p34", "p41", "p08")),
    ("medlemskap i nätverk", ("p33", "p40", "p07")),
    ("internationellt samarbete kommuner", ("s004", "p34", "p33")),
    # English
    ("twin towns", ("p36", "p02", "p26", "s000")),
    ("twinning networks", ("p36", "p02", "p26", "s000")),
    ("early education workforce shortage", ("p37", "p03", "p28", "s003")),
    ("gangs", ("p38", "p04", "p29", "s003")),
    ("Brussels office", ("p39", "p06", "p05")),
    ("network membership impact", ("p40", "p07", "p33", "p10")),
    ("peer learning", ("p41", "p08", "p34", "s001")),
    ("benchmarking", ("p42", "p17", "s000")),
    ("EU advocacy", ("p43", "p05", "p27", "s000", "s002")),
    ("Turku", ("p06", "p32", "p21")),
    ("integrating newcomers", ("p45", "p12", "p32")),
    ("cycling Helsinki", ("p44", "p31")),
)


def seed_texts() -> list[tuple[str, str]]:
    """(key, text) of the seed files, or [] when ../shared/seeds is absent."""
    if not SEEDS.is_dir():
        return []
    return [(f"s{p.name[:3]}", p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
