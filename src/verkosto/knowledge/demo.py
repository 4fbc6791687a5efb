"""Sample knowledge base for the demo — invented practices and reports, NOT facts.

Fifteen good practices and five event and visit reports, written for the demo, about
what the seeds talk of: climate networks, twin-town cooperation, EU advocacy and the
Brussels office, peer learning, the early-education workforce shortage, integration of
newcomers, preventing youth gangs and evaluating network memberships. Most are in
Finnish, some in Swedish and English, written with inflected and compound words
(*ilmastoverkostojen*, *varhaiskasvatuksen henkilöstöpula*, *vänortssamarbetet*) so the
search page shows what its morphology does. Every summary starts with "Esimerkki:",
"Exempel:" or "Sample:" and every figure in them is marked as a sample, as the registry
and portfolio samples are; the organisations are the demo's own cities and networks.
All are shared except two, private to Helsinki's workspace (a membership rule and a
report of a Helsinki-only event), which search shows only inside that workspace.

Called by ``registry.demo.load.demo_load`` inside its transaction, after the portfolio
samples. The items have no origin key, so each is found again by its title and
organisation and written (through the knowledge services, which index it) only when it
differs: loading again changes nothing. Last, the sentence vectors of items that have
none are computed (nothing happens when embeddings are off, as in tests).
"""

import datetime as dt
from dataclasses import dataclass

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge import vectors
from verkosto.knowledge.models import GoodPractice, Report, ReportKind
from verkosto.knowledge.services import practice_save, report_save
from verkosto.registry.demo.sync import Outcome, demo_owned
from verkosto.registry.models import Event, Theme
from verkosto.registry.services.common import apply_changes

HELSINKI_WS = "helsinki"
# How each language says "this is sample content" at the start of a summary.
SAMPLE_LABEL = {"fi": "Esimerkki", "sv": "Exempel", "en": "Sample"}


@dataclass(frozen=True)
class PracticeSpec:
    organisation: str  # organisation key of the registry demo
    language: str
    title: str
    summary: str  # without the sample label, which the loader adds
    body: str
    themes: tuple[str, ...]
    results: str = ""
    sdgs: tuple[int, ...] = ()
    network: str | None = None
    links: tuple[str, ...] = ()
    contacts: str = ""
    workspace: str | None = None  # a workspace slug: private to it


@dataclass(frozen=True)
class ReportSpec:
    organisation: str
    language: str
    kind: str
    date: str
    title: str
    summary: str
    body: str
    themes: tuple[str, ...]
    event: str | None = None  # key of a demo event
    workspace: str | None = None


