"""Each analysis as plain data in words: what the page shows, the API returns and the
command line prints — the same dictionaries, so the three never disagree.

The core computes on positions; here positions become organisations and themes with
ids and names, and reasons become sentences (``explain``) in the active language.
``org`` is an organisation's position in the landscape (the caller turns an id into it
and answers 404 for an unknown one).
"""

import datetime as dt
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from verkosto.analytics.core.centrality import centrality
from verkosto.analytics.core.communities import city_communities
from verkosto.analytics.core.gaps import org_gaps
from verkosto.analytics.core.landscape import OPEN_START
from verkosto.analytics.core.overlap import network_overlap, top_overlaps
from verkosto.analytics.core.peers import city_peers
from verkosto.analytics.core.results import Centrality, NetworkOverlap, OverlapPair, Reason
from verkosto.analytics.core.trends import trends
from verkosto.analytics.explain import betweenness_note, left_out_note, reason_text
from verkosto.analytics.selectors.landscape import LoadedLandscape
from verkosto.registry.models import NetworkScope, NetworkType

# The heat map stays readable up to this many networks.
HEATMAP_MAX = 30
# Trends go back at most this many years before the day looked at.
TRENDS_MAX_YEARS = 40
TRENDS_DEFAULT_YEARS = 10


# ---------------------------------------------------------------------------- shared parts
def org_ref(loaded: LoadedLandscape, position: int) -> dict[str, Any]:
    position = int(position)
    return {
        "id": loaded.org_id(position),
        "name": loaded.org_name(position),
        "kind": loaded.org_kind(position),
        "country": loaded.org_country(position),
    }


def theme_ref(loaded: LoadedLandscape, position: int) -> dict[str, Any]:
    position = int(position)
    return {
        "id": int(loaded.landscape.theme_ids[position]),
        "code": loaded.theme_codes[position],
        "label": loaded.theme_label(position),
    }


def reason_dict(loaded: LoadedLandscape, reason: Reason) -> dict[str, Any]:
    return {
        "code": reason.code,
        "text": reason_text(reason, loaded),
        "count": int(reason.count),
        "total": int(reason.total),
        "share": round(float(reason.share), 4),
        "organisations": [org_ref(loaded, p) for p in reason.orgs],
        "themes": [theme_ref(loaded, p) for p in reason.themes],
    }


def _ordinal(as_of: dt.date) -> int:
    return as_of.toordinal()


def _header(loaded: LoadedLandscape, as_of: dt.date, org: int | None, country: str) -> dict:
    workspace = loaded.audience.workspace
    return {
        "as_of": as_of.isoformat(),
        "subject": org_ref(loaded, org) if org is not None else None,
        "country": country or None,
        "workspace": workspace.slug if workspace is not None else None,
    }


def is_network(loaded: LoadedLandscape, position: int) -> bool:
    land = loaded.landscape
    networks = land.network_positions()
    i = int(np.searchsorted(networks, position))
    return i < len(networks) and int(networks[i]) == int(position)


def _active_networks_of(loaded: LoadedLandscape, org: int, as_of: dt.date) -> np.ndarray:
    land = loaded.landscape
    mask = land.active_memberships(_ordinal(as_of)) & (land.mem_member == org)
    return np.unique(land.mem_network[mask])


def _active_members_of(loaded: LoadedLandscape, network: int, as_of: dt.date) -> np.ndarray:
    land = loaded.landscape
    mask = land.active_memberships(_ordinal(as_of)) & (land.mem_network == network)
    return np.unique(land.mem_member[mask])


def _in_country(loaded: LoadedLandscape, country: str) -> np.ndarray:
    """Boolean mask over positions: organisations of ``country`` (all when empty)."""
    land = loaded.landscape
    if not country:
        return np.ones(land.n_orgs, dtype=bool)
    return land.org_country == country


