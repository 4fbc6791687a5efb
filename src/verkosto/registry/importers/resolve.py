"""Matching names and codes in a file to organisations already in the registry.

Importers merge on identifiers first and on known names second, and never guess: a name
that fits two organisations is reported as ambiguous. Everything is preloaded in a few
queries so that resolving a row costs none.
"""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from verkosto.common.text import fold_place
from verkosto.registry.importers.errors import Message
from verkosto.registry.models import Identifier, Organisation, OrganisationName


class Ambiguous(Exception):
    def __init__(self, name: str, ids: set[int]):
        self.message = Message(
            _("%(name)r fits %(count)d organisations (ids %(ids)s)"),
            name=name,
            count=len(ids),
            ids=str(sorted(ids)[:5]),
        )
        super().__init__(self.message)
        self.ids = ids


class OrganisationResolver:
    """Identifier and name look-ups over organisations of the given kinds."""

    def __init__(self, *, kinds: tuple[str, ...] | None = None):
        self.kinds = kinds
        self._by_identifier: dict[tuple[str, str], int] = {}
        self._by_name: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._country: dict[int, str] = {}
        self.load()

    def load(self) -> None:
        orgs = Organisation.objects.all()
        if self.kinds:
            orgs = orgs.filter(kind__in=self.kinds)
        rows = orgs.values_list("pk", "country", "name", "name_fi", "name_sv", "name_en")
        for pk, country, *names in rows.iterator(chunk_size=5000):
            self._country[pk] = country
            for name in names:
                if name:
                    self._by_name[(country, fold_place(name))].add(pk)
        others = OrganisationName.objects.filter(organisation__in=orgs).values_list(
            "organisation_id", "name"
        )
        for pk, name in others.iterator(chunk_size=5000):
            self._by_name[(self._country[pk], fold_place(name))].add(pk)
        identifiers = Identifier.objects.filter(organisation__in=orgs).values_list(
            "scheme", "value", "organisation_id"
        )
        for scheme, value, pk in identifiers.iterator(chunk_size=5000):
            self._by_identifier[(scheme, value)] = pk

    def by_identifier(self, scheme: str, value: str) -> int | None:
        return self._by_identifier.get((scheme, value))

    def by_name(self, country: str, name: str) -> int | None:
        """The one organisation of ``country`` with this name; Ambiguous if several."""
        ids = self._by_name.get((country, fold_place(name)), set())
        if len(ids) > 1:
            raise Ambiguous(name, ids)
        return next(iter(ids), None)

    def remember(
        self,
        pk: int,
        *,
        country: str,
        names: list[str] = (),
        identifiers: list[tuple[str, str]] = (),
    ) -> None:
        """Make an organisation created during this import findable by later rows."""
        self._country[pk] = country
        for name in names:
            if name:
                self._by_name[(country, fold_place(name))].add(pk)
        for scheme, value in identifiers:
            self._by_identifier[(scheme, value)] = pk
