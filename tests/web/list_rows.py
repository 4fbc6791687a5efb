"""Rows for the list tests: n records of each list's kind, with everything a row shows."""

import datetime as dt

from tests.factories import NetworkFactory, OrganisationFactory, SourceFactory
from verkosto.registry import models as m
from verkosto.registry.services.organisations import organisation_refresh_search_key


class Rows:
    """Makes rows with shared themes and source; ``workspace`` makes the private ones private."""

    def __init__(self):
        self.source = SourceFactory()
        self.climate = m.Theme.objects.create(
            code="climate", label_fi="Ilmasto", label_sv="Klimat", label_en="Climate"
        )
        self.culture = m.Theme.objects.create(
            code="culture", label_fi="Kulttuuri", label_sv="Kultur", label_en="Culture"
        )
        self.region = OrganisationFactory(
            kind=m.OrganisationKind.REGION, name="Uusimaa", source=self.source
        )
        self.counter = 0

    def _n(self) -> int:
        self.counter += 1
        return self.counter

    def org(self, **fields) -> m.Organisation:
        fields.setdefault("parent", self.region)
        org = OrganisationFactory(source=self.source, **fields)
        organisation_refresh_search_key(organisation_ids=[org.pk])
        return org

    def network(self, scope="eu", type="thematic", themes=None, **fields) -> m.Organisation:
        org = NetworkFactory(source=self.source, **fields)
        profile = m.NetworkProfile.objects.create(
            organisation=org, scope=scope, type=type, source=self.source
        )
        profile.themes.set(themes if themes is not None else [self.climate])
        organisation_refresh_search_key(organisation_ids=[org.pk])
        return org

    def membership(self, member=None, network=None, workspace=None, themes=None, **fields):
        ms = m.Membership.objects.create(
            member=member or self.org(),
            organisation=network or self.network(),
            source=self.source,
            workspace=workspace,
            **fields,
        )
        ms.themes.set(themes if themes is not None else [self.climate, self.culture])
        return ms

    def twinning(self, a=None, b=None, workspace=None, **fields):
        a, b = a or self.org(), b or self.org()
        first, second = sorted([a, b], key=lambda o: o.pk)
        return m.Twinning.objects.create(
            first=first, second=second, source=self.source, workspace=workspace, **fields
        )

    def partnership(self, name=None, workspace=None, **fields):
        n = self._n()
        p = m.Partnership.objects.create(
            name_fi=name or f"Kumppanuus {n}",
            kind=fields.pop("kind", m.PartnershipKind.PARTNERSHIP),
            source=self.source,
            workspace=workspace,
            **fields,
        )
        for role in (m.PartyRole.STATE, m.PartyRole.CITY):
            m.PartnershipParty.objects.create(
                partnership=p, organisation=self.org(), role=role, source=self.source
            )
        p.themes.set([self.climate])
        return p

    def theme(self, **fields):
        n = self._n()
        fields.setdefault("code", f"theme-{n}")
        fields.setdefault("label_fi", f"Teema {n}")
        return m.Theme.objects.create(parent=self.climate, **fields)

    def goal(self, workspace=None, **fields):
        n = self._n()
        fields.setdefault("title_fi", f"Tavoite {n}")
        return m.StrategicGoal.objects.create(
            organisation=fields.pop("organisation", None) or self.org(),
            source=self.source,
            workspace=workspace,
            **fields,
        )

    def event(self, workspace=None, **fields):
        n = self._n()
        fields.setdefault("title_fi", f"Tapahtuma {n}")
        fields.setdefault("start_date", dt.date(2026, 1, 1) + dt.timedelta(days=n))
        return m.Event.objects.create(
            kind=fields.pop("kind", m.EventKind.MEETING),
            organiser=fields.pop("organiser", None) or self.org(),
            network=fields.pop("network", None) or self.network(),
            source=self.source,
            workspace=workspace,
            **fields,
        )

    def make(self, kind: str, count: int) -> None:
        for _ in range(count):
            getattr(self, "org" if kind == "organisation" else kind)()