def _networks_in_scope(loaded: LoadedLandscape, as_of: dt.date, country: str) -> np.ndarray:
    """Networks of the country: based there, or with an active member from there."""
    land = loaded.landscape
    networks = land.network_positions()
    if not country:
        return networks
    active = land.active_memberships(_ordinal(as_of))
    local = active & (land.org_country[land.mem_member] == country)
    with_members = np.unique(land.mem_network[local])
    based = networks[land.org_country[networks] == country]
    return np.union1d(with_members, based).astype(np.int64)


# ---------------------------------------------------------------------------- overlap
def _overlap(loaded: LoadedLandscape, as_of: dt.date, k: int) -> NetworkOverlap:
    land = loaded.landscape
    return loaded.memo(
        ("overlap", as_of, k), lambda: network_overlap(land, as_of=_ordinal(as_of), k=k)
    )


def _pair_dict(loaded: LoadedLandscape, pair: OverlapPair) -> dict[str, Any]:
    reason = Reason(
        code="shared_members",
        count=pair.shared,
        share=pair.overlap,
        jaccard=pair.jaccard,
        orgs=(pair.a, pair.b),
    )
    return {
        "a": org_ref(loaded, pair.a),
        "b": org_ref(loaded, pair.b),
        "shared_members": int(pair.shared),
        "jaccard": round(float(pair.jaccard), 4),
        "overlap": round(float(pair.overlap), 4),
        "shared_themes": int(pair.shared_themes),
        "theme_jaccard": round(float(pair.theme_jaccard), 4),
        "text": reason_text(reason, loaded),
    }


def _heatmap(loaded: LoadedLandscape, ov: NetworkOverlap, positions) -> dict[str, Any]:
    positions = [int(p) for p in positions][:HEATMAP_MAX]
    values = ov.heatmap(positions, "overlap") if positions else np.zeros((0, 0))
    shared = ov.heatmap(positions, "shared") if positions else np.zeros((0, 0))
    return {
        "metric": "overlap",
        "networks": [org_ref(loaded, p) for p in positions],
        "values": [[round(float(v), 4) for v in row] for row in values],
        "shared": [[int(v) for v in row] for row in shared],
    }


def _network_row(loaded: LoadedLandscape, ov: NetworkOverlap, position: int) -> dict:
    i = ov.index_of(int(position))
    return {**org_ref(loaded, position), "members": int(ov.sizes[i])}


def _duplicate_dicts(loaded: LoadedLandscape, duplicates) -> list[dict[str, Any]]:
    return [
        {
            "a": org_ref(loaded, d.a),
            "b": org_ref(loaded, d.b),
            "score": round(float(d.score), 4),
            "reasons": [reason_dict(loaded, r) for r in d.reasons],
        }
        for d in duplicates
    ]


