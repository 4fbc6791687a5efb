"""Municipalities and the regions above them, shared by the Finnish and Swedish importers.

Each row names a municipality (or a region) by its official code. The organisation is
matched to what the registry already holds by that code, then by this importer's own
origin id, and only then by name: an organisation of the same kind and country that has
no code of the scheme yet and carries one of the row's names spelt exactly (so the demo
data's "Helsinki" is merged into, while the Swedish "Habo" never swallows "Håbo", which
folds to the same letters). A name that fits several organisations is rejected, never
guessed. Rows are checked and compared one by one; everything is written in bulk at the
end, with history, and the search keys of every touched organisation are refreshed.
"""

import abc
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import DEFAULT_LANGUAGE

from verkosto.registry.importers.base import Importer, Outcome
from verkosto.registry.importers.errors import Message, RowIssue, RowRejected
from verkosto.registry.importers.resolve import Ambiguous, OrganisationResolver
from verkosto.registry.models import (
    Identifier,
    Organisation,
    OrganisationKind,
    OrganisationName,
)
from verkosto.registry.services.organisations import organisation_refresh_search_key

KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.REGION)


@dataclass(frozen=True)
class Code:
    """An identifier a row gives, with the column it came from (for messages)."""

    scheme: str
    value: str
    column: str


@dataclass
class Place:
    """What one row says about one organisation (values already checked)."""

    kind: str
    origin_id: str
    code: Code
    names: dict[str, str]  # name_fi / name_sv / name_en; only those the file gives
    name_column: str
    fields: dict[str, Any] = field(default_factory=dict)
    other_codes: list[Code] = field(default_factory=list)
    other_names: list[tuple[str, str, str]] = field(default_factory=list)  # name, kind, lang
    parent: str | None = None  # origin id of a region planned by an earlier call


@dataclass
class _Plan:
    place: Place
    line: int
    org: Organisation
    created: bool
    changed: set[str]
    new_codes: list[Code]
    new_names: list[tuple[str, str, str]]
    parent: "_Plan | None"

    @property
    def touched(self) -> bool:
        return bool(self.created or self.changed or self.new_codes or self.new_names)


def combine(outcome: Outcome, region: Outcome | None) -> Outcome:
    """A municipality row's outcome, counting the region it introduced as an update."""
    if outcome is Outcome.UNCHANGED and region in (Outcome.CREATED, Outcome.UPDATED):
        return Outcome.UPDATED
    return outcome


