"""Gaps: strategic themes no membership serves, memberships serving no goal, suggestions.

Why suggestions come from peers: a network that cities like this one use, and that works on a
theme this city wants but has no channel for, is the most defensible suggestion we can make —
and the reason (which peers, which themes) is checkable by the user.
"""

from __future__ import annotations

import numpy as np

from verkosto.analytics.core.landscape import Landscape
from verkosto.analytics.core.matrices import ActiveView, active_view, row_entries
from verkosto.analytics.core.peers import peer_scores
from verkosto.analytics.core.results import (
    Gaps,
    IdleMembership,
    Reason,
    Suggestion,
    UnservedTheme,
)


def _ints(values: np.ndarray) -> tuple[int, ...]:
    return tuple(np.asarray(values).tolist())


def org_gaps(
    land: Landscape,
    org: int,
    *,
    as_of: int,
    n_peers: int = 20,
    k: int = 10,
) -> Gaps:
    """Gaps of org position ``org`` as of ``as_of``.

    Goal themes = themes of its goals in force. A theme is served when some active membership
    of the org has it (membership themes ∪ the network's themes). ``idle`` = active memberships
    whose themes meet no goal theme (or that have no themes). ``suggestions`` = up to ``k``
    networks the org is not in, that some of its ``n_peers`` top peers are in and that serve at
    least one unserved theme; score = (summed score of those peers / summed score of all top
    peers) * (covered unserved themes / unserved themes).
    """
    org = int(org)
    view = active_view(land, as_of)
    t = land.n_themes
    goals = np.flatnonzero((land.goal_org == org) & land.active_goals(as_of))
    goal_local, goal_pos = row_entries(land.goal_themes, goals)
    goal_theme_of = land.goal_themes.indices[goal_pos]
    goal_mask = np.zeros(t, dtype=bool)
    goal_mask[goal_theme_of] = True
    goal_themes = np.flatnonzero(goal_mask)
    # Active memberships of this org (positions in the full membership arrays).
    active_rows, mine = _active_rows_of(land, view, org)
    union = view.mem_theme_union
    _, union_pos = row_entries(union, mine)
    served_mask = np.zeros(t, dtype=bool)
    served_mask[union.indices[union_pos]] = True
    served = np.flatnonzero(served_mask)
    unserved_themes = np.flatnonzero(goal_mask & ~served_mask)
    unserved = []
    for th in unserved_themes.tolist():
        naming = goals[np.unique(goal_local[goal_theme_of == th])]
        unserved.append(
            UnservedTheme(
                theme=th,
                theme_id=int(land.theme_ids[th]),
                goals=_ints(naming),
                goal_ids=_ints(land.goal_ids[naming]),
            )
        )

    idle: list[IdleMembership] = []
    for row in mine.tolist():
        membership = int(active_rows[row])
        themes = union.indices[union.indptr[row] : union.indptr[row + 1]]
        network = int(land.mem_network[membership])
        net_id = int(land.org_ids[network])
        if len(themes) == 0:
            reason = Reason(code="no_themes", orgs=(network,), org_ids=(net_id,))
        elif not goal_mask[themes].any():
            themes = np.sort(themes)
            reason = Reason(
                code="serves_no_goal",
                count=len(themes),
                orgs=(network,),
                org_ids=(net_id,),
                themes=_ints(themes),
                theme_ids=_ints(land.theme_ids[themes]),
            )
        else:
            continue
        idle.append(
            IdleMembership(
                membership=membership,
                membership_id=int(land.mem_ids[membership]),
                network=network,
                network_id=net_id,
                reasons=(reason,),
            )
        )

    suggestions = _suggest(land, view, org, as_of, unserved_themes, n_peers, k)
    return Gaps(
        org=org,
        org_id=int(land.org_ids[org]),
        as_of=int(as_of),
        goal_themes=_ints(goal_themes),
        served_themes=_ints(served),
        unserved=unserved,
        idle=idle,
        suggestions=suggestions,
    )


def _active_rows_of(land: Landscape, view: ActiveView, org: int) -> tuple[np.ndarray, np.ndarray]:
    """Active membership rows and, of those, the indices belonging to ``org``.

    Read from the org × active-membership matrix the view already built (its row ``org``
    holds the org's active memberships in row order), so each lookup is a slice, not a scan
    over a million memberships nor a second sort of them.
    """
    active_rows, order, indptr = view.__dict__["_member_rows"]
    return active_rows, order[indptr[org] : indptr[org + 1]]


def _dense_net_themes(view: ActiveView) -> np.ndarray:
    cache = view.__dict__.setdefault("_gaps", {})
    if "net_themes" not in cache:
        cache["net_themes"] = view.net_themes.toarray().astype(bool)
    return cache["net_themes"]


def _suggest(land, view, org, as_of, unserved_themes, n_peers, k) -> list[Suggestion]:
    if len(unserved_themes) == 0:
        return []
    peers, scores = peer_scores(land, org, as_of=as_of, k=n_peers)
    if len(peers) == 0:
        return []
    # Peers × networks weighted by peer score: column sums = how strongly peers use a network.
    inc = view.incidence
    peer_local, entry = row_entries(inc, peers)
    peer_net = inc.indices[entry]
    peer_weight = np.bincount(peer_net, weights=scores[peer_local], minlength=inc.shape[1])
    mine = inc.indices[inc.indptr[org] : inc.indptr[org + 1]]
    cover = _dense_net_themes(view)[:, unserved_themes]
    covered = cover.sum(axis=1)
    candidate = (peer_weight > 0) & (covered > 0)
    candidate[mine] = False
    cand = np.flatnonzero(candidate)
    total = float(scores.sum()) or 1.0
    score = (peer_weight[cand] / total) * (covered[cand] / len(unserved_themes))
    order = np.lexsort((view.networks[cand], -score))[:k]
    out = []
    for i in order.tolist():
        net = int(cand[i])
        position = int(view.networks[net])
        in_net = peer_local[peer_net == net]
        in_net = in_net[np.lexsort((peers[in_net], -scores[in_net]))]
        peer_pos = peers[in_net]
        themes = unserved_themes[np.flatnonzero(cover[net])]
        reasons = (
            Reason(
                code="peers_are_members",
                count=len(peer_pos),
                share=float(scores[in_net].sum() / total),
                orgs=_ints(peer_pos),
                org_ids=_ints(land.org_ids[peer_pos]),
            ),
            Reason(
                code="covers_gap_themes",
                count=len(themes),
                total=len(unserved_themes),
                share=len(themes) / len(unserved_themes),
                themes=_ints(themes),
                theme_ids=_ints(land.theme_ids[themes]),
            ),
        )
        out.append(
            Suggestion(
                network=position,
                network_id=int(land.org_ids[position]),
                score=float(score[i]),
                themes=_ints(themes),
                theme_ids=_ints(land.theme_ids[themes]),
                peers=_ints(peer_pos),
                peer_ids=_ints(land.org_ids[peer_pos]),
                reasons=reasons,
            )
        )
    return out