def overlap_summary(
    loaded: LoadedLandscape, *, as_of: dt.date, k: int, org: int | None = None, country: str = ""
) -> dict[str, Any]:
    """A network: its top-k overlapping networks and likely duplicates. Another
    organisation: every pair of its current networks that overlap. Nobody: the largest
    networks (of the country) and their overlaps, and every likely duplicate.

    With an organisation, ``country`` limits the networks it is compared with to those of
    the country (based there or with a current member from there), as it limits the
    networks shown without one; the organisation itself is always the subject."""
    ov = _overlap(loaded, as_of, k)
    out = _header(loaded, as_of, org, country)
    compared = _networks_in_scope(loaded, as_of, country) if country else None
    in_scope = set(compared.tolist()) if compared is not None else None
    if org is not None and is_network(loaded, org):
        if in_scope is None:
            top = ov.top[ov.index_of(org)][:k]
        else:
            top = top_overlaps(ov, org, k=k, among=compared)
        networks = [org, *[p.b for p in top]]
        pairs = [_pair_dict(loaded, p) for p in top]
        mine = [(d, d.b if d.a == org else d.a) for d in ov.duplicates if org in (d.a, d.b)]
        duplicates = [d for d, other in mine if in_scope is None or other in in_scope]
    else:
        if org is not None:
            networks = [int(p) for p in _active_networks_of(loaded, org, as_of)]
            if in_scope is not None:
                networks = [p for p in networks if p in in_scope]
        else:
            scope = _networks_in_scope(loaded, as_of, country)
            sizes = ov.sizes[[ov.index_of(int(p)) for p in scope]] if len(scope) else []
            order = np.lexsort((scope, -np.asarray(sizes))) if len(scope) else []
            # Networks without current members have nothing to overlap.
            networks = [int(scope[j]) for j in order if sizes[j] > 0][:HEATMAP_MAX]
        chosen = set(networks)
        found = [ov.pair(a, b) for n, a in enumerate(networks) for b in networks[n + 1 :]]
        found = [p for p in found if p.shared or p.shared_themes]
        found.sort(key=lambda p: (-p.overlap, -p.shared, -p.theme_jaccard, p.a, p.b))
        pairs = [_pair_dict(loaded, p) for p in found]
        duplicates = [d for d in ov.duplicates if d.a in chosen and d.b in chosen]
        if org is None:
            pairs = pairs[: k * 3]
            scope_set = set(_networks_in_scope(loaded, as_of, country).tolist())
            duplicates = [d for d in ov.duplicates if d.a in scope_set and d.b in scope_set]
    out.update(
        networks=[_network_row(loaded, ov, p) for p in networks],
        pairs=pairs,
        duplicates=_duplicate_dicts(loaded, duplicates[: max(k, 1) * 3]),
        heatmap=_heatmap(loaded, ov, networks),
    )
    return out


# ---------------------------------------------------------------------------- peers
def peers_summary(loaded: LoadedLandscape, *, as_of: dt.date, k: int, org: int) -> dict[str, Any]:
    """The organisations whose cooperation is most like ``org``'s, with where they meet."""
    land = loaded.landscape
    result = loaded.memo(
        ("peers", org, as_of, k), lambda: city_peers(land, org, as_of=_ordinal(as_of), k=k)
    )
    out = _header(loaded, as_of, org, "")
    out["peers"] = [
        {
            "organisation": org_ref(loaded, p.org),
            "score": round(float(p.score), 4),
            "membership_cosine": round(float(p.membership_cosine), 4),
            "theme_cosine": round(float(p.theme_cosine), 4),
            "shared_networks": [org_ref(loaded, n) for n in p.shared_networks],
            "reasons": [reason_dict(loaded, r) for r in p.reasons],
        }
        for p in result.peers
    ]
    return out


# ---------------------------------------------------------------------------- gaps
def gaps_summary(loaded: LoadedLandscape, *, as_of: dt.date, k: int, org: int) -> dict[str, Any]:
    """Goal themes no current membership serves, memberships that serve no goal, and
    networks the peers use for the unserved themes."""
    land = loaded.landscape
    result = org_gaps(land, org, as_of=_ordinal(as_of), k=k)
    out = _header(loaded, as_of, org, "")
    out.update(
        goal_themes=[theme_ref(loaded, t) for t in result.goal_themes],
        served_themes=[theme_ref(loaded, t) for t in result.served_themes],
        unserved=[
            {
                "theme": theme_ref(loaded, u.theme),
                "goals": [
                    {"id": int(loaded.goal_ids[g]), "title": loaded.goal_title(int(g))}
                    for g in u.goals
                ],
            }
            for u in result.unserved
        ],
        idle=[
            {
                "membership_id": int(m.membership_id),
                "network": org_ref(loaded, m.network),
                "private": bool(loaded.mem_private[m.membership]),
                "reasons": [reason_dict(loaded, r) for r in m.reasons],
            }
            for m in result.idle
        ],
        suggestions=[
            {
                "network": org_ref(loaded, s.network),
                "score": round(float(s.score), 4),
                "themes": [theme_ref(loaded, t) for t in s.themes],
                "peers": [org_ref(loaded, p) for p in s.peers],
                "reasons": [reason_dict(loaded, r) for r in s.reasons],
            }
            for s in result.suggestions
        ],
    )
    return out


