"""Network × network overlap: shared members, Jaccard, overlap coefficient, theme overlap.

Thinking in sets: with B the active member × network incidence matrix, BᵀB holds every pair's
shared member count (diagonal = sizes) in one sparse product; the same for themes with the
network × theme matrix. Only the top lists and duplicates are turned into Python objects.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from verkosto.analytics.core.landscape import Landscape
from verkosto.analytics.core.matrices import active_view, unique_ints
from verkosto.analytics.core.results import (
    Duplicate,
    NetworkOverlap,
    OverlapPair,
    Reason,
)


def shared_theme_counts(themes: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """|themes(a) ∩ themes(b)| for each pair (rows[i], cols[i]).

    Why bit sets: with 60 themes a network's theme set is one 64-bit word, so a pair's count is
    one AND and one popcount — cheaper per pair than any sparse product, which would also build
    the n_net × n_net matrix of all pairs (nearly dense, as common themes are everywhere).
    """
    if len(rows) == 0 or themes.shape[1] == 0:
        return np.zeros(len(rows), dtype=np.int64)
    dense = themes.toarray().astype(bool)
    pad = (-dense.shape[1]) % 64
    packed = np.packbits(np.pad(dense, ((0, 0), (0, pad))), axis=1)
    words = packed.view(np.uint64)  # n_net × ceil(t / 64)
    return np.bitwise_count(words[rows] & words[cols]).sum(axis=1).astype(np.int64)


def _dense_themes(view) -> np.ndarray:
    """n_net × n_themes bool, built once per day: a scipy row slice per duplicate pair cost
    more than the whole duplicate list otherwise."""
    cache = view.__dict__.setdefault("_overlap", {})
    if "dense_themes" not in cache:
        cache["dense_themes"] = view.net_themes.toarray().astype(bool)
    return cache["dense_themes"]


def network_overlap(
    land: Landscape,
    *,
    as_of: int,
    k: int = 10,
    duplicate_min_overlap: float = 0.6,
    duplicate_min_shared: int = 3,
    duplicate_min_theme_jaccard: float = 0.5,
    max_duplicates: int = 500,
) -> NetworkOverlap:
    """Overlap of every pair of networks as of day ``as_of`` (ordinal).

    Members count once per network however many active membership rows they have. A network's
    themes are its own ``network_themes`` plus the themes of its active memberships (rolled up).
    ``top[i]``: up to ``k`` networks sharing at least one member with ``networks[i]``, ranked by
    overlap coefficient, then theme Jaccard, then shared count, then position. ``duplicates``:
    pairs with overlap coefficient >= ``duplicate_min_overlap``, at least
    ``duplicate_min_shared`` shared members and theme Jaccard >= ``duplicate_min_theme_jaccard``
    (or neither network has themes); score = overlap coefficient × theme Jaccard (× 1 when
    neither has themes), best first, at most ``max_duplicates``.
    """
    view = active_view(land, as_of)
    networks, sizes = view.networks, view.sizes
    n_net = len(networks)
    ids = land.org_ids[networks]
    shared = sp.csr_matrix(view.incidence_t @ view.incidence, dtype=np.int64)
    theme_counts = np.asarray(view.net_themes.sum(axis=1)).ravel().astype(np.int64)

    coo = shared.tocoo()
    off = coo.row != coo.col
    rows, cols, counts = coo.row[off].astype(np.int64), coo.col[off].astype(np.int64), coo.data[off]
    smaller = np.minimum(sizes[rows], sizes[cols])
    overlap = counts / np.maximum(smaller, 1)
    jaccard = counts / np.maximum(sizes[rows] + sizes[cols] - counts, 1)

    # Top k per row. Sorting millions of pairs is the slow part, so first find each row's k-th
    # best overlap coefficient with a partial selection on a dense n_net × n_net table, and
    # sort only the pairs at or above it (ties at the threshold are kept, then ordered fully).
    # The table is float32 (half the memory to fault in); comparing in float32 too keeps every
    # pair whose float64 value reaches the k-th best, since rounding is monotone.
    kept = np.arange(len(rows))
    if len(rows) > 8 * k * n_net and k < n_net - 1 and n_net * n_net <= 50_000_000:
        overlap32 = overlap.astype(np.float32)
        table = np.full((n_net, n_net), -1.0, dtype=np.float32)
        table[rows, cols] = overlap32
        kth = -np.partition(-table, k - 1, axis=1)[:, k - 1] if k > 0 else np.full(n_net, 2.0)
        kept = np.flatnonzero(overlap32 >= kth[rows])
        del table, overlap32
    dup_cand = np.flatnonzero(
        (rows < cols) & (overlap >= duplicate_min_overlap) & (counts >= duplicate_min_shared)
    )
    # Theme figures only for the pairs we rank (top candidates) or may flag (duplicates):
    # a few percent of the pairs sharing members, and the rest never reach a result.
    need = unique_ints(np.concatenate([kept, dup_cand]))
    tshared = np.zeros(len(rows), dtype=np.int64)
    tshared[need] = shared_theme_counts(view.net_themes, rows[need], cols[need])
    tunion = theme_counts[rows[need]] + theme_counts[cols[need]] - tshared[need]
    tjacc = np.zeros(len(rows))
    tjacc[need] = np.where(tunion > 0, tshared[need] / np.maximum(tunion, 1), 0.0)
    order = kept[np.lexsort((cols[kept], -counts[kept], -tjacc[kept], -overlap[kept], rows[kept]))]
    rank = np.arange(len(order)) - np.searchsorted(rows[order], rows[order], side="left")
    chosen = order[rank < k]
    top: list[list[OverlapPair]] = [[] for _ in range(n_net)]
    # Plain Python lists first: converting NumPy scalars one by one cost more than the maths.
    columns = zip(
        rows[chosen].tolist(),
        networks[rows[chosen]].tolist(),
        networks[cols[chosen]].tolist(),
        ids[rows[chosen]].tolist(),
        ids[cols[chosen]].tolist(),
        counts[chosen].tolist(),
        jaccard[chosen].tolist(),
        overlap[chosen].tolist(),
        tshared[chosen].tolist(),
        tjacc[chosen].tolist(),
        strict=True,
    )
    for r, a, b, a_id, b_id, shared_count, jac, ov, ts, tj in columns:
        top[r].append(OverlapPair(a, b, a_id, b_id, shared_count, jac, ov, ts, tj))

    no_themes = np.zeros(len(rows), dtype=bool)
    no_themes[dup_cand] = (theme_counts[rows[dup_cand]] == 0) & (theme_counts[cols[dup_cand]] == 0)
    dup_idx = dup_cand[(tjacc[dup_cand] >= duplicate_min_theme_jaccard) | no_themes[dup_cand]]
    score = overlap[dup_idx] * np.where(no_themes[dup_idx], 1.0, tjacc[dup_idx])
    dup_idx = dup_idx[np.lexsort((cols[dup_idx], rows[dup_idx], -score))][:max_duplicates]
    duplicates = [
        _duplicate(
            land,
            view,
            networks,
            ids,
            sizes,
            theme_counts,
            i,
            rows,
            cols,
            counts,
            overlap,
            jaccard,
            tshared,
            tjacc,
            no_themes,
        )
        for i in dup_idx.tolist()
    ]
    return NetworkOverlap(
        as_of=int(as_of),
        networks=networks,
        network_ids=ids,
        sizes=sizes,
        theme_counts=theme_counts,
        top=top,
        duplicates=duplicates,
        shared=shared,
        network_themes=sp.csr_matrix(view.net_themes, dtype=bool),
    )


def top_overlaps(
    ov: NetworkOverlap, network: int, *, k: int, among: np.ndarray | None = None
) -> list[OverlapPair]:
    """The top-``k`` list of ``network`` (an org position) ranked exactly as
    ``network_overlap`` ranks ``top``, but only over the networks at positions ``among``
    (every network when None).

    Why not filter ``ov.top``: it holds only the best ``k`` of all networks, so filtering
    it to a subset (e.g. the networks of one country) would leave fewer than ``k`` while
    more of the subset overlap. One network's row is a few thousand entries at most, so
    ranking it afresh is cheap.
    """
    i = ov.index_of(network)
    row = ov.shared.getrow(i)
    cols = row.indices.astype(np.int64)
    counts = row.data.astype(np.int64)
    keep = (cols != i) & (counts > 0)
    if among is not None:
        among = np.asarray(among, dtype=np.int64)
        allowed = np.zeros(len(ov.networks), dtype=bool)
        if len(among) and len(ov.networks):
            at = np.minimum(np.searchsorted(ov.networks, among), len(ov.networks) - 1)
            allowed[at[ov.networks[at] == among]] = True
        keep &= allowed[cols]
    cols, counts = cols[keep], counts[keep]
    sizes = ov.sizes
    overlap = counts / np.maximum(np.minimum(sizes[i], sizes[cols]), 1)
    jaccard = counts / np.maximum(sizes[i] + sizes[cols] - counts, 1)
    tshared = shared_theme_counts(ov.network_themes, np.full(len(cols), i, np.int64), cols)
    tunion = ov.theme_counts[i] + ov.theme_counts[cols] - tshared
    tjacc = np.where(tunion > 0, tshared / np.maximum(tunion, 1), 0.0)
    order = np.lexsort((cols, -counts, -tjacc, -overlap))[: max(k, 0)]
    a, a_id = int(ov.networks[i]), int(ov.network_ids[i])
    return [
        OverlapPair(
            a,
            int(ov.networks[c]),
            a_id,
            int(ov.network_ids[c]),
            int(counts[j]),
            float(jaccard[j]),
            float(overlap[j]),
            int(tshared[j]),
            float(tjacc[j]),
        )
        for j, c in ((int(j), int(cols[j])) for j in order)
    ]


def _duplicate(
    land,
    view,
    networks,
    ids,
    sizes,
    theme_counts,
    i,
    rows,
    cols,
    counts,
    overlap,
    jaccard,
    tshared,
    tjacc,
    no_themes,
) -> Duplicate:
    r, c = int(rows[i]), int(cols[i])
    a, b = int(networks[r]), int(networks[c])
    pair_ids = (int(ids[r]), int(ids[c]))
    reasons = [
        Reason(
            code="shared_members",
            count=int(counts[i]),
            total=int(min(sizes[r], sizes[c])),
            share=float(overlap[i]),
            jaccard=float(jaccard[i]),
            orgs=(a, b),
            org_ids=pair_ids,
        )
    ]
    if counts[i] == min(sizes[r], sizes[c]):
        # The smaller network is wholly inside the larger: name which is inside which.
        inner, outer = (r, c) if sizes[r] <= sizes[c] else (c, r)
        reasons.append(
            Reason(
                code="contained_in",
                count=int(sizes[inner]),
                total=int(sizes[outer]),
                share=1.0,
                orgs=(int(networks[inner]), int(networks[outer])),
                org_ids=(int(ids[inner]), int(ids[outer])),
            )
        )
    if tshared[i] > 0:
        dense = _dense_themes(view)
        common = np.flatnonzero(dense[r] & dense[c])
        reasons.append(
            Reason(
                code="shared_themes",
                count=int(tshared[i]),
                total=int(theme_counts[r] + theme_counts[c] - tshared[i]),
                share=float(tjacc[i]),
                jaccard=float(tjacc[i]),
                themes=tuple(int(x) for x in common),
                theme_ids=tuple(int(x) for x in land.theme_ids[common]),
            )
        )
    for code, labels in (("same_type", land.network_type), ("same_scope", land.network_scope)):
        if labels[a] and labels[a] == labels[b]:
            reasons.append(Reason(code=code, orgs=(a, b), org_ids=pair_ids))
    score = float(overlap[i] * (1.0 if no_themes[i] else tjacc[i]))
    return Duplicate(
        a=a, b=b, a_id=pair_ids[0], b_id=pair_ids[1], score=score, reasons=tuple(reasons)
    )
