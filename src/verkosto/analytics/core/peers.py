"""Peers of a city: cosine similarity of idf-weighted membership profiles and theme profiles.

Why idf weights: sharing a 40-member thematic network tells much more about two cities than
both being in an association of every municipality; weighting each network by log(N / size)
lets the small shared network dominate. One city's scores against everybody are one sparse
product over the networks it is in (cost = the summed sizes of its networks), so peers of a
sample of cities need no city × city matrix.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from verkosto.analytics.core.landscape import Landscape
from verkosto.analytics.core.matrices import ActiveView, active_view, row_dots
from verkosto.analytics.core.results import Peer, Peers, Reason

#: How many shared networks / themes a reason lists at most (the count says how many in all).
REASON_LIST_LIMIT = 10


def city_peers(
    land: Landscape,
    org: int,
    *,
    as_of: int,
    k: int = 10,
    theme_weight: float = 0.25,
) -> Peers:
    """The ``k`` organisations most similar to org position ``org`` as of ``as_of``.

    score = (1 - theme_weight) * membership_cosine + theme_weight * theme_cosine, where
    membership_cosine is the cosine of the binary org × network rows weighted by
    idf(n) = log(N / size(n)) (N = organisations with an active membership, size = active
    members) and theme_cosine the cosine of the theme profiles (per theme, the number of the
    org's active membership rows serving it: membership themes ∪ the network's own themes).
    Only organisations sharing at least one active network are candidates; ranked by score,
    then position. ``shared_networks`` lists the shared networks by idf weight, highest first.
    """
    (result,) = city_peers_many(land, [org], as_of=as_of, k=k, theme_weight=theme_weight)
    return result


def city_peers_many(
    land: Landscape,
    orgs: list[int] | np.ndarray,
    *,
    as_of: int,
    k: int = 10,
    theme_weight: float = 0.25,
) -> list[Peers]:
    """``city_peers`` for many organisations at once (same results, in the order given).

    Why: the explanations of all (city, peer) pairs come from two sparse element-wise
    products (shared networks, shared themes) instead of a few dozen small NumPy calls per
    peer, which made Python overhead most of the cost of a peer list.
    """
    view = active_view(land, as_of)
    orgs = [int(o) for o in orgs]
    ranked = [_scores(view, o, k, theme_weight) for o in orgs]
    counts = [len(r[0]) for r in ranked]
    src = np.repeat(np.asarray(orgs, dtype=np.int64), counts)
    if len(src) == 0:
        return [Peers(org=o, org_id=int(land.org_ids[o]), as_of=int(as_of), peers=[]) for o in orgs]
    dst = np.concatenate([r[0] for r in ranked]).astype(np.int64)
    scores = np.concatenate([r[1] for r in ranked]).tolist()
    mcos = np.concatenate([r[2] for r in ranked]).tolist()
    tcos = np.concatenate([r[3] for r in ranked]).tolist()
    networks = _shared_networks(view, src, dst)
    themes = _shared_themes(view, src, dst)
    twins = _twin_set(view)
    ids = land.org_ids
    theme_ids = land.theme_ids
    out: list[Peers] = []
    i = 0
    for org, count in zip(orgs, counts, strict=True):
        peers = []
        for _ in range(count):
            peer = int(dst[i])
            positions = networks[i]
            reasons = [
                Reason(
                    code="shared_networks",
                    count=len(positions),
                    share=mcos[i],
                    orgs=positions[:REASON_LIST_LIMIT],
                    org_ids=tuple(ids[list(positions[:REASON_LIST_LIMIT])].tolist()),
                )
            ]
            both, total = themes[i]
            if both:
                top = both[:REASON_LIST_LIMIT]
                reasons.append(
                    Reason(
                        code="shared_themes",
                        count=len(both),
                        total=total,
                        share=tcos[i],
                        themes=top,
                        theme_ids=tuple(theme_ids[list(top)].tolist()),
                    )
                )
            if (min(org, peer), max(org, peer)) in twins:
                reasons.append(
                    Reason(code="twinned", orgs=(org, peer),
                           org_ids=(int(ids[org]), int(ids[peer])))
                )  # fmt: skip
            peers.append(
                Peer(
                    org=peer,
                    org_id=int(ids[peer]),
                    score=scores[i],
                    membership_cosine=mcos[i],
                    theme_cosine=tcos[i],
                    shared_networks=positions,
                    shared_network_ids=tuple(ids[list(positions)].tolist()),
                    reasons=tuple(reasons),
                )
            )
            i += 1
        out.append(Peers(org=org, org_id=int(ids[org]), as_of=int(as_of), peers=peers))
    return out


def _segments(matrix: sp.csr_matrix, order_key: np.ndarray) -> list[tuple[int, ...]]:
    """Each row's column indices, ordered by ``order_key`` (one sort for all rows)."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((order_key, rows))
    cols = matrix.indices[order].tolist()
    bounds = matrix.indptr.tolist()
    return [tuple(cols[bounds[r] : bounds[r + 1]]) for r in range(matrix.shape[0])]


