"""Strategic goals: Helsinki's advocacy priorities (seed 002) and Norrköping's goals for
its international work (seed 004). Texts in the seed's language are the seed's own words;
the other two languages are translations."""

from verkosto.registry.demo.data.sources import SEED_002, SEED_004
from verkosto.registry.demo.spec import GoalSpec, Texts

T = Texts
HELSINKI = "fi-helsinki"
NORRKOPING = "se-norrkoping"
# "valtuustokausi": Helsinki's council term 2021–2025, which seed 002 refers to.
TERM_START, TERM_END = "2021", "2025"

# The one sentence of seed 002 that lists the five focuses of international and EU advocacy.
_EU_FOCUS = T(
    "Kansainvälisessä, erityisesti EU-edunvalvonnassa, keskitytään Helsingin taloudellista "
    "elpymistä, julkisten palvelujen kehittämistä, digitalisaatiota, ilmastonmuutoksen "
    "hillintää sekä alueellisia innovaatioekosysteemejä tukeviin ja edistäviin "
    "toimenpiteisiin.",
    "Den internationella intressebevakningen, särskilt på EU-nivå, koncentreras på åtgärder "
    "som stöder och främjar Helsingfors ekonomiska återhämtning, utvecklingen av offentliga "
    "tjänster, digitaliseringen, begränsningen av klimatförändringen och regionala "
    "innovationsekosystem.",
    "International and especially EU advocacy concentrates on measures that support and "
    "promote Helsinki's economic recovery, the development of public services, "
    "digitalisation, climate change mitigation and regional innovation ecosystems.",
)


def _eu_focus(key: str, title: Texts, theme: str) -> GoalSpec:
    return GoalSpec(
        key=f"helsinki-goal-eu-{key}",
        organisation=HELSINKI,
        source=SEED_002,
        title=title,
        description=_EU_FOCUS,
        level="eu",
        themes=(theme, "eu-affairs"),
    )


def _national(key: str, title: Texts, description: Texts, themes: tuple[str, ...]) -> GoalSpec:
    return GoalSpec(
        key=f"helsinki-goal-national-{key}",
        organisation=HELSINKI,
        source=SEED_002,
        title=title,
        description=description,
        level="national",
        themes=(*themes, "national-advocacy"),
        start=TERM_START,
        end=TERM_END,
    )


_NATIONAL_PRIORITY = T(
    "Kansallisen edunvalvonnan erityinen painopiste kuluvalla valtuustokaudella (2021–2025).",
    "En särskild prioritet för den nationella intressebevakningen under den pågående "
    "fullmäktigeperioden (2021–2025).",
    "A particular priority of national advocacy in the current council term (2021–2025).",
)

