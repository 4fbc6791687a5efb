"""Swedish municipalities (kommuner) and counties (län), by SCB's codes.

Two files are understood, told apart by their columns: ``municipality_county.csv``
(4-digit kommunkod, name with and without "kommun", 2-digit länskod and county name) and
``counties.csv`` (the 21 counties alone). A municipality is named by its short name
("Norrköping"), and its "… kommun" form is kept as its official name; the county is its
parent. The first two digits of a kommunkod are its county's code, which is checked.
"""

from django.utils.translation import gettext_lazy as _

from verkosto.registry.importers import values
from verkosto.registry.importers.base import Outcome
from verkosto.registry.importers.errors import FileRejected, Message, RowIssue, RowRejected
from verkosto.registry.importers.municipal import Code, Place, PlaceImporter, combine
from verkosto.registry.models import IdentifierScheme, NameKind, OrganisationKind

MUNICIPALITY_COLUMNS = {"municipality_code", "municipality_name", "municipality_name_short"}
# English names that differ from the Swedish ones; any other is used as it is.
ENGLISH_NAMES = {"Göteborg": "Gothenburg"}


class SwedishMunicipalitiesImporter(PlaceImporter):
    kind = "se-municipalities"
    help = "Swedish municipalities and counties with SCB's codes (sjbrg/swedish-geodata)."
    source_title = "Swedish municipalities and counties (SCB codes, sjbrg/swedish-geodata)"
    source_publisher = "sjbrg/swedish-geodata"
    source_url = "https://github.com/sjbrg/swedish-geodata"
    source_licence = "CC0 1.0"
    source_attribution = "sjbrg/swedish-geodata; the codes follow Statistics Sweden (SCB)"
    required_columns = {"county_code", "county_name", "county_name_short"}
    country = "SE"
    schemes = (IdentifierScheme.SE_KOMMUNKOD, IdentifierScheme.SE_LANSKOD)

    def detect_layout(self, columns: set[str]) -> str:
        given = MUNICIPALITY_COLUMNS & columns
        if not given:
            return "counties"
        if given != MUNICIPALITY_COLUMNS:
            missing = ", ".join(sorted(MUNICIPALITY_COLUMNS - given))
            raise FileRejected(
                [RowIssue(1, missing, Message(_("missing column(s) of a municipality file")))]
            )
        return "municipalities"

    def process(self, line: int, row: dict[str, str]) -> Outcome:
        if self.layout == "counties":
            county, _given = self._county(row)
            self.once(county.code.value, line, "county_code")
            return self.plan(line, county)
        code = values.code(row, "municipality_code", pattern=r"\d{4}", example="0581")
        self.once(code, line, "municipality_code")
        short = values.text(row, "municipality_name_short", max_length=300)
        full = values.text(row, "municipality_name", max_length=300)
        county, given = self._county(row)
        if code[:2] != county.code.value:
            raise RowRejected(
                "county_code",
                _("kommunkod %(code)s lies in county %(county)s, not %(given)s"),
                code=code,
                county=code[:2],
                given=county.code.value,
            )
        municipality = Place(
            kind=OrganisationKind.MUNICIPALITY,
            origin_id=code,
            code=Code(IdentifierScheme.SE_KOMMUNKOD, code, "municipality_code"),
            names={"name_sv": short, "name_en": ENGLISH_NAMES.get(short, short)},
            name_column="municipality_name_short",
            other_names=[] if full == short else [(full, NameKind.OFFICIAL, "sv")],
            parent=county.origin_id,
        )
        county_outcome = self.plan_once(line, county, given)
        return combine(self.plan(line, municipality), county_outcome)

    def _county(self, row: dict[str, str]) -> tuple[Place, dict[str, str]]:
        code = values.code(row, "county_code", pattern=r"\d{2}", example="05")
        name = values.text(row, "county_name", max_length=300)
        short = values.text(row, "county_name_short", max_length=300)
        county = Place(
            kind=OrganisationKind.REGION,
            origin_id=f"county-{code}",
            code=Code(IdentifierScheme.SE_LANSKOD, code, "county_code"),
            # "Östergötlands län" is "Östergötland County" in English.
            names={"name_sv": name, "name_en": f"{short} County"},
            name_column="county_name",
        )
        return county, {"county_name": name, "county_name_short": short}
