"""Every organisation the seeds name, with names in fi/sv/en.

A record's source is the first seed that names it. Municipality codes are not in the
seeds: each was checked against Statistics Finland's 2026 classification or SCB's
kommunkod list and carries that list as its source, so the real importers later merge
into these organisations instead of adding a second Helsinki.
"""

from verkosto.registry.demo.data.sources import (
    SCB,
    SEED_000,
    SEED_001,
    SEED_002,
    SEED_003,
    SEED_004,
    STATFI,
    WIKIDATA,
)
from verkosto.registry.demo.spec import (
    IdentifierSpec,
    NameSpec,
    NetworkSpec,
    OrganisationSpec,
    Texts,
)

T = Texts


def _fi_city(
    key: str,
    code: str,
    fi: str,
    sv: str,
    en: str | None = None,
    *,
    source: str = SEED_003,
    identifiers: tuple[IdentifierSpec, ...] = (),
    other_names: tuple[NameSpec, ...] = (),
) -> OrganisationSpec:
    return OrganisationSpec(
        key=key,
        kind="municipality",
        name=T(fi, sv, en or fi),
        country="FI",
        source=source,
        identifiers=(IdentifierSpec("statfi_municipality", code, STATFI), *identifiers),
        other_names=other_names,
    )


def _se_municipality(key: str, code: str, name: str) -> OrganisationSpec:
    return OrganisationSpec(
        key=key,
        kind="municipality",
        name=T(name, name, name),
        country="SE",
        source=SEED_004,
        identifiers=(IdentifierSpec("se_kommunkod", code, SCB),),
        other_names=(NameSpec(f"{name}s kommun", "official", "sv", source=SCB),),
        parent="se-ostergotland",
    )


def _network(
    key: str,
    name: Texts,
    *,
    source: str,
    type: str,
    themes: tuple[str, ...],
    scope: str = "national",
    other_names: tuple[NameSpec, ...] = (),
) -> OrganisationSpec:
    return OrganisationSpec(
        key=key,
        kind="network",
        name=name,
        country="FI",
        source=source,
        other_names=other_names,
        network=NetworkSpec(scope=scope, type=type, themes=themes),
    )


# Codes checked against fi_municipality_key_2026_full.csv (Statistics Finland 2026).
MUNICIPALITIES_FI: tuple[OrganisationSpec, ...] = (
    # The six largest cities (seed 003); Helsinki's own goals are seed 002.
    _fi_city(
        "fi-helsinki",
        "091",
        "Helsinki",
        "Helsingfors",
        source=SEED_002,
        identifiers=(IdentifierSpec("wikidata", "Q1757", WIKIDATA),),
        other_names=(NameSpec("Helsingin kaupunki", "official", "fi"),),
    ),
    _fi_city("fi-espoo", "049", "Espoo", "Esbo"),
    _fi_city("fi-tampere", "837", "Tampere", "Tammerfors"),
    _fi_city("fi-vantaa", "092", "Vantaa", "Vanda"),
    _fi_city("fi-oulu", "564", "Oulu", "Uleåborg"),
    _fi_city("fi-turku", "853", "Turku", "Åbo"),
    # The vitality partnership
    _fi_city("fi-jyvaskyla", "179", "Jyväskylä", "Jyväskylä"),
    _fi_city("fi-lahti", "398", "Lahti", "Lahtis"),
    _fi_city("fi-kuopio", "297", "Kuopio", "Kuopio"),
    # The mid-sized growth cities
    _fi_city("fi-pori", "609", "Pori", "Björneborg"),
    _fi_city("fi-kouvola", "286", "Kouvola", "Kouvola"),
    _fi_city("fi-vaasa", "905", "Vaasa", "Vasa"),
    _fi_city("fi-hameenlinna", "109", "Hämeenlinna", "Tavastehus"),
    _fi_city("fi-seinajoki", "743", "Seinäjoki", "Seinäjoki"),
    _fi_city("fi-rovaniemi", "698", "Rovaniemi", "Rovaniemi"),
    _fi_city("fi-mikkeli", "491", "Mikkeli", "S:t Michel"),
    _fi_city("fi-porvoo", "638", "Porvoo", "Borgå"),
    _fi_city("fi-salo", "734", "Salo", "Salo"),
    _fi_city("fi-kotka", "285", "Kotka", "Kotka"),
    _fi_city("fi-kokkola", "272", "Kokkola", "Karleby"),
    _fi_city("fi-hyvinkaa", "106", "Hyvinkää", "Hyvinge"),
    _fi_city("fi-kajaani", "205", "Kajaani", "Kajana"),
    # The planned eastern partnership
    _fi_city("fi-lappeenranta", "405", "Lappeenranta", "Villmanstrand"),
    _fi_city("fi-joensuu", "167", "Joensuu", "Joensuu"),
    _fi_city("fi-imatra", "153", "Imatra", "Imatra"),
)

