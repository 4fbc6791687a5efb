"""The Covenant of Mayors signatories (JRC, GCoM – MyCovenant, January 2024).

Each signatory row becomes one membership (role *signatory*) of its organisation in the
network "Covenant of Mayors for Climate & Energy". Signatories are merged into the
organisations already registered — by their covenant id, then by (country, name) — so
Helsinki stays the one Helsinki that Statistics Finland's classification created.

The file has about 12 000 rows, so the importer works in sets: it preloads what rows are
matched against, decides everything in Python while reading, and writes new and changed
records in bulk at the end (with history). See docs/importing-member-lists.md.
"""

import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _

from verkosto.common.countries import country_code
from verkosto.common.text import fold_place
from verkosto.registry.importers import values
from verkosto.registry.importers.base import Importer, Outcome
from verkosto.registry.importers.errors import (
    FileRejected,
    Message,
    RowIssue,
    RowRejected,
    RowSkipped,
)
from verkosto.registry.importers.members import exact_network_ids
from verkosto.registry.importers.resolve import Ambiguous, OrganisationResolver
from verkosto.registry.models import (
    Identifier,
    IdentifierScheme,
    Membership,
    MembershipRole,
    MembershipStatus,
    NameKind,
    NetworkProfile,
    NetworkScope,
    NetworkType,
    Organisation,
    OrganisationKind,
)
from verkosto.registry.selectors.organisations import identifier_map
from verkosto.registry.services.organisations import (
    organisation_create,
    organisation_name_add,
    organisation_refresh_search_key,
    search_key_for,
)

NETWORK_ORIGIN = "network"
NETWORK_NAMES = {
    "name_en": "Covenant of Mayors for Climate & Energy",
    "name_fi": "Kaupunginjohtajien ilmasto- ja energiasopimus",
    "name_sv": "Borgmästaravtalet för klimat och energi",
}
NETWORK_ALIASES = ("Covenant of Mayors", "Covenant of Mayors for Climate and Energy")

STATUS = {"published": MembershipStatus.ACTIVE, "on_hold": MembershipStatus.ON_HOLD}
COMMITMENTS = (
    ("commitment_CoM2020_flag", "CoM 2020"),
    ("commitment_CoM2030_flag", "CoM 2030"),
    ("commitment_CoM2050_flag", "CoM 2050"),
    ("commitment_mayoradapt_flag", "Mayors Adapt"),
)
# "Kainuu Region", "Province of Chieti": a region, not a municipality. Only this exact
# English form counts: "Zolochiv, Lviv region" is a town *in* a region.
_REGION_NAME = re.compile(r"^(?:(?:Province|Region) of (?P<a>.+)|(?P<b>.+) (?:Province|Region))$")
# Names in the file that differ from the official name the registry has (JRC writes some
# Swedish municipalities in English or in the genitive: "Gothenburg", "Gislaveds").
_EXONYMS = {("SE", "gothenburg"): "Göteborg"}
_MISSING = "-"


@dataclass
class _NewOrganisation:
    """An organisation to create at the end; rows refer to it by a negative temporary id."""

    kind: str
    country: str
    origin_id: str
    names: list[str] = field(default_factory=list)
    population: int | None = None
    population_year: int | None = None

    def best_name(self) -> str:
        # The JRC file writes some places in capitals ("MAIRENA DEL ALCOR") and others
        # not; another row for the same place may give the usual spelling.
        return next((n for n in self.names if not n.isupper()), self.names[0])


class _Related(list):
    def all(self) -> list:
        return self


class _Unsaved:
    """A new organisation as ``search_key_for`` reads it: its key is computed before the
    bulk insert, saving a second write of some 12 000 rows (a third of the import time)."""

    def __init__(self, org: Organisation, identifier_values: list[str]):
        self._org = org
        self.other_names = _Related()
        self.identifiers = _Related(SimpleNamespace(value=v) for v in sorted(identifier_values))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._org, name)


