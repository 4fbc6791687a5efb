"""Where every demo fact comes from: one Source per seed text, the code lists the
identifiers were checked against, and the sample data (which is not fact at all)."""

from verkosto.registry.demo.spec import SourceSpec

SEED_000 = "seed-000"
SEED_001 = "seed-001"
SEED_002 = "seed-002"
SEED_003 = "seed-003"
SEED_004 = "seed-004"
STATFI = "statfi-municipality-classification-2026"
SCB = "scb-kommunkoder"
WIKIDATA = "wikidata-helsinki"
SAMPLE = "demo-sample"

SEEDS = (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)
# Identifiers come from these, never from the seeds.
REFERENCE = (STATFI, SCB, WIKIDATA)

SOURCES: tuple[SourceSpec, ...] = (
    SourceSpec(
        key=SEED_000,
        title=(
            "Suomalaiset kaupungit kansainvälisinä toimijoina - Selvitys 17 kaupungin "
            "kansainvälisestä ja Euroopan unioniin liittyvästä toiminnasta"
        ),
        publisher="Kuntaliitto",
        url="http://shop.kuntaliitto.fi/product_details.php?p=3486",
        attribution="Saara Turkka",
        locator="000_2a9795d962ece53e.txt",
    ),
    SourceSpec(
        key=SEED_001,
        title="Verkostot osana kestävän kaupunkikehityksen ekosysteemiä",
        publisher="Ympäristöministeriö / Kestävä kaupunki -ohjelma",
        attribution="Selvityksen toteutti Sitowise Oy",
        locator="001_5f1fd4459cf9d77a.txt",
    ),
    SourceSpec(
        key=SEED_002,
        title="Kansallista edunvalvontaa ja kansainvälistä yhteistyötä Helsingin kehittämisessä",
        publisher="Helsingin kaupunki",
        locator="002_9de995027923dfa4.txt",
    ),
    SourceSpec(
        key=SEED_003,
        title=(
            "Kaupunkien ja valtion yhteistyötä vahvistetaan uudenlaisten kumppanuuksien "
            "kautta – yhdessä ratkotaan esimerkiksi jengiytymistä, liikkumista ja osaamisen "
            "kysymyksiä"
        ),
        publisher="Valtioneuvosto / työ- ja elinkeinoministeriö (TEM)",
        published="2024-05-24",  # "Päivitetty 24.5.2024"
        locator="003_9d46a0a733bfdddd.txt",
    ),
    SourceSpec(
        key=SEED_004,
        # The page has no title of its own; this one names what it is about.
        title="Internationellt arbete i Norrköpings kommun",
        publisher="Norrköpings kommun",
        locator="004_7f8402be1f584015.txt",
    ),
    SourceSpec(
        key=STATFI,
        title="Statistics Finland municipality classification 2026",
        publisher="Statistics Finland (Tilastokeskus)",
        url="https://data.stat.fi/api/classifications/",
        licence="CC BY 4.0",
        attribution="Statistics Finland",
        locator="fi_municipality_key_2026_full.csv (rOpenGov/geofi)",
    ),
    SourceSpec(
        key=SCB,
        title="SCB kommunkoder",
        publisher="Statistiska centralbyrån (SCB)",
        licence="CC0 1.0",
        attribution="SCB; list from sjbrg/swedish-geodata",
        locator="municipality_county.csv (sjbrg/swedish-geodata)",
    ),
    SourceSpec(
        key=WIKIDATA,
        title="Wikidata: Helsinki (Q1757)",
        publisher="Wikimedia Foundation",
        url="https://www.wikidata.org/wiki/Q1757",
        licence="CC0 1.0",
    ),
    SourceSpec(
        key=SAMPLE,
        title="Sample data for trying verkosto out — not facts",
        publisher="verkosto",
        is_sample=True,
    ),
)
