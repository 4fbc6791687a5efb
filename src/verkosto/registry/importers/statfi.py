"""Finnish municipalities and regions (maakunnat) from Statistics Finland's classification.

Two files are understood, told apart by their columns:

- the classification key (``fi_municipality_key_2026_full.csv``): codes, names in
  Finnish, Swedish and English, language status, region (maakunta) and NUTS3;
- the compact file (``fi_municipalities_2026.csv``), which adds ``population_<year>``
  and the central locality's ``lat``/``lon``.

Each municipality gets the 3-digit code (``statfi_municipality``) and its region as
parent. NUTS3 goes on the region, not the municipality: in Finland each NUTS3 area is one
maakunta, whereas dozens of municipalities share it, and an identifier belongs to one
organisation. A file giving one NUTS3 code to two regions is rejected.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from verkosto.registry.importers import values
from verkosto.registry.importers.base import Outcome
from verkosto.registry.importers.errors import FileRejected, Message, RowIssue, RowRejected
from verkosto.registry.importers.municipal import Code, Place, PlaceImporter, combine
from verkosto.registry.models import IdentifierScheme, OrganisationKind

LANGUAGES = ("fi", "sv", "en")
# Mainland Finland and Åland with a margin: catches swapped or mistyped coordinates.
LATITUDES = (59.0, 71.0)
LONGITUDES = (19.0, 32.0)


@dataclass(frozen=True)
class Layout:
    population_column: str | None
    population_year: int | None
    coordinates: bool


class StatfiMunicipalitiesImporter(PlaceImporter):
    kind = "statfi-municipalities"
    help = "Finnish municipalities and regions (Statistics Finland classification, via geofi)."
    source_title = "Statistics Finland municipality classification 2026 (compiled by geofi)"
    source_publisher = "Statistics Finland"
    source_url = "https://data.stat.fi/api/classifications/"
    source_licence = "CC BY 4.0; population: THL open data terms"
    source_attribution = (
        "Statistics Finland (municipality and region classification); THL, Sotkanet "
        "(population 2022); contains data from the National Land Survey of Finland "
        "Topographic Database 04/2025 (central localities); GeoNames (Tuusula). "
        "Compiled by the geofi R package (rOpenGov)."
    )
    required_columns = {
        "municipality_code",
        *(f"municipality_name_{lang}" for lang in LANGUAGES),
        "kielisuhde_name_en",
        "maakunta_code",
        *(f"maakunta_name_{lang}" for lang in LANGUAGES),
        "nuts3_code",
    }
    country = "FI"
    schemes = (
        IdentifierScheme.STATFI_MUNICIPALITY,
        IdentifierScheme.STATFI_REGION,
        IdentifierScheme.NUTS,
    )

    def detect_layout(self, columns: set[str]) -> Layout:
        population = sorted(c for c in columns if re.fullmatch(r"population_\d{4}", c))
        if len(population) > 1:
            raise FileRejected(
                [
                    RowIssue(
                        1,
                        ", ".join(population),
                        Message(_("several population columns; give one")),
                    )
                ]
            )
        coordinates = {"lat", "lon"} & columns
        if len(coordinates) == 1:
            missing = ({"lat", "lon"} - coordinates).pop()
            raise FileRejected(
                [RowIssue(1, missing, Message(_("lat and lon come together; one is missing")))]
            )
        column = population[0] if population else None
        return Layout(
            population_column=column,
            population_year=int(column.removeprefix("population_")) if column else None,
            coordinates=bool(coordinates),
        )

    def process(self, line: int, row: dict[str, str]) -> Outcome:
        code = values.code(row, "municipality_code", pattern=r"\d{3}", example="091")
        self.once(code, line, "municipality_code")
        names = self._names(row, "municipality_name")
        fields = {
            "language_status": values.text(
                row, "kielisuhde_name_en", max_length=100, required=False
            )
        }
        fields.update(self._population(row))
        fields.update(self._coordinates(row))
        region, given = self._region(row)
        municipality = Place(
            kind=OrganisationKind.MUNICIPALITY,
            origin_id=code,
            code=Code(IdentifierScheme.STATFI_MUNICIPALITY, code, "municipality_code"),
            names=names,
            name_column="municipality_name_fi",
            fields={key: value for key, value in fields.items() if value not in (None, "")},
            parent=region.origin_id,
        )
        region_outcome = self.plan_once(line, region, given)
        return combine(self.plan(line, municipality), region_outcome)

    def _names(self, row: dict[str, str], prefix: str) -> dict[str, str]:
        names = {
            f"name_{lang}": values.text(
                row, f"{prefix}_{lang}", max_length=300, required=lang == "fi"
            )
            for lang in LANGUAGES
        }
        return {key: name for key, name in names.items() if name}

    def _region(self, row: dict[str, str]) -> tuple[Place, dict[str, str]]:
        # The key file writes "1", the compact file "01": both mean Uusimaa.
        code = values.code(row, "maakunta_code", pattern=r"\d{1,2}", example="01").zfill(2)
        names = self._names(row, "maakunta_name")
        nuts = values.code(row, "nuts3_code", pattern=r"(FI[0-9A-Z]{3})?", example="FI1B1")
        given = {f"maakunta_name_{k.removeprefix('name_')}": v for k, v in names.items()}
        given["nuts3_code"] = nuts
        region = Place(
            kind=OrganisationKind.REGION,
            origin_id=f"region-{code}",
            code=Code(IdentifierScheme.STATFI_REGION, code, "maakunta_code"),
            names=names,
            name_column="maakunta_name_fi",
            other_codes=[Code(IdentifierScheme.NUTS, nuts, "nuts3_code")] if nuts else [],
        )
        return region, given

    def _population(self, row: dict[str, str]) -> dict[str, int | None]:
        column = self.layout.population_column
        if column is None:
            return {}
        population = values.integer(row, column, maximum=10_000_000)
        if population is None:
            return {}
        return {"population": population, "population_year": self.layout.population_year}

    def _coordinates(self, row: dict[str, str]) -> dict[str, float | None]:
        if not self.layout.coordinates:
            return {}
        latitude = values.coordinate(row, "lat", limit=90)
        longitude = values.coordinate(row, "lon", limit=180)
        if (latitude is None) != (longitude is None):
            raise RowRejected("lat" if latitude is None else "lon", _("give both lat and lon"))
        for column, number, (low, high) in (
            ("lat", latitude, LATITUDES),
            ("lon", longitude, LONGITUDES),
        ):
            if number is not None and not low <= number <= high:
                raise RowRejected(
                    column,
                    _("%(number)s is outside Finland (%(low)s–%(high)s)"),
                    number=number,
                    low=low,
                    high=high,
                )
        return {"latitude": latitude, "longitude": longitude}
