"""Degree, PageRank and betweenness agree with networkx on random landscapes."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings

from tests.analytics.core import oracle
from tests.analytics.core.landscapes import as_of_days, landscapes
from verkosto.analytics.core.centrality import centrality
from verkosto.analytics.core.landscape import Landscape


def nx_graph(land, day) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(range(land.n_orgs))
    for i in range(land.n_memberships):
        if oracle.active(land.mem_start[i], land.mem_end[i], day):
            a, b = int(land.mem_member[i]), int(land.mem_network[i])
            if a != b:
                graph.add_edge(a, b)
    for i in range(land.n_twinnings):
        if oracle.active(land.tw_start[i], land.tw_end[i], day):
            a, b = int(land.tw_a[i]), int(land.tw_b[i])
            if a != b:
                graph.add_edge(a, b)
    return graph


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days)
def test_matches_networkx(land, day):
    result = centrality(land, as_of=day)
    graph = nx_graph(land, day)
    n = land.n_orgs
    assert result.betweenness_exact
    assert result.n_edges == graph.number_of_edges()
    assert result.degree.tolist() == [graph.degree(i) for i in range(n)]
    if n:
        pr = nx.pagerank(graph, alpha=0.85, tol=1e-10, max_iter=10_000)
        assert result.pagerank == pytest.approx([pr[i] for i in range(n)], abs=1e-6)
    bc = nx.betweenness_centrality(graph, normalized=False)
    assert result.betweenness == pytest.approx([bc[i] for i in range(n)], abs=1e-9)


def _star_of_stars() -> Landscape:
    # Two networks, each with 5 cities; city 0 is in both: the bridge. City 11 is alone.
    return Landscape.build(
        org_ids=range(100, 112),
        org_kind=["municipality"] * 9 + ["network"] * 2 + ["municipality"],
        mem_member=[0, 1, 2, 3, 4, 0, 5, 6, 7, 8],
        mem_network=[9] * 5 + [10] * 5,
    )


def test_sampling_is_reported_and_unbiased_when_every_source_is_used():
    land = _star_of_stars()
    exact = centrality(land, as_of=738000)
    sampled = centrality(land, as_of=738000, exact_betweenness_limit=0, betweenness_samples=5)
    assert exact.betweenness_exact and exact.betweenness_sources == land.n_orgs
    assert not sampled.betweenness_exact
    assert sampled.betweenness_sources == 5
    # Sampling draws only from nodes with ties: n - 1 samples here means every such node.
    all_sources = centrality(
        land, as_of=738000, exact_betweenness_limit=0, betweenness_samples=land.n_orgs - 1
    )
    assert not all_sources.betweenness_exact
    assert all_sources.betweenness == pytest.approx(exact.betweenness)
    # The two networks and the bridge city between them carry all the paths: the city lies on
    # the 5 × 5 paths from one side to the other.
    assert exact.betweenness[0] == 25
    assert sorted(exact.top("betweenness", 3).tolist()) == [0, 9, 10]


def test_sampled_estimate_is_seeded():
    land = _star_of_stars()
    a = centrality(land, as_of=738000, exact_betweenness_limit=0, betweenness_samples=4, seed=3)
    b = centrality(land, as_of=738000, exact_betweenness_limit=0, betweenness_samples=4, seed=3)
    assert np.array_equal(a.betweenness, b.betweenness)
