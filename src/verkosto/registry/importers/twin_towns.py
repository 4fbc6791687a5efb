"""Twin towns of Finnish and Swedish municipalities from English Wikipedia's lists.

Reads ``wikipedia_twin_cities_geocoded.csv`` (city1, country1, lat1, lng1, city2,
country2, lat2, lng2) or its raw variant without coordinates. Only pairs with a city in
Finland or Sweden are taken; the rest are counted as skipped, not listed one by one.

The Finnish or Swedish side must already be in the registry (statfi-municipalities,
se-municipalities or the demo data) and is found by its unique (country, folded name)
over all names and aliases, so "Åbo" finds Turku. A name that fits none or several is
skipped with the reason: this importer never guesses and never creates a Nordic
municipality. The partner abroad is matched by country and name, or created as a
municipality of its country with the file's coordinates.
"""

import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from verkosto.common.countries import country_code
from verkosto.common.text import fold_place
from verkosto.registry.importers import values
from verkosto.registry.importers.base import Importer, Outcome
from verkosto.registry.importers.errors import RowIssue, RowRejected, RowSkipped
from verkosto.registry.importers.resolve import Ambiguous, OrganisationResolver
from verkosto.registry.models import (
    Organisation,
    OrganisationKind,
    Twinning,
    TwinningKind,
    TwinningStatus,
)
from verkosto.registry.services.organisations import organisation_refresh_search_key

# The countries whose municipalities the registry holds; their side of a pair must resolve.
HOME_COUNTRIES = {"FI": "Finnish", "SE": "Swedish"}
NO_HOME_MUNICIPALITY = {
    "FI": _("no Finnish municipality named %(city)r"),
    "SE": _("no Swedish municipality named %(city)r"),
}


def pair_origin_id(a: tuple[str, str], b: tuple[str, str]) -> str:
    """A stable, order-independent origin id for the pair of (country, city) ``a`` and ``b``."""
    key = "|".join(sorted(f"{country}:{fold_place(city)}" for country, city in (a, b)))
    if len(key) <= 200:
        return key
    return key[:150] + "#" + hashlib.sha256(key.encode()).hexdigest()[:40]


# An organisation a pair refers to: a saved one's id, or the key of one this import creates.
OrgRef = int | str


class TwinningBatch:
    """The pairs of one import: decides per row whether the twinning is new, and writes
    the new ones in bulk at the end (canonical order, first id < second id)."""

    def __init__(self, importer: Importer):
        self.importer = importer
        self._existing: dict[tuple[int, int], tuple[int, int | None]] = {
            (first, second): (pk, workspace)
            for pk, first, second, workspace in Twinning.objects.values_list(
                "pk", "first_id", "second_id", "workspace_id"
            ).iterator(chunk_size=5000)
        }
        self._origins: set[str] = set(
            Twinning.objects.filter(data_source=importer.kind)
            .exclude(origin_id="")
            .values_list("origin_id", flat=True)
        )
        self._lines: dict[frozenset, int] = {}
        self._new: list[tuple[OrgRef, OrgRef, str]] = []

    def add(self, line: int, a: OrgRef, b: OrgRef, origin_id: str, field: str = "") -> Outcome:
        if a == b:
            raise RowSkipped(field, _("both sides are the same organisation"))
        first_line = self._lines.setdefault(frozenset((a, b)), line)
        if first_line != line:
            raise RowSkipped(
                field, _("the same pair as line %(line)d (counted once)"), line=first_line
            )
        if isinstance(a, int) and isinstance(b, int):
            found = self._existing.get((min(a, b), max(a, b)))
            if found:
                pk, workspace = found
                if workspace is not None:
                    # The pair may be recorded once only, and this one is private.
                    raise RowSkipped(
                        field, _("the pair is recorded as private twinning %(id)d"), id=pk
                    )
                # The file says the pair exists; it says nothing about its status, so an
                # existing twinning (perhaps marked ended by a person) is left as it is.
                return Outcome.UNCHANGED
        if origin_id in self._origins:
            raise RowSkipped(
                field,
                _("origin id %(origin)r belongs to a twinning of another pair"),
                origin=origin_id,
            )
        self._origins.add(origin_id)
        self._new.append((a, b, origin_id))
        return Outcome.CREATED

    def write(self, new_ids: Mapping[str, int] | None = None) -> int:
        """Create the new twinnings; ``new_ids`` gives the ids of organisations created
        by this import. Returns how many were created."""
        new_ids = new_ids or {}
        objs = []
        for a, b, origin_id in self._new:
            first, second = sorted(x if isinstance(x, int) else new_ids[x] for x in (a, b))
            objs.append(
                Twinning(
                    first_id=first,
                    second_id=second,
                    kind=TwinningKind.TWIN_TOWN,
                    status=TwinningStatus.ACTIVE,
                    source=self.importer.source,
                    data_source=self.importer.kind,
                    origin_id=origin_id,
                )
            )
        if objs:
            self.importer.bulk_create(Twinning, objs)
        return len(objs)


# Rows counted, not listed: (field, reason with the number of rows).
OUT_OF_SCOPE = (
    "country1, country2",
    _("%(count)d rows have neither city in Finland or Sweden (not listed)"),
)
REPEATED = (
    "",
    _(
        "%(count)d rows repeat a pair given earlier in the file, in either order; counted "
        "once (not listed)"
    ),
)