def _shared_networks(view: ActiveView, src: np.ndarray, dst: np.ndarray) -> list[tuple[int, ...]]:
    """Per pair, the org positions of the shared networks, most telling (highest idf) first."""
    inc = view.incidence
    both = sp.csr_matrix(inc[src].multiply(inc[dst]))
    both.eliminate_zeros()
    both.sort_indices()
    # Global rank of networks by (-idf, position): sorting by it orders every row at once.
    rank = np.empty(len(view.networks), dtype=np.int64)
    rank[np.lexsort((view.networks, -view.idf))] = np.arange(len(view.networks))
    segments = _segments(both, rank[both.indices])
    positions = view.networks.tolist()
    return [tuple(positions[c] for c in seg) for seg in segments]


def _shared_themes(
    view: ActiveView, src: np.ndarray, dst: np.ndarray
) -> list[tuple[tuple[int, ...], int]]:
    """Per pair, the shared themes (by product of counts, then position) and the union size."""
    prof = view.theme_profile
    a, b = sp.csr_matrix(prof[src]), sp.csr_matrix(prof[dst])
    both = sp.csr_matrix(a.multiply(b))
    both.eliminate_zeros()
    both.sort_indices()
    union = (a != 0).astype(np.int8) + (b != 0).astype(np.int8)
    union_counts = np.diff(sp.csr_matrix(union).indptr).tolist()
    # Order key: larger product first, then theme position (lexsort's last key is primary).
    key = np.lexsort((both.indices, -both.data))
    rank = np.empty(len(key), dtype=np.int64)
    rank[key] = np.arange(len(key))
    segments = _segments(both, rank)
    return list(zip(segments, union_counts, strict=True))


