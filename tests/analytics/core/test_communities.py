"""Communities: the city graph is built as documented, Leiden finds the obvious groups."""

import numpy as np
import pytest
from hypothesis import given, settings

from tests.analytics.core import oracle
from tests.analytics.core.landscapes import as_of_days, landscapes
from verkosto.analytics.core.communities import (
    city_communities,
    city_graph,
    kept_networks,
    size_cap,
    top_k_per_row,
)
from verkosto.analytics.core.landscape import Landscape


def _two_groups() -> Landscape:
    # Cities 0-4 meet in networks 10 and 11, cities 5-9 in 12 and 13; 0 and 5 are twins.
    members = [*range(5), *range(5), *range(5, 10), *range(5, 10)]
    networks = [10] * 5 + [11] * 5 + [12] * 5 + [13] * 5
    # A giant network with everybody: left out of the co-membership edges by the size cap.
    members += list(range(10))
    networks += [14] * 10
    return Landscape.build(
        org_ids=range(1, 16),
        org_kind=["municipality"] * 10 + ["network"] * 5,
        mem_member=members,
        mem_network=networks,
        tw_a=[0],
        tw_b=[5],
    )


def test_finds_the_two_groups_deterministically():
    land = _two_groups()
    result = city_communities(land, as_of=738000, max_network_size=5, seed=1)
    again = city_communities(land, as_of=738000, max_network_size=5, seed=1)
    assert np.array_equal(result.labels, again.labels)
    assert result.n_communities == 2
    assert len(set(result.labels[:5])) == 1 and len(set(result.labels[5:10])) == 1
    assert result.labels[0] != result.labels[5]
    assert (result.labels[10:] == -1).all()  # networks are not nodes of the city graph
    assert result.params["left_out_networks"] == 1
    assert result.modularity > 0.3


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days)
def test_graph_weights_are_idf_sums_plus_twinning(land, day):
    upper, _ = city_graph(
        land, as_of=day, max_network_size=10**6, top_k_edges=10**6, twinning_weight=0.5
    )
    members = oracle.members_by_network(land, day)
    everyone = set().union(*members.values()) if members else set()
    expected: dict[tuple[int, int], float] = {}
    for ms in members.values():
        if len(ms) < 2:
            continue
        w = np.log(len(everyone) / len(ms))
        for a in ms:
            for b in ms:
                if a < b and w > 0:
                    expected[(a, b)] = expected.get((a, b), 0.0) + w
    twins = set()
    for i in range(land.n_twinnings):
        a, b = sorted((int(land.tw_a[i]), int(land.tw_b[i])))
        if a != b and oracle.active(land.tw_start[i], land.tw_end[i], day):
            twins.add((a, b))
    for pair in twins:
        expected[pair] = expected.get(pair, 0.0) + 0.5
    coo = upper.tocoo()
    got = {(int(r), int(c)): float(v) for r, c, v in zip(coo.row, coo.col, coo.data, strict=True)}
    assert set(got) == set(expected)
    for pair, w in expected.items():
        assert got[pair] == pytest.approx(w)


def test_top_k_per_row_keeps_the_heaviest():
    import scipy.sparse as sp

    m = sp.csr_matrix(np.array([[0, 3, 1, 2], [5, 0, 0, 0], [1, 1, 4, 9]], dtype=float))
    kept = top_k_per_row(m, 2).toarray()
    assert kept.tolist() == [[0, 3, 0, 2], [5, 0, 0, 0], [0, 0, 4, 9]]


def test_empty_graph():
    result = city_communities(Landscape.empty(), as_of=738000)
    assert result.n_communities == 0 and len(result.labels) == 0


def test_size_cap_keeps_a_country_and_bounds_a_continent():
    # One country: 300 active municipalities, networks up to 140 members, one of everybody.
    sizes = np.array([12, 40, 140, 300])
    kept, cap = kept_networks(sizes, 300, max_network_size=None, pair_budget=4_000_000)
    assert kept.tolist() == [0, 1, 2] and cap == 140
    # A continent: the pairs of the kept networks stay within the budget.
    sizes = np.array([50] * 1000 + [400] * 500 + [20_000] * 5)
    kept, cap = kept_networks(sizes, 100_000, max_network_size=None, pair_budget=4_000_000)
    assert cap == 50 and len(kept) == 1000
    assert int((sizes[kept] * (sizes[kept] - 1)).sum()) <= 4_000_000
    assert size_cap(np.array([5, 5, 5]), 100, pair_budget=45) == 1  # ties go out together
