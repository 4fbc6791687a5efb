"""The landscape selector: nine queries, ids to positions, days as ordinals, and only the
private facts of the workspace asked for."""

import datetime as dt

import pytest

from tests.factories import NetworkFactory, OrganisationFactory, SourceFactory, WorkspaceFactory
from verkosto.analytics.core.landscape import OPEN_END, OPEN_START
from verkosto.analytics.selectors.audience import PUBLIC, Audience
from verkosto.analytics.selectors.landscape import landscape_load
from verkosto.registry.models import Membership, Theme

DAYS = [dt.date(1, 1, 1), dt.date(1900, 1, 1), dt.date(2024, 2, 29), dt.date(2200, 12, 31)]


@pytest.mark.django_db
def test_days_and_visibility(django_assert_num_queries):
    source = SourceFactory()
    city, other = OrganisationFactory(source=source), OrganisationFactory(source=source)
    network = NetworkFactory(source=source)
    mine, theirs = WorkspaceFactory(), WorkspaceFactory()
    theme = Theme.objects.create(code="analytics-test-theme", label="T")
    rows = [
        Membership.objects.create(member=city, organisation=network, source=source, start=day)
        for day in DAYS
    ]
    private = Membership.objects.create(
        member=other, organisation=network, source=source, workspace=mine, end=DAYS[2]
    )
    private.themes.add(theme)
    foreign = Membership.objects.create(
        member=other, organisation=city, source=source, workspace=theirs
    )

    with django_assert_num_queries(9):
        loaded = landscape_load(audience=Audience(mine))
    land = loaded.landscape
    by_id = dict(zip(loaded.mem_ids.tolist(), range(land.n_memberships), strict=True))
    assert [int(land.mem_start[by_id[m.pk]]) for m in rows] == [d.toordinal() for d in DAYS]
    assert int(land.mem_end[by_id[rows[0].pk]]) == OPEN_END
    assert int(land.mem_start[by_id[private.pk]]) == OPEN_START
    assert int(land.mem_end[by_id[private.pk]]) == DAYS[2].toordinal()
    assert int(land.mem_member[by_id[private.pk]]) == loaded.position(other.pk)
    assert land.mem_themes[by_id[private.pk]].nonzero()[1].tolist() == [
        land.theme_ids.tolist().index(theme.pk)
    ]
    assert bool(loaded.mem_private[by_id[private.pk]])
    # The other workspace's membership is not there; the public view has no private one.
    assert foreign.pk not in by_id
    public = landscape_load(audience=PUBLIC).mem_ids.tolist()
    assert private.pk not in public and rows[0].pk in public
