"""The sparse matrices every analysis builds on, as of a day, computed once and cached.

Why a cache on the landscape: the full pass (overlap, peers of many cities, gaps, communities,
centrality) uses the same active incidence matrix; building it once keeps the pass close to
the bare cost of its products.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from verkosto.analytics.core.landscape import Landscape


@dataclass(frozen=True)
class ActiveView:
    """Derived matrices as of one day (network index = position in ``networks``)."""

    as_of: int
    networks: np.ndarray  # org positions of networks, sorted
    mem_mask: np.ndarray  # active memberships
    mem_net_index: np.ndarray  # for active memberships: network index
    incidence: sp.csr_matrix  # n_orgs × n_net, float64 0/1: org is an active member
    incidence_t: sp.csr_matrix  # n_net × n_orgs, the transpose as csr (fast row slices)
    sizes: np.ndarray  # active members per network (distinct orgs)
    n_active_orgs: int  # orgs with at least one active membership (the N of idf)
    idf: np.ndarray  # log(N / size), 0 for empty networks
    own_themes: sp.csr_matrix  # n_net × n_themes, declared themes of the network
    net_themes: sp.csr_matrix  # n_net × n_themes bool: declared ∪ active memberships' themes
    mem_theme_union: sp.csr_matrix  # n_active_mem × n_themes: membership ∪ its network's own
    theme_profile: sp.csr_matrix  # n_orgs × n_themes float: active memberships serving a theme
    twin_pairs: np.ndarray  # (m, 2) distinct active twinning pairs, a < b, no self pairs


def unique_ints(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values of an integer array.

    Why not ``np.unique``: in NumPy 2.5 it hashes, and on a million int64 keys took 2.6 s here
    against 0.15 s for sort + neighbour comparison.
    """
    out = np.sort(np.asarray(values).ravel())
    if len(out) < 2:
        return out
    keep = np.empty(len(out), dtype=bool)
    keep[0] = True
    np.not_equal(out[1:], out[:-1], out=keep[1:])
    return out[keep]


def row_entries(matrix: sp.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(local row number, position in ``matrix.indices``) of every stored entry of ``rows``.

    Why not ``matrix[rows]``: SciPy's fancy indexing builds a new matrix with checks that cost
    ~50 µs a call; for a city's handful of rows that overhead was most of an analysis.
    """
    rows = np.asarray(rows, dtype=np.int64)
    starts = matrix.indptr[rows].astype(np.int64)
    lengths = matrix.indptr[rows + 1] - starts
    local = np.repeat(np.arange(len(rows)), lengths)
    before = np.cumsum(lengths) - lengths
    positions = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - before, lengths)
    return local, positions


def row_dots(matrix: sp.csr_matrix, rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """``matrix[rows] @ vector`` without building ``matrix[rows]``."""
    local, positions = row_entries(matrix, rows)
    weights = matrix.data[positions] * vector[matrix.indices[positions]]
    return np.bincount(local, weights=weights, minlength=len(rows))


def _binary(matrix: sp.spmatrix) -> sp.csr_matrix:
    out = sp.csr_matrix(matrix, dtype=np.float64)
    out.sum_duplicates()
    out.eliminate_zeros()
    out.data[:] = 1.0
    return out


def active_view(land: Landscape, as_of: int) -> ActiveView:
    """Build (or fetch from the landscape's cache) the matrices as of ``as_of``."""
    key = ("view", int(as_of))
    cached = land._cache.get(key)
    if cached is not None:
        return cached
    # Keep only the latest day: a pass works on one day; old views would only hold memory.
    for old in [k for k in land._cache if isinstance(k, tuple) and k[0] == "view"]:
        del land._cache[old]
    n, t = land.n_orgs, land.n_themes
    networks = land.network_positions()
    n_net = len(networks)
    mask = land.active_memberships(as_of)
    members = land.mem_member[mask]
    net_index = np.searchsorted(networks, land.mem_network[mask])
    ones = np.ones(len(members))
    incidence = _binary(sp.coo_matrix((ones, (members, net_index)), shape=(n, n_net)))
    incidence_t = incidence.T.tocsr()
    sizes = np.diff(incidence_t.indptr).astype(np.int64)
    n_active = int(np.count_nonzero(np.diff(incidence.indptr)))
    # idf: a network everyone is in says nothing about who resembles whom; a small shared one
    # says a lot. log(N/size) is the classic choice and is 0 for a network of everybody.
    with np.errstate(divide="ignore"):
        idf = np.where(sizes > 0, np.log(max(n_active, 1) / np.maximum(sizes, 1)), 0.0)
    own = (
        sp.csr_matrix(land.network_themes[networks], dtype=np.float64)
        if n_net
        else (sp.csr_matrix((0, t)))
    )
    mem_themes = sp.csr_matrix(land.mem_themes[mask], dtype=np.float64)
    # Roll membership themes up to the network: one-hot (network × active membership) product.
    roll = sp.csr_matrix((ones, (net_index, np.arange(len(members)))), shape=(n_net, len(members)))
    net_themes = _binary(own + roll @ mem_themes) if n_net else sp.csr_matrix((0, t))
    mem_union = _binary(mem_themes + own[net_index]) if len(members) else sp.csr_matrix((0, t))
    per_member = sp.csr_matrix((ones, (members, np.arange(len(members)))), shape=(n, len(members)))
    theme_profile = sp.csr_matrix(per_member @ mem_union)
    tmask = land.active_twinnings(as_of)
    a, b = land.tw_a[tmask].astype(np.int64), land.tw_b[tmask].astype(np.int64)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    width = np.int64(max(n, 1))
    pair_key = unique_ints(lo[keep] * width + hi[keep])
    pairs = np.stack([pair_key // width, pair_key % width], axis=1)
    view = ActiveView(
        as_of=int(as_of),
        networks=networks,
        mem_mask=mask,
        mem_net_index=net_index,
        incidence=incidence,
        incidence_t=incidence_t,
        sizes=sizes,
        n_active_orgs=n_active,
        idf=idf,
        own_themes=own,
        net_themes=net_themes,
        mem_theme_union=mem_union,
        theme_profile=theme_profile,
        twin_pairs=pairs.reshape(-1, 2),
    )
    # The org × active-membership one-hot matrix lists each org's active memberships in row
    # order: exactly the grouping the gaps need, so keep it rather than argsort again.
    view.__dict__["_member_rows"] = (np.flatnonzero(mask), per_member.indices, per_member.indptr)
    land._cache[key] = view
    return view
