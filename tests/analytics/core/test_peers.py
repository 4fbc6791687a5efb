"""Peers agree with a brute-force idf-weighted cosine on random landscapes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.analytics.core import oracle
from tests.analytics.core.landscapes import as_of_days, landscapes
from verkosto.analytics.core.landscape import Landscape
from verkosto.analytics.core.peers import city_peers, city_peers_many


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days, pick=st.integers(0, 100), k=st.integers(1, 5))
def test_peers_are_the_brute_force_top_k(land, day, pick, k):
    if land.n_orgs == 0:
        return
    org = pick % land.n_orgs
    result = city_peers(land, org, as_of=day, k=k)
    expected = oracle.peer_scores(land, org, day)
    assert len(result.peers) == min(k, len(expected))
    got_scores = [p.score for p in result.peers]
    best = sorted(expected.values(), reverse=True)[:k]
    assert got_scores == pytest.approx(best, abs=1e-9)
    for p in result.peers:
        assert p.score == pytest.approx(expected[p.org], abs=1e-9)
        assert p.org_id == land.org_ids[p.org]
        # The explanation: exactly the networks both are in as of the day.
        members = oracle.members_by_network(land, day)
        shared = {n for n, ms in members.items() if org in ms and p.org in ms}
        assert set(p.shared_networks) == shared
        assert p.reasons[0].code == "shared_networks"
        assert p.reasons[0].count == len(shared)


def test_a_small_shared_network_counts_more_than_a_big_one():
    # Big network {0,1,2,3,4}, small network {0,3,5}: city 5 shares only the small one with
    # city 0, city 1 only the big one; the small shared network must weigh more.
    big, small = 6, 7
    land = Landscape.build(
        org_ids=range(1, 9),
        org_kind=["municipality"] * 6 + ["network"] * 2,
        mem_member=[0, 1, 2, 3, 4, 0, 3, 5],
        mem_network=[big] * 5 + [small] * 3,
        tw_a=[5],
        tw_b=[0],
    )
    peers = city_peers(land, 0, as_of=738000, k=3).peers
    assert [p.org for p in peers] == [3, 5, 1]
    assert peers[0].shared_networks == (small, big)  # the most telling network first
    assert peers[0].membership_cosine == pytest.approx(1.0)
    assert peers[0].score == pytest.approx(0.75)  # no themes anywhere: the theme part is 0
    assert peers[1].score > 3 * peers[2].score
    assert [r.code for r in peers[1].reasons] == ["shared_networks", "twinned"]
    assert peers[1].reasons[1].org_ids == (1, 6)


@settings(max_examples=30, deadline=None)
@given(land=landscapes(), day=as_of_days)
def test_many_at_once_equals_one_by_one(land, day):
    orgs = list(range(land.n_orgs))
    together = city_peers_many(land, orgs, as_of=day, k=3)
    land._cache.clear()
    assert together == [city_peers(land, o, as_of=day, k=3) for o in orgs]
