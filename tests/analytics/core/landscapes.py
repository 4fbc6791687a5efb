"""Random small landscapes for property tests (hypothesis) and a hand-made builder."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from hypothesis import strategies as st

from verkosto.analytics.core.landscape import OPEN_END, OPEN_START, Landscape

#: Days of the random landscapes: a few years around 2020 so periods and years both vary.
DAY0 = 737425  # 2020-01-01
SPAN = 4 * 365


def _themes(draw: st.DrawFn, rows: int, themes: int) -> sp.csr_matrix:
    if themes == 0 or rows == 0:
        return sp.csr_matrix((rows, themes), dtype=bool)
    cells = draw(st.lists(st.booleans(), min_size=rows * themes, max_size=rows * themes))
    # Sparse-ish: keep a cell only with a second coin, so many rows stay empty.
    keep = draw(st.lists(st.booleans(), min_size=rows * themes, max_size=rows * themes))
    dense = np.array(cells) & np.array(keep)
    return sp.csr_matrix(dense.reshape(rows, themes))


def _periods(draw: st.DrawFn, count: int) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for _ in range(count):
        start = draw(st.one_of(st.just(OPEN_START), st.integers(DAY0 - 400, DAY0 + SPAN)))
        end = draw(st.one_of(st.just(OPEN_END), st.integers(DAY0 - 400, DAY0 + SPAN + 400)))
        starts.append(start)
        ends.append(end)
    return starts, ends


@st.composite
def landscapes(draw: st.DrawFn, max_cities: int = 10, max_networks: int = 5) -> Landscape:
    """Cities first, then networks; any city may twin any other; networks may be empty."""
    n_c = draw(st.integers(0, max_cities))
    n_n = draw(st.integers(0, max_networks))
    n_t = draw(st.integers(0, 4))
    n = n_c + n_n
    countries = draw(st.lists(st.sampled_from(["FI", "SE", ""]), min_size=n, max_size=n))
    kinds = ["municipality"] * n_c + ["network"] * n_n
    types = [""] * n_c + draw(
        st.lists(st.sampled_from(["thematic", "general", ""]), min_size=n_n, max_size=n_n)
    )
    scopes = [""] * n_c + draw(
        st.lists(st.sampled_from(["national", "european", ""]), min_size=n_n, max_size=n_n)
    )
    net_themes = sp.vstack([sp.csr_matrix((n_c, n_t), dtype=bool), _themes(draw, n_n, n_t)])
    mem_member, mem_network = [], []
    if n_c and n_n:
        pairs = draw(
            st.lists(st.tuples(st.integers(0, n_c - 1), st.integers(0, n_n - 1)), max_size=30)
        )
        mem_member = [a for a, _ in pairs]
        mem_network = [n_c + b for _, b in pairs]
    m_start, m_end = _periods(draw, len(mem_member))
    tw = []
    if n_c >= 2:
        tw = draw(st.lists(st.tuples(st.integers(0, n_c - 1), st.integers(0, n_c - 1)), max_size=8))
    t_start, t_end = _periods(draw, len(tw))
    goals = draw(st.lists(st.integers(0, n_c - 1), max_size=6)) if n_c else []
    g_start, g_end = _periods(draw, len(goals))
    return Landscape.build(
        org_ids=np.arange(n, dtype=np.int64) * 10 + 7,  # ids differ from positions on purpose
        org_kind=kinds,
        org_country=countries,
        network_type=types,
        network_scope=scopes,
        theme_ids=np.arange(n_t) + 100,
        network_themes=net_themes,
        mem_member=mem_member,
        mem_network=mem_network,
        mem_start=m_start,
        mem_end=m_end,
        mem_themes=_themes(draw, len(mem_member), n_t),
        tw_a=[a for a, _ in tw],
        tw_b=[b for _, b in tw],
        tw_start=t_start,
        tw_end=t_end,
        goal_org=goals,
        goal_start=g_start,
        goal_end=g_end,
        goal_themes=_themes(draw, len(goals), n_t),
    )


as_of_days = st.integers(DAY0 - 500, DAY0 + SPAN + 500)