class TwinTownsImporter(Importer):
    kind = "twin-towns"
    help = "Twin towns of Finnish and Swedish municipalities (Wikipedia lists, Hekman/twincities)"
    source_title = "Twin towns and sister cities, English Wikipedia lists (Hekman/twincities)"
    source_publisher = "Wikipedia contributors; compiled by the Hekman/twincities project"
    source_url = "https://github.com/Hekman/twincities"
    source_licence = "CC BY-SA 4.0 (Wikipedia text); coordinates partly ODbL (OpenStreetMap)"
    source_attribution = (
        "From English Wikipedia, “List of twin towns and sister cities” pages, CC BY-SA 4.0; "
        "coordinates from the Wikipedia API and OpenStreetMap Nominatim (© OpenStreetMap "
        "contributors, ODbL); compiled by github.com/Hekman/twincities (MIT)"
    )
    required_columns = {"city1", "country1", "city2", "country2"}

    def rows(self, path: Path) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
        """The rows in scope; the others are only counted (26 000 lines, ~1 300 in scope)."""
        seen: set[frozenset] = set()
        for line, row in super().rows(path):
            if isinstance(row, RowIssue):
                yield line, row
                continue
            codes = (country_code(row["country1"]), country_code(row["country2"]))
            if not HOME_COUNTRIES.keys() & set(codes):
                self.skip_quietly(*OUT_OF_SCOPE)
                continue
            key = frozenset(
                ((codes[0], fold_place(row["city1"])), (codes[1], fold_place(row["city2"])))
            )
            if key in seen:
                self.skip_quietly(*REPEATED)
                continue
            seen.add(key)
            yield line, row

    def prepare(self) -> None:
        municipality = OrganisationKind.MUNICIPALITY
        self.resolver = OrganisationResolver(kinds=(municipality,))
        self.batch = TwinningBatch(self)
        # Partners this importer created before, by origin id: found even if renamed since.
        self._own: dict[str, int] = dict(
            Organisation.objects.filter(data_source=self.kind)
            .exclude(origin_id="")
            .values_list("origin_id", "pk")
        )
        # Partners abroad that have no coordinates yet: the file may fill them in.
        self._no_coordinates: set[int] = set(
            Organisation.objects.filter(kind=municipality, latitude__isnull=True)
            .exclude(country__in=HOME_COUNTRIES)
            .values_list("pk", flat=True)
        )
        self._coordinates: dict[int, tuple[float, float]] = {}
        self._new_partners: dict[str, Organisation] = {}

    def process(self, line: int, row: dict[str, str]) -> Outcome:
        sides = [self._side(row, n) for n in ("1", "2")]  # rejects come before skips
        for n, (_city, code, _coords) in zip("12", sides, strict=True):
            if code is None:
                raise RowSkipped(
                    f"country{n}", _("unknown country %(value)r"), value=row[f"country{n}"]
                )
        refs = [
            self._resolve(n, city, code, coords)
            for n, (city, code, coords) in zip("12", sides, strict=True)
        ]
        origin_id = pair_origin_id((sides[0][1], sides[0][0]), (sides[1][1], sides[1][0]))
        outcome = self.batch.add(line, refs[0][0], refs[1][0], origin_id, "city2")
        # Only a pair that is taken leaves traces: new partners, filled-in coordinates.
        filled = False
        for ref, extra in refs:
            if isinstance(extra, Organisation):
                self._new_partners.setdefault(ref, extra)
            elif extra is not None:
                self._coordinates[ref] = extra
                self._no_coordinates.discard(ref)
                filled = True
        return Outcome.UPDATED if filled and outcome is Outcome.UNCHANGED else outcome

    def _side(self, row: dict[str, str], n: str) -> tuple[str, str | None, tuple | None]:
        city = values.text(row, f"city{n}", max_length=150)
        values.text(row, f"country{n}", max_length=100)
        lat = values.coordinate(row, f"lat{n}", limit=90)
        lng = values.coordinate(row, f"lng{n}", limit=180)
        if (lat is None) != (lng is None):
            missing = f"lng{n}" if lng is None else f"lat{n}"
            raise RowRejected(missing, _("a coordinate needs both latitude and longitude"))
        return city, country_code(row[f"country{n}"]), (lat, lng) if lat is not None else None

    def _resolve(
        self, n: str, city: str, code: str, coords: tuple[float, float] | None
    ) -> tuple[OrgRef, tuple[float, float] | Organisation | None]:
        """The organisation for one side, with what taking the pair would write: the
        coordinates to fill in on it, or the new partner itself (or None)."""
        field = f"city{n}"
        origin_id = f"{code}:{fold_place(city)}"
        pk = self._own.get(origin_id)
        if pk is None:
            try:
                pk = self.resolver.by_name(code, city)
            except Ambiguous as exc:
                raise RowSkipped(field, exc.message) from None
        if code in HOME_COUNTRIES:
            if pk is None:
                raise RowSkipped(field, NO_HOME_MUNICIPALITY[code], city=city)
            return pk, None
        if pk is not None:
            return pk, coords if coords and pk in self._no_coordinates else None
        if origin_id in self._new_partners:
            return origin_id, None
        partner = Organisation(
            kind=OrganisationKind.MUNICIPALITY,
            name_en=city,
            country=code,
            latitude=coords[0] if coords else None,
            longitude=coords[1] if coords else None,
            source=self.source,
            data_source=self.kind,
            origin_id=origin_id,
        )
        partner.name = city  # as services.organisation_create does: the default name
        return origin_id, partner

    def finish(self) -> None:
        created = self.bulk_create(Organisation, list(self._new_partners.values()))
        new_ids = {org.origin_id: org.pk for org in created}
        self.batch.write(new_ids)
        if self._coordinates:
            partners = list(Organisation.objects.filter(pk__in=self._coordinates))
            for org in partners:
                org.latitude, org.longitude = self._coordinates[org.pk]
                org.source = self.source
            self.bulk_update(Organisation, partners, ["latitude", "longitude", "source"])
        organisation_refresh_search_key(organisation_ids=new_ids.values())