SIX_LARGEST = ("fi-helsinki", "fi-espoo", "fi-tampere", "fi-vantaa", "fi-oulu", "fi-turku")
VITALITY = ("fi-jyvaskyla", "fi-lahti", "fi-kuopio")
# Seed 003 lists these 13 (its introduction says "twelve").
GROWTH_CITIES = (
    "fi-pori",
    "fi-kouvola",
    "fi-vaasa",
    "fi-hameenlinna",
    "fi-seinajoki",
    "fi-rovaniemi",
    "fi-mikkeli",
    "fi-porvoo",
    "fi-salo",
    "fi-kotka",
    "fi-kokkola",
    "fi-hyvinkaa",
    "fi-kajaani",
)
EASTERN = ("fi-lappeenranta", "fi-joensuu", "fi-imatra")

# Seed 004; codes checked against municipality_county.csv (SCB codes).
SWEDEN: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        key="se-ostergotland",
        kind="region",
        name=T("Itä-Göötanmaan lääni", "Östergötlands län", "Östergötland County"),
        country="SE",
        source=SEED_004,
        identifiers=(IdentifierSpec("se_lanskod", "05", SCB),),
        other_names=(NameSpec("Östergötland", "alias", "sv"),),
    ),
    _se_municipality("se-norrkoping", "0581", "Norrköping"),
    _se_municipality("se-linkoping", "0580", "Linköping"),
)

STATE_AND_EU: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        key="fi-valtioneuvosto",
        kind="state_body",
        name=T("Valtioneuvosto", "Statsrådet", "Finnish Government"),
        country="FI",
        source=SEED_003,
    ),
    OrganisationSpec(
        key="fi-tem",
        kind="state_body",
        name=T(
            "Työ- ja elinkeinoministeriö",
            "Arbets- och näringsministeriet",
            "Ministry of Economic Affairs and Employment",
        ),
        country="FI",
        source=SEED_003,
        other_names=(NameSpec("TEM", "abbreviation", "fi"),),
        parent="fi-valtioneuvosto",
    ),
    OrganisationSpec(
        key="fi-ym",
        kind="state_body",
        name=T("Ympäristöministeriö", "Miljöministeriet", "Ministry of the Environment"),
        country="FI",
        source=SEED_001,
        other_names=(NameSpec("YM", "abbreviation", "fi"),),
        parent="fi-valtioneuvosto",
    ),
    OrganisationSpec(
        key="eu",
        kind="eu_body",
        name=T("Euroopan unioni", "Europeiska unionen", "European Union"),
        country="",
        source=SEED_000,
        other_names=(NameSpec("EU", "abbreviation"),),
    ),
)

# Seed 000: the municipal association, its Brussels office, a foundation.
ASSOCIATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        key="fi-kuntaliitto",
        kind="association",
        name=T(
            "Suomen Kuntaliitto",
            "Finlands Kommunförbund",
            "Association of Finnish Municipalities",
        ),
        country="FI",
        source=SEED_000,
        other_names=(
            NameSpec("Kuntaliitto", "alias", "fi"),
            NameSpec("Kommunförbundet", "alias", "sv"),
        ),
    ),
    OrganisationSpec(
        key="fi-kuntaliitto-brussels",
        kind="association",
        name=T(
            "Kuntaliiton Brysselin toimisto",
            "Kommunförbundets Brysselkontor",
            "Brussels Office of the Association of Finnish Municipalities",
        ),
        country="FI",
        source=SEED_000,
        parent="fi-kuntaliitto",
    ),
    OrganisationSpec(
        key="fi-urbanismisaatio",
        kind="other",
        name=T("Urbanismisäätiö", "Urbanismstiftelsen", "Urbanism Foundation"),
        country="FI",
        source=SEED_000,
    ),
    OrganisationSpec(
        key="fi-sitowise",
        kind="company",
        name=T("Sitowise Oy", "Sitowise Oy", "Sitowise Oy"),
        country="FI",
        source=SEED_001,
    ),
)