PRACTICES: tuple[PracticeSpec, ...] = (
    # --- climate networks ---------------------------------------------------------------
    PracticeSpec(
        organisation="fi-turku",
        language="fi",
        title="Ilmastoverkostojen raportoinnin yhdistäminen yhdeksi päästöinventaarioksi",
        summary=(
            "Turku kokosi Kaupunginjohtajien ilmasto- ja energiasopimuksen ja kansallisten "
            "ilmastoverkostojen raportit yhteen vuosittaiseen päästöinventaarioon, josta "
            "kaikki verkostot saavat lukunsa."
        ),
        body=(
            "Kaupunki raportoi ilmastotyöstään usealle verkostolle, ja jokainen pyysi lukuja "
            "omalla lomakkeellaan ja omaan aikatauluunsa. Ympäristöyksikkö laati yhden "
            "vuosittaisen päästöinventaarion, jonka rakenne noudattaa Covenant of Mayors "
            "-raportointia, ja teki siitä muuntotaulukon kansallisten verkostojen "
            "tarvitsemiin lukuihin. Inventaario valmistuu kesäkuussa, ja verkostojen "
            "kyselyihin vastataan siitä. Ilmastoverkostojen yhteyshenkilöt kaupungin eri "
            "toimialoilta kokoontuvat kahdesti vuodessa sopimaan, mitkä luvut julkaistaan "
            "kaupungin verkkosivuilla ja miten poikkeamat selitetään."
        ),
        results=(
            "Raportointiin kului 45 työpäivän sijaan 15 työpäivää vuodessa "
            "(esimerkkiluku). Samat luvut näkyvät nyt kaikissa verkostoissa, eikä raporttien "
            "välisiä eroja tarvitse enää selittää valtuutetuille."
        ),
        themes=("climate-mitigation", "carbon-neutrality", "networks"),
        sdgs=(13, 17),
        network="network-covenant-of-mayors",
        links=("https://eu-mayors.ec.europa.eu/",),
        contacts="Ympäristöyksikkö, ilmastotiimi (esimerkkiyhteystieto: ilmasto@example.org)",
    ),
    PracticeSpec(
        organisation="fi-lahti",
        language="fi",
        title="Hiilineutraalien kuntien vertaisryhmä liikenteen päästöjen vähentämiseen",
        summary=(
            "Lahti kokosi HINKU-verkoston kuntien liikenneasiantuntijoista vertaisryhmän, "
            "joka vertailee liikenteen päästövähennystoimia ja niiden kustannuksia: "
            "vertaisoppimista ilman matkakuluja."
        ),
        body=(
            "Liikenteen päästöt laskevat monessa kunnassa hitaimmin. Vertaisryhmä tapaa "
            "etänä kuuden viikon välein, ja jokainen kunta tuo vuorollaan yhden kokeilun – "
            "esimerkiksi kutsuohjatun joukkoliikenteen, pysäköintinormien keventämisen tai "
            "kaupunkipyöräjärjestelmän laajentamisen – ja kertoo sen kustannukset, "
            "käyttäjämäärät ja arvioidun päästövähenemän. Muistiinpanot kootaan yhteiseen "
            "taulukkoon, jota verkoston koordinaattori ylläpitää, joten uudet jäsenkunnat "
            "näkevät heti, mitä muut ovat jo kokeilleet."
        ),
        results=(
            "Ensimmäisenä vuonna kolme kuntaa otti käyttöön toisen kunnan kokeileman "
            "ratkaisun (esimerkkiluku)."
        ),
        themes=("carbon-neutrality", "climate-mitigation", "land-use-housing-transport"),
        sdgs=(11, 13),
        network="network-hinku",
    ),
    PracticeSpec(
        organisation="fi-porvoo",
        language="sv",
        title="Borgås åtgärdsbank för rapporteringen till klimatnätverken",
        summary=(
            "Borgå samlar alla klimatåtgärder som staden rapporterar till klimatnätverken "
            "i en gemensam åtgärdsbank med ansvarig förvaltning, kostnad och effekt."
        ),
        body=(
            "Staden deltar i flera klimatnätverk, bland annat nätverket för kolneutrala "
            "kommuner, och varje nätverk ville ha uppgifterna i sin egen form. I "
            "åtgärdsbanken har varje åtgärd en ansvarig förvaltning, en "
            "kostnadsuppskattning, en uppskattad utsläppsminskning och en status. "
            "Uppgifterna uppdateras två gånger per år, och rapporterna till "
            "klimatnätverken tas fram direkt ur banken. Åtgärdsbanken används också i "
            "budgetberedningen: nämnderna ser vilka åtgärder som väntar på finansiering. "
            "Både den finska och den svenska versionen publiceras på stadens webbplats."
        ),
        results=(
            "Rapporteringen tar nu två dagar i stället för två veckor (exempelsiffror), och "
            "fullmäktige får en tvåspråkig lägesrapport varje höst."
        ),
        themes=("climate-mitigation", "carbon-neutrality", "networks"),
        sdgs=(13,),
        network="network-hinku",
    ),
    # --- twin towns -----------------------------------------------------------------------
    PracticeSpec(
        organisation="fi-vaasa",
        language="sv",
        title="Vänortssamarbetet blir lärande: skol- och lärarutbyte med de nordiska vänorterna",
        summary=(
            "Vasa har gjort om vänortssamarbetet från representationsbesök till ett årligt "
            "utbyte för lärare och elever, med ett gemensamt tema varje läsår."
        ),
        body=(
            "Förr bestod vänortssamarbetet mest av delegationsbesök vid jubileer. Nu väljer "
            "vänorterna tillsammans ett tema för läsåret – till exempel digitala läromedel, "
            "elevhälsa eller hållbara skolmåltider – och varje stad skickar två lärare att "
            "skugga kolleger under en vecka i en annan vänort. Eleverna i årskurs åtta har "
            "gemensamma projekt på nätet och träffas på ett läger som ordnas av vänorterna "
            "i tur och ordning. Stadens internationella samordnare sköter avtal och resor, "
            "medan skolorna själva äger innehållet. Erfarenheterna från vänortsbesöken "
            "samlas i en kort rapport till bildningsnämnden."
        ),
        results=(
            "Under tre läsår har 34 lärare och omkring 300 elever deltagit "
            "(exempelsiffror). Två skolor har infört arbetssätt för elevhälsan som lärarna "
            "såg i en vänort."
        ),
        themes=("twinning", "education-skills", "international-cooperation"),
        sdgs=(4, 17),
        contacts="Internationell samordnare (exempelkontakt: international@example.org)",
    ),
    PracticeSpec(
        organisation="fi-jyvaskyla",
        language="fi",
        title="Ystävyyskaupungeista teemaverkosto vähän liikkuvien liikuttamiseen",
        summary=(
            "Jyväskylä kokosi ystävyyskaupunkiensa liikuntapalvelut yhteiseksi "
            "teemaverkostoksi, joka vertailee keinoja saada vähän liikkuvat aikuiset ja "
            "ikääntyneet liikkeelle."
        ),
        body=(
            "Ystävyyskaupunkisuhteet olivat jääneet juhlavierailujen tasolle. "
            "Liikuntapalvelut ehdotti, että suhteita käytetään yhteen asiaan: vähän "
            "liikkuvien aikuisten ja ikääntyneiden liikkumisen lisäämiseen. "
            "Ystävyyskaupungeista viisi lähti mukaan; kukin nimesi yhteyshenkilön, ja "
            "verkosto kokoontuu kerran vuodessa vuorotellen eri kaupungeissa sekä etänä "
            "neljästi vuodessa. Kaupungit vaihtavat kokemuksia liikuntaneuvonnasta, "
            "lähiliikuntapaikkojen suunnittelusta ja seniorien kuntosaliryhmistä. "
            "Ystävyyskaupunkien kanssa valmisteltiin myös yhteinen Erasmus+ "
            "-urheiluhankkeen hakemus."
        ),
        results=(
            "Yhteinen hakemus sai rahoituksen, ja kaupungin osuus oli noin 60 000 euroa "
            "(esimerkkiluku). Ystävyyskaupunkitoiminnan kustannukset pysyivät ennallaan, "
            "mutta hyöty näkyy nyt liikuntapalvelujen arjessa."
        ),
        themes=("twinning", "networks", "physical-activity-sport"),
        sdgs=(3, 17),
    ),
    # --- EU advocacy and the Brussels office ----------------------------------------------
    PracticeSpec(
        organisation="fi-helsinki",
        language="en",
        title="Following EU files early: the EU office's quarterly watch list",
        summary=(
            "Helsinki's EU office keeps a watch list of coming EU legislation that matters "
            "to the city and agrees the city's line with the departments before the "
            "Commission publishes its proposal."
        ),
        body=(
            "The city's EU advocacy used to start when a proposal was already on the table, "
            "too late to shape it. Each quarter the EU office in Brussels now reads the "
            "Commission's work programme and its calls for evidence and lists the files "
            "that touch the city's services, such as the urban wastewater rules, the "
            "revision of public procurement and the affordable housing plan. Each file gets "
            "a lead department and a one-page position agreed with the mayor's office. The "
            "positions go to Eurocities working groups and to Finland's permanent "
            "representation, so that the same message reaches Brussels through several "
            "channels. When a file is decided, the office records what changed and whether "
            "the city's position was reflected."
        ),
        results=(
            "In 2024 the city commented on nine files before the proposal stage; in four "
            "of them a Eurocities statement took up the city's wording (sample figures)."
        ),
        themes=("eu-affairs", "advocacy", "urban-policy"),
        sdgs=(11, 17),
        network="network-eurocities",
        links=("https://eurocities.eu/",),
    ),
    PracticeSpec(
        organisation="fi-seinajoki",
        language="fi",
        title="Kuntaliiton Brysselin-toimisto keskisuuren kaupungin EU-edunvalvonnan tukena",
        summary=(
            "Seinäjoki ei perustanut omaa Brysselin-toimistoa vaan sopi Kuntaliiton "
            "Brysselin-toimiston kanssa säännöllisistä tilannekatsauksista ja "
            "vierailujen järjestämisestä."
        ),
        body=(
            "Oman toimiston kulut olisivat olleet keskisuurelle kaupungille suuret "
            "suhteessa hyötyihin. Kaupungin EU-koordinaattori osallistuu Kuntaliiton "
            "Brysselin-toimiston kuukausittaisiin etäinfoihin ja saa toimistolta "
            "ennakkotietoa rahoitushauista ja lainsäädäntöhankkeista. Kerran vuodessa "
            "kaupunki järjestää toimiston avulla Brysselin-matkan, jolla luottamushenkilöt "
            "tapaavat komission virkamiehiä, Alueiden komitean jäseniä ja suomalaisia "
            "meppejä. Keskisuurten kasvukaupunkien verkoston kaupungit jakavat "
            "kannanottojen valmistelun, joten EU-edunvalvonnan vetovastuu kiertää "
            "kaupungilta toiselle."
        ),
        results=(
            "Kolmessa vuodessa kaupunki sai kaksi EU-rahoitteista hanketta, joiden "
            "valmistelu alkoi toimiston vinkistä; kulut jäivät alle viidesosaan oman "
            "toimiston arvioiduista kuluista (esimerkkiluvut)."
        ),
        themes=("eu-affairs", "eu-funding", "networks"),
        sdgs=(17,),
        network="network-kasvukaupungit",
        links=("https://www.kuntaliitto.fi/",),
    ),
    # --- peer learning and network memberships ---------------------------------------------
    PracticeSpec(
        organisation="fi-tampere",
        language="en",
        title="Peer reviews between the international units of Finnish cities",
        summary=(
            "Tampere and two other large cities review each other's international work "
            "every second year: two visiting peers spend two days interviewing staff and "
            "give written feedback. A form of peer learning that costs little more than "
            "the train tickets."
        ),
        body=(
            "Benchmarking in international networks gave ideas, but nobody looked at how "
            "the city itself organised its international work. The international units of "
            "three of the largest cities agreed on a light peer review. The reviewed city "
            "writes a five-page self-assessment on its strategy, resources, network "
            "memberships and how departments use them. Two peers from the other cities read "
            "it, interview the unit, department heads and two elected members, and present "
            "their findings on the second day. The review ends with three to five "
            "recommendations, and a year later the reviewed city reports what it did with "
            "them."
        ),
        results=(
            "After its review Tampere moved the coordination of EU funding applications to "
            "the international unit and started a yearly review of its network memberships "
            "(sample)."
        ),
        themes=("networks", "international-cooperation"),
        sdgs=(17,),
        network="network-c21",
    ),
    PracticeSpec(
        organisation="fi-kuopio",
        language="fi",
        title="Kansainvälisten verkostojäsenyyksien vuosiarviointi kevyellä pisteytyksellä",
        summary=(
            "Kuopio arvioi verkostojäsenyytensä kerran vuodessa neljällä kysymyksellä ja "
            "päättää jokaisen jäsenyyden jatkamisesta, keventämisestä tai siitä "
            "luopumisesta."
        ),
        body=(
            "Jäsenyydestä vastaava henkilö täyttää syyskuussa lomakkeen: mitä jäsenyys "
            "maksoi jäsenmaksuina, matkoina ja työaikana; mihin kaupunkistrategian "
            "tavoitteeseen se liittyy; mitä siitä saatiin (rahoitus, kumppani, käyttöön "
            "otettu käytäntö, vaikuttaminen); ja kuka organisaatiossa hyödyntää sitä. "
            "Kansainvälisten asioiden tiimi pisteyttää vastaukset asteikolla 0–3 ja "
            "esittelee yhteenvedon johtoryhmälle ennen talousarvion laadintaa. "
            "Arvioinnissa etsitään myös päällekkäisyyksiä: jos kaksi verkostoa palvelee "
            "samaa tavoitetta, toisesta luovutaan tai osallistumista kevennetään."
        ),
        results=(
            "Kahdesta jäsenyydestä luovuttiin ja yhden osallistumista kevennettiin; "
            "jäsenmaksuissa säästyi noin 12 000 euroa vuodessa (esimerkkiluku). Vapautunut "
            "työaika suunnattiin EU-hankkeiden valmisteluun."
        ),
        themes=("networks", "international-cooperation"),
        sdgs=(17,),
    ),
    PracticeSpec(
        organisation="fi-helsinki",
        language="fi",
        title="Verkostojäsenyyksien karsintaperusteet: milloin jäsenyydestä luovutaan",
        summary=(
            "Helsingin sisäinen ohje siitä, millä perusteilla kansainvälisistä verkostoista "
            "erotaan tai osallistumista kevennetään. Näkyy vain Helsingin työtilassa."
        ),
        body=(
            "Kaupunki on jäsenenä kymmenissä kansainvälisissä verkostoissa, eikä kaikkien "
            "hyötyä ole seurattu. Ohjeen mukaan jäsenyys otetaan arvioitavaksi, jos sillä "
            "ei ole nimettyä vastuuhenkilöä, jos siitä ei ole kahteen vuoteen kirjattu "
            "yhtään tulosta (rahoitus, kumppanuus, käyttöön otettu käytäntö tai "
            "vaikuttamistulos) tai jos toinen verkosto palvelee samaa strategista "
            "tavoitetta edullisemmin. Arviointia varten pyydetään toimialan lausunto, ja "
            "päätös tehdään vuosittaisessa verkostokatsauksessa. Eroamisesta "
            "kerrotaan verkostolle hyvissä ajoin, ja sovitaan, miten yhteydet säilyvät "
            "muuta kautta, esimerkiksi Eurocities-verkoston työryhmissä."
        ),
        results=(
            "Vuoden 2024 katsauksessa Itämeren kaupunkien liiton jäsenyys merkittiin "
            "uudelleen arvioitavaksi (esimerkki)."
        ),
        themes=("networks", "international-cooperation"),
        sdgs=(17,),
        network="network-ubc",
        workspace=HELSINKI_WS,
    ),
    # --- early-education workforce ---------------------------------------------------------
    PracticeSpec(
        organisation="fi-espoo",
        language="fi",
        title="Oppisopimuspolku varhaiskasvatuksen henkilöstöpulaan",
        summary=(
            "Espoo kouluttaa omia työntekijöitään lastenhoitajiksi ja varhaiskasvatuksen "
            "opettajiksi työn ohessa oppisopimuksella ja yhdessä korkeakoulun kanssa."
        ),
        body=(
            "Varhaiskasvatuksen henkilöstöpula näkyy erityisesti päiväkotien sijaisuuksissa "
            "ja opettajien tehtävissä. Kaupunki tarjoaa avustajina ja sijaisina "
            "työskenteleville mahdollisuuden suorittaa kasvatus- ja ohjausalan "
            "perustutkinnon palkallisena oppisopimuksella. Ohjaajana toimii kokenut "
            "lastenhoitaja, jolle on varattu kaksi tuntia viikossa ohjaukseen. Valmistuneet "
            "lastenhoitajat voivat jatkaa monimuotokoulutukseen, jonka harjoittelut tehdään "
            "omassa päiväkodissa. Kuuden suurimman kaupungin allianssissa mallia on "
            "esitelty muille kaupungeille, ja oppisopimuskoulutuksen rahoituksesta on "
            "keskusteltu valtion kanssa."
        ),
        results=(
            "Kahdessa vuodessa 64 työntekijää aloitti oppisopimuksen ja 41 valmistui; "
            "valmistuneista yhdeksän kymmenestä jatkoi kaupungin palveluksessa "
            "(esimerkkiluvut)."
        ),
        themes=("ece-workforce", "early-childhood-education", "skilled-labour"),
        sdgs=(4, 8),
    ),
    PracticeSpec(
        organisation="fi-vantaa",
        language="fi",
        title="Kielitaitoiset tulijat päiväkoteihin: työ ja suomen opinnot samaan aikaan",
        summary=(
            "Vantaa yhdisti kotoutumisen tukemisen ja varhaiskasvatuksen henkilöstöpulan "
            "ratkaisemisen: suomea opiskelevat maahanmuuttajat saavat palkallisen työn "
            "päiväkodista."
        ),
        body=(
            "Kaupunkiin muuttaneista aikuisista monella on kasvatusalan koulutus tai "
            "työkokemusta lähtömaastaan, mutta suomen kielen taito ei vielä riitä "
            "tutkintoon. Mallissa osallistuja työskentelee varhaiskasvatuksen avustajana "
            "kolmena päivänä viikossa ja opiskelee kahtena päivänä työelämän suomea. "
            "Jokaiseen päiväkotiin on nimetty kielikummi, joka käy läpi päivän sanastoa ja "
            "tilanteita. Kaupungin maahanmuuttajapalvelut neuvoo ulkomailla suoritetun "
            "tutkinnon tunnustamisessa. Kun kielitaito riittää, osallistuja voi hakeutua "
            "oppisopimuskoulutukseen lastenhoitajaksi."
        ),
        results=(
            "Ensimmäisestä 25 hengen ryhmästä 18 jatkoi alan tutkintoon johtavaan "
            "koulutukseen (esimerkkiluku). Monikielisten lasten vanhemmat saivat "
            "henkilöstöltä apua asioinnissa omalla kielellään."
        ),
        themes=("ece-workforce", "integration", "employment"),
        sdgs=(4, 8, 10),
    ),
    # --- integration of newcomers -----------------------------------------------------------
    PracticeSpec(
        organisation="se-norrkoping",
        language="sv",
        title="Språkpraktik på kommunens arbetsplatser för nyanlända vuxna",
        summary=(
            "Norrköpings kommun kombinerar svenskundervisning med praktik i kommunens egna "
            "verksamheter, så att nyanlända får arbetslivserfarenhet redan under det "
            "första året."
        ),
        body=(
            "Många nyanlända Norrköpingsbor har utbildning och yrkeserfarenhet från sina "
            "hemländer men saknar svenska referenser. Kommunen erbjuder praktikplatser inom "
            "äldreomsorgen, förskolan, parkförvaltningen och skolköken. Deltagarna läser "
            "svenska för invandrare på förmiddagen och praktiserar tre eftermiddagar i "
            "veckan. Varje praktikplats har en handledare som har fått en halvdags "
            "utbildning i språkmedvetet arbetssätt, och arbetsplatsernas ordlistor tas fram "
            "tillsammans med lärarna. Efter sex månader följs varje deltagare upp i ett "
            "samtal mellan deltagaren, handledaren och studie- och yrkesvägledaren."
        ),
        results=(
            "Av 120 deltagare under två år hade 46 procent arbete eller studerade vidare "
            "ett år senare, jämfört med 31 procent i en jämförelsegrupp (exempelsiffror)."
        ),
        themes=("integration", "employment", "skills"),
        sdgs=(8, 10),
    ),
    # --- youth gangs -----------------------------------------------------------------------
    PracticeSpec(
        organisation="fi-oulu",
        language="fi",
        title="Jengiytymisen ehkäisy: koulun, nuorisotyön ja poliisin viikkopalaveri",
        summary=(
            "Oulussa koulujen, nuorisopalvelujen, sosiaalityön ja poliisin yhteinen "
            "työryhmä tarttuu viikon sisällä merkkeihin nuoren ajautumisesta rikollisiin "
            "porukoihin."
        ),
        body=(
            "Kun koulu, nuorisotyö tai poliisi huomaa nuoren alkaneen viettää aikaa "
            "rikoksiin liittyvän porukan kanssa, asia tuodaan viikoittaiseen "
            "moniammatilliseen palaveriin. Työryhmä sopii, kuka ottaa yhteyttä nuoreen ja "
            "huoltajiin ja mitä tarjotaan: harrastuspaikka, kesätyö, koulunkäynnin tuki tai "
            "perhetyö. Jalkautuvat nuorisotyöntekijät liikkuvat iltaisin ostoskeskuksissa "
            "ja huomaavat ryhmien muodostumisen ajoissa. Tietoja vaihdetaan huoltajan "
            "suostumuksella ja lain sallimin ilmoituksin. Kuuden suurimman kaupungin "
            "allianssissa mallia on verrattu muiden kaupunkien tapoihin ehkäistä "
            "jengiytymistä."
        ),
        results=(
            "Vuonna 2024 työryhmä käsitteli 52 nuoren tilanteen; kolme neljästä ei ollut "
            "puolen vuoden päästä tullut uudelleen poliisin tietoon (esimerkkiluvut)."
        ),
        themes=("gang-prevention", "safety"),
        sdgs=(16,),
    ),
    PracticeSpec(
        organisation="se-linkoping",
        language="sv",
        title="Förebyggande av gängbildning med fältassistenter och föräldravandringar",
        summary=(
            "Linköping förebygger gängkriminalitet med fältassistenter, skolsociala team "
            "och föräldravandringar i de bostadsområden där unga rekryteras till kriminella "
            "nätverk."
        ),
        body=(
            "När polisen och skolorna såg att allt yngre barn användes som budbärare i "
            "narkotikahandeln beslöt kommunen att arbeta på tre sätt. Fältassistenterna rör "
            "sig kvällstid där ungdomarna finns och tar kontakt tidigt. Skolsociala team med "
            "kurator, specialpedagog och socialsekreterare träffas varje vecka på de "
            "högstadieskolor där frånvaron är störst. Föräldravandringar på fredagskvällar "
            "ordnas tillsammans med föreningar och trossamfund, och föräldrarna får "
            "information på flera språk om hur rekryteringen till gängen går till. "
            "Samarbetet styrs av en gemensam lägesbild som kommunen och polisen uppdaterar "
            "varannan vecka."
        ),
        results=(
            "Frånvaron på de berörda skolorna minskade från 14 till 9 procent på två år "
            "(exempelsiffror)."
        ),
        themes=("gang-prevention", "safety"),
        sdgs=(16,),
    ),
)

