"""Gaps of an organisation on a hand-made landscape one can check by eye."""

from verkosto.analytics.core.gaps import org_gaps
from verkosto.analytics.core.landscape import Landscape

CLIMATE, MOBILITY, CULTURE, HEALTH = 0, 1, 2, 3


def _landscape() -> Landscape:
    # Cities 0 (us), 1, 2 (peers), 3; networks 4 (climate), 5 (mobility), 6 (culture),
    # 7 (no themes at all), 8 (health).
    return Landscape.build(
        org_ids=[10, 11, 12, 13, 14, 15, 16, 17, 18],
        org_kind=["municipality"] * 4 + ["network"] * 5,
        theme_ids=[100, 101, 102, 103],
        network_themes=[[0, 0, 0, 0]] * 4
        + [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 1]],
        # We are in climate (4), culture (6), the theme-less one (7); peers 1 and 2 share
        # climate and are in mobility (5); city 3 is in health (8) only.
        mem_member=[0, 0, 0, 1, 1, 2, 2, 3],
        mem_network=[4, 6, 7, 4, 5, 4, 5, 8],
        mem_ids=[900, 901, 902, 903, 904, 905, 906, 907],
        goal_org=[0, 0, 0],
        goal_themes=[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]],
        goal_ids=[50, 51, 52],
        goal_end=[800000, 800000, 1],  # the health goal ended long ago
    )


def test_unserved_idle_and_suggested():
    gaps = org_gaps(_landscape(), 0, as_of=738000)
    assert gaps.goal_themes == (CLIMATE, MOBILITY)
    assert gaps.served_themes == (CLIMATE, CULTURE)
    (unserved,) = gaps.unserved
    assert (unserved.theme_id, unserved.goal_ids) == (101, (51,))
    idle = {m.network_id: m.reasons[0] for m in gaps.idle}
    assert idle[16].code == "serves_no_goal" and idle[16].theme_ids == (102,)
    assert idle[17].code == "no_themes"
    assert {m.membership_id for m in gaps.idle} == {901, 902}
    (suggestion,) = gaps.suggestions  # health is no goal now: network 8 is not suggested
    assert suggestion.network_id == 15
    assert set(suggestion.peer_ids) == {11, 12}
    assert suggestion.theme_ids == (101,)
    codes = [r.code for r in suggestion.reasons]
    assert codes == ["peers_are_members", "covers_gap_themes"]
    assert suggestion.reasons[1].share == 1.0


def test_no_goals_means_no_gaps():
    land = _landscape()
    gaps = org_gaps(land, 3, as_of=738000)
    assert gaps.unserved == [] and gaps.suggestions == []
    assert [m.network_id for m in gaps.idle] == [18]