# Seed 001: the national thematic networks the study covered, and the advocacy
# networks it named as left out. Members are not named there, so none are recorded.
NETWORKS: tuple[OrganisationSpec, ...] = (
    _network(
        "network-mal",
        T("MAL-verkosto", "MBT-nätverket", "MAL network (land use, housing and transport)"),
        source=SEED_001,
        type="thematic",
        themes=("land-use-housing-transport",),
        other_names=(NameSpec("MAL", "abbreviation", "fi"),),
    ),
    _network(
        "network-luontokunnat",
        T("Luontokunnat", "Naturkommunerna", "Nature Municipalities"),
        source=SEED_001,
        type="thematic",
        themes=("nature",),
        other_names=(NameSpec("Luontokunnat-verkosto", "alias", "fi"),),
    ),
    _network(
        "network-hinku",
        T("Hiilineutraalit kunnat", "Kolneutrala kommuner", "Carbon Neutral Municipalities"),
        source=SEED_001,
        type="thematic",
        themes=("carbon-neutrality",),
        other_names=(
            NameSpec("HINKU", "abbreviation"),
            NameSpec("HINKU-verkosto", "alias", "fi"),
        ),
    ),
    _network(
        "network-fisu",
        T(
            "Kohti resurssiviisautta",
            "FISU – Finnish Sustainable Communities",
            "Finnish Sustainable Communities",
        ),
        source=SEED_001,
        type="thematic",
        themes=("circular-economy",),
        other_names=(
            NameSpec("FISU", "abbreviation"),
            NameSpec("FISU-verkosto", "alias", "fi"),
        ),
    ),
    _network(
        "network-terve-kunta",
        T("Terve kunta -verkosto", "Nätverket Hälsosam kommun", "Healthy Municipality network"),
        source=SEED_001,
        type="thematic",
        themes=("health-wellbeing",),
    ),
    _network(
        "network-sdg46",
        T("SDG46-verkosto", "SDG46-nätverket", "SDG46 network"),
        source=SEED_001,
        type="thematic",
        themes=("sustainable-development",),
    ),
    _network(
        "network-c21",
        T("C21-kaupunkiverkosto", "C21-stadsnätverket", "C21 city network"),
        source=SEED_001,
        type="advocacy",
        themes=("advocacy", "urban-policy"),
        other_names=(NameSpec("C21", "abbreviation"),),
    ),
    _network(
        "network-kehyskunnat",
        T("Kehyskuntaverkosto", "Kranskommunnätverket", "Commuter-belt municipalities network"),
        source=SEED_001,
        type="advocacy",
        themes=("advocacy",),
    ),
    _network(
        "network-seutukunnat",
        T("Seutukuntaverkosto", "Regionnätverket", "Sub-regional network"),
        source=SEED_001,
        type="advocacy",
        themes=("advocacy",),
    ),
    _network(
        "network-pienet-kunnat",
        T(
            "Pienten kuntien verkosto",
            "Nätverket för små kommuner",
            "Small municipalities network",
        ),
        source=SEED_001,
        type="advocacy",
        themes=("advocacy",),
    ),
    # Seed 003: the network of the 13 growth cities.
    _network(
        "network-kasvukaupungit",
        T(
            "Keskisuurten kasvukaupunkien verkosto",
            "Nätverket för medelstora tillväxtstäder",
            "Network of mid-sized growth cities",
        ),
        source=SEED_003,
        type="general",
        themes=("urban-policy",),
        other_names=(NameSpec("Keskisuurten kasvukaupunkiverkosto", "alias", "fi"),),
    ),
)

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    *STATE_AND_EU,
    *ASSOCIATIONS,
    *MUNICIPALITIES_FI,
    *SWEDEN,
    *NETWORKS,
)
