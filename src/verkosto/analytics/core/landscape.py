"""The input of every analysis: the whole cooperation landscape as integer-coded arrays.

Why arrays and not objects: the analyses are set operations (who is in which network, which
themes meet) and at European scale (10^5 organisations, 10^6 memberships) they are only fast as
sparse matrix products. The Django side (selectors) fills a ``Landscape`` once; positions in
``org_ids`` are the row/column numbers of every matrix here, and results carry both positions and
database ids.

Days are proleptic Gregorian ordinal day numbers (``datetime.date.toordinal()``). A period is
*closed* on both ends: a fact is active on day ``d`` when ``start <= d <= end``. An unknown start is
``OPEN_START`` (active since ever), an unknown or missing end is ``OPEN_END`` (still active).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

OPEN_START: int = int(np.iinfo(np.int32).min)
OPEN_END: int = int(np.iinfo(np.int32).max)

#: ``Landscape.org_kind`` value that marks a network (a membership's target may be any kind,
#: e.g. an association; every org that appears as ``mem_network`` is analysed as a network).
NETWORK_KIND = "network"


def day(value: dt.date | None, *, open_value: int) -> int:
    """Ordinal day of ``value``, or ``open_value`` (``OPEN_START``/``OPEN_END``) for None."""
    return open_value if value is None else value.toordinal()


def _empty_csr(rows: int, cols: int) -> sp.csr_matrix:
    return sp.csr_matrix((rows, cols), dtype=bool)


def _as_csr(matrix: object, rows: int, cols: int) -> sp.csr_matrix:
    if matrix is None:
        return _empty_csr(rows, cols)
    out = sp.csr_matrix(matrix, dtype=bool)
    if out.shape != (rows, cols):
        raise ValueError(f"theme matrix has shape {out.shape}, expected {(rows, cols)}")
    return out


def _int(values: object, dtype: type = np.int32) -> np.ndarray:
    return np.asarray([] if values is None else values, dtype=dtype).ravel()


def _str(values: object, n: int) -> np.ndarray:
    if values is None:
        return np.full(n, "", dtype=object)
    out = np.asarray(values, dtype=object).ravel()
    if len(out) != n:
        raise ValueError(f"expected {n} labels, got {len(out)}")
    return out


@dataclass(eq=False)
class Landscape:
    """Organisations, themes, memberships, twinnings and strategic goals, integer-coded.

    Organisations (index = position ``0..n_orgs-1``):
      ``org_ids`` int64 database ids; ``org_kind`` str ("municipality", "network", "region", …);
      ``org_country`` str ISO code, "" unknown; ``network_type`` / ``network_scope`` str, ""
      for non-networks or unknown; ``network_themes`` csr bool (n_orgs × n_themes), the themes
      a network declares (rows of non-networks are empty).
    Themes: ``theme_ids`` int64 database ids (index = theme position).
    Memberships (parallel arrays, one entry per membership row): ``mem_member`` and
      ``mem_network`` int32 org positions, ``mem_start`` / ``mem_end`` int32 ordinal days
      (``OPEN_START`` / ``OPEN_END`` when open), ``mem_themes`` csr bool (n_mem × n_themes).
    Twinnings (undirected pairs): ``tw_a``, ``tw_b`` org positions, ``tw_start``, ``tw_end``.
    Strategic goals: ``goal_org`` org position, ``goal_start``, ``goal_end``, ``goal_themes``
      csr bool (n_goals × n_themes).
    ``mem_ids`` / ``tw_ids`` / ``goal_ids``: database ids of those rows (so results that name a
      membership or goal by position can be mapped back).

    Build with ``Landscape.build(...)`` which fills defaults, coerces dtypes and validates.
    """

    org_ids: np.ndarray
    org_kind: np.ndarray
    org_country: np.ndarray
    network_type: np.ndarray
    network_scope: np.ndarray
    theme_ids: np.ndarray
    network_themes: sp.csr_matrix
    mem_member: np.ndarray
    mem_network: np.ndarray
    mem_start: np.ndarray
    mem_end: np.ndarray
    mem_themes: sp.csr_matrix
    tw_a: np.ndarray
    tw_b: np.ndarray
    tw_start: np.ndarray
    tw_end: np.ndarray
    goal_org: np.ndarray
    goal_start: np.ndarray
    goal_end: np.ndarray
    goal_themes: sp.csr_matrix
    #: Database ids of memberships, twinnings and goals (default: their positions).
    mem_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    tw_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    goal_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    #: Cache for derived, day-independent data (e.g. the network index); never part of equality.
    _cache: dict = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ construction
    @classmethod
    def build(
        cls,
        *,
        org_ids: object,
        org_kind: object = None,
        org_country: object = None,
        network_type: object = None,
        network_scope: object = None,
        theme_ids: object = None,
        network_themes: object = None,
        mem_member: object = None,
        mem_network: object = None,
        mem_start: object = None,
        mem_end: object = None,
        mem_themes: object = None,
        tw_a: object = None,
        tw_b: object = None,
        tw_start: object = None,
        tw_end: object = None,
        goal_org: object = None,
        goal_start: object = None,
        goal_end: object = None,
        goal_themes: object = None,
        mem_ids: object = None,
        tw_ids: object = None,
        goal_ids: object = None,
    ) -> Landscape:
        """Coerce and validate; omitted periods are open, omitted theme matrices empty."""
        ids = _int(org_ids, np.int64)
        n = len(ids)
        themes = _int(theme_ids, np.int64)
        t = len(themes)
        kind = _str(org_kind, n) if org_kind is not None else np.full(n, "", dtype=object)
        mm, mn = _int(mem_member), _int(mem_network)
        m = len(mm)
        ta, tb = _int(tw_a), _int(tw_b)
        go = _int(goal_org)

        def period(values: object, count: int, open_value: int) -> np.ndarray:
            if values is None:
                return np.full(count, open_value, dtype=np.int32)
            return _int(values)

        def ids_or_positions(values: object, count: int) -> np.ndarray:
            return np.arange(count, dtype=np.int64) if values is None else _int(values, np.int64)

        land = cls(
            org_ids=ids,
            org_kind=kind,
            org_country=_str(org_country, n),
            network_type=_str(network_type, n),
            network_scope=_str(network_scope, n),
            theme_ids=themes,
            network_themes=_as_csr(network_themes, n, t),
            mem_member=mm,
            mem_network=mn,
            mem_start=period(mem_start, m, OPEN_START),
            mem_end=period(mem_end, m, OPEN_END),
            mem_themes=_as_csr(mem_themes, m, t),
            tw_a=ta,
            tw_b=tb,
            tw_start=period(tw_start, len(ta), OPEN_START),
            tw_end=period(tw_end, len(ta), OPEN_END),
            goal_org=go,
            goal_start=period(goal_start, len(go), OPEN_START),
            goal_end=period(goal_end, len(go), OPEN_END),
            goal_themes=_as_csr(goal_themes, len(go), t),
            mem_ids=ids_or_positions(mem_ids, m),
            tw_ids=ids_or_positions(tw_ids, len(ta)),
            goal_ids=ids_or_positions(goal_ids, len(go)),
        )
        land.validate()
        return land

    @classmethod
    def empty(cls) -> Landscape:
        """No organisations at all (every analysis must cope with it)."""
        return cls.build(org_ids=[])

    def validate(self) -> None:
        """Raise ValueError naming the first inconsistent array."""
        n = self.n_orgs
        for name, size_of in (
            ("mem", ("mem_member", "mem_network", "mem_start", "mem_end", "mem_ids")),
            ("tw", ("tw_a", "tw_b", "tw_start", "tw_end", "tw_ids")),
            ("goal", ("goal_org", "goal_start", "goal_end", "goal_ids")),
        ):
            sizes = {k: len(getattr(self, k)) for k in size_of}
            if len(set(sizes.values())) > 1:
                raise ValueError(f"{name} arrays differ in length: {sizes}")
        for name in ("mem_member", "mem_network", "tw_a", "tw_b", "goal_org"):
            values = getattr(self, name)
            if len(values) and (values.min() < 0 or values.max() >= n):
                raise ValueError(f"{name} holds an org position outside 0..{n - 1}")
        if self.mem_themes.shape[0] != self.n_memberships:
            raise ValueError("mem_themes needs one row per membership")
        if self.goal_themes.shape[0] != len(self.goal_org):
            raise ValueError("goal_themes needs one row per goal")

    # ------------------------------------------------------------------ sizes
    @property
    def n_orgs(self) -> int:
        return len(self.org_ids)

    @property
    def n_themes(self) -> int:
        return len(self.theme_ids)

    @property
    def n_memberships(self) -> int:
        return len(self.mem_member)

    @property
    def n_twinnings(self) -> int:
        return len(self.tw_a)

    @property
    def n_goals(self) -> int:
        return len(self.goal_org)

    # ------------------------------------------------------------------ as of a day
    def active_memberships(self, as_of: int) -> np.ndarray:
        """Boolean mask of memberships whose closed period contains day ``as_of``."""
        return (self.mem_start <= as_of) & (self.mem_end >= as_of)

    def active_twinnings(self, as_of: int) -> np.ndarray:
        """Boolean mask of twinnings active on day ``as_of``."""
        return (self.tw_start <= as_of) & (self.tw_end >= as_of)

    def active_goals(self, as_of: int) -> np.ndarray:
        """Boolean mask of strategic goals in force on day ``as_of``."""
        return (self.goal_start <= as_of) & (self.goal_end >= as_of)

    def network_positions(self) -> np.ndarray:
        """Sorted org positions analysed as networks: kind "network" or target of a membership.

        Why the union: a membership may point at an association or a region acting as a network,
        and a network with no members must still appear (with zero overlap) in the results.
        """
        cached = self._cache.get("networks")
        if cached is None:
            flagged = np.flatnonzero(self.org_kind == NETWORK_KIND)
            cached = np.union1d(flagged, self.mem_network).astype(np.int64)
            self._cache["networks"] = cached
        return cached

    def position_of(self, org_id: int) -> int:
        """Position of database id ``org_id``; KeyError if absent."""
        index = self._cache.get("id_index")
        if index is None:
            index = {int(v): i for i, v in enumerate(self.org_ids.tolist())}
            self._cache["id_index"] = index
        return index[int(org_id)]