class CovenantOfMayorsImporter(Importer):
    kind = "covenant-of-mayors"
    help = "Covenant of Mayors signatories (JRC GCoM – MyCovenant CSV) as memberships."
    source_title = "GCoM – MyCovenant, 5th Release – January 2024: signatories (df1)"
    source_publisher = "European Commission, Joint Research Centre (JRC)"
    source_url = (
        "https://github.com/LisaMarieKauck/OfflineMARLCityNetworkClimate/blob/"
        "a281afc7cade86eb28471a8f8c8586ebedf4d742/Data/df1_Signatories_2024.xlsx"
    )
    source_licence = "CC BY 4.0"
    source_attribution = (
        "© European Union. JRC, GCoM – MyCovenant, 5th Release – January 2024 "
        "(Baldi, Franco, Melica, Treville, Bertoldi), CC BY 4.0"
    )
    required_columns: ClassVar[set[str]] = {
        "organisation_id",
        "organisation_name",
        "country_code",
        "population_adhesion",
        "group_organisation_id",
        "group_name",
        "adhesion_type",
        "signatory_status",
        "date_of_adhesion",
        "group_profile",
        *(column for column, _label in COMMITMENTS),
    }

    # --- before the rows ---------------------------------------------------------------------
    def prepare(self) -> None:
        self.network = self._network()
        self.covenant_ids = identifier_map(IdentifierScheme.COVENANT)
        kinds = (OrganisationKind.MUNICIPALITY, OrganisationKind.REGION, OrganisationKind.OTHER)
        # One resolver per kind: a group called "Condado" must not merge into the
        # municipality Condado, nor the "Province of Chieti" into the town of Chieti.
        self.resolvers = {kind: OrganisationResolver(kinds=(kind,)) for kind in kinds}
        self.without_population = set(
            Organisation.objects.filter(population__isnull=True).values_list("pk", flat=True)
        )
        self.ours: dict[str, Membership] = {}
        self.others: dict[int, list[Membership]] = {}
        for link in Membership.objects.filter(organisation=self.network, workspace__isnull=True):
            if link.data_source == self.kind and link.origin_id:
                self.ours[link.origin_id] = link
            else:
                self.others.setdefault(link.member_id, []).append(link)
        self.new_organisations: dict[int, _NewOrganisation] = {}
        self.new_identifiers: list[tuple[int, str]] = []
        self.new_memberships: list[tuple[int, dict[str, Any]]] = []
        self.changed_memberships: dict[int, Membership] = {}
        self.member_refs: dict[int, int] = {}
        self.population_fills: dict[int, tuple[int, int | None]] = {}

    def _network(self) -> Organisation:
        own = Organisation.objects.filter(data_source=self.kind, origin_id=NETWORK_ORIGIN).first()
        network = own or self._find_network() or self._create_network()
        if not NetworkProfile.objects.filter(organisation=network).exists():
            self.upsert(
                NetworkProfile,
                None,
                {
                    "organisation": network,
                    "scope": NetworkScope.INTERNATIONAL,
                    "type": NetworkType.THEMATIC,
                },
            )
        return network

    def _find_network(self) -> Organisation | None:
        """The network as the demo data or a person registered it, by name or alias."""
        for text in (NETWORK_NAMES["name_en"], *NETWORK_ALIASES):
            ids = exact_network_ids(text)
            if len(ids) > 1:
                message = Message(
                    _("%(count)d networks are called %(name)r (ids %(ids)s)"),
                    count=len(ids),
                    name=text,
                    ids=str(ids[:5]),
                )
                raise FileRejected([RowIssue(0, "", message)])
            if ids:
                return Organisation.objects.get(pk=ids[0])
        return None

    def _create_network(self) -> Organisation:
        network = organisation_create(
            actor=self.actor,
            source=self.source,
            kind=OrganisationKind.NETWORK,
            names=NETWORK_NAMES,
            website="https://eu-mayors.ec.europa.eu/",
            data_source=self.kind,
            origin_id=NETWORK_ORIGIN,
        )
        for alias in NETWORK_ALIASES:
            organisation_name_add(
                actor=self.actor,
                organisation=network,
                name=alias,
                kind=NameKind.ALIAS,
                language="en",
                source=self.source,
            )
        return network

    # --- each row ---------------------------------------------------------------------------
    def process(self, line: int, row: dict[str, str]) -> Outcome:
        # "-" marks a missing value throughout the file.
        row = {k: "" if v == _MISSING else v for k, v in row.items()}
        signatory = values.code(
            row, "organisation_id", pattern=r"\d{1,12}(_[a-z]{2,10})?", example="11763 or 25008_med"
        )
        self.once(signatory, line, "organisation_id")
        name = values.text(row, "organisation_name", max_length=300, required=False)
        if not name and signatory not in self.covenant_ids:
            # One row of the 2024 file (14991, Piemonte) has no name: nothing to match on.
            raise RowSkipped(
                "organisation_name",
                _(
                    "no name, and no organisation has covenant id %(id)s: cannot be matched "
                    "or created"
                ),
                id=signatory,
            )
        country = country_code(row["country_code"]) if len(row["country_code"]) == 2 else None
        if country is None:
            raise RowRejected(
                "country_code", _("%(value)r is not a country code"), value=row["country_code"]
            )
        population = values.integer(row, "population_adhesion", maximum=2_000_000_000)
        adhesion = values.partial_date(row, "date_of_adhesion")
        status = STATUS.get(row["signatory_status"])
        if status is None:
            raise RowRejected(
                "signatory_status",
                _("%(value)r is not published or on_hold"),
                value=row["signatory_status"],
            )
        commitments = ", ".join(
            label for column, label in COMMITMENTS if values.boolean(row, column)
        )
        note = self._note(row)
        is_group = values.boolean(row, "group_profile")

        member, member_changed = self._member(
            signatory, name, country, is_group, population, adhesion.year if adhesion else None
        )
        fields: dict[str, Any] = {
            "role": MembershipRole.SIGNATORY,
            "status": status,
            "commitments": commitments,
            "note": note,
            **values.start_fields(adhesion),
        }
        return self._membership(signatory, member, fields, member_changed)

    def _note(self, row: dict[str, str]) -> str:
        adhesion = values.text(row, "adhesion_type", max_length=300, required=False)
        group = values.text(row, "group_name", max_length=300, required=False)
        group_id = values.text(row, "group_organisation_id", max_length=20, required=False)
        parts = [f"Adhesion: {adhesion}."] if adhesion else []
        if group:
            parts.append(f"In the group {group} (signatory {group_id})." if group_id else group)
        return " ".join(parts)

    def _member(
        self,
        signatory: str,
        name: str,
        country: str,
        is_group: bool,
        population: int | None,
        year: int | None,
    ) -> tuple[int, bool]:
        """The member's id (negative for one created at the end) and whether it changed."""
        changed = False
        pk = self.covenant_ids.get(signatory)
        if pk is None:
            pk = self._by_name(signatory, name, country, is_group)
            self.new_identifiers.append((pk, signatory))
            self.covenant_ids[signatory] = pk
            changed = True
        new = self.new_organisations.get(pk)
        if new is not None:
            new.names.append(name)
            if new.population is None and population is not None:
                new.population, new.population_year = population, year
        elif pk in self.without_population and population is not None:
            # Only fills a gap: official figures (Statistics Finland, SCB) stay.
            self.without_population.discard(pk)
            self.population_fills[pk] = (population, year)
            changed = True
        return pk, changed

    def _by_name(self, signatory: str, name: str, country: str, is_group: bool) -> int:
        region = _REGION_NAME.match(name)
        if is_group:
            kind = OrganisationKind.OTHER
        elif region:
            kind = OrganisationKind.REGION
        else:
            kind = OrganisationKind.MUNICIPALITY
        resolver = self.resolvers[kind]
        candidates = [name]
        if region:
            candidates.append(region["a"] or region["b"])
        if (country, fold_place(name)) in _EXONYMS:
            candidates.append(_EXONYMS[(country, fold_place(name))])
        if country == "SE" and name.endswith("s"):
            candidates.append(name[:-1])  # the genitive: "Gislaveds" for Gislaved
        for candidate in candidates:
            try:
                pk = resolver.by_name(country, candidate)
            except Ambiguous as exc:
                raise RowSkipped(
                    "organisation_name",
                    _(
                        "ambiguous, not guessed: %(reason)s; give the right one the covenant "
                        "identifier to import this row"
                    ),
                    reason=exc.message,
                ) from exc
            if pk is not None:
                return pk
        temp = -(len(self.new_organisations) + 1)
        self.new_organisations[temp] = _NewOrganisation(kind, country, origin_id=signatory)
        resolver.remember(temp, country=country, names=[name])
        return temp

    def _membership(
        self, signatory: str, member: int, fields: dict[str, Any], member_changed: bool
    ) -> Outcome:
        existing = self.ours.get(signatory)
        if existing is None and member > 0 and self.others.get(member):
            # The member's membership was recorded by hand or by the demo data: take it
            # over instead of adding a second one.
            existing = self.others[member].pop(0)
            fields.update(data_source=self.kind, origin_id=signatory)
        if existing is None:
            self.new_memberships.append((member, {**fields, "origin_id": signatory}))
            return Outcome.CREATED
        if member < 0:
            # Its organisation is created at the end (the identifier had been removed).
            self.member_refs[existing.pk] = member
        else:
            fields["member_id"] = member
        changed = [k for k, v in fields.items() if getattr(existing, k) != v]
        if changed or member < 0:
            for key in changed:
                setattr(existing, key, fields[key])
            existing.source = self.source
            self.changed_memberships[existing.pk] = existing
            return Outcome.UPDATED
        return Outcome.UPDATED if member_changed else Outcome.UNCHANGED

    # --- after the rows: write in bulk ------------------------------------------------------
    def finish(self) -> None:
        ids = self._create_organisations()
        touched = set()  # existing organisations whose identifiers change
        identifiers = []
        for ref, value in self.new_identifiers:
            pk = ids.get(ref, ref)
            if ref > 0:
                touched.add(pk)
            identifiers.append(
                Identifier(
                    organisation_id=pk,
                    scheme=IdentifierScheme.COVENANT,
                    value=value,
                    **self._sourced(value),
                )
            )
        self.bulk_create(Identifier, identifiers)
        for membership_pk, ref in self.member_refs.items():
            self.changed_memberships[membership_pk].member_id = ids[ref]
        self.bulk_create(
            Membership,
            [
                Membership(
                    member_id=ids.get(ref, ref),
                    organisation=self.network,
                    source=self.source,
                    data_source=self.kind,
                    **fields,
                )
                for ref, fields in self.new_memberships
            ],
        )
        self.bulk_update(
            Membership,
            list(self.changed_memberships.values()),
            [
                "role",
                "status",
                "start",
                "start_precision",
                "commitments",
                "note",
                "member",
                "source",
                "data_source",
                "origin_id",
            ],
        )
        self._fill_populations()
        organisation_refresh_search_key(organisation_ids=touched)

    def _sourced(self, origin_id: str) -> dict[str, Any]:
        return {"source": self.source, "data_source": self.kind, "origin_id": origin_id}

    def _create_organisations(self) -> dict[int, int]:
        """Create the new organisations; return temporary id → real id."""
        refs = list(self.new_organisations)
        covenant_ids: dict[int, list[str]] = {}
        for ref, value in self.new_identifiers:
            covenant_ids.setdefault(ref, []).append(value)
        objs = []
        for ref, new in self.new_organisations.items():
            org = Organisation(
                kind=new.kind,
                name=new.best_name(),
                country=new.country,
                population=new.population,
                population_year=new.population_year,
                **self._sourced(new.origin_id),
            )
            org.search_key = search_key_for(_Unsaved(org, covenant_ids.get(ref, [])))
            objs.append(org)
        created = self.bulk_create(Organisation, objs)
        return {ref: obj.pk for ref, obj in zip(refs, created, strict=True)}

    def _fill_populations(self) -> None:
        orgs = []
        fills = list(self.population_fills.items())
        for start in range(0, len(fills), 1000):
            chunk = dict(fills[start : start + 1000])
            for org in Organisation.objects.filter(pk__in=chunk):
                org.population, org.population_year = chunk[org.pk]
                org.source = self.source
                orgs.append(org)
        self.bulk_update(Organisation, orgs, ["population", "population_year", "source"])
