"""Distractor items for the search quality benchmark, written from the real open data in
../shared/data: none of them is labelled relevant to any query, and many share words
and subjects with the queries (twin towns, climate networks, municipalities), as the
records of a real knowledge base would.

- twin towns: per Finnish or Swedish host city of the Wikipedia list, a Finnish or
  Swedish text naming its twin towns;
- Covenant of Mayors signatories (JRC MyCovenant 2024): an English profile each of the
  Finnish and Swedish signatories and a sample of the others;
- municipalities: a Finnish profile of each Finnish municipality (Statistics Finland
  key, THL population) and a Swedish one of each Swedish municipality (SCB codes).

Returns [] when ../shared/data is absent; the benchmark then says so.
"""

import csv
import os
import random
from collections import defaultdict
from pathlib import Path

DATA = Path(
    os.environ.get("VERKOSTO_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")
)


def _rows(relative: str) -> list[dict[str, str]]:
    with (DATA / relative).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _twin_towns() -> list[tuple[str, str, str]]:
    twins: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in _rows("twinning/wikipedia_twin_cities_raw.csv"):
        for host, host_country, other, other_country in (
            (row["city1"], row["country1"], row["city2"], row["country2"]),
            (row["city2"], row["country2"], row["city1"], row["country1"]),
        ):
            if host_country in ("Finland", "Sweden"):
                twins[(host, host_country)].append(f"{other} ({other_country})")
    out = []
    for (host, country), others in sorted(twins.items()):
        names = ", ".join(sorted(set(others)))
        if country == "Finland":
            out.append(
                ("fi", f"{host}: ystävyyskaupungit", f"{host}n ystävyyskaupunkeja ovat {names}.")
            )
        else:
            out.append(("sv", f"{host}: vänorter", f"{host} har vänorter i {names}."))
    return out


def _covenant(rng: random.Random) -> list[tuple[str, str, str]]:
    rows = _rows("city_networks/gcom_mycovenant_2024_df1_signatories.csv")
    nordic = [r for r in rows if r["country_code"] in ("fi", "se")]
    others = rng.sample([r for r in rows if r["country_code"] not in ("fi", "se")], 400)
    out = []
    for r in nordic + others:
        goals = [
            label
            for flag, label in (
                ("commitment_CoM2020_flag", "a 20% emission cut by 2020"),
                ("commitment_CoM2030_flag", "a 40% cut by 2030"),
                ("commitment_CoM2050_flag", "climate neutrality by 2050"),
                ("commitment_mayoradapt_flag", "adaptation to climate change"),
            )
            if r[flag] == "True"
        ]
        year = r["date_of_adhesion"][:4]
        out.append(
            (
                "en",
                f"{r['organisation_name']} in the Covenant of Mayors",
                f"{r['organisation_name']} ({r['country_name']}) signed the Covenant of Mayors "
                f"in {year}, committing to {' and '.join(goals) or 'its goals'}. "
                f"Status: {r['signatory_status'].replace('_', ' ')}.",
            )
        )
    return out


def _municipalities() -> list[tuple[str, str, str]]:
    out = []
    for r in _rows("fi_municipalities/fi_municipalities_2026.csv"):
        name = r["municipality_name_fi"]
        out.append(
            (
                "fi",
                f"{name} – kuntaprofiili",
                f"{name} on kunta {r['maakunta_name_fi']} maakunnassa ja "
                f"{r['seutukunta_name_fi']} seutukunnassa. Asukkaita oli vuonna 2022 "
                f"{r['population_2022']}. Kuntaryhmä: {r['kuntaryhmitys_name_en']}.",
            )
        )
    for r in _rows("se_municipalities/municipality_county.csv"):
        name = r["municipality_name"]
        out.append(
            (
                "sv",
                f"{name} – kommunprofil",
                f"{name} är en kommun i {r['county_name']}. Kommunkod {r['municipality_code']}.",
            )
        )
    return out


def distractors() -> list[tuple[str, str, str]]:
    """(language, title, text) of every distractor item, or [] without the data."""
    if not DATA.is_dir():
        return []
    rng = random.Random(3)
    return _twin_towns() + _covenant(rng) + _municipalities()