# ---------------------------------------------------------------------------- centrality
def _centrality(loaded: LoadedLandscape, as_of: dt.date) -> Centrality:
    land = loaded.landscape
    return loaded.memo(("centrality", as_of), lambda: centrality(land, as_of=_ordinal(as_of)))


def _centrality_rows(loaded: LoadedLandscape, c: Centrality, positions) -> list[dict[str, Any]]:
    return [
        {
            "organisation": org_ref(loaded, p),
            "degree": int(c.degree[p]),
            "pagerank": round(float(c.pagerank[p]), 6),
            "betweenness": round(float(c.betweenness[p]), 2),
        }
        for p in positions
    ]


def centrality_summary(
    loaded: LoadedLandscape, *, as_of: dt.date, k: int, org: int | None = None, country: str = ""
) -> dict[str, Any]:
    """Most central cities and networks (of the country) by PageRank and betweenness;
    for a network also its most central members, for any organisation its own figures."""
    land = loaded.landscape
    c = _centrality(loaded, as_of)
    in_scope = _in_country(loaded, country) & (c.degree > 0)
    networks_mask = np.zeros(land.n_orgs, dtype=bool)
    networks_mask[land.network_positions()] = True
    cities = np.flatnonzero(in_scope & ~networks_mask & (land.org_kind == "municipality"))
    networks = _networks_in_scope(loaded, as_of, country)
    networks = networks[c.degree[networks] > 0] if len(networks) else networks
    out = _header(loaded, as_of, org, country)
    members: list[dict] = []
    if org is not None and is_network(loaded, org):
        members = _centrality_rows(
            loaded, c, c.top("pagerank", k, among=_active_members_of(loaded, org, as_of))
        )
    out.update(
        nodes=int(c.n_nodes),
        edges=int(c.n_edges),
        betweenness_exact=bool(c.betweenness_exact),
        betweenness_sources=int(c.betweenness_sources),
        note=betweenness_note(
            exact=c.betweenness_exact, sources=c.betweenness_sources, nodes=c.n_nodes
        ),
        own=_centrality_rows(loaded, c, [org])[0] if org is not None else None,
        cities_by_pagerank=_centrality_rows(loaded, c, c.top("pagerank", k, among=cities)),
        cities_by_betweenness=_centrality_rows(loaded, c, c.top("betweenness", k, among=cities)),
        networks_by_pagerank=_centrality_rows(loaded, c, c.top("pagerank", k, among=networks)),
        members=members,
    )
    return out


# ---------------------------------------------------------------------------- communities
def communities_summary(
    loaded: LoadedLandscape, *, as_of: dt.date, k: int, org: int | None = None, country: str = ""
) -> dict[str, Any]:
    """Leiden communities of cities (co-membership and twinning): for each, its size, its
    best-connected members (of the country) and the countries it spans."""
    land = loaded.landscape
    result = loaded.memo(
        ("communities", as_of), lambda: city_communities(land, as_of=_ordinal(as_of))
    )
    c = _centrality(loaded, as_of)
    in_scope = _in_country(loaded, country) & (result.labels >= 0)
    labels_in_scope = result.labels[in_scope]
    counts = np.bincount(labels_in_scope, minlength=result.n_communities)
    shown = [int(label) for label in np.flatnonzero(counts)][:k]
    if org is not None and result.labels[org] >= 0 and int(result.labels[org]) not in shown:
        shown.append(int(result.labels[org]))
    communities = []
    for label in shown:
        members = result.members(label)
        local = members[in_scope[members]]
        countries, country_counts = np.unique(
            land.org_country[members].astype(str), return_counts=True
        )
        order = np.argsort(-country_counts, kind="stable")[:5]
        communities.append(
            {
                "number": label + 1,
                "size": int(result.sizes[label]),
                "size_in_scope": len(local),
                "members": [org_ref(loaded, p) for p in c.top("pagerank", k, among=local)],
                "countries": [
                    {"country": str(countries[j]), "count": int(country_counts[j])} for j in order
                ],
            }
        )
    left_out = int(result.params.get("left_out_networks", 0))
    out = _header(loaded, as_of, org, country)
    subject_label = int(result.labels[org]) if org is not None else -1
    out.update(
        count=int(np.count_nonzero(counts)),
        modularity=round(float(result.modularity), 4),
        subject_community=subject_label + 1 if subject_label >= 0 else None,
        communities=communities,
        left_out_networks=left_out,
        note=left_out_note(left_out),
    )
    return out