HELSINKI_GOALS: tuple[GoalSpec, ...] = (
    GoalSpec(
        key="helsinki-goal-international-actor",
        organisation=HELSINKI,
        source=SEED_002,
        title=T(
            "Helsingin kaupunki on aktiivinen kansainvälinen toimija",
            "Helsingfors stad är en aktiv internationell aktör",
            "The City of Helsinki is an active international actor",
        ),
        description=T(
            "Helsinki valvoo kaupungin ja kaupunkilaisten etuja tavoitteellisesti "
            "kansainvälisillä foorumeilla; tavoitteena on kokoaan suurempi Helsinki "
            "maailmalla. Kansainvälisen toiminnan linjausten ja painopisteiden päivitys "
            "vuosille 2022–2025 valmistuu 06/2022; se huomioi uuden kaupunkistrategian, "
            "toimintaympäristön muutokset ja erityisesti Ukrainan kriisin vaikutukset. "
            "EU-edunvalvonnan painopisteiden päivitys valmistuu 05/2022.",
            "Helsingfors bevakar målmedvetet stadens och invånarnas intressen i internationella "
            "forum; målet är ett Helsingfors som är större än sin storlek i världen. "
            "Uppdateringen av riktlinjerna och prioriteringarna för det internationella "
            "arbetet för 2022–2025 blir klar 06/2022; den beaktar den nya stadsstrategin, "
            "förändringarna i omvärlden och särskilt följderna av krisen i Ukraina. "
            "Uppdateringen av prioriteringarna för EU-påverkan blir klar 05/2022.",
            "Helsinki pursues the interests of the city and its residents purposefully in "
            "international forums; the aim is a Helsinki bigger than its size in the world. "
            "The update of the guidelines and priorities of international work for 2022–2025 "
            "is due in 06/2022; it takes into account the new city strategy, changes in the "
            "operating environment and especially the effects of the crisis in Ukraine. The "
            "update of the EU advocacy priorities is due in 05/2022.",
        ),
        level="international",
        themes=("international-cooperation", "advocacy"),
        priority=1,
    ),
    _eu_focus(
        "economic-recovery",
        T(
            "EU-edunvalvonta: Helsingin taloudellisen elpymisen tukeminen",
            "EU-påverkan: stöd för Helsingfors ekonomiska återhämtning",
            "EU advocacy: supporting Helsinki's economic recovery",
        ),
        "economic-recovery",
    ),
    _eu_focus(
        "public-services",
        T(
            "EU-edunvalvonta: julkisten palvelujen kehittäminen",
            "EU-påverkan: utveckling av offentliga tjänster",
            "EU advocacy: developing public services",
        ),
        "public-services",
    ),
    _eu_focus(
        "digitalisation",
        T(
            "EU-edunvalvonta: digitalisaatio",
            "EU-påverkan: digitalisering",
            "EU advocacy: digitalisation",
        ),
        "digitalisation",
    ),
    _eu_focus(
        "climate",
        T(
            "EU-edunvalvonta: ilmastonmuutoksen hillintä",
            "EU-påverkan: begränsning av klimatförändringen",
            "EU advocacy: climate change mitigation",
        ),
        "climate-mitigation",
    ),
    _eu_focus(
        "innovation-ecosystems",
        T(
            "EU-edunvalvonta: alueelliset innovaatioekosysteemit",
            "EU-påverkan: regionala innovationsekosystem",
            "EU advocacy: regional innovation ecosystems",
        ),
        "innovation-ecosystems",
    ),
    GoalSpec(
        key="helsinki-goal-eu-urban-policy-dialogue",
        organisation=HELSINKI,
        source=SEED_002,
        title=T(
            "Ennakoiva kaupunkipoliittinen keskustelu kansainvälisesti ja EU-tasolla",
            "Förutseende stadspolitisk dialog internationellt och på EU-nivå",
            "Proactive urban policy dialogue internationally and at EU level",
        ),
        description=T(
            "Helsinki käy kansainvälisesti ja EU-tasolla aktiivista kaupunkipoliittista "
            "keskustelua ennakoivasti ja konkreettisten ehdotusten avulla.",
            "Helsingfors för en aktiv stadspolitisk dialog internationellt och på EU-nivå, "
            "förutseende och med konkreta förslag.",
            "Helsinki takes an active part in urban policy debate internationally and at EU "
            "level, proactively and with concrete proposals.",
        ),
        level="eu",
        themes=("urban-policy", "eu-affairs"),
    ),
    GoalSpec(
        key="helsinki-goal-eu-funding",
        organisation=HELSINKI,
        source=SEED_002,
        title=T(
            "EU-rahoitus tukee Helsingin strategisten tavoitteiden toteutumista",
            "EU-finansieringen stöder Helsingfors strategiska mål",
            "EU funding serves Helsinki's strategic goals",
        ),
        description=T(
            "EU-rahoitusten kotiuttamisessa varmistetaan määrän lisäksi se, että EU-hankkeet "
            "tukevat Helsingin strategisten tavoitteiden toteutumista. Helsinki haluaa myös "
            "edistää EU-varojen vastuullista käyttöä.",
            "När EU-finansiering hämtas hem säkerställs förutom mängden också att "
            "EU-projekten stöder Helsingfors strategiska mål. Helsingfors vill också främja "
            "en ansvarsfull användning av EU-medel.",
            "In bringing EU funding home, the city makes sure not only of the amount but also "
            "that EU projects serve Helsinki's strategic goals. Helsinki also wants to "
            "promote the responsible use of EU funds.",
        ),
        level="eu",
        themes=("eu-funding",),
    ),
    GoalSpec(
        key="helsinki-goal-network-mapping-2022",
        organisation=HELSINKI,
        source=SEED_002,
        title=T(
            "Kansainvälisten verkostojen kartoitus: mistä luovutaan ja mitä uutta tarvitaan",
            "Kartläggning av de internationella nätverken: vilka lämnas och vilka nya behov finns",
            "Mapping the international networks: which to drop and what new needs there are",
        ),
        description=T(
            "Helsingin kansainvälistä kumppani- ja verkostoyhteistyötä kehitetään edelleen. "
            "Vuoden 2022 aikana kartoitetaan Helsingin kaupungin kansainväliset verkostot "
            "tunnistaen ne, joista luovutaan, sekä uudet mahdolliset tarpeet.",
            "Helsingfors internationella partner- och nätverkssamarbete utvecklas vidare. "
            "Under 2022 kartläggs stadens internationella nätverk för att identifiera dem "
            "som staden lämnar och eventuella nya behov.",
            "Helsinki's international partner and network cooperation continues to be "
            "developed. During 2022 the city's international networks are mapped, "
            "identifying those to drop and possible new needs.",
        ),
        level="international",
        themes=("networks",),
        start="2022",
        end="2022",
    ),
    GoalSpec(
        key="helsinki-goal-advocacy-evaluation",
        organisation=HELSINKI,
        source=SEED_002,
        title=T(
            "Edunvalvonnan onnistumisen ja kehittämistarpeiden sisäinen arviointi",
            "Intern utvärdering av hur intressebevakningen lyckats och vad som behöver utvecklas",
            "Internal evaluation of advocacy success and development needs",
        ),
        description=T(
            "Kansainvälisen, EU- ja kansallisen edunvalvonnan osalta valtuustokauden aikana "
            "toteutetaan sisäinen arviointi edunvalvonnan onnistumisesta ja "
            "kehittämistarpeista (ylin johto ja asiantuntijat).",
            "För den internationella, EU- och nationella intressebevakningen genomförs under "
            "fullmäktigeperioden en intern utvärdering av hur intressebevakningen lyckats och "
            "vad som behöver utvecklas (högsta ledningen och experter).",
            "During the council term, an internal evaluation of the success and development "
            "needs of international, EU and national advocacy is carried out (top management "
            "and experts).",
        ),
        level="",
        themes=("advocacy",),
        start=TERM_START,
        end=TERM_END,
    ),
    GoalSpec(
        key="helsinki-goal-national-influencer",
        organisation=HELSINKI,
        source=SEED_002,
        title=T(
            "Helsinki on aktiivinen valtakunnallinen vaikuttaja",
            "Helsingfors är en aktiv påverkare på riksnivå",
            "Helsinki is an active influencer at national level",
        ),
        description=T(
            "Helsinki valvoo kaupungin ja kaupunkilaisten etuja tavoitteellisesti "
            "kansallisilla foorumeilla. Kansallisen edunvalvonnan painopisteet on päivitetty "
            "kaupunkistrategian ja toimintaympäristön muutosten pohjalta vuonna 2022; "
            "painopisteiden edunvalvonta- ja viestintäsuunnitelmat sekä vuoden 2023 "
            "eduskuntavaaleja koskeva hallitusohjelmavaikuttaminen ovat valmisteilla.",
            "Helsingfors bevakar målmedvetet stadens och invånarnas intressen i nationella "
            "forum. Prioriteringarna för den nationella intressebevakningen uppdaterades 2022 "
            "utifrån stadsstrategin och förändringarna i omvärlden; planer för påverkan och "
            "kommunikation kring prioriteringarna och påverkan på regeringsprogrammet inför "
            "riksdagsvalet 2023 bereds.",
            "Helsinki pursues the interests of the city and its residents purposefully in "
            "national forums. The priorities of national advocacy were updated in 2022 on the "
            "basis of the city strategy and changes in the operating environment; advocacy and "
            "communication plans for the priorities, and influencing the government programme "
            "for the 2023 parliamentary elections, are being prepared.",
        ),
        level="national",
        themes=("national-advocacy",),
        priority=1,
    ),
    _national(
        "skilled-labour",
        T(
            "Osaavan työvoiman saatavuus",
            "Tillgång till kompetent arbetskraft",
            "Availability of skilled labour",
        ),
        _NATIONAL_PRIORITY,
        ("skilled-labour",),
    ),
    _national(
        "employment",
        T("Työllisyys", "Sysselsättning", "Employment"),
        _NATIONAL_PRIORITY,
        ("employment",),
    ),
    _national(
        "financial-preconditions",
        T(
            "Kaupungin taloudellisten toimintaedellytysten turvaaminen",
            "Att trygga stadens ekonomiska verksamhetsförutsättningar",
            "Securing the city's financial preconditions",
        ),
        T(
            "Kansallisen edunvalvonnan erityinen painopiste kuluvalla valtuustokaudella "
            "(2021–2025): kaupungin taloudellisten toimintaedellytysten turvaaminen erityisesti "
            "varmistamalla riittävä sosiaali- ja terveyspalveluiden sekä pelastustoimen "
            "rahoitus.",
            "En särskild prioritet för den nationella intressebevakningen under den pågående "
            "fullmäktigeperioden (2021–2025): att trygga stadens ekonomiska "
            "verksamhetsförutsättningar, särskilt genom att säkerställa tillräcklig "
            "finansiering av social- och hälsovården samt räddningsväsendet.",
            "A particular priority of national advocacy in the current council term "
            "(2021–2025): securing the city's financial preconditions, especially by ensuring "
            "sufficient funding for social and health services and rescue services.",
        ),
        ("municipal-finances", "social-health-rescue"),
    ),
    _national(
        "education-provision",
        T(
            "Koulutustarjonnan lisääminen pääkaupunkiseudulla",
            "Mer utbildning i huvudstadsregionen",
            "More education provision in the capital region",
        ),
        T(
            "Kaupunki edistää valtion kanssa koulutustarjonnan lisäämistä "
            "pääkaupunkiseudulla erityisesti työvoimapulasta kärsivillä alueilla.",
            "Staden arbetar tillsammans med staten för ett större utbildningsutbud i "
            "huvudstadsregionen, särskilt inom områden som lider av arbetskraftsbrist.",
            "Together with the state, the city promotes more education provision in the "
            "capital region, especially in areas suffering from labour shortages.",
        ),
        ("education-provision", "skilled-labour"),
    ),
)

