"""Trends agree with counting year by year."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.analytics.core import oracle
from tests.analytics.core.landscapes import landscapes
from verkosto.analytics.core.landscape import OPEN_END, Landscape
from verkosto.analytics.core.trends import trends


@settings(max_examples=40, deadline=None)
@given(
    land=landscapes(), subject=st.sampled_from(["all", "org", "country"]), pick=st.integers(0, 50)
)
def test_matches_year_by_year_count(land, subject, pick):
    org = pick % land.n_orgs if subject == "org" and land.n_orgs else None
    country = "FI" if subject == "country" else None
    result = trends(land, first_year=2018, last_year=2025, org=org, country=country)
    series, twins = oracle.trend_counts(land, 2018, 2025, org=org, country=country)
    expected = {k: v for k, v in series.items() if any(v)}
    assert {(s.network_type, s.network_scope): list(s.counts) for s in result.memberships} == (
        expected
    )
    assert list(result.twinnings) == twins
    assert result.years == tuple(range(2018, 2026))


def test_open_and_boundary_periods():
    day = oracle.dt.date
    land = Landscape.build(
        org_ids=[1, 2, 3],
        org_kind=["municipality", "municipality", "network"],
        network_type=["", "", "thematic"],
        network_scope=["", "", "national"],
        mem_member=[0, 1],
        mem_network=[2, 2],
        # Ends on the first day of 2021: counts in 2021. Open start: counts from the beginning.
        mem_start=[day(2019, 12, 31).toordinal(), -(2**31)],
        mem_end=[day(2021, 1, 1).toordinal(), day(2019, 6, 1).toordinal()],
        tw_a=[0],
        tw_b=[1],
        tw_start=[day(2022, 5, 5).toordinal()],
        tw_end=[OPEN_END],
    )
    result = trends(land, first_year=2018, last_year=2023)
    (series,) = result.memberships
    assert series.counts == (1, 2, 1, 1, 0, 0)
    assert result.twinnings == (0, 0, 0, 0, 1, 1)
    mine = trends(land, first_year=2018, last_year=2023, org=1)
    assert mine.memberships[0].counts == (1, 1, 0, 0, 0, 0)
