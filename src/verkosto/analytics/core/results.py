"""Result dataclasses of the analyses, with positions AND database ids.

Why structured reasons and not sentences: the same result is shown in Finnish, Swedish and
English (and as JSON in the API); this package knows no language. A ``Reason`` is a code plus
numbers plus the organisations/themes involved; the Django side turns it into words with gettext.

The small records (Reason, OverlapPair, Peer, …) are slotted, hashable dataclasses; treat them
as read-only. They are not ``frozen`` because a frozen dataclass is built field by field through
``object.__setattr__``, which made creating the 20 000 overlap pairs of the European benchmark
seven times slower.

Reason codes (``Reason.code``) and what their fields mean:

``shared_members``   (overlap, duplicates) two networks share members.
                     count = shared active members, total = size of the smaller network,
                     share = count / total (the overlap coefficient), jaccard = Jaccard of the
                     member sets, orgs = (network a, network b).
``contained_in``     (duplicates) every active member of network orgs[0] is also a member of
                     orgs[1]. count = size of orgs[0], total = size of orgs[1].
``shared_themes``    (overlap, duplicates, peers) themes in common. count = number of shared
                     themes, total = size of the union, share = Jaccard of the theme sets
                     (for peers: share = cosine of the theme profiles), themes = the shared
                     theme positions (for peers: the most weighted ones, at most 10).
``same_type``        (duplicates) both networks have the same non-empty ``network_type``;
                     orgs = (a, b).
``same_scope``       (duplicates) both networks have the same non-empty ``network_scope``;
                     orgs = (a, b).
``shared_networks``  (peers) the two cities meet in these networks. count = number of shared
                     networks, share = cosine of the idf-weighted membership profiles,
                     orgs = the shared network positions, most telling (smallest) first.
``twinned``          (peers) the two cities are twin towns as of the day; orgs = (city, peer).
``serves_no_goal``   (gaps) a membership whose themes meet none of the organisation's current
                     strategic-goal themes. count = number of its themes, themes = its themes,
                     orgs = (network,).
``no_themes``        (gaps) a membership (and its network) has no themes at all, so it cannot
                     be matched to a goal; orgs = (network,).
``peers_are_members`` (gaps, suggestions) top peers belong to the suggested network.
                     count = number of such peers, share = their summed peer score divided by
                     the summed score of all top peers, orgs = those peers (best first).
``covers_gap_themes`` (gaps, suggestions) the suggested network serves unserved goal themes.
                     count = number of them, total = number of unserved themes,
                     share = count / total, themes = the covered theme positions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

#: All reason codes, for the web side's translation table (and a test that none is missing).
REASON_CODES: tuple[str, ...] = (
    "shared_members",
    "contained_in",
    "shared_themes",
    "same_type",
    "same_scope",
    "shared_networks",
    "twinned",
    "serves_no_goal",
    "no_themes",
    "peers_are_members",
    "covers_gap_themes",
)


def _plain(value: Any) -> Any:
    """NumPy scalars/arrays to JSON-friendly Python values."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(slots=True, unsafe_hash=True)
class Reason:
    """One structured reason; see the module docstring for each code's fields."""

    code: str
    count: int = 0
    total: int = 0
    share: float = 0.0
    jaccard: float = 0.0
    orgs: tuple[int, ...] = ()
    org_ids: tuple[int, ...] = ()
    themes: tuple[int, ...] = ()
    theme_ids: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


# ---------------------------------------------------------------------------- overlap
@dataclass(slots=True, unsafe_hash=True)
class OverlapPair:
    """Two networks ``a`` (the one whose top list this is) and ``b`` as of the day."""

    a: int
    b: int
    a_id: int
    b_id: int
    shared: int  # shared active members
    jaccard: float  # |A∩B| / |A∪B|
    overlap: float  # |A∩B| / min(|A|, |B|)  (overlap coefficient)
    shared_themes: int
    theme_jaccard: float  # Jaccard of theme sets (network themes ∪ its memberships' themes)

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


@dataclass(slots=True, unsafe_hash=True)
class Duplicate:
    """A likely duplicate pair of networks (a < b), ``score`` in [0, 1], with reasons."""

    a: int
    b: int
    a_id: int
    b_id: int
    score: float
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            **_plain({k: getattr(self, k) for k in ("a", "b", "a_id", "b_id", "score")}),
            "reasons": [r.to_dict() for r in self.reasons],
        }


