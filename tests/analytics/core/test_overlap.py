"""Network overlap agrees with plain set arithmetic on random landscapes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.analytics.core import oracle
from tests.analytics.core.landscapes import as_of_days, landscapes
from verkosto.analytics.core.landscape import Landscape
from verkosto.analytics.core.overlap import network_overlap, top_overlaps


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days)
def test_every_pair_matches_set_arithmetic(land, day):
    result = network_overlap(land, as_of=day, k=100)
    expected = oracle.overlap_pairs(land, day)
    got = {(p.a, p.b): p for row in result.top for p in row}
    assert set(got) == set(expected)
    for key, figures in expected.items():
        pair = got[key]
        assert pair.shared == figures["shared"]
        assert pair.jaccard == pytest.approx(figures["jaccard"])
        assert pair.overlap == pytest.approx(figures["overlap"])
        assert pair.shared_themes == figures["shared_themes"]
        assert pair.theme_jaccard == pytest.approx(figures["theme_jaccard"])
        assert pair.a_id == land.org_ids[pair.a]
        assert result.pair(*key) == pair
    members = oracle.members_by_network(land, day)
    for i, net in enumerate(result.networks):
        assert result.sizes[i] == len(members[int(net)])


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days)
def test_top_k_is_the_best_k_in_order(land, day):
    k = 2
    result = network_overlap(land, as_of=day, k=k)
    expected = oracle.overlap_pairs(land, day)
    for i, row in enumerate(result.top):
        a = int(result.networks[i])
        mine = [(b, f) for (x, b), f in expected.items() if x == a]
        mine.sort(
            key=lambda bf: (-bf[1]["overlap"], -bf[1]["theme_jaccard"], -bf[1]["shared"], bf[0])
        )
        assert [p.b for p in row] == [b for b, _ in mine[:k]]


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days)
def test_duplicates_follow_the_documented_rule(land, day):
    result = network_overlap(
        land,
        as_of=day,
        duplicate_min_overlap=0.5,
        duplicate_min_shared=1,
        duplicate_min_theme_jaccard=0.5,
    )
    expected = set()
    for (a, b), f in oracle.overlap_pairs(land, day).items():
        no_themes = f["theme_jaccard"] == 0 and f["shared_themes"] == 0
        themes = oracle.network_themes(land, day)
        no_themes = not themes[a] and not themes[b]
        if a < b and f["overlap"] >= 0.5 and (f["theme_jaccard"] >= 0.5 or no_themes):
            expected.add((a, b))
    assert {(d.a, d.b) for d in result.duplicates} == expected
    for d in result.duplicates:
        codes = [r.code for r in d.reasons]
        assert codes[0] == "shared_members"
        assert d.reasons[0].orgs == (d.a, d.b)


def test_duplicate_reasons_name_containment_themes_type_and_scope():
    # Network 3 (4 members) holds all of network 4 (3 members); same type, scope and themes.
    land = Landscape.build(
        org_ids=[11, 12, 13, 14, 15],
        org_kind=["municipality"] * 3 + ["network"] * 2,
        network_type=["", "", "", "thematic", "thematic"],
        network_scope=["", "", "", "national", "national"],
        theme_ids=[100, 101],
        network_themes=[[0, 0]] * 3 + [[1, 0], [1, 0]],
        mem_member=[0, 1, 2, 0, 1, 2],
        mem_network=[3, 3, 3, 4, 4, 4],
    )
    result = network_overlap(land, as_of=738000)
    (dup,) = result.duplicates
    assert (dup.a_id, dup.b_id) == (14, 15)
    codes = {r.code: r for r in dup.reasons}
    assert set(codes) == {
        "shared_members",
        "contained_in",
        "shared_themes",
        "same_type",
        "same_scope",
    }
    assert codes["shared_members"].count == 3
    assert codes["shared_members"].share == 1.0
    assert codes["shared_themes"].theme_ids == (100,)
    assert dup.score == 1.0


def test_heatmap_matches_pairs():
    land = Landscape.build(
        org_ids=[1, 2, 3, 4, 5],
        org_kind=["municipality"] * 3 + ["network"] * 2,
        mem_member=[0, 1, 2, 0],
        mem_network=[3, 3, 3, 4],
    )
    result = network_overlap(land, as_of=738000)
    heat = result.heatmap([3, 4], "overlap")
    assert heat.tolist() == [[1.0, 1.0], [1.0, 1.0]]
    assert result.heatmap([3, 4], "jaccard")[0, 1] == pytest.approx(1 / 3)
    assert result.heatmap([4, 3], "shared").tolist() == [[1, 1], [1, 3]]


@settings(max_examples=40, deadline=None)
@given(land=landscapes(), day=as_of_days, k=st.integers(0, 4), data=st.data())
def test_top_among_a_subset_is_the_best_k_of_the_subset(land, day, k, data):
    """``top_overlaps`` ranks like ``top`` (the same list without a subset) and, with one,
    gives the best k of the subset, not the best k of all cut down to it."""
    result = network_overlap(land, as_of=day, k=k)
    expected = oracle.overlap_pairs(land, day)
    networks = [int(n) for n in result.networks]
    for i, a in enumerate(networks):
        assert top_overlaps(result, a, k=k) == result.top[i]
        among = data.draw(st.lists(st.sampled_from(networks), unique=True), label="among")
        mine = [(b, f) for (x, b), f in expected.items() if x == a and b in among]
        mine.sort(
            key=lambda bf: (-bf[1]["overlap"], -bf[1]["theme_jaccard"], -bf[1]["shared"], bf[0])
        )
        got = top_overlaps(result, a, k=k, among=among)
        assert [p.b for p in got] == [b for b, _ in mine[:k]]
        assert all(p == result.pair(a, p.b) for p in got)
