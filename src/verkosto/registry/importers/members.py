"""Any network's member list, as CSV, with the column mapping given as options.

    verkosto import members ubc.csv --option network=UBC \\
        --option name=city_name_as_listed --option country=country

Member lists on network web sites are short, undated and name cities the way the
network writes them. So members are matched, never guessed: by identifier, then by the
one organisation of the country with that name; a name that fits none is skipped (or
created, if asked) and a name that fits several is skipped and reported.
docs/importing-member-lists.md describes every option with worked examples.
"""

from pathlib import Path
from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _

from verkosto.common.countries import country_code
from verkosto.common.partial_dates import PartialDate
from verkosto.common.text import fold
from verkosto.registry.importers import values
from verkosto.registry.importers.base import Importer, ImportSummary, Outcome
from verkosto.registry.importers.errors import (
    FileRejected,
    Message,
    RowIssue,
    RowRejected,
    RowSkipped,
)
from verkosto.registry.importers.resolve import Ambiguous, OrganisationResolver
from verkosto.registry.models import (
    Identifier,
    IdentifierScheme,
    Membership,
    MembershipRole,
    NameKind,
    NetworkProfile,
    NetworkScope,
    NetworkType,
    Organisation,
    OrganisationKind,
)
from verkosto.registry.selectors.organisations import identifier_map, organisation_search
from verkosto.registry.services.organisations import (
    organisation_create,
    organisation_name_add,
    organisation_refresh_search_key,
)

# --- helpers the Covenant importer shares ---------------------------------------------


def exact_network_ids(text: str) -> list[int]:
    """Networks whose name, alias or identifier is exactly ``text`` (case and accents aside)."""
    networks = Organisation.objects.filter(kind=OrganisationKind.NETWORK)
    return list(
        organisation_search(text=text, queryset=networks)
        .filter(match_rank=0)
        .values_list("pk", flat=True)
    )


# --- the member-list importer -------------------------------------------------------------

# Where the lists in ../shared/data come from (SOURCES.md), so that their Source says so
# without the user typing it; --option source-title=… etc. override these.
KNOWN_LISTS: dict[str, dict[str, str]] = {
    "ubc_member_cities_ubc_sustainable_net.csv": {
        "title": "UBC Sustainable Cities Commission: member cities (undated list, 2022 or later)",
        "publisher": "Union of the Baltic Cities, Sustainable Cities Commission",
        "url": "https://www.ubc-sustainable.net/member-cites/lt/kaunas",
        "licence": "No open licence stated; a factual list, cited",
        "attribution": "UBC Sustainable Cities Commission, ubc-sustainable.net",
    },
    "c40_member_cities_c40org_homepage.csv": {
        "title": "C40 Cities: member cities as listed on c40.org (undated; '97 member cities')",
        "publisher": "C40 Cities Climate Leadership Group",
        "url": "https://www.c40.org/",
        "licence": "No open licence stated; a factual list, cited",
        "attribution": "C40 Cities, c40.org",
    },
    "hinku_municipalities_partial_A_to_O.csv": {
        "title": "Hinku municipalities: INCOMPLETE list, 52 of 99 (Akaa–Orimattila only)",
        "publisher": "Finnish Environment Institute SYKE (Carbon Neutral Finland)",
        "url": "https://carbonneutralfinland.fi/en-US/content/50091/33909",
        "licence": "No explicit licence; a factual list, cited",
        "attribution": "SYKE, carbonneutralfinland.fi",
    },
}

# What a member of each kind is called in messages ("no municipality called 'Aarhus'").
KIND_NOUNS = {
    OrganisationKind.MUNICIPALITY: _("municipality"),
    OrganisationKind.REGION: _("region"),
    OrganisationKind.STATE_BODY: _("state body"),
    OrganisationKind.NETWORK: _("network"),
    OrganisationKind.ASSOCIATION: _("association"),
    OrganisationKind.UNIVERSITY: _("university"),
    OrganisationKind.COMPANY: _("company"),
    OrganisationKind.EU_BODY: _("EU body"),
    OrganisationKind.OTHER: _("other organisation"),
}

YES = {"yes", "true", "1", "kyllä", "ja"}
NO = {"no", "false", "0", "ei", "nej"}