@dataclass
class NetworkOverlap:
    """Network × network overlap as of ``as_of``.

    ``networks`` (org positions) / ``network_ids`` / ``sizes`` (active members) /
    ``theme_counts`` are aligned; ``top[i]`` is the top-k list of ``networks[i]`` (pairs with at
    least one shared member or theme, best first by overlap coefficient, then theme Jaccard).
    ``shared`` is the sparse network×network matrix of shared member counts (indices into
    ``networks``, diagonal = sizes) and ``shared_theme_counts`` the same for themes, so the web
    side can draw a heat map for any subset without recomputing.
    """

    as_of: int
    networks: np.ndarray
    network_ids: np.ndarray
    sizes: np.ndarray
    theme_counts: np.ndarray
    top: list[list[OverlapPair]]
    duplicates: list[Duplicate]
    shared: Any  # scipy.sparse.csr_matrix (int)
    #: network × theme bool csr (declared ∪ rolled-up themes), indices into ``networks``.
    network_themes: Any = None
    _theme_products: dict = field(default_factory=dict, repr=False)

    @property
    def shared_theme_counts(self) -> Any:
        """network × network csr of shared theme counts, computed on first use (the pass
        itself needs it only for the pairs that share members)."""
        if "shared" not in self._theme_products:
            themes = self.network_themes.astype(np.int64)  # a bool product would saturate at 1
            self._theme_products["shared"] = (themes @ themes.T).tocsr()
        return self._theme_products["shared"]

    def index_of(self, position: int) -> int:
        """Index in ``networks`` of org position ``position`` (KeyError if not a network)."""
        i = int(np.searchsorted(self.networks, position))
        if i >= len(self.networks) or self.networks[i] != position:
            raise KeyError(position)
        return i

    def pair(self, a: int, b: int) -> OverlapPair:
        """Overlap figures of any two networks given by org position."""
        i, j = self.index_of(a), self.index_of(b)
        shared = int(self.shared[i, j])
        union = int(self.sizes[i] + self.sizes[j] - shared)
        smaller = int(min(self.sizes[i], self.sizes[j]))
        st = int(self.shared_theme_counts[i, j])
        tunion = int(self.theme_counts[i] + self.theme_counts[j] - st)
        return OverlapPair(
            a=int(a),
            b=int(b),
            a_id=int(self.network_ids[i]),
            b_id=int(self.network_ids[j]),
            shared=shared,
            jaccard=shared / union if union else 0.0,
            overlap=shared / smaller if smaller else 0.0,
            shared_themes=st,
            theme_jaccard=st / tunion if tunion else 0.0,
        )

    def heatmap(self, positions: list[int] | np.ndarray, metric: str = "overlap") -> np.ndarray:
        """Dense matrix of ``metric`` ("shared", "jaccard", "overlap", "theme_jaccard") for
        the given network positions, in that order (for the heat map)."""
        idx = np.array([self.index_of(int(p)) for p in positions], dtype=np.int64)
        if metric == "theme_jaccard":
            inter = self.shared_theme_counts[idx][:, idx].toarray().astype(float)
            sz = self.theme_counts[idx].astype(float)
        else:
            inter = self.shared[idx][:, idx].toarray().astype(float)
            sz = self.sizes[idx].astype(float)
        if metric == "shared":
            return inter
        if metric == "overlap":
            denom = np.minimum.outer(sz, sz)
        elif metric in ("jaccard", "theme_jaccard"):
            denom = np.add.outer(sz, sz) - inter
        else:
            raise ValueError(f"unknown metric {metric!r}")
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(denom > 0, inter / np.where(denom > 0, denom, 1), 0.0)


# ---------------------------------------------------------------------------- peers
@dataclass(slots=True, unsafe_hash=True)
class Peer:
    """A peer of the city; ``score`` = weighted mix of the two cosines (see peers.py)."""

    org: int
    org_id: int
    score: float
    membership_cosine: float
    theme_cosine: float
    shared_networks: tuple[int, ...]  # org positions, most telling first
    shared_network_ids: tuple[int, ...]
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        out = _plain({k: v for k, v in asdict(self).items() if k != "reasons"})
        out["reasons"] = [r.to_dict() for r in self.reasons]
        return out


