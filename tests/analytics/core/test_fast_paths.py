"""The shortcuts taken for speed give the same answers as the plain way.

- sampled betweenness: our all-sources-at-once Brandes equals igraph's subset betweenness;
- peers: the pruning threshold from exactly scored probes never drops a true top-k peer
  (checked on a landscape big enough that most candidates are pruned).
"""

import igraph as ig
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.analytics.core import oracle
from tests.analytics.core.landscapes import as_of_days, landscapes
from verkosto.analytics.core.bench import AS_OF, generate, sample_cities
from verkosto.analytics.core.centrality import (
    cooperation_edges,
    source_betweenness,
    symmetric_adjacency,
)
from verkosto.analytics.core.peers import city_peers


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days, picks=st.lists(st.integers(0, 100), max_size=6))
def test_source_betweenness_equals_igraph_subset(land, day, picks):
    n = land.n_orgs
    edges = cooperation_edges(land, day)
    sources = np.unique(np.array([p % n for p in picks], dtype=np.int64)) if n else np.zeros(0)
    ours = source_betweenness(symmetric_adjacency(edges, n), sources.astype(np.int64))
    graph = ig.Graph(n=n, edges=edges.tolist(), directed=False)
    theirs = (
        graph.betweenness(directed=False, sources=sources.tolist()) if len(sources) else [0] * n
    )
    assert ours.tolist() == pytest.approx(list(theirs), rel=1e-5, abs=1e-6)


def test_source_betweenness_on_a_path_counts_every_pair():
    # Path 0-1-2-3-4 as a twinning chain: from source 0, node 1 lies on 3 paths (to 2, 3, 4),
    # node 2 on 2, node 3 on 1; halved because each unordered pair is counted from both ends.
    land_edges = np.array([[0, 1], [1, 2], [2, 3], [3, 4]])
    adjacency = symmetric_adjacency(land_edges, 5)
    assert source_betweenness(adjacency, np.array([0])).tolist() == [0, 1.5, 1.0, 0.5, 0]


def test_peer_pruning_keeps_the_true_top_k_on_a_larger_landscape():
    land = generate("small", seed=2)
    for org in sample_cities(land, 4, seed=2).tolist():
        expected = oracle.peer_scores(land, org, AS_OF)
        best = sorted(expected.values(), reverse=True)[:10]
        got = city_peers(land, org, as_of=AS_OF, k=10).peers
        assert [p.score for p in got] == pytest.approx(best, abs=1e-9)
        for p in got:
            assert p.score == pytest.approx(expected[p.org], abs=1e-9)
