"""The analytics on real data: the twin towns of Wikipedia's lists (../shared/data),
imported with the registry's twin-towns importer into the demo landscape, reported for
Turku exactly as the file lists them."""

import csv
import datetime as dt

import pytest
from django.utils import translation

from tests.analytics.conftest import org
from tests.conftest import shared_file
from verkosto.analytics import summaries
from verkosto.analytics.selectors.audience import PUBLIC
from verkosto.analytics.selectors.landscape import landscape_load
from verkosto.registry.importers.catalogue import importer_class

pytestmark = pytest.mark.realdata


def _finnish_rows(path, target) -> None:
    """The file's rows with a Finnish side (the importer skips the rest anyway)."""
    with path.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        reader = csv.DictReader(source)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames)
        writer.writeheader()
        for row in reader:
            if "Finland" in (row["country1"], row["country2"]):
                writer.writerow(row)


def _turku_in_file(path) -> set[tuple[str, str]]:
    """Turku's partners as the file lists them; a Swedish partner needs its municipality
    in the registry, which the demo lacks, so the importer skips those (Gothenburg)."""
    partners = set()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            sides = [(row["city1"], row["country1"]), (row["city2"], row["country2"])]
            if ("Turku", "Finland") in sides:
                other = sides[1] if sides[0] == ("Turku", "Finland") else sides[0]
                if other[1] != "Sweden":
                    partners.add(other[0])
    return partners


def test_turkus_twin_towns_as_the_file_lists_them(demo, db, tmp_path):
    path = shared_file("twinning/wikipedia_twin_cities_geocoded.csv")
    subset = tmp_path / "finnish_twins.csv"
    _finnish_rows(path, subset)
    summary = importer_class("twin-towns")().run(subset)
    assert summary.committed and summary.rejected == 0

    expected = _turku_in_file(path)
    # Checked by grepping the file: lines 3615, 5931, 7676 and 8268–8276 (Gothenburg out).
    assert expected == {
        "Varna", "Aarhus", "Tartu", "Bergen", "Bratislava", "Cologne", "Constanța",
        "Florence", "Gdańsk", "Rostock", "Szeged",
    }  # fmt: skip
    with translation.override("en"):
        loaded = landscape_load(audience=PUBLIC)
        turku = loaded.position(org("Turku").pk)
        trends = summaries.trends_summary(loaded, as_of=dt.date(2025, 6, 1), org=turku)
    names = {t["name"] for t in trends["twin_towns"]}
    assert names == expected
    assert trends["twinnings"][-1] == len(expected) == 11