REPORTS: tuple[ReportSpec, ...] = (
    ReportSpec(
        organisation="fi-helsinki",
        language="fi",
        kind=ReportKind.EVENT,
        date="2025-06-11",
        title="Raportti Eurocities-verkoston vuosikokouksesta 2025 Brysselissä",
        summary=(
            "Kaksi Helsingin edustajaa osallistui Eurocities-verkoston vuosikokoukseen: havainnot "
            "EU:n rahoituskehyksestä ja yhteydet digitaalisten palvelujen hankkeeseen. "
            "Näkyy vain Helsingin työtilassa."
        ),
        body=(
            "Vuosikokouksen pääaiheena oli kaupunkien asema EU:n seuraavassa monivuotisessa "
            "rahoituskehyksessä. Moni kaupunki pelkäsi, että kansallisiin suunnitelmiin "
            "keskitetty rahoitus heikentää kaupunkien suoraa pääsyä EU-rahoitukseen. "
            "Helsinki tuki kannanottoa, jossa vaaditaan kaupunkien kuulemista "
            "kumppanuusperiaatteen mukaisesti. Digitaalisten palvelujen työryhmässä "
            "sovittiin Gentin ja Tallinnan kanssa yhteisestä hakemuksesta, joka koskee "
            "julkisten palvelujen tekoälyrekistereitä. Jatkotoimet: rahoituskehys lisätään "
            "EU-edunvalvonnan painopisteisiin, ja digitaalisten palvelujen yksikkö nimeää "
            "hakemukselle vastuuhenkilön syyskuuhun mennessä."
        ),
        themes=("networks", "eu-affairs", "eu-funding", "digitalisation"),
        event="sample-event-eurocities-agm-2025",
        workspace=HELSINKI_WS,
    ),
    ReportSpec(
        organisation="fi-tampere",
        language="fi",
        kind=ReportKind.VISIT,
        date="2025-02-18",
        title="Opintomatka Linköpingiin: jengiytymisen ehkäisy ja nuorten osallisuus",
        summary=(
            "Tampereen nuorisopalvelujen, sosiaalityön ja poliisin viisihenkinen ryhmä "
            "tutustui Linköpingin tapaan ehkäistä nuorten ajautumista rikollisiin "
            "verkostoihin."
        ),
        body=(
            "Vierailun isäntänä oli Linköpingin kunnan turvallisuuskoordinaattori. Ryhmä "
            "tutustui kunnan ja poliisin yhteiseen tilannekuvaan, jota päivitetään kahden "
            "viikon välein, sekä koulujen sosiaalisiin tiimeihin. Kiinnostavin oli "
            "vanhempien iltakävelyjen malli: järjestöt ja seurakunnat kutsuvat vanhempia "
            "liikkumaan perjantai-iltaisin alueilla, joilla nuoria värvätään. Ruotsin "
            "tilanne on vakavampi kuin Suomen, mutta varhaisen puuttumisen keinot ovat "
            "samoja. Ehdotukset Tampereelle: kokeillaan yhteistä tilannekuvaa kahdessa "
            "kaupunginosassa ja selvitetään vanhempien iltakävelyjä järjestöjen kanssa. "
            "Raportti esitellään kuuden suurimman kaupungin allianssin jengiytymisen "
            "ehkäisyn työryhmälle."
        ),
        themes=("gang-prevention", "safety", "international-cooperation"),
    ),
    ReportSpec(
        organisation="se-norrkoping",
        language="sv",
        kind=ReportKind.EVENT,
        date="2024-10-09",
        title="Rapport från nätverksträffen om mottagandet av nyanlända i Östersjöstäderna",
        summary=(
            "Norrköpings integrationsstrateg deltog i en nätverksträff där tolv städer runt "
            "Östersjön jämförde hur kommunerna tar emot nyanlända."
        ),
        body=(
            "Träffen ordnades av en arbetsgrupp inom Östersjöstädernas förbund. Städerna "
            "jämförde hur snabbt nyanlända får en första kontakt med kommunen och hur "
            "språkundervisning kombineras med arbete. De finska städerna berättade om det "
            "större ansvar för integrationen som kommunerna fick 2025. Norrköping "
            "presenterade sin språkpraktik på kommunens arbetsplatser. Lärdomar: mentorer "
            "som själva kom som nyanlända höjer deltagandet, och en gemensam digital "
            "introduktion på flera språk sparar handläggarnas tid. Vi föreslår att kommunen "
            "prövar en mentorsgrupp under 2025 och håller kontakt med Tammerfors och Åbo om "
            "deras erfarenheter."
        ),
        themes=("integration", "networks"),
    ),
    ReportSpec(
        organisation="fi-espoo",
        language="en",
        kind=ReportKind.EVENT,
        date="2025-03-26",
        title=(
            "Workshop report: the six largest cities compare their measures against the "
            "early childhood education workforce shortage"
        ),
        summary=(
            "Espoo hosted a one-day workshop of the six-city alliance's working group on "
            "the early childhood education workforce; the cities compared how they "
            "recruit, pay and train staff."
        ),
        body=(
            "Each city brought its figures: vacancies, the share of unqualified staff, "
            "turnover and the measures used. All six have tried apprenticeships and "
            "recruitment bonuses. The bonuses moved staff between the cities rather than "
            "adding to their number, and the group agreed not to raise them further. More "
            "promising were paid training alongside work, mentors for newly qualified "
            "teachers and language support for staff with an immigrant background. The "
            "group will ask the state for more study places for early childhood teachers "
            "in the capital region. Next meeting in Turku in the autumn."
        ),
        themes=("ece-workforce", "education-provision", "national-advocacy"),
    ),
    ReportSpec(
        organisation="fi-oulu",
        language="fi",
        kind=ReportKind.VISIT,
        date="2024-11-20",
        title="Matkaraportti: EU-edunvalvonnan vierailu Brysseliin",
        summary=(
            "Oulun kaupunginhallituksen puheenjohtajisto ja EU-asiantuntija tapasivat "
            "Brysselissä komission, Alueiden komitean ja Suomen pysyvän edustuston "
            "edustajia."
        ),
        body=(
            "Vierailun järjesti Kuntaliiton Brysselin-toimisto yhdessä alueen oman "
            "EU-toimiston kanssa. Komission aluepolitiikan pääosastossa keskusteltiin "
            "koheesiopolitiikan tulevaisuudesta ja siitä, miten harvaan asutut pohjoiset "
            "alueet otetaan huomioon seuraavalla rahoituskaudella. Pysyvässä edustustossa "
            "käytiin läpi innovaatiorahoituksen hakuja. Alueiden komitean suomalaisjäsenten "
            "kanssa sovittiin, että kaupunki toimittaa esimerkkejä EU-rahoitteisista "
            "innovaatioekosysteemeistä komitean lausuntoa varten. Johtopäätökset: "
            "EU-edunvalvonnassa kannattaa keskittyä kahteen tai kolmeen asiaan kerrallaan, "
            "ja Brysselin-matkoista on eniten hyötyä, kun ne ajoitetaan lainsäädännön "
            "valmisteluvaiheeseen."
        ),
        themes=("eu-affairs", "eu-funding", "innovation-ecosystems"),
    ),
)