@dataclass
class Peers:
    org: int
    org_id: int
    as_of: int
    peers: list[Peer]

    def to_dict(self) -> dict[str, Any]:
        return {
            "org": self.org,
            "org_id": self.org_id,
            "as_of": self.as_of,
            "peers": [p.to_dict() for p in self.peers],
        }


# ---------------------------------------------------------------------------- communities
@dataclass
class Communities:
    """Leiden communities of the city graph as of ``as_of``.

    ``labels[p]`` = community of org position p, -1 when p is not in the city graph (networks,
    and organisations with no active membership or twinning). Communities are numbered by size,
    0 = largest. ``params`` records how the graph was built (size cap, top-k pruning, weights).
    """

    as_of: int
    labels: np.ndarray
    sizes: np.ndarray
    modularity: float
    seed: int
    resolution: float
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def n_communities(self) -> int:
        return len(self.sizes)

    def members(self, label: int) -> np.ndarray:
        return np.flatnonzero(self.labels == label)


# ---------------------------------------------------------------------------- centrality
@dataclass
class Centrality:
    """Centrality on the cooperation graph as of ``as_of`` (arrays indexed by org position).

    The graph: one node per organisation; an edge member–network for each active membership
    and city–city for each active twinning (simple, undirected, unweighted).
    ``degree`` = distinct neighbours; ``pagerank`` (damping 0.85, sums to 1);
    ``betweenness`` unnormalised, each unordered pair counted once (as networkx
    ``normalized=False``); when ``betweenness_exact`` is False it is estimated from
    ``betweenness_sources`` randomly chosen sources (seeded), scaled by n / sources.
    """

    as_of: int
    org_ids: np.ndarray
    degree: np.ndarray
    pagerank: np.ndarray
    betweenness: np.ndarray
    betweenness_exact: bool
    betweenness_sources: int
    n_nodes: int
    n_edges: int

    def top(self, measure: str, k: int = 10, among: np.ndarray | None = None) -> np.ndarray:
        """Positions of the ``k`` highest by ``measure``, optionally among given positions."""
        values = getattr(self, measure)
        cand = np.arange(len(values)) if among is None else np.asarray(among, dtype=np.int64)
        order = np.lexsort((cand, -values[cand]))
        return cand[order[:k]]


# ---------------------------------------------------------------------------- trends
@dataclass(slots=True, unsafe_hash=True)
class TrendSeries:
    network_type: str
    network_scope: str
    counts: tuple[int, ...]  # aligned with Trends.years


@dataclass
class Trends:
    """Active memberships and twinnings per year.

    Rule: a membership (twinning) counts as active in year Y when its closed period meets
    [1 Jan Y, 31 Dec Y]: start <= 31 Dec Y and end >= 1 Jan Y (open ends are always met).
    ``subject`` is "all", "org" (``org`` set: memberships of the org / twinnings it is a party
    to) or "country" (``country`` set: memberships whose member is in it / twinnings with at
    least one party in it).
    """

    years: tuple[int, ...]
    subject: str
    memberships: list[TrendSeries]
    twinnings: tuple[int, ...]
    org: int | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


# ---------------------------------------------------------------------------- gaps
@dataclass(slots=True, unsafe_hash=True)
class UnservedTheme:
    """A theme of a current strategic goal that no current membership serves."""

    theme: int
    theme_id: int
    goals: tuple[int, ...]  # goal positions that name it
    goal_ids: tuple[int, ...]


@dataclass(slots=True, unsafe_hash=True)
class IdleMembership:
    """A current membership whose themes meet no current goal theme."""

    membership: int  # membership position
    membership_id: int
    network: int
    network_id: int
    reasons: tuple[Reason, ...]


@dataclass(slots=True, unsafe_hash=True)
class Suggestion:
    """A network the organisation is not in, used by its peers and covering gap themes."""

    network: int
    network_id: int
    score: float
    themes: tuple[int, ...]  # gap themes it covers
    theme_ids: tuple[int, ...]
    peers: tuple[int, ...]  # peers in it, best first
    peer_ids: tuple[int, ...]
    reasons: tuple[Reason, ...]


@dataclass
class Gaps:
    org: int
    org_id: int
    as_of: int
    goal_themes: tuple[int, ...]
    served_themes: tuple[int, ...]
    unserved: list[UnservedTheme]
    idle: list[IdleMembership]
    suggestions: list[Suggestion]

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))