class PlaceImporter(Importer):
    """Base for importers of municipalities under regions; see the module docstring."""

    country: ClassVar[str]
    # Identifier schemes this importer writes; their owners are preloaded.
    schemes: ClassVar[tuple[str, ...]]

    # --- reading ----------------------------------------------------------------------
    def rows(self, path: Path) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
        self.layout: Any = None
        self.row_count = 0
        return self._counted_rows(path)

    def _counted_rows(self, path: Path) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
        for line, row in super().rows(path):
            self.row_count += 1
            if self.layout is None and isinstance(row, dict):
                self.layout = self.detect_layout(set(row))
            yield line, row

    @abc.abstractmethod
    def detect_layout(self, columns: set[str]) -> Any:
        """Which of the known files this is, from its columns (FileRejected if unclear)."""

    # --- matching -----------------------------------------------------------------------
    def prepare(self) -> None:
        self._resolvers = {kind: OrganisationResolver(kinds=(kind,)) for kind in KINDS}
        owners = Identifier.objects.filter(scheme__in=self.schemes)
        self._owner: dict[tuple[str, str], int] = {
            (s, v): pk for s, v, pk in owners.values_list("scheme", "value", "organisation_id")
        }
        self._coded: dict[str, set[int]] = defaultdict(set)
        for (scheme, _value), pk in self._owner.items():
            self._coded[scheme].add(pk)
        orgs = Organisation.objects.filter(
            Q(kind__in=KINDS, country__in=(self.country, ""))
            | Q(pk__in=owners.values("organisation_id"))
            | Q(data_source=self.kind)
        )
        self._orgs: dict[int, Organisation] = {o.pk: o for o in orgs}
        self._by_origin = {
            o.origin_id: o.pk
            for o in self._orgs.values()
            if o.data_source == self.kind and o.origin_id
        }
        self._aliases: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for pk, name, kind in OrganisationName.objects.filter(organisation__in=orgs).values_list(
            "organisation_id", "name", "kind"
        ):
            self._aliases[pk].add((name, kind))
        self._taken_origins = {
            model: set(
                model.objects.filter(data_source=self.kind).values_list("origin_id", flat=True)
            )
            for model in (Identifier, OrganisationName)
        }
        self._plans: dict[str, _Plan] = {}
        self._claimed: dict[int, _Plan] = {}
        self._pending: dict[tuple[str, str], _Plan] = {}
        self._first: dict[str, tuple[int, dict[str, Any]]] = {}

    def _match(self, place: Place) -> int | None:
        code = place.code
        by_code = self._owner.get((code.scheme, code.value))
        by_origin = self._by_origin.get(place.origin_id)
        if by_code and by_origin and by_code != by_origin:
            raise RowRejected(
                code.column,
                _(
                    "%(code)s is the %(scheme)s of organisation #%(owner)d, but organisation "
                    "#%(imported)d was imported from it earlier; merge the two first"
                ),
                code=code.value,
                scheme=code.scheme,
                owner=by_code,
                imported=by_origin,
            )
        pk = by_code or by_origin or self._match_name(place)
        if pk is None:
            return None
        org = self._orgs[pk]
        if org.kind != place.kind or org.country not in ("", self.country):
            raise RowRejected(
                code.column,
                _(
                    "%(code)s belongs to organisation #%(id)d (%(name)s), which is a %(kind)s "
                    "in %(country)s, not a %(wanted)s in %(here)s"
                ),
                code=code.value,
                id=pk,
                name=str(org),
                kind=org.kind,
                country=org.country or Message(_("no country")),
                wanted=place.kind,
                here=self.country,
            )
        earlier = self._claimed.get(pk)
        if earlier is not None and earlier.place.origin_id != place.origin_id:
            raise RowRejected(
                code.column,
                _(
                    "matches organisation #%(id)d (%(name)s), which line %(line)d (%(code)s) "
                    "already matched"
                ),
                id=pk,
                name=str(org),
                line=earlier.line,
                code=earlier.place.code.value,
            )
        return pk

    def _match_name(self, place: Place) -> int | None:
        resolver = self._resolvers[place.kind]
        given = [*place.names.values(), *(name for name, _kind, _lang in place.other_names)]
        candidates: set[int] = set()
        for name in given:
            try:
                pk = resolver.by_name(self.country, name)
            except Ambiguous as exc:
                candidates |= exc.ids
            else:
                candidates |= {pk} if pk else set()
        # An organisation with another code of the scheme is another place of that name.
        candidates -= self._coded[place.code.scheme]
        candidates = {pk for pk in candidates if pk in self._orgs and pk not in self._claimed}
        wanted = {name.casefold() for name in given}
        exact = sorted(pk for pk in candidates if wanted & self._names_of(pk))
        if len(exact) > 1:
            raise RowRejected(
                place.name_column,
                _(
                    "%(name)r fits organisations %(ids)s; give the right one the %(scheme)s "
                    "%(code)s and import again"
                ),
                name=place.names.get(place.name_column, given[0]),
                ids=str(exact[:5]),
                scheme=place.code.scheme,
                code=place.code.value,
            )
        return exact[0] if exact else None

    def _names_of(self, pk: int) -> set[str]:
        org = self._orgs[pk]
        names = [org.name, org.name_fi, org.name_sv, org.name_en]
        names += [name for name, _kind in self._aliases[pk]]
        return {name.casefold() for name in names if name}

    # --- planning -----------------------------------------------------------------------
    def plan(self, line: int, place: Place) -> Outcome:
        """Match ``place`` and note what must be written; nothing is written yet."""
        pk = self._match(place)
        parent = self._plans[place.parent] if place.parent else None
        codes = [place.code, *place.other_codes]
        new_codes = [c for c in codes if self._check_code(c, pk, place) is None]
        if pk is None:
            org = Organisation(
                kind=place.kind,
                country=self.country,
                source=self.source,
                data_source=self.kind,
                origin_id=place.origin_id,
                **place.names,
                **place.fields,
            )
            changes: dict[str, Any] = {}
            new_names = list(place.other_names)
        else:
            org = self._orgs[pk]
            changes = self._changes(org, place)
            if parent is not None and (parent.created or org.parent_id != parent.org.pk):
                changes["parent"] = None  # set in finish(), once the region has its id
            new_names = [n for n in place.other_names if (n[0], n[1]) not in self._aliases[pk]]
        for key, value in changes.items():
            if key != "parent":
                setattr(org, key, value)
        plan = _Plan(place, line, org, pk is None, set(changes), new_codes, new_names, parent)
        self._plans[place.origin_id] = plan
        if pk is not None:
            self._claimed[pk] = plan
        for code in new_codes:
            self._pending[(code.scheme, code.value)] = plan
        if plan.created:
            return Outcome.CREATED
        return Outcome.UPDATED if plan.touched else Outcome.UNCHANGED

    def plan_once(self, line: int, place: Place, given: dict[str, Any]) -> Outcome | None:
        """Plan a region the first row names; later rows must give it the same ``given``
        column values (else the row is rejected, naming the first line)."""
        key = f"{place.kind} {place.code.value}"
        first = self._first.get(key)
        if first is not None:
            first_line, first_given = first
            for column, value in given.items():
                if first_given.get(column) != value:
                    raise RowRejected(
                        column,
                        _(
                            "%(value)r differs from %(first)r, given for the same %(place)s on "
                            "line %(line)d"
                        ),
                        value=value,
                        first=first_given.get(column),
                        place=key,
                        line=first_line,
                    )
            return None
        outcome = self.plan(line, place)
        self._first[key] = (line, given)
        return outcome

    def _check_code(self, code: Code, pk: int | None, place: Place) -> int | None:
        """The owner of ``code`` (None if nobody has it yet); reject it if it is another's."""
        key = (code.scheme, code.value)
        owner = self._owner.get(key)
        if owner is not None and owner != pk:
            raise RowRejected(
                code.column,
                _(
                    "%(code)s is already the %(scheme)s of organisation #%(owner)d (%(name)s); "
                    "an identifier belongs to one organisation"
                ),
                code=code.value,
                scheme=code.scheme,
                owner=owner,
                name=str(self._orgs[owner]),
            )
        pending = self._pending.get(key)
        if pending is not None and pending.place.origin_id != place.origin_id:
            raise RowRejected(
                code.column,
                _(
                    "%(code)s was already given to %(kind)s %(other)s on line %(line)d; an "
                    "identifier belongs to one organisation"
                ),
                code=code.value,
                kind=pending.place.kind,
                other=pending.place.code.value,
                line=pending.line,
            )
        return owner

    def _changes(self, org: Organisation, place: Place) -> dict[str, Any]:
        wanted = {**place.names, **place.fields}
        if not org.country:
            wanted["country"] = self.country
        # Claim a record nobody imported (e.g. typed in); never take another import's.
        if not org.origin_id and place.origin_id not in self._by_origin:
            wanted.update(data_source=self.kind, origin_id=place.origin_id)
        return {key: value for key, value in wanted.items() if getattr(org, key) != value}

    # --- writing ------------------------------------------------------------------------
    def finish(self) -> None:
        if not self.row_count:
            raise RowRejected("", _("the file has a header but no rows"))
        # The untranslated ``name`` column takes the default language's name (with
        # fallbacks), whatever language the command happens to run in.
        with translation.override(DEFAULT_LANGUAGE):
            for kind in (OrganisationKind.REGION, OrganisationKind.MUNICIPALITY):
                self._write_organisations([p for p in self._plans.values() if p.place.kind == kind])
        plans = list(self._plans.values())
        self.bulk_create(
            Identifier,
            [
                Identifier(
                    organisation=p.org,
                    scheme=c.scheme,
                    value=c.value,
                    source=self.source,
                    data_source=self.kind,
                    origin_id=self._origin(Identifier, f"{c.scheme}:{c.value}"),
                )
                for p in plans
                for c in p.new_codes
            ],
        )
        self.bulk_create(
            OrganisationName,
            [
                OrganisationName(
                    organisation=p.org,
                    name=name,
                    kind=kind,
                    language=language,
                    source=self.source,
                    data_source=self.kind,
                    origin_id=self._origin(OrganisationName, f"{p.place.origin_id}:{kind}"),
                )
                for p in plans
                for name, kind, language in p.new_names
            ],
        )
        organisation_refresh_search_key(organisation_ids=[p.org.pk for p in plans if p.touched])

    def _write_organisations(self, plans: list[_Plan]) -> None:
        for plan in plans:
            if plan.parent is not None and (plan.created or "parent" in plan.changed):
                plan.org.parent = plan.parent.org
        self.bulk_create(Organisation, [p.org for p in plans if p.created])
        changed = [p for p in plans if not p.created and p.changed]
        now = timezone.now()
        for plan in changed:
            plan.org.source = self.source
            plan.org.updated_at = now
        fields = set().union(*(p.changed for p in changed)) | {"name", "source", "updated_at"}
        self.bulk_update(Organisation, [p.org for p in changed], sorted(fields))

    def _origin(self, model: type, wanted: str) -> str:
        """``wanted`` unless an earlier record of this data source holds it (then none)."""
        taken = self._taken_origins[model]
        if wanted in taken:
            return ""
        taken.add(wanted)
        return wanted