def labelled(language: str, summary: str) -> str:
    """The summary as stored: saying first that the item is sample content."""
    return f"{SAMPLE_LABEL[language]}: {summary}"


class KnowledgeDemo:
    """Writes the samples above; ``facts`` is the registry demo's FactLoader."""

    def __init__(self, facts) -> None:
        self.tally = facts.tally
        self.orgs = facts.orgs
        self.themes: dict[str, Theme] = facts.themes
        self.workspaces: dict[str, Workspace] = facts.workspaces

    def load(self) -> None:
        for spec in PRACTICES:
            self._practice(spec)
        for spec in REPORTS:
            self._report(spec)
        # Only what is missing: a second load with nothing changed computes nothing.
        vectors.embed_missing()

    def _workspace(self, slug: str | None) -> Workspace | None:
        return self.workspaces[slug] if slug else None

    def _write(self, item, values: dict, themes: list[Theme], save) -> Outcome:
        """Create ``item`` (no pk) or bring it to ``values`` and ``themes``, through
        ``save`` (a knowledge service, which also indexes it) only when something differs."""
        if item.pk is None:
            save(themes)
            return Outcome.CREATED
        changed = apply_changes(item, values)
        if changed or {t.pk for t in themes} != set(item.themes.values_list("pk", flat=True)):
            save(themes)
            return Outcome.UPDATED
        return Outcome.UNCHANGED

    def _practice(self, spec: PracticeSpec) -> None:
        organisation = self.orgs[spec.organisation]
        workspace = self._workspace(spec.workspace)
        values = {
            "language": spec.language,
            "summary": labelled(spec.language, spec.summary),
            "body": spec.body,
            "results": spec.results,
            "sdgs": list(spec.sdgs),
            "links": "\n".join(spec.links),
            "contacts": spec.contacts,
            "network_id": self.orgs[spec.network].pk if spec.network else None,
            "workspace_id": workspace.pk if workspace else None,
        }
        practice = GoodPractice.objects.filter(
            title=spec.title, organisation=organisation
        ).first() or GoodPractice(title=spec.title, organisation=organisation, **values)

        def save(themes: list[Theme]) -> None:
            practice_save(actor=SYSTEM, practice=practice, themes=themes)

        themes = [self.themes[code] for code in spec.themes]
        self.tally.add(GoodPractice, self._write(practice, values, themes, save))

    def _report(self, spec: ReportSpec) -> None:
        organisation = self.orgs[spec.organisation]
        workspace = self._workspace(spec.workspace)
        event = demo_owned(Event, spec.event) if spec.event else None
        values = {
            "kind": spec.kind,
            "language": spec.language,
            "date": dt.date.fromisoformat(spec.date),
            "summary": labelled(spec.language, spec.summary),
            "body": spec.body,
            "event_id": event.pk if event else None,
            "workspace_id": workspace.pk if workspace else None,
        }
        report = Report.objects.filter(title=spec.title, organisation=organisation).first()
        report = report or Report(title=spec.title, organisation=organisation, **values)

        def save(themes: list[Theme]) -> None:
            report_save(actor=SYSTEM, report=report, themes=themes)

        themes = [self.themes[code] for code in spec.themes]
        self.tally.add(Report, self._write(report, values, themes, save))


def knowledge_demo_load(facts) -> None:
    """Load the knowledge samples (the registry demo's hook; see the module docstring)."""
    KnowledgeDemo(facts).load()
