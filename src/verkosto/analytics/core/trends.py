"""Active memberships and twinnings per year, by network type and scope.

Counting rule (also on ``Trends``): active in year Y when the closed period meets
[1 Jan Y, 31 Dec Y]. Each membership adds +1 at its first counted year and -1 after its last
(a difference array), so the whole series is one ``np.add.at`` and one cumulative sum — no loop
over memberships or years.
"""

from __future__ import annotations

import numpy as np

from verkosto.analytics.core.landscape import OPEN_END, OPEN_START, Landscape
from verkosto.analytics.core.results import Trends, TrendSeries

_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()


def years_of(days: np.ndarray, *, open_start_year: int, open_end_year: int) -> np.ndarray:
    """Calendar years of ordinal days; the open sentinels map to the given years."""
    days = np.asarray(days, dtype=np.int64)
    inner = np.clip(days, 1, 3_652_059) - _EPOCH_ORDINAL  # date.max.toordinal()
    years = inner.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    years = np.where(days <= OPEN_START, open_start_year, years)
    return np.where(days >= OPEN_END, open_end_year, years)


def _yearly(
    start: np.ndarray, end: np.ndarray, groups: np.ndarray, n_groups: int, y0: int, y1: int
) -> np.ndarray:
    """counts[g, i] = entries of group g active in year y0 + i (difference array)."""
    n_years = y1 - y0 + 1
    out = np.zeros((n_groups, n_years + 1), dtype=np.int64)
    if len(start) == 0 or n_years <= 0:
        return out[:, :n_years]
    first = years_of(start, open_start_year=y0 - 1, open_end_year=y1 + 1)
    last = years_of(end, open_start_year=y0 - 1, open_end_year=y1 + 1)
    lo = np.maximum(first, y0) - y0
    hi = np.minimum(last, y1) - y0
    ok = (lo <= hi) & (first <= last)
    # bincount on flat cell numbers, not np.add.at: the same sums, ~10x faster on 10^6 rows.
    width = n_years + 1
    cells = out.size
    base = groups[ok].astype(np.int64) * width
    out += np.bincount(base + lo[ok], minlength=cells).reshape(out.shape)
    out -= np.bincount(base + hi[ok] + 1, minlength=cells).reshape(out.shape)
    return np.cumsum(out, axis=1)[:, :n_years]


def trends(
    land: Landscape,
    *,
    first_year: int,
    last_year: int,
    org: int | None = None,
    country: str | None = None,
) -> Trends:
    """Yearly counts for ``first_year..last_year`` inclusive, for everyone, one org (position)
    or one country (ISO code); give at most one of ``org`` / ``country``. See ``Trends``
    for the counting rule. Series come sorted by (type, scope), only those with a non-zero
    count in the range."""
    if org is not None and country is not None:
        raise ValueError("give org or country, not both")
    if org is not None:
        subject = "org"
        mem = land.mem_member == org
        tw = (land.tw_a == org) | (land.tw_b == org)
    elif country is not None:
        subject = "country"
        # Compare the strings once per organisation, not once per membership (10x fewer).
        in_country = land.org_country == country
        mem = in_country[land.mem_member]
        tw = in_country[land.tw_a] | in_country[land.tw_b]
    else:
        subject = "all"
        mem = np.ones(land.n_memberships, dtype=bool)
        tw = np.ones(land.n_twinnings, dtype=bool)
    # Group labels per network (thousands), then look them up per membership (millions).
    networks = land.network_positions()
    labels = np.array(
        [
            f"{t}\x1f{s}"
            for t, s in zip(land.network_type[networks], land.network_scope[networks], strict=True)
        ],
        dtype=object,
    )
    pair_labels, net_group = (
        np.unique(labels, return_inverse=True)
        if len(networks)
        else (np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64))
    )
    pairs = [str(p).split("\x1f") for p in pair_labels]
    group = net_group.ravel()[np.searchsorted(networks, land.mem_network[mem])]
    counts = _yearly(
        land.mem_start[mem], land.mem_end[mem], group, len(pairs), first_year, last_year
    )
    tcounts = _yearly(
        land.tw_start[tw],
        land.tw_end[tw],
        np.zeros(int(tw.sum()), np.int64),
        1,
        first_year,
        last_year,
    )
    series = [
        TrendSeries(
            network_type=str(p[0]), network_scope=str(p[1]), counts=tuple(int(c) for c in row)
        )
        for p, row in zip(pairs, counts, strict=True)
        if row.any()
    ]
    return Trends(
        years=tuple(range(first_year, last_year + 1)),
        subject=subject,
        memberships=series,
        twinnings=tuple(int(c) for c in tcounts[0]) if len(tcounts) else (),
        org=org,
        country=country,
    )
