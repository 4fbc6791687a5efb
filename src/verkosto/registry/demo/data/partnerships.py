"""State–city partnerships (seed 003), the Kuntaliitto working group (seed 000), the
Kestävä kaupunki programme (seed 001), and the growth cities' network memberships."""

from verkosto.registry.demo.data.organisations import (
    EASTERN,
    GROWTH_CITIES,
    SIX_LARGEST,
    VITALITY,
)
from verkosto.registry.demo.data.sources import SEED_000, SEED_001, SEED_003
from verkosto.registry.demo.spec import MembershipSpec, PartnershipSpec, Texts

T = Texts
STATE = "fi-valtioneuvosto"


def _cities(keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((key, "city") for key in keys)


PARTNERSHIPS: tuple[PartnershipSpec, ...] = (
    PartnershipSpec(
        key="partnership-six-largest-alliance",
        kind="alliance",
        source=SEED_003,
        name=T(
            "Valtion ja kuuden suurimman kaupungin strateginen yhteistyöallianssi",
            "Strategisk samarbetsallians mellan staten och de sex största städerna",
            "Strategic cooperation alliance of the state and the six largest cities",
        ),
        description=T(
            "Helsinki, Espoo, Tampere, Vantaa, Oulu ja Turku ovat tehneet yhteistyötä jo "
            "pitkään. Allianssilla tavoitellaan entistä tehokkaampaa, operationaalista "
            "yhteistyötä valtakunnallisten ja erityisesti suurimpia kaupunkeja koskevien "
            "haasteiden ratkaisemiseksi. Allianssi käynnistyi syksyllä 2023 (tiedotteessa "
            "”viime syksynä”), ja siinä on pureuduttu esimerkiksi jengiytymisen ehkäisyyn ja "
            "varhaiskasvatuksen osaajapulaan. Yhteistyötä ohjaa pääministerin vetämä "
            "yhteistyöryhmä, jonka varapuheenjohtaja on kunta- ja alueministeri; mukana ovat "
            "kaupunkien pormestarit ja kaupunginjohtajat sekä tarpeen ja käsiteltävän aiheen "
            "mukaan muita valtioneuvoston jäseniä. Allianssiyhteistyölle on asetettu oma "
            "sihteeristö.",
            "Helsingfors, Esbo, Tammerfors, Vanda, Uleåborg och Åbo har samarbetat länge. "
            "Alliansen ska ge ett effektivare, operativt samarbete för att lösa nationella "
            "utmaningar och särskilt sådana som gäller de största städerna. Alliansen inledde "
            "sitt arbete hösten 2023 (”i höstas” i pressmeddelandet) och har bland annat tagit "
            "sig an förebyggandet av gängbildning och personalbristen inom "
            "småbarnspedagogiken. Samarbetet styrs av en samarbetsgrupp under ledning av "
            "statsministern, med kommun- och regionministern som vice ordförande; i den ingår "
            "städernas borgmästare och stadsdirektörer samt, beroende på behov och ämne, andra "
            "medlemmar av statsrådet. Alliansen har ett eget sekretariat.",
            "Helsinki, Espoo, Tampere, Vantaa, Oulu and Turku have long worked together. The "
            "alliance seeks more effective, operational cooperation on national challenges, "
            "especially those facing the largest cities. It began in autumn 2023 (“last "
            "autumn” in the press release) and has taken up, for example, the prevention of "
            "gang involvement and the shortage of early childhood education staff. It is "
            "steered by a cooperation group chaired by the Prime Minister, with the Minister "
            "of Local and Regional Government as vice chair; the cities' mayors and city "
            "managers take part, and other members of the Government as needs and topics "
            "require. The alliance has its own secretariat.",
        ),
        parties=((STATE, "state"), *_cities(SIX_LARGEST)),
        themes=("gang-prevention", "ece-workforce", "urban-policy"),
        start="2023",
    ),
    PartnershipSpec(
        key="partnership-vitality",
        kind="partnership",
        source=SEED_003,
        name=T("Elinvoimakumppanuus", "Livskraftspartnerskapet", "Vitality partnership"),
        description=T(
            "Valtion sekä Jyväskylän, Kuopion ja Lahden kaupunkien kumppanuus keskittyy "
            "nimensä mukaisesti alueellisen elinvoiman ja osaamisen sekä urheilukaupunkeina "
            "liikkumisen kysymyksiin; se aloittaa osaamisen ja liikkumisen teemoilla. "
            "Kumppanuus oli juuri asetettu toukokuussa 2024. Työtä on käynnistetty kunta- ja "
            "alueministeri Ikosen johdolla, ja työryhmässä ovat mukana kaupunginjohtajat. "
            "Työhön kutsutaan myös korkeakoulujen ja elinkeinoelämän edustajia, muita "
            "asiantuntijoita sekä asianosaisia valtioneuvoston jäseniä.",
            "Partnerskapet mellan staten och Jyväskylä, Kuopio och Lahtis fokuserar, som "
            "namnet säger, på regional livskraft och kompetens samt på motion i städernas "
            "egenskap av idrottsstäder; det inleds med temana kompetens och motion. "
            "Partnerskapet hade nyss tillsatts i maj 2024. Arbetet har inletts under ledning "
            "av kommun- och regionminister Ikonen, och i arbetsgruppen ingår "
            "stadsdirektörerna. Även företrädare för högskolor och näringsliv, andra experter "
            "och berörda medlemmar av statsrådet bjuds in till arbetet.",
            "The partnership of the state with Jyväskylä, Kuopio and Lahti focuses, as its "
            "name says, on regional vitality and skills, and on physical activity in these "
            "sports cities; it starts with the themes of skills and physical activity. It had "
            "just been set up in May 2024. The work began under the Minister of Local and "
            "Regional Government, Ikonen, and the city managers sit on its working group. "
            "Universities, business, other experts and the members of the Government "
            "concerned are invited to take part.",
        ),
        parties=((STATE, "state"), *_cities(VITALITY)),
        themes=("skills", "physical-activity-sport", "regional-vitality", "urban-policy"),
        start="2024",
    ),
    PartnershipSpec(
        key="partnership-growth-cities",
        kind="partnership",
        source=SEED_003,
        name=T(
            "Keskisuurten kasvukaupunkien kumppanuusryhmä",
            "Partnerskapsgruppen för medelstora tillväxtstäder",
            "Partnership group of mid-sized growth cities",
        ),
        description=T(
            "Keskisuurten kasvukaupunkiverkoston kaupunkien (Pori, Kouvola, Vaasa, "
            "Hämeenlinna, Seinäjoki, Rovaniemi, Mikkeli, Porvoo, Salo, Kotka, Kokkola, "
            "Hyvinkää ja Kajaani) ja valtion kumppanuuden tavoitteena on vahvistaa valtion ja "
            "kaupunkien vuoropuhelua, jakaa yhteinen tilannekuva kehityksestä ja löytää "
            "ratkaisuja yhteisiin haasteisiin. Ensimmäiset teemat ovat kulttuuri ja "
            "uudistuva teollisuus. Huom.: tiedotteen johdanto puhuu kahdestatoista "
            "keskisuuresta kasvukaupungista, mutta luettelossa on 13 kaupunkia; tähän on "
            "kirjattu luetellut 13.",
            "Partnerskapet mellan staten och städerna i nätverket för medelstora "
            "tillväxtstäder (Björneborg, Kouvola, Vasa, Tavastehus, Seinäjoki, Rovaniemi, "
            "S:t Michel, Borgå, Salo, Kotka, Karleby, Hyvinge och Kajana) ska stärka dialogen "
            "mellan staten och städerna, ge en gemensam lägesbild av utvecklingen och hitta "
            "lösningar på gemensamma utmaningar. De första temana är kultur och industrins "
            "förnyelse. Obs.: pressmeddelandets inledning talar om tolv medelstora "
            "tillväxtstäder, men förteckningen räknar upp 13 städer; här har de 13 uppräknade "
            "förts in.",
            "The partnership of the state with the cities of the network of mid-sized growth "
            "cities (Pori, Kouvola, Vaasa, Hämeenlinna, Seinäjoki, Rovaniemi, Mikkeli, Porvoo, "
            "Salo, Kotka, Kokkola, Hyvinkää and Kajaani) aims to strengthen the dialogue "
            "between the state and the cities, share a common picture of developments and "
            "find solutions to shared challenges. Its first themes are culture and renewing "
            "industry. Note: the press release's introduction speaks of twelve mid-sized "
            "growth cities, but its list names 13; the 13 listed are recorded here.",
        ),
        parties=((STATE, "state"), *_cities(GROWTH_CITIES)),
        themes=("culture", "renewing-industry", "urban-policy"),
        start="2024",
    ),
    PartnershipSpec(
        key="partnership-eastern",
        kind="partnership",
        source=SEED_003,
        name=T(
            "Lappeenrannan, Joensuun ja Imatran kumppanuus",
            "Partnerskapet med Villmanstrand, Joensuu och Imatra",
            "Partnership with Lappeenranta, Joensuu and Imatra",
        ),
        description=T(
            "Suunnitteilla (toukokuu 2024), ei vielä alkanut: valtion ja Lappeenrannan, "
            "Joensuun ja Imatran kaupunkien kanssa on määrä käynnistää temaattinen "
            "kumppanuustyö, joka linkittyy Itäisen Suomen ohjelmaan.",
            "Planerat (maj 2024), ännu inte inlett: staten och städerna Villmanstrand, "
            "Joensuu och Imatra ska inleda ett tematiskt partnerskapsarbete som knyter an "
            "till programmet för Östra Finland (Itäisen Suomen ohjelma).",
            "Planned (May 2024), not yet begun: the state and the cities of Lappeenranta, "
            "Joensuu and Imatra are to start thematic partnership work linked to the Eastern "
            "Finland programme (Itäisen Suomen ohjelma).",
        ),
        parties=((STATE, "state"), *_cities(EASTERN)),
        themes=("urban-policy",),
    ),
    PartnershipSpec(
        key="partnership-mal-agreements",
        kind="mal_agreement",
        source=SEED_003,
        name=T(
            "MAL-sopimukset",
            "MBT-avtalen",
            "MAL agreements (land use, housing and transport)",
        ),
        description=T(
            "Valtion ja seitsemän kaupunkiseudun kanssa solmittavat maankäytön, asumisen ja "
            "liikenteen sopimukset; osa hallituksen kaupunkipolitiikan kokonaisuutta. Lähde ei "
            "nimeä kaupunkiseutuja, joten osapuoleksi on kirjattu vain valtio.",
            "Avtal om markanvändning, boende och trafik mellan staten och sju stadsregioner; "
            "en del av regeringens stadspolitik. Källan namnger inte stadsregionerna, så "
            "endast staten har förts in som part.",
            "Agreements on land use, housing and transport between the state and seven city "
            "regions; part of the Government's urban policy. The source does not name the "
            "city regions, so only the state is recorded as a party.",
        ),
        parties=((STATE, "state"),),
        themes=("land-use-housing-transport", "urban-policy"),
    ),
    PartnershipSpec(
        key="partnership-ecosystem-agreements",
        kind="ecosystem_agreement",
        source=SEED_003,
        name=T("Ekosysteemisopimukset", "Ekosystemavtalen", "Ecosystem agreements"),
        description=T(
            "Innovaatioiden vauhdittamiseen tarkoitetut sopimukset valtion ja parinkymmenen "
            "yliopisto- ja yliopistokeskuskaupungin välillä; osa hallituksen "
            "kaupunkipolitiikan kokonaisuutta. Lähde ei nimeä kaupunkeja, joten osapuoleksi "
            "on kirjattu vain valtio.",
            "Avtal för att påskynda innovationer mellan staten och ett tjugotal universitets- "
            "och universitetscenterstäder; en del av regeringens stadspolitik. Källan namnger "
            "inte städerna, så endast staten har förts in som part.",
            "Agreements to speed up innovation between the state and about twenty university "
            "and university-centre cities; part of the Government's urban policy. The source "
            "does not name the cities, so only the state is recorded as a party.",
        ),
        parties=((STATE, "state"),),
        themes=("innovation-ecosystems", "urban-policy"),
    ),
    PartnershipSpec(
        key="partnership-urban-policy-group",
        kind="working_group",
        source=SEED_003,
        name=T(
            "Kaupunkipolitiikan yhteistyöryhmä",
            "Samarbetsgruppen för stadspolitik",
            "Urban policy cooperation group",
        ),
        description=T(
            "Laajin kaupunkiyhteistyön foorumi: 23 kaupungin ja valtion yhteinen "
            "yhteistyöryhmä. Ryhmän jaosto toimii kumppanuuksien sihteeristönä. Lähde ei "
            "nimeä 23 kaupunkia, joten osapuoleksi on kirjattu vain valtio.",
            "Det bredaste forumet för samarbete med städerna: en gemensam samarbetsgrupp för "
            "23 städer och staten. En sektion av gruppen fungerar som sekretariat för "
            "partnerskapen. Källan namnger inte de 23 städerna, så endast staten har förts in "
            "som part.",
            "The widest forum of cooperation with the cities: a joint cooperation group of 23 "
            "cities and the state. A division of the group serves as the partnerships' "
            "secretariat. The source does not name the 23 cities, so only the state is "
            "recorded as a party.",
        ),
        parties=((STATE, "state"),),
        themes=("urban-policy",),
    ),
    PartnershipSpec(
        key="partnership-regional-towns-group",
        kind="working_group",
        source=SEED_003,
        name=T(
            "Valtion ja seutukaupunkien yhteistyöryhmä",
            "Samarbetsgruppen för staten och regionstäderna",
            "Cooperation group of the state and the regional towns",
        ),
        description=T(
            "Seutukaupunkien kanssa tehdään yhteistyötä omassa ryhmässään osana hallituksen "
            "kaupunkipolitiikkaa. Lähde ei nimeä seutukaupunkeja.",
            "Staten samarbetar med regionstäderna i en egen grupp som en del av regeringens "
            "stadspolitik. Källan namnger inte regionstäderna.",
            "The state works with the regional towns in a group of their own as part of the "
            "Government's urban policy. The source does not name the towns.",
        ),
        parties=((STATE, "state"),),
        themes=("urban-policy", "regional-vitality"),
    ),
    PartnershipSpec(
        key="partnership-kuntaliitto-urban-policy-group",
        kind="working_group",
        source=SEED_000,
        name=T(
            "Kuntaliiton kaupunkipoliittinen työryhmä",
            "Kommunförbundets stadspolitiska arbetsgrupp",
            "Urban policy working group of the Association of Finnish Municipalities",
        ),
        description=T(
            "Kuntaliiton työryhmä, jossa selvityksen ”Suomalaiset kaupungit kansainvälisinä "
            "toimijoina” tulokset raportoitiin myös kaupunkien johtajille.",
            "Kommunförbundets arbetsgrupp där resultaten av utredningen om finländska städer "
            "som internationella aktörer också rapporterades för städernas ledning.",
            "The working group of the Association of Finnish Municipalities in which the "
            "results of the study of Finnish cities as international actors were also "
            "reported to the cities' leaders.",
        ),
        parties=(("fi-kuntaliitto", "coordinator"),),
        coordinator="fi-kuntaliitto",
        themes=("urban-policy", "international-cooperation"),
    ),
    PartnershipSpec(
        key="programme-kestava-kaupunki",
        kind="programme",
        source=SEED_001,
        name=T(
            "Kestävä kaupunki -ohjelma", "Programmet Hållbar stad", "Sustainable City programme"
        ),
        description=T(
            "Ympäristöministeriön ohjelma. Se oli mukana ohjaamassa selvitystä ”Verkostot "
            "osana kestävän kaupunkikehityksen ekosysteemiä” yhdessä FISU-, Terve kunta- ja "
            "MAL-verkostojen edustajien kanssa; selvityksen toteutti Sitowise Oy.",
            "Miljöministeriets program. Det styrde utredningen om nätverken i ekosystemet "
            "för hållbar stadsutveckling tillsammans med företrädare för nätverken FISU, "
            "Hälsosam kommun och MBT; utredningen gjordes av Sitowise Oy.",
            "A programme of the Ministry of the Environment. It steered the study of networks "
            "in the ecosystem of sustainable urban development together with representatives "
            "of the FISU, Healthy Municipality and MAL networks; Sitowise Oy carried out the "
            "study.",
        ),
        parties=(("fi-ym", "state"),),
        coordinator="fi-ym",
        themes=("sustainable-urban-development",),
    ),
)

# Seed 003 names the 13 cities of the network of mid-sized growth cities.
NETWORK_MEMBERSHIPS: tuple[MembershipSpec, ...] = tuple(
    MembershipSpec(
        key=f"membership-kasvukaupungit-{city}",
        member=city,
        organisation="network-kasvukaupungit",
        source=SEED_003,
    )
    for city in GROWTH_CITIES
)
