"""Brute-force answers from plain Python sets and loops: what the fast code must agree with."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from verkosto.analytics.core.landscape import OPEN_END, OPEN_START, Landscape


def active(start: int, end: int, day: int) -> bool:
    return start <= day <= end


def members_by_network(land: Landscape, day: int) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {int(n): set() for n in land.network_positions()}
    for i in range(land.n_memberships):
        if active(land.mem_start[i], land.mem_end[i], day):
            out[int(land.mem_network[i])].add(int(land.mem_member[i]))
    return out


def themes_of_row(matrix, row: int) -> set[int]:
    return set(matrix[row].indices.tolist())


def network_themes(land: Landscape, day: int) -> dict[int, set[int]]:
    out = {int(n): themes_of_row(land.network_themes, int(n)) for n in land.network_positions()}
    for i in range(land.n_memberships):
        if active(land.mem_start[i], land.mem_end[i], day):
            out[int(land.mem_network[i])] |= themes_of_row(land.mem_themes, i)
    return out


def overlap_pairs(land: Landscape, day: int) -> dict[tuple[int, int], dict[str, float]]:
    """Every ordered pair of distinct networks sharing at least one member."""
    members = members_by_network(land, day)
    themes = network_themes(land, day)
    out = {}
    for a, ma in members.items():
        for b, mb in members.items():
            shared = len(ma & mb)
            if a == b or shared == 0:
                continue
            tu = len(themes[a] | themes[b])
            out[(a, b)] = {
                "shared": shared,
                "jaccard": shared / len(ma | mb),
                "overlap": shared / min(len(ma), len(mb)),
                "shared_themes": len(themes[a] & themes[b]),
                "theme_jaccard": len(themes[a] & themes[b]) / tu if tu else 0.0,
            }
    return out


def peer_scores(land: Landscape, org: int, day: int, theme_weight: float = 0.25) -> dict:
    members = members_by_network(land, day)
    active_orgs = set().union(*members.values()) if members else set()
    idf = {n: math.log(len(active_orgs) / len(ms)) if ms else 0.0 for n, ms in members.items()}
    nets_of: dict[int, set[int]] = defaultdict(set)
    for n, ms in members.items():
        for a in ms:
            nets_of[a].add(n)
    profile: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for i in range(land.n_memberships):
        if active(land.mem_start[i], land.mem_end[i], day):
            net = int(land.mem_network[i])
            for t in themes_of_row(land.mem_themes, i) | themes_of_row(land.network_themes, net):
                profile[int(land.mem_member[i])][t] += 1

    def cos(u: dict, v: dict) -> float:
        nu = math.sqrt(sum(x * x for x in u.values()))
        nv = math.sqrt(sum(x * x for x in v.values()))
        dot = sum(x * v.get(k, 0) for k, x in u.items())
        return dot / (nu * nv) if nu and nv else 0.0

    mine = {n: idf[n] for n in nets_of[org]}
    out = {}
    for other, nets in nets_of.items():
        if other == org or not (nets & nets_of[org]):
            continue
        mc = cos(mine, {n: idf[n] for n in nets})
        tc = cos(profile[org], profile[other])
        out[other] = (1 - theme_weight) * mc + theme_weight * tc
    return out


def year_of(day: int, open_year: int) -> int:
    if day in (OPEN_START, OPEN_END):
        return open_year
    return dt.date.fromordinal(day).year


def trend_counts(land: Landscape, first: int, last: int, org=None, country=None):
    """{(type, scope): [count per year]} and [twinnings per year], by looping over years."""
    series: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * (last - first + 1))
    twins = [0] * (last - first + 1)
    for y in range(first, last + 1):
        lo, hi = dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
        for i in range(land.n_memberships):
            member = int(land.mem_member[i])
            if org is not None and member != org:
                continue
            if country is not None and land.org_country[member] != country:
                continue
            if land.mem_start[i] <= hi and land.mem_end[i] >= lo:
                net = int(land.mem_network[i])
                series[(land.network_type[net], land.network_scope[net])][y - first] += 1
        for i in range(land.n_twinnings):
            a, b = int(land.tw_a[i]), int(land.tw_b[i])
            if org is not None and org not in (a, b):
                continue
            if country is not None and country not in (land.org_country[a], land.org_country[b]):
                continue
            if land.tw_start[i] <= hi and land.tw_end[i] >= lo:
                twins[y - first] += 1
    return dict(series), twins