def peer_scores(
    land: Landscape, org: int, *, as_of: int, k: int = 10, theme_weight: float = 0.25
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and scores of the top ``k`` peers only, without explanations (cheap)."""
    positions, scores, _, _ = _scores(active_view(land, as_of), int(org), k, theme_weight)
    return positions, scores


#: Peers are ranked at least this deep and remembered per day, so that the gaps of a city
#: (which look at its top 20 peers) reuse the work of its peer list instead of redoing it.
_RANK_DEPTH = 20

#: Candidates scored exactly (per wanted peer) to find the pruning threshold in ``_rank``.
_PROBE = 4


def _scores(
    view: ActiveView, org: int, k: int, theme_weight: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    cache = view.__dict__.setdefault("_peer_scores", {})
    hit = cache.get((org, theme_weight))
    if hit is None or hit[0] < k:
        depth = max(k, _RANK_DEPTH)
        hit = (depth, _rank(view, org, depth, theme_weight))
        cache[(org, theme_weight)] = hit
    return tuple(a[:k] for a in hit[1])


def _rank(
    view: ActiveView, org: int, k: int, theme_weight: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    inc = view.incidence
    nets = inc.indices[inc.indptr[org] : inc.indptr[org + 1]]
    if len(nets) == 0:
        empty = np.zeros(0)
        return np.zeros(0, np.int64), empty, empty, empty
    n = inc.shape[0]
    w2 = view.idf[nets] ** 2
    # The members of the org's networks straight from Bᵀ's csr arrays (no scipy indexing: its
    # per-call overhead was most of the cost for a city), each weighted by its network's w²;
    # summed per org that is dot(x_org, x_p) = Σ_shared w².
    bt = view.incidence_t
    starts, ends = bt.indptr[nets], bt.indptr[nets + 1]
    members = np.concatenate([bt.indices[a:b] for a, b in zip(starts, ends, strict=True)])
    dots = np.bincount(members, weights=np.repeat(w2, ends - starts), minlength=n)
    cand_mask = np.zeros(n, dtype=bool)
    cand_mask[members] = True
    cand_mask[org] = False
    cand = np.flatnonzero(cand_mask)
    norms2 = _row_norms2(view)
    denom = np.sqrt(norms2[cand] * norms2[org])
    mcos = np.where(denom > 0, dots[cand] / np.where(denom > 0, denom, 1), 0.0)
    prof = view.theme_profile
    y = _theme_row(view, org, prof.shape[1])
    tnorm = np.sqrt(_theme_norms2(view))

    def theme_cosines(rows: np.ndarray) -> np.ndarray:
        tden = tnorm[rows] * tnorm[org]
        return np.where(tden > 0, row_dots(prof, rows, y) / np.where(tden > 0, tden, 1), 0.0)

    if len(cand) > _PROBE * k and theme_weight > 0:
        # Bound before the theme work (the theme dots were most of a peer list's cost):
        # (1-tw)·mcos <= score <= (1-tw)·mcos + tw. Score exactly the _PROBE·k candidates with
        # the best membership cosine; their k-th best score T is <= the true k-th best, so a
        # candidate whose best possible score is below T cannot be in the top k. Using actual
        # scores rather than the k-th best lower bound (1-tw)·mcos makes T tight: at European
        # scale it leaves ~10x fewer candidates for the theme dots.
        probe = np.argpartition(-mcos, _PROBE * k - 1)[: _PROBE * k]
        probe_scores = (1 - theme_weight) * mcos[probe] + theme_weight * theme_cosines(cand[probe])
        threshold = -np.partition(-probe_scores, k - 1)[k - 1]
        possible = (1 - theme_weight) * mcos + theme_weight >= threshold - 1e-12
        cand, mcos = cand[possible], mcos[possible]
    tcos = theme_cosines(cand)
    score = (1 - theme_weight) * mcos + theme_weight * tcos
    if len(cand) > k:
        # Partial selection first: only the k best need a full sort (ties kept by position).
        kth = -np.partition(-score, k - 1)[k - 1]
        keep = np.flatnonzero(score >= kth)
        cand, score, mcos, tcos = cand[keep], score[keep], mcos[keep], tcos[keep]
    order = np.lexsort((cand, -score))[:k]
    return cand[order], score[order], mcos[order], tcos[order]


def _row_norms2(view: ActiveView) -> np.ndarray:
    cache = view.__dict__.setdefault("_norms", {})
    if "m" not in cache:
        cache["m"] = view.incidence @ (view.idf**2)
    return cache["m"]


def _theme_norms2(view: ActiveView) -> np.ndarray:
    cache = view.__dict__.setdefault("_norms", {})
    if "t" not in cache:
        cache["t"] = np.asarray(view.theme_profile.multiply(view.theme_profile).sum(axis=1)).ravel()
    return cache["t"]


def _theme_row(view: ActiveView, org: int, n_themes: int) -> np.ndarray:
    prof = view.theme_profile
    row = np.zeros(n_themes)
    lo, hi = prof.indptr[org], prof.indptr[org + 1]
    row[prof.indices[lo:hi]] = prof.data[lo:hi]
    return row


def _twin_set(view: ActiveView) -> set[tuple[int, int]]:
    cache = view.__dict__.setdefault("_norms", {})
    if "twins" not in cache:
        cache["twins"] = {(int(a), int(b)) for a, b in view.twin_pairs.tolist()}
    return cache["twins"]
