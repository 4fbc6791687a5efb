"""Writing the demo organisations without ever duplicating one that is already there.

An organisation is found, in this order, as the one the demo created before (its key is
the ``origin_id``), by any of its identifiers, or by its (country, folded name) among
organisations of the same kind — so the demo merges into Helsinki as Statistics Finland's
importer created it, and the importer later merges into the demo's Helsinki.

The demo never overwrites an organisation's fields, since importers and people correct
and complete them later: in records it created it fills only what is blank, and to any
record it adds only the names, identifiers and network profile it lacks, each with the
demo's source.
"""

from verkosto.accounts.permissions import SYSTEM
from verkosto.registry.demo.spec import NameSpec, OrganisationSpec
from verkosto.registry.demo.sync import (
    DATA_SOURCE,
    REASON,
    DemoConflict,
    Outcome,
    Tally,
    demo_owned,
    origin,
    save_changes,
    tag,
)
from verkosto.registry.importers.resolve import Ambiguous, OrganisationResolver
from verkosto.registry.models import (
    Identifier,
    NetworkProfile,
    Organisation,
    OrganisationName,
    Source,
    Theme,
)
from verkosto.registry.services.common import save_validated, set_m2m
from verkosto.registry.services.organisations import (
    identifier_add,
    organisation_create,
    organisation_name_add,
    organisation_update,
)