NORRKOPING_GOALS: tuple[GoalSpec, ...] = (
    GoalSpec(
        key="norrkoping-goal-eu-decisions",
        organisation=NORRKOPING,
        source=SEED_004,
        title=T(
            "EU:n päätöksenteon seuraaminen ja siihen vaikuttaminen",
            "Följa och påverka beslutsfattandet i EU",
            "Follow and influence EU decision-making",
        ),
        description=T(
            "EU vaikuttaa kunnan toimintaan suoraan ja laajasti: selvitysten mukaan 60 "
            "prosenttia ruotsalaisten kunnanvaltuustojen päätöksistä voidaan johtaa "
            "EU-lainsäädäntöön ja EU-direktiiveihin. On yhä tarpeellisempaa seurata aktiivisesti "
            "EU:n päätöksentekoa ja olla mukana vaikuttamassa EU-päätöksiin.",
            "EU påverkar den kommunala verksamheten direkt i stor utsträckning. Undersökningar "
            "har visat att 60 procent av svenska kommunfullmäktigebeslut kan härledas till "
            "EU-lagstiftning och EU-direktiv. Det blir alltmer nödvändigt att aktivt följa "
            "beslutsfattandet i EU och att vara med och påverka EU-besluten.",
            "The EU directly and extensively affects what the municipality does: studies have "
            "shown that 60 per cent of Swedish municipal council decisions can be traced back "
            "to EU legislation and EU directives. It is increasingly necessary to follow EU "
            "decision-making actively and to take part in influencing EU decisions.",
        ),
        level="eu",
        themes=("eu-affairs",),
        priority=1,
    ),
    GoalSpec(
        key="norrkoping-goal-exchange-conferences",
        organisation=NORRKOPING,
        source=SEED_004,
        title=T(
            "Kansainvälinen vaihto ja konferenssit kunnan tavoitteiden välineenä",
            "Internationellt utbyte och konferenser som verktyg för de kommunala målen",
            "International exchange and conferences as a tool for the municipality's goals",
        ),
        description=T(
            "Kunnan kansainvälinen työ on yksi välineistä kunnallisten tavoitteiden "
            "saavuttamiseksi, ja kansainvälistymiseen tarvitaan vapautettavia resursseja. "
            "Osallistumalla kansainvälisiin tapahtumiin ja konferensseihin ja kertomalla "
            "niissä Norrköpingistä ja sen vahvuuksista kunta pääsee myös hyödyntämään muiden "
            "kokemuksia. Kansainvälinen yhteistyö voi vahvistaa osaamista, ideoiden "
            "kehittämistä ja kilpailukykyä, ja hyvinvoinnin haasteet – ei vähiten väestön "
            "kehitys – voivat edellyttää tiedonvaihtoa kansainvälisten kumppanien kanssa.",
            "Kommunens internationella arbete är ett av verktygen för att nå de kommunala "
            "målen, och det är viktigt att det finns resurser att frisätta för att jobba med "
            "internationalisering. Genom att delta vid internationella event och konferenser "
            "och där berätta om Norrköping och våra styrkor får vi också möjlighet att ta del "
            "av andras erfarenheter. Internationell samverkan kan användas för att stärka "
            "kompetens, idéutveckling och konkurrenskraft, och välfärdsutmaningarna – inte "
            "minst den demografiska utvecklingen – kan kräva kunskapsutbyte med "
            "internationella samarbetspartners.",
            "The municipality's international work is one of the tools for reaching its "
            "goals, and resources must be freed for internationalisation. Taking part in "
            "international events and conferences, and presenting Norrköping and its "
            "strengths there, also lets the municipality learn from others' experience. "
            "International cooperation can strengthen skills, the development of ideas and "
            "competitiveness, and welfare challenges – not least demographic change – may "
            "call for exchanging knowledge with international partners.",
        ),
        level="international",
        themes=("international-cooperation",),
    ),
    GoalSpec(
        key="norrkoping-goal-everyday-international-work",
        organisation=NORRKOPING,
        source=SEED_004,
        title=T(
            "Kansainvälinen työ osaksi lautakuntien ja virastojen arkea",
            "Det internationella arbetet en del av nämndernas och kontorens vardag",
            "International work as part of the everyday work of committees and offices",
        ),
        description=T(
            "Jotta kansainvälistymisestä tulisi osa kunnan strategista kehittämistä, "
            "kansainvälisen työn on tultava osaksi lautakuntien ja virastojen arkea. "
            "Virastoilta puuttuu tällä hetkellä osin edellytykset tehdä tehokkaasti "
            "kansainvälistä yhteistyötä.",
            "En förutsättning för att internationalisering ska bli en del av kommunens "
            "strategiska utveckling är att det internationella arbetet blir en del av "
            "nämndernas och kontorens vardag. Till viss del saknas för närvarande "
            "förutsättningar på kontoren att på ett effektivt sätt arbeta med internationella "
            "relationer.",
            "For internationalisation to become part of the municipality's strategic "
            "development, international work must become part of the everyday work of its "
            "committees and offices. The offices currently partly lack the conditions to "
            "work effectively on international relations.",
        ),
        level="local",
        themes=("international-cooperation",),
    ),
    GoalSpec(
        key="norrkoping-goal-long-term-relations",
        organisation=NORRKOPING,
        source=SEED_004,
        title=T(
            "Pitkäjänteinen kansainvälinen yhteistyö kaikilla tasoilla",
            "Långsiktigt internationellt samarbete på alla nivåer",
            "Long-term international cooperation at all levels",
        ),
        description=T(
            "Globaalisti Norrköping on pieni toimija ja siksi riippuvainen kansainvälisten "
            "suhteiden rakentamisesta ja pitkäjänteisestä yhteistyöstä kaikilla tasoilla. "
            "Norrköping sijaitsee Ruotsin neljänneksi suurimmalla suurkaupunkialueella; "
            "Itä-Göötanmaalla, jonka kehitysmoottoreita ovat Norrköping ja Linköping, on hyvät "
            "edellytykset kasvaa menestyväksi kansainväliseksi tulevaisuuden alueeksi. "
            "Norrköpingillä on strateginen sijainti keskellä Itämeren aluetta, jolle EU on "
            "osoittanut suuria kehittämisvaroja. Norrköping on kansainvälinen kunta: sen "
            "asukkailla on taustaa yli 120 maasta.",
            "I ett globalt perspektiv är vi små aktörer, vilket gör att vi blir beroende av "
            "att bygga internationella relationer och att ha ett långsiktigt samarbete på "
            "alla nivåer. Norrköping ligger i Sveriges fjärde största storstadsregion; "
            "Östergötland, med Norrköping och Linköping som utvecklingsmotorer, har goda "
            "förutsättningar att bli en framgångsrik internationell framtidsregion. "
            "Norrköping har ett strategiskt läge mitt i Östersjöregionen som EU har anslagit "
            "stora utvecklingsresurser till. Norrköping är en internationell kommun: "
            "invånarna har bakgrund i fler än 120 olika länder.",
            "Seen globally, Norrköping is a small actor and so depends on building "
            "international relations and long-term cooperation at all levels. Norrköping lies "
            "in Sweden's fourth-largest metropolitan region; Östergötland, with Norrköping and "
            "Linköping as its engines of development, is well placed to become a successful "
            "international region of the future. Norrköping has a strategic location in the "
            "middle of the Baltic Sea region, to which the EU has allocated large development "
            "funds. Norrköping is an international municipality: its residents have "
            "backgrounds in more than 120 countries.",
        ),
        level="international",
        themes=("international-cooperation", "regional-vitality", "integration"),
    ),
)

GOALS: tuple[GoalSpec, ...] = (*HELSINKI_GOALS, *NORRKOPING_GOALS)