class MemberListImporter(Importer):
    """A network's members from a CSV file; the column mapping comes from --option."""

    kind = "members"
    help = "A network's member list (CSV); map its columns with --option (see the docs)."
    source_title = "Member list"
    allowed_options: ClassVar[set[str]] = {
        "network",
        "create-network",
        "network-scope",
        "network-type",
        "name",
        "country",
        "default-country",
        "code",
        "code-scheme",
        "start",
        "role",
        "population",
        "kind",
        "create-missing",
        "source-title",
        "source-publisher",
        "source-url",
        "source-licence",
    }

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.option = self._single_options()
        self.name_column = self.option.get("name", "")
        if not self.name_column:
            raise ValueError(
                Message(_("members needs --option name=<column with the member's name>"))
            )
        self.network_text = self.option.get("network") or self.option.get("create-network", "")
        if not self.network_text:
            raise ValueError(
                Message(
                    _(
                        "members needs --option network=<name, alias or identifier of the "
                        "network> (or --option create-network=<full name> for a network not "
                        "yet registered)"
                    )
                )
            )
        self.create_network = self.option.get("create-network", "")
        self.country_column = self.option.get("country", "")
        self.default_country = ""
        if self.option.get("default-country"):
            self.default_country = country_code(self.option["default-country"]) or ""
            if not self.default_country:
                raise ValueError(
                    Message(
                        _("default-country %(value)r is not a country code or name (e.g. FI)"),
                        value=self.option["default-country"],
                    )
                )
        self.code_column = self.option.get("code", "")
        self.code_scheme = self.option.get("code-scheme", "")
        if bool(self.code_column) != bool(self.code_scheme):
            raise ValueError(
                Message(_("code and code-scheme go together: the column and its scheme"))
            )
        self._choice("code-scheme", IdentifierScheme)
        self.start_column = self.option.get("start", "")
        self.population_column = self.option.get("population", "")
        self.role = self._choice("role", MembershipRole) or MembershipRole.MEMBER
        self.member_kind = self._choice("kind", OrganisationKind) or OrganisationKind.MUNICIPALITY
        self.scope = self._choice("network-scope", NetworkScope)
        self.type = self._choice("network-type", NetworkType)
        if bool(self.scope) != bool(self.type):
            raise ValueError(
                Message(_("network-scope and network-type go together (the network's profile)"))
            )
        self.create_missing = self._yes_no("create-missing")
        self.required_columns = {
            c
            for c in (
                self.name_column,
                self.country_column,
                self.code_column,
                self.start_column,
                self.population_column,
            )
            if c
        }

    def _single_options(self) -> dict[str, str]:
        twice = sorted(k for k, v in self.options.items() if len(v) > 1)
        if twice:
            raise ValueError(
                Message(_("option(s) given more than once: %(options)s"), options=", ".join(twice))
            )
        return {k: v[0] for k, v in self.options.items()}

    def _choice(self, key: str, choices: Any) -> str:
        value = self.option.get(key, "")
        if value and value not in choices.values:
            raise ValueError(
                Message(
                    _("%(option)s %(value)r is not one of: %(choices)s"),
                    option=key,
                    value=value,
                    choices=", ".join(choices.values),
                )
            )
        return value

    def _yes_no(self, key: str) -> bool:
        value = self.option.get(key, "no").casefold()
        if value not in YES | NO:
            raise ValueError(
                Message(_("%(option)s takes yes or no, not %(value)r"), option=key, value=value)
            )
        return value in YES

    # --- the source ------------------------------------------------------------------------
    def run(self, path: Path | str) -> ImportSummary:
        known = {"title": f"Member list of {self.network_text}"}
        known.update(KNOWN_LISTS.get(Path(path).name, {}))
        for field in ("title", "publisher", "url", "licence", "attribution"):
            value = self.option.get(f"source-{field}") or known.get(field)
            if value:
                setattr(self, f"source_{field}", value)
        return super().run(path)

    # --- before the rows ---------------------------------------------------------------------
    def prepare(self) -> None:
        self.touched: set[int] = set()
        self.network = self._network()
        self.resolver = OrganisationResolver(kinds=(self.member_kind,))
        self.code_of: dict[int, str] = {}
        if self.code_scheme:
            self.code_of = {pk: v for v, pk in identifier_map(self.code_scheme).items()}
        links = Membership.objects.filter(organisation=self.network, workspace__isnull=True)
        self.ours: dict[str, Membership] = {}
        self.others: dict[int, Membership] = {}
        for link in links:
            if link.data_source == self.kind and link.origin_id:
                self.ours[link.origin_id] = link
            else:
                self.others.setdefault(link.member_id, link)
        self.members_seen: dict[int, int] = {}

    def _network(self) -> Organisation:
        ids = exact_network_ids(self.network_text)
        if self.create_network and not ids and self.create_network != self.network_text:
            ids = exact_network_ids(self.create_network)
        if len(ids) > 1:
            raise FileRejected(
                [
                    RowIssue(
                        0,
                        "network",
                        Message(
                            _(
                                "%(network)r names %(count)d networks (ids %(ids)s); give the "
                                "full name or an identifier"
                            ),
                            network=self.network_text,
                            count=len(ids),
                            ids=str(ids[:5]),
                        ),
                    )
                ]
            )
        if ids:
            network = Organisation.objects.get(pk=ids[0])
        elif self.create_network:
            network = self._create_network()
        else:
            near = organisation_search(
                text=self.network_text,
                queryset=Organisation.objects.filter(kind=OrganisationKind.NETWORK),
            ).values_list("name", flat=True)[:5]
            if near:
                message = Message(
                    _(
                        "no network is called %(network)r; did you mean: %(near)s. To "
                        "register it, add --option create-network=<its full name>"
                    ),
                    network=self.network_text,
                    near=", ".join(near),
                )
            else:
                message = Message(
                    _(
                        "no network is called %(network)r. To register it, add --option "
                        "create-network=<its full name>"
                    ),
                    network=self.network_text,
                )
            raise FileRejected([RowIssue(0, "network", message)])
        if self.scope and not NetworkProfile.objects.filter(organisation=network).exists():
            self.upsert(
                NetworkProfile,
                None,
                {"organisation": network, "scope": self.scope, "type": self.type},
            )
        return network

    def _create_network(self) -> Organisation:
        network = organisation_create(
            actor=self.actor,
            source=self.source,
            kind=OrganisationKind.NETWORK,
            names={"name_en": self.create_network},
            data_source=self.kind,
            origin_id=f"network:{fold(self.create_network)}"[:200],
        )
        short = self.option.get("network", "")
        if short and fold(short) != fold(self.create_network):
            organisation_name_add(
                actor=self.actor,
                organisation=network,
                name=short,
                kind=NameKind.ABBREVIATION if short.isupper() else NameKind.ALIAS,
                source=self.source,
            )
        return network

    # --- each row ---------------------------------------------------------------------------
    def process(self, line: int, row: dict[str, str]) -> Outcome:
        name = values.text(row, self.name_column, max_length=300)
        country = self._country(row)
        code = ""
        if self.code_column:
            code = values.text(row, self.code_column, max_length=100, required=False)
        start = values.partial_date(row, self.start_column) if self.start_column else None
        population = None
        if self.population_column:
            population = values.integer(row, self.population_column, maximum=2_000_000_000)

        member, member_outcome = self._member(name, country, code, population)
        first = self.members_seen.setdefault(member.pk, line)
        if first != line:
            raise RowSkipped(
                self.name_column,
                _("%(name)r is the same organisation as line %(first)d"),
                name=name,
                first=first,
            )
        return self._membership(member, start, member_outcome)

    def _country(self, row: dict[str, str]) -> str:
        raw = values.text(row, self.country_column, max_length=100, required=False)
        if not raw:
            return self.default_country
        code = country_code(raw)
        if code is None:
            raise RowRejected(
                self.country_column, _("%(value)r is not a country name or ISO code"), value=raw
            )
        return code

    def _member(
        self, name: str, country: str, code: str, population: int | None
    ) -> tuple[Organisation, Outcome]:
        pk = self._resolve(name, country, code)
        if pk is not None:
            org = Organisation.objects.get(pk=pk)
            if population is None or org.population is not None:
                return org, Outcome.UNCHANGED
            # A member list's figure only fills a gap; it never replaces official data.
            return self.upsert(Organisation, org, {"population": population})
        if not self.create_missing:
            kind = KIND_NOUNS.get(self.member_kind, self.member_kind)
            if country:
                raise RowSkipped(
                    self.name_column,
                    _(
                        "no %(kind)s called %(name)r in %(country)s; add it first, or import "
                        "with --option create-missing=yes"
                    ),
                    kind=kind,
                    name=name,
                    country=country,
                )
            raise RowSkipped(
                self.name_column,
                _(
                    "no %(kind)s called %(name)r in the registry; add it first, or import "
                    "with --option create-missing=yes"
                ),
                kind=kind,
                name=name,
            )
        org, outcome = self.upsert(
            Organisation,
            None,
            {
                "kind": self.member_kind,
                "name": name,
                "country": country,
                "population": population,
                "origin_id": f"{self.member_kind}:{country}:{fold(name)}"[:200],
            },
        )
        identifiers = []
        if code:
            self.upsert(
                Identifier, None, {"organisation": org, "scheme": self.code_scheme, "value": code}
            )
            identifiers.append((self.code_scheme, code))
            self.code_of[org.pk] = code
        self.resolver.remember(org.pk, country=country, names=[name], identifiers=identifiers)
        self.touched.add(org.pk)
        return org, outcome

    def _resolve(self, name: str, country: str, code: str) -> int | None:
        if code:
            pk = self.resolver.by_identifier(self.code_scheme, code)
            if pk is not None:
                return pk
        try:
            pk = self.resolver.by_name(country, name) if country else self._by_name_anywhere(name)
        except Ambiguous as exc:
            raise RowSkipped(
                self.name_column, _("ambiguous, not guessed: %(reason)s"), reason=exc.message
            ) from exc
        if pk == self.network.pk:
            raise RowSkipped(self.name_column, _("the network cannot be its own member"))
        if pk is not None and code and self.code_of.get(pk, code) != code:
            raise RowSkipped(
                self.code_column,
                _(
                    "%(name)r matches organisation %(id)d, whose %(scheme)s is %(theirs)s, "
                    "not %(code)s"
                ),
                name=name,
                id=pk,
                scheme=self.code_scheme,
                theirs=self.code_of[pk],
                code=code,
            )
        return pk

    def _by_name_anywhere(self, name: str) -> int | None:
        """A list without countries: only organisations without a country match.

        A unique name elsewhere is not proof: C40's Guadalajara (Mexico) and Medellín
        (Colombia) share their names with Spanish towns. So a name that some country's
        organisation has is reported, never merged and never created a second time.
        """
        pk = self.resolver.by_name("", name)
        if pk is not None:
            return pk
        needle = fold(name)
        elsewhere = list(
            Organisation.objects.filter(kind=self.member_kind, search_key__contains=f"|{needle}|")
            .exclude(country="")
            .values_list("pk", "country")[:5]
        )
        if elsewhere:
            found = [
                Message(_("id %(id)d in %(country)s"), id=pk, country=country)
                for pk, country in elsewhere
            ]
            raise RowSkipped(
                self.name_column,
                _(
                    "the file gives no country and %(name)r names %(found)s; not guessed: "
                    "map a country column (--option country=…) or give --option "
                    "default-country=…"
                ),
                name=name,
                found=found,
            )
        return None

    def _membership(
        self, member: Organisation, start: PartialDate | None, member_outcome: Outcome
    ) -> Outcome:
        origin = f"{self.network.pk}:{member.pk}"
        fields: dict[str, Any] = {"role": self.role}
        if start is not None:
            fields.update(values.start_fields(start))
        existing = self.ours.get(origin)
        if existing is None and member.pk in self.others:
            # Already recorded by hand or by another import: take it over rather than
            # add a second membership of the same member in the same network.
            existing = self.others.pop(member.pk)
            fields.update(data_source=self.kind, origin_id=origin)
        if existing is None:
            fields.update(member=member, organisation=self.network, origin_id=origin)
        _obj, outcome = self.upsert(Membership, existing, fields)
        if outcome is Outcome.UNCHANGED and member_outcome is not Outcome.UNCHANGED:
            return Outcome.UPDATED
        return outcome

    def finish(self) -> None:
        organisation_refresh_search_key(organisation_ids=self.touched)