class OrganisationLoader:
    def __init__(self, *, sources: dict[str, Source], themes: dict[str, Theme], tally: Tally):
        self.sources = sources
        self.themes = themes
        self.tally = tally
        self.by_key: dict[str, Organisation] = {}
        self._resolvers: dict[str, OrganisationResolver] = {}

    def load(self, specs: tuple[OrganisationSpec, ...]) -> dict[str, Organisation]:
        for spec in specs:
            org = self._organisation(spec)
            self.by_key[spec.key] = org
            self._identifiers(spec, org)
            self._names(spec, org)
            if spec.network:
                self._network_profile(spec, org)
        return self.by_key

    # --- the organisation itself ----------------------------------------------------------
    def _organisation(self, spec: OrganisationSpec) -> Organisation:
        source = self.sources[spec.source]
        parent_id = self.by_key[spec.parent].pk if spec.parent else None
        org = self._find(spec)
        if org is None:
            org = organisation_create(
                actor=SYSTEM,
                source=source,
                kind=spec.kind,
                names=spec.name.fields("name"),
                country=spec.country,
                parent_id=parent_id,
                **origin(spec.key),
            )
            self._resolver(spec.kind).remember(
                org.pk, country=spec.country, names=list(_names_of(spec))
            )
            self.tally.add(Organisation, Outcome.CREATED)
            return org
        changed = []
        if org.data_source == DATA_SOURCE:
            # Importers and people improve these records later (a region as parent, a
            # corrected name): fill what is blank, never overwrite what is there.
            wanted = {**spec.name.fields("name"), "country": spec.country, "parent_id": parent_id}
            blank = {f: v for f, v in wanted.items() if v and not getattr(org, f)}
            if blank:
                changed = organisation_update(
                    actor=SYSTEM, organisation=org, source=source, **blank
                )
        self.tally.add(Organisation, Outcome.UPDATED if changed else Outcome.UNCHANGED)
        return org

    def _find(self, spec: OrganisationSpec) -> Organisation | None:
        org = demo_owned(Organisation, spec.key)
        if org is not None:
            return org
        owners = {
            pk
            for i in spec.identifiers
            for pk in Identifier.objects.filter(scheme=i.scheme, value=i.value).values_list(
                "organisation_id", flat=True
            )
        }
        if len(owners) > 1:
            raise DemoConflict(
                f"{spec.key}: its identifiers belong to different organisations {sorted(owners)}"
            )
        if not owners:
            resolver = self._resolver(spec.kind)
            for name in _names_of(spec):
                try:
                    pk = resolver.by_name(spec.country, name)
                except Ambiguous as exc:
                    raise DemoConflict(
                        f"{spec.key}: {exc}; give one of them the identifier the demo uses, "
                        "or merge them, then load the demo again"
                    ) from exc
                if pk is not None:
                    owners.add(pk)
            if len(owners) > 1:
                raise DemoConflict(
                    f"{spec.key}: its names fit different organisations {sorted(owners)}"
                )
        if not owners:
            return None
        org = Organisation.objects.get(pk=owners.pop())
        if org.data_source == DATA_SOURCE and org.origin_id != spec.key:
            raise DemoConflict(f"{spec.key}: matches demo organisation {org.origin_id}")
        return org

    def _resolver(self, kind: str) -> OrganisationResolver:
        if kind not in self._resolvers:
            self._resolvers[kind] = OrganisationResolver(kinds=(kind,))
        return self._resolvers[kind]

    # --- what hangs on it -----------------------------------------------------------------
    def _identifiers(self, spec: OrganisationSpec, org: Organisation) -> None:
        for ident in spec.identifiers:
            owner = (
                Identifier.objects.filter(scheme=ident.scheme, value=ident.value)
                .values_list("organisation_id", flat=True)
                .first()
            )
            if owner == org.pk:
                self.tally.add(Identifier, Outcome.UNCHANGED)
                continue
            if owner is not None:
                raise DemoConflict(
                    f"{spec.key}: {ident.scheme} {ident.value} belongs to organisation {owner}"
                )
            other = org.identifiers.filter(scheme=ident.scheme).first()
            if other is not None:
                # Matched by name to a place with another code: not the same place.
                raise DemoConflict(
                    f"{spec.key}: organisation {org.pk} has {other.scheme} {other.value}, "
                    f"not {ident.value}"
                )
            created = identifier_add(
                actor=SYSTEM,
                organisation=org,
                scheme=ident.scheme,
                value=ident.value,
                source=self.sources[ident.source],
            )
            tag(created, f"{spec.key}/{ident.scheme}")
            self.tally.add(Identifier, Outcome.CREATED)

    def _names(self, spec: OrganisationSpec, org: Organisation) -> None:
        have = set(org.other_names.values_list("name", "kind"))
        wanted = list(spec.other_names)
        # A demo name the record does not carry (someone else's record, or a field that
        # already held another name) is kept as another name, so that it is still found.
        current = {org.name_fi, org.name_sv, org.name_en}
        for lang in ("fi", "sv", "en"):
            name = getattr(spec.name, lang)
            if name not in current:
                wanted.append(NameSpec(name, "translation", lang))
                current.add(name)
        for name in wanted:
            if (name.name, name.kind) in have:
                self.tally.add(OrganisationName, Outcome.UNCHANGED)
                continue
            organisation_name_add(
                actor=SYSTEM,
                organisation=org,
                name=name.name,
                kind=name.kind,
                language=name.language,
                source=self.sources[name.source or spec.source],
                **origin(f"{spec.key}/name/{name.kind}/{name.name}"),
            )
            have.add((name.name, name.kind))
            self.tally.add(OrganisationName, Outcome.CREATED)

    def _network_profile(self, spec: OrganisationSpec, org: Organisation) -> None:
        assert spec.network is not None
        themes = [self.themes[code] for code in spec.network.themes]
        values = {"scope": spec.network.scope, "type": spec.network.type}
        profile = NetworkProfile.objects.filter(organisation=org).first()
        if profile is None:
            profile = NetworkProfile(
                organisation=org,
                source=self.sources[spec.source],
                **values,
                **origin(spec.key),
            )
            save_validated(profile, actor=SYSTEM, reason=REASON)
            set_m2m(profile, "themes", themes)
            self.tally.add(NetworkProfile, Outcome.CREATED)
        elif profile.data_source == DATA_SOURCE:
            values["source_id"] = self.sources[spec.source].pk
            self.tally.add(NetworkProfile, save_changes(profile, values, {"themes": themes}))
        else:
            self.tally.add(NetworkProfile, Outcome.UNCHANGED)


def _names_of(spec: OrganisationSpec) -> list[str]:
    names = [spec.name.fi, spec.name.sv, spec.name.en, *(n.name for n in spec.other_names)]
    return list(dict.fromkeys(n for n in names if n))