# ---------------------------------------------------------------------------- trends
def _first_year(loaded: LoadedLandscape, as_of: dt.date) -> int:
    land = loaded.landscape
    starts = np.concatenate([land.mem_start, land.tw_start])
    starts = starts[(starts != OPEN_START) & (starts <= _ordinal(as_of))]
    if not len(starts):
        return as_of.year - TRENDS_DEFAULT_YEARS
    first = dt.date.fromordinal(int(starts.min())).year
    return max(first, as_of.year - TRENDS_MAX_YEARS)


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else (value or "—")


def trends_summary(
    loaded: LoadedLandscape, *, as_of: dt.date, org: int | None = None, country: str = ""
) -> dict[str, Any]:
    """Active memberships per year by network type and scope, and twinnings per year, of
    everyone, one organisation or the organisations of one country. Not of an
    organisation *and* a country: an organisation belongs to one country, so the country
    would either repeat it or leave nothing (ValueError, as in ``core.trends``)."""
    land = loaded.landscape
    first, last = _first_year(loaded, as_of), as_of.year
    result = trends(land, first_year=first, last_year=last, org=org, country=country or None)
    by_type: dict[str, list[int]] = {}
    for series in result.memberships:
        counts = by_type.setdefault(series.network_type, [0] * len(result.years))
        for i, value in enumerate(series.counts):
            counts[i] += int(value)
    out = _header(loaded, as_of, org, country)
    out.update(
        years=[int(y) for y in result.years],
        memberships=[
            {
                "network_type": s.network_type,
                "network_scope": s.network_scope,
                "label": f"{_label(NetworkType, s.network_type)} · "
                f"{_label(NetworkScope, s.network_scope)}",
                "counts": [int(v) for v in s.counts],
            }
            for s in result.memberships
        ],
        by_type=[
            {"network_type": key, "label": _label(NetworkType, key), "counts": counts}
            for key, counts in sorted(by_type.items())
        ],
        twinnings=[int(v) for v in result.twinnings],
        twin_towns=_twin_towns(loaded, org, as_of) if org is not None else [],
        summary=_trend_sentence(result.years, by_type, result.twinnings),
    )
    return out


def _trend_sentence(years, by_type: dict[str, list[int]], twinnings) -> str:
    """Twinning against thematic networks, first year against last: the question of the
    17-city study (seed 000), answered in one sentence."""
    if len(years) < 2:
        return ""
    thematic = by_type.get(NetworkType.THEMATIC.value, [0] * len(years))
    return _(
        "From %(first)d to %(last)d, active twinnings went from %(tw_first)d to %(tw_last)d "
        "and memberships in thematic networks from %(th_first)d to %(th_last)d."
    ) % {
        "first": years[0],
        "last": years[-1],
        "tw_first": int(twinnings[0]),
        "tw_last": int(twinnings[-1]),
        "th_first": int(thematic[0]),
        "th_last": int(thematic[-1]),
    }


def _twin_towns(loaded: LoadedLandscape, org: int, as_of: dt.date) -> list[dict[str, Any]]:
    """The organisation's twin towns on the day, by name."""
    land = loaded.landscape
    active = land.active_twinnings(_ordinal(as_of))
    others = np.concatenate(
        [land.tw_b[active & (land.tw_a == org)], land.tw_a[active & (land.tw_b == org)]]
    )
    towns = [org_ref(loaded, p) for p in np.unique(others)]
    return sorted(towns, key=lambda t: (t["name"].casefold(), t["id"]))
