"""Benchmark: a seeded European-scale landscape, the full analysis pass, networkx and the floor.

``run_bench(scale)`` measures, in one run:
- ``full_pass_s``: every analysis as of one day on the whole landscape (overlap of all networks,
  peers and gaps for a sample of cities, communities, centrality, trends) and the peak RSS;
- ``networkx_subset_s`` / ``ours_subset_s``: the same jobs on a subset of cities, done the
  straightforward networkx way and ours;
- ``floor_s``: only the bare sparse products the pass needs (see ``_floor``), the cost no
  implementation of these analyses can avoid.
The pass and the floor are each timed twice and the faster run counts (``*_first_s``: the first
runs); the 20 s target is checked on the first, cold run.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import os
import resource
import sys
import time
from collections import defaultdict
from typing import Any

import numpy as np
import scipy.sparse as sp

from verkosto.analytics.core.centrality import centrality, pagerank
from verkosto.analytics.core.communities import city_communities, kept_networks
from verkosto.analytics.core.gaps import org_gaps
from verkosto.analytics.core.landscape import OPEN_END, OPEN_START, Landscape
from verkosto.analytics.core.overlap import network_overlap
from verkosto.analytics.core.peers import city_peers_many
from verkosto.analytics.core.trends import trends

SCALES: dict[str, dict[str, int]] = {
    # The European scale.
    "eu": {
        "cities": 100_000,
        "networks": 2_000,
        "memberships": 1_000_000,
        "twinnings": 60_000,
        "themes": 60,
        "subset": 5_000,
        "sample": 200,
    },
    # Small enough for a test (well under a second for the whole run).
    "small": {
        "cities": 600,
        "networks": 40,
        "memberships": 5_000,
        "twinnings": 300,
        "themes": 12,
        "subset": 150,
        "sample": 10,
    },
}

AS_OF = dt.date(2025, 1, 1).toordinal()
TYPES = np.array(["general", "thematic", "advocacy", "project"], dtype=object)
SCOPES = np.array(["national", "nordic", "european", "global"], dtype=object)
#: Betweenness sources sampled in the full pass and in both subset runs (the same for fairness).
#: Why 16 and not 32: each source is one Brandes pass over the whole graph (~30 ms CPU at
#: European scale), the largest cost of the pass that is not a product. What it costs in
#: accuracy, measured on this landscape against a 320-source estimate (5 seeds): the median
#: relative error of the 20 most central organisations is 0.57 with 16 sources and 0.43 with
#: 32, and the estimated top 10 shares 5-7 (16) or 6-8 (32) organisations with the reference.
#: Either way the figure ranks hubs rather than measuring them, which the result says
#: (``betweenness_exact`` False, ``betweenness_sources``); the estimate is unbiased at any count.
#: Stratifying sources by kind (networks vs cities) did not reduce the error (0.54-0.58).
BETWEENNESS_SAMPLES = 16


def _days(rng: np.random.Generator, first_year: int, last_year: int, n: int) -> np.ndarray:
    lo = dt.date(first_year, 1, 1).toordinal()
    hi = dt.date(last_year, 12, 31).toordinal()
    return rng.integers(lo, hi + 1, size=n).astype(np.int32)


def _random_themes(
    rng: np.random.Generator, rows: int, themes: int, mean: float, prob_any: float
) -> sp.csr_matrix:
    """rows × themes bool, each row with probability prob_any having ~Poisson(mean)+1 themes."""
    has = rng.random(rows) < prob_any
    counts = np.where(has, rng.poisson(mean, size=rows) + 1, 0)
    counts = np.minimum(counts, themes)
    row = np.repeat(np.arange(rows), counts)
    # Zipf-like popularity of themes: climate and mobility are everywhere, others rare.
    pop = 1.0 / np.arange(1, themes + 1) ** 0.8
    col = rng.choice(themes, size=len(row), p=pop / pop.sum())
    return sp.csr_matrix((np.ones(len(row), dtype=bool), (row, col)), shape=(rows, themes))


def generate(scale: str = "eu", seed: int = 0) -> Landscape:
    """A seeded synthetic landscape: cities in ~30 countries of Zipf sizes, networks with
    heavy-tailed (Pareto) sizes, national networks drawing members from one country, periods
    since 1990 with a third of memberships ended, twinnings mostly across borders."""
    cfg = SCALES[scale]
    rng = np.random.default_rng(seed)
    n_c, n_n, n_m, n_t, n_th = (
        cfg[k] for k in ("cities", "networks", "memberships", "twinnings", "themes")
    )
    n = n_c + n_n
    n_countries = 30
    weights = 1.0 / np.arange(1, n_countries + 1) ** 0.9
    country_of_city = np.sort(rng.choice(n_countries, size=n_c, p=weights / weights.sum()))
    block_start = np.searchsorted(country_of_city, np.arange(n_countries))
    block_size = np.bincount(country_of_city, minlength=n_countries)
    codes = np.array([f"C{i:02d}" for i in range(n_countries)], dtype=object)

    scope = rng.choice(len(SCOPES), size=n_n, p=[0.6, 0.05, 0.25, 0.1])
    net_country = rng.choice(n_countries, size=n_n, p=weights / weights.sum())
    # Heavy-tailed sizes: Pareto(1.2) scaled so they sum to the membership count.
    raw = (rng.pareto(1.2, size=n_n) + 1.0) * 10
    sizes = np.maximum(np.round(raw / raw.sum() * n_m).astype(np.int64), 2)
    # A national network cannot have more members than its country has cities (keep ~80%).
    pool = np.where(scope == 0, block_size[net_country], n_c)
    sizes = np.minimum(sizes, np.maximum((pool * 0.8).astype(np.int64), 2))
    sizes[np.argmax(sizes)] += max(n_m - int(sizes.sum()), 0)
    sizes = np.minimum(sizes, np.where(scope == 0, block_size[net_country], n_c))
    mem_net_local = np.repeat(np.arange(n_n), sizes)
    m = len(mem_net_local)
    u = rng.random(m) ** 1.6  # propensity: low indices (big cities) join more
    nat = scope[mem_net_local] == 0
    cnt = net_country[mem_net_local]
    member = np.where(
        nat,
        block_start[cnt] + np.floor(u * block_size[cnt]).astype(np.int64),
        np.floor(rng.random(m) ** 1.3 * n_c).astype(np.int64),
    )
    # Shuffle city order within the country blocks so "big city" is not "low position".
    perm = rng.permutation(n_c)
    member = perm[member]
    start = _days(rng, 1990, 2024, m)
    ended = rng.random(m) < 0.33
    length = (rng.exponential(6.0, size=m) * 365).astype(np.int64) + 365
    end = np.where(ended, np.minimum(start.astype(np.int64) + length, 2**31 - 2), OPEN_END)
    open_start = rng.random(m) < 0.05
    start = np.where(open_start, OPEN_START, start)

    tw_a = perm[rng.integers(0, n_c, size=n_t)]
    tw_b = perm[rng.integers(0, n_c, size=n_t)]
    tw_start = _days(rng, 1950, 2023, n_t)
    tw_end = np.where(rng.random(n_t) < 0.2, tw_start + 3650, OPEN_END)

    goal_cities = rng.choice(n_c, size=n_c // 5, replace=False)
    goal_org = np.repeat(goal_cities, 4)
    goal_start = _days(rng, 2018, 2024, len(goal_org))

    country = np.concatenate(
        [codes[country_of_city][np.argsort(perm)], np.where(scope == 0, codes[net_country], "")]
    )
    # (cities were permuted: city p's country is that of the block it was drawn from)
    kind = np.concatenate(
        [np.full(n_c, "municipality", dtype=object), np.full(n_n, "network", dtype=object)]
    )
    ntype = np.concatenate(
        [
            np.full(n_c, "", dtype=object),
            TYPES[rng.choice(len(TYPES), size=n_n, p=[0.3, 0.4, 0.2, 0.1])],
        ]
    )
    nscope = np.concatenate([np.full(n_c, "", dtype=object), SCOPES[scope]])
    net_themes = sp.vstack(
        [
            sp.csr_matrix((n_c, n_th), dtype=bool),
            _random_themes(rng, n_n, n_th, 1.5, 0.9),
        ]
    ).tocsr()
    return Landscape.build(
        org_ids=np.arange(1, n + 1, dtype=np.int64),
        org_kind=kind,
        org_country=country,
        network_type=ntype,
        network_scope=nscope,
        theme_ids=np.arange(1, n_th + 1),
        network_themes=net_themes,
        mem_member=member,
        mem_network=n_c + mem_net_local,
        mem_start=start,
        mem_end=end,
        mem_themes=_random_themes(rng, m, n_th, 0.5, 0.3),
        tw_a=tw_a,
        tw_b=tw_b,
        tw_start=tw_start,
        tw_end=tw_end,
        goal_org=goal_org,
        goal_start=goal_start,
        goal_end=np.full(len(goal_org), OPEN_END),
        goal_themes=_random_themes(rng, len(goal_org), n_th, 1.0, 1.0),
    )


def subset(land: Landscape, cities: np.ndarray) -> Landscape:
    """The landscape restricted to the given city positions and all networks."""
    networks = land.network_positions()
    keep = np.union1d(np.asarray(cities, dtype=np.int64), networks)
    new_pos = np.full(land.n_orgs, -1, dtype=np.int64)
    new_pos[keep] = np.arange(len(keep))
    mem = new_pos[land.mem_member] >= 0
    tw = (new_pos[land.tw_a] >= 0) & (new_pos[land.tw_b] >= 0)
    goal = new_pos[land.goal_org] >= 0
    return Landscape.build(
        org_ids=land.org_ids[keep],
        org_kind=land.org_kind[keep],
        org_country=land.org_country[keep],
        network_type=land.network_type[keep],
        network_scope=land.network_scope[keep],
        theme_ids=land.theme_ids,
        network_themes=land.network_themes[keep],
        mem_member=new_pos[land.mem_member[mem]],
        mem_network=new_pos[land.mem_network[mem]],
        mem_start=land.mem_start[mem],
        mem_end=land.mem_end[mem],
        mem_themes=land.mem_themes[np.flatnonzero(mem)],
        tw_a=new_pos[land.tw_a[tw]],
        tw_b=new_pos[land.tw_b[tw]],
        tw_start=land.tw_start[tw],
        tw_end=land.tw_end[tw],
        goal_org=new_pos[land.goal_org[goal]],
        goal_start=land.goal_start[goal],
        goal_end=land.goal_end[goal],
        goal_themes=land.goal_themes[np.flatnonzero(goal)],
    )


def sample_cities(land: Landscape, count: int, seed: int) -> np.ndarray:
    """Seeded sample of cities that have an active membership (peers of a city with none are
    trivially empty and would flatter the timing)."""
    has = np.zeros(land.n_orgs, dtype=bool)
    has[land.mem_member[land.active_memberships(AS_OF)]] = True
    active = np.flatnonzero(has)
    cities = active[land.org_kind[active] != "network"]
    rng = np.random.default_rng(seed + 1)
    return np.sort(rng.choice(cities, size=min(count, len(cities)), replace=False))


def full_pass(land: Landscape, cities: np.ndarray, *, seed: int = 0) -> dict[str, float]:
    """Every analysis as of AS_OF; returns seconds per step."""
    land._cache.clear()
    steps: dict[str, float] = {}

    def timed(name: str, fn: Any) -> Any:
        start = time.perf_counter()
        out = fn()
        steps[name] = time.perf_counter() - start
        return out

    timed("overlap", lambda: network_overlap(land, as_of=AS_OF))
    timed("peers", lambda: city_peers_many(land, cities, as_of=AS_OF))
    timed("gaps", lambda: [org_gaps(land, int(c), as_of=AS_OF) for c in cities])
    timed("communities", lambda: city_communities(land, as_of=AS_OF, seed=seed))
    timed(
        "centrality",
        lambda: centrality(land, as_of=AS_OF, seed=seed, betweenness_samples=BETWEENNESS_SAMPLES),
    )

    def all_trends() -> None:
        trends(land, first_year=1990, last_year=2025)
        trends(land, first_year=1990, last_year=2025, country=str(land.org_country[0]))
        for c in cities[:10]:
            trends(land, first_year=1990, last_year=2025, org=int(c))

    timed("trends", all_trends)
    return steps


def _floor(land: Landscape, cities: np.ndarray) -> dict[str, float]:
    """The bare sparse products the pass needs, with nothing around them: the active incidence
    matrix B, BᵀB (shared members), the network-theme products, the theme profiles, one
    B-column product per sampled city for peers (twice: peers and the gaps' peers), the
    co-membership product B·D·Bᵀ over networks up to the communities' size cap, and PageRank's
    sparse power iteration on the cooperation graph (to 1e-10, as in the pass). Leiden and
    the betweenness BFS are not products and are not in the floor."""
    steps: dict[str, float] = {}
    t0 = time.perf_counter()
    mask = land.active_memberships(AS_OF)
    nets = land.network_positions()
    col = np.searchsorted(nets, land.mem_network[mask])
    b = sp.csr_matrix(
        (np.ones(int(mask.sum())), (land.mem_member[mask], col)), shape=(land.n_orgs, len(nets))
    )
    b.data[:] = 1.0
    bt = b.T.tocsr()
    steps["incidence"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    _ = bt @ b
    own = sp.csr_matrix(land.network_themes[nets], dtype=np.float64)
    roll = sp.csr_matrix(
        (np.ones(len(col)), (col, np.arange(len(col)))), shape=(len(nets), len(col))
    )
    nt = own + roll @ sp.csr_matrix(land.mem_themes[mask], dtype=np.float64)
    _ = nt @ nt.T
    per_member = sp.csr_matrix(
        (np.ones(len(col)), (land.mem_member[mask], np.arange(len(col)))),
        shape=(land.n_orgs, len(col)),
    )
    _ = per_member @ (sp.csr_matrix(land.mem_themes[mask], dtype=np.float64) + own[col])
    steps["overlap_themes"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    sizes = np.diff(bt.indptr)
    w = np.log(max(np.count_nonzero(np.diff(b.indptr)), 1) / np.maximum(sizes, 1))
    for _rep in range(2):
        for c in cities:
            row = b.indices[b.indptr[c] : b.indptr[c + 1]]
            _ = bt[row].T @ (w[row] ** 2)
    steps["peers"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_active = int(np.count_nonzero(np.diff(b.indptr)))
    small, _ = kept_networks(sizes, n_active, max_network_size=None, pair_budget=4_000_000)
    bw = b[:, small] @ sp.diags(np.sqrt(w[small]))
    _ = bw @ bw.T
    steps["comembership"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    coo = b.tocoo()
    n = land.n_orgs
    a_ = np.concatenate([coo.row, nets[coo.col]])
    b_ = np.concatenate([nets[coo.col], coo.row])
    adj = sp.csr_matrix((np.ones(len(a_)), (a_, b_)), shape=(n, n))
    pagerank(adj)
    steps["pagerank"] = time.perf_counter() - t0
    return steps


# ---------------------------------------------------------------------------- networkx way
def networkx_pass(land: Landscape, cities: np.ndarray, *, seed: int = 0) -> dict[str, float]:
    """The same jobs the straightforward way: a networkx graph, dicts and sets, loops."""
    import networkx as nx
    from networkx.algorithms import bipartite

    steps: dict[str, float] = {}
    t0 = time.perf_counter()
    mask = land.active_memberships(AS_OF)
    graph = nx.Graph()
    graph.add_nodes_from(range(land.n_orgs))
    networks = set(land.network_positions().tolist())
    mem_themes = land.mem_themes.tolil().rows
    net_theme_rows = land.network_themes.tolil().rows
    net_themes: dict[int, set[int]] = defaultdict(set)
    member_themes: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for i in np.flatnonzero(mask).tolist():
        a, n = int(land.mem_member[i]), int(land.mem_network[i])
        graph.add_edge(a, n)
        net_themes[n].update(mem_themes[i])
        for t in set(mem_themes[i]) | set(net_theme_rows[n]):
            member_themes[a][t] += 1
    for n in networks:
        net_themes[n].update(net_theme_rows[n])
    tmask = land.active_twinnings(AS_OF)
    twins = nx.Graph()
    for a, b in zip(land.tw_a[tmask].tolist(), land.tw_b[tmask].tolist(), strict=True):
        if a != b:
            graph.add_edge(a, b)
            twins.add_edge(a, b)
    steps["build"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    members = _members_of(land, mask, networks)
    proj = bipartite.overlap_weighted_projected_graph(_bi(members), list(networks), jaccard=True)
    for a, b in proj.edges():
        inter = len(members[a] & members[b])
        _ = inter / min(len(members[a]), len(members[b]))
        ta, tb = net_themes[a], net_themes[b]
        _ = len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    steps["overlap"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_active = len({a for ms in members.values() for a in ms})
    idf = {n: math.log(n_active / len(ms)) if ms else 0.0 for n, ms in members.items()}
    memberships_of: dict[int, set[int]] = defaultdict(set)
    for n, ms in members.items():
        for a in ms:
            memberships_of[a].add(n)
    norm = {a: math.sqrt(sum(idf[n] ** 2 for n in ns)) for a, ns in memberships_of.items()}
    tnorm = {a: math.sqrt(sum(v * v for v in ts.values())) for a, ts in member_themes.items()}

    def peers_of(c: int) -> list[tuple[float, int]]:
        scores: dict[int, float] = defaultdict(float)
        for n in memberships_of[c]:
            for other in members[n]:
                if other != c:
                    scores[other] += idf[n] ** 2
        out = []
        for other, dot in scores.items():
            mc = dot / (norm[c] * norm[other]) if norm[c] * norm[other] else 0.0
            ta, tb = member_themes[c], member_themes[other]
            tdot = sum(v * tb.get(t, 0) for t, v in ta.items())
            tc = tdot / (tnorm[c] * tnorm[other]) if tnorm.get(c) and tnorm.get(other) else 0.0
            out.append((0.75 * mc + 0.25 * tc, other))
        return sorted(out, key=lambda x: (-x[0], x[1]))[:20]

    for _rep in range(2):  # peers, and the peers inside gaps
        for c in cities.tolist():
            peers_of(int(c))
    steps["peers_gaps"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    city_graph = nx.Graph()
    # The same networks as ours add edges (the size cap from the same pair budget), so both
    # sides build the same graph before community detection.
    order = sorted(members)
    kept, _ = kept_networks(
        np.array([len(members[n]) for n in order]), n_active, max_network_size=None,
        pair_budget=4_000_000,
    )  # fmt: skip
    for n in (order[i] for i in kept.tolist()):
        ms = sorted(members[n])
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                w = city_graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
                city_graph.add_edge(a, b, weight=w + idf[n])
    for a, b in twins.edges():
        w = city_graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
        city_graph.add_edge(a, b, weight=w + 1.0)
    nx.community.louvain_communities(city_graph, weight="weight", seed=seed)
    steps["communities"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    dict(graph.degree())
    nx.pagerank(graph, alpha=0.85, tol=1e-10)
    k = min(BETWEENNESS_SAMPLES, graph.number_of_nodes())
    nx.betweenness_centrality(graph, k=k, normalized=False, seed=seed)
    steps["centrality"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    counts: dict[tuple[str, str, int], int] = defaultdict(int)
    for i in range(land.n_memberships):
        s, e = int(land.mem_start[i]), int(land.mem_end[i])
        y0 = 1990 if s == OPEN_START else dt.date.fromordinal(s).year
        y1 = 2025 if e == OPEN_END else dt.date.fromordinal(e).year
        n = int(land.mem_network[i])
        for y in range(max(y0, 1990), min(y1, 2025) + 1):
            counts[(land.network_type[n], land.network_scope[n], y)] += 1
    steps["trends"] = time.perf_counter() - t0
    return steps


def _members_of(land: Landscape, mask: np.ndarray, networks: set[int]) -> dict[int, set[int]]:
    members: dict[int, set[int]] = {n: set() for n in networks}
    for a, n in zip(land.mem_member[mask].tolist(), land.mem_network[mask].tolist(), strict=True):
        members[n].add(a)
    return members


def _bi(members: dict[int, set[int]]) -> Any:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(members)
    graph.add_edges_from((n, ("m", a)) for n, ms in members.items() for a in ms)
    return graph


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_bench(scale: str = "eu", seed: int = 0) -> dict[str, Any]:
    """Generate, run the full pass, the floor and the networkx comparison; one dict of figures.

    Targets (the issue): full pass <= 20 s and <= 4096 MB peak RSS, >= 50x faster than
    networkx on the subset, full pass <= 3x the floor.
    """
    cfg = SCALES[scale]
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    land = generate(scale, seed)
    generate_s = time.perf_counter() - t0
    cities = sample_cities(land, cfg["sample"], seed)
    gc.collect()
    # Wall time is what the targets are about; CPU time of this process is reported beside it
    # because the benchmark machine is shared and wall time then measures the neighbours too.
    # The pass and the floor each run twice and the faster run counts (as ``timeit`` does), the
    # same rule for both: a first run pays for page faults on fresh memory and first calls
    # that the other one, run second, would not (the floor used to run only after the pass,
    # warm, against a cold pass). The first runs are reported too.
    passes = []
    for _run in range(2):
        start, cpu = time.perf_counter(), time.process_time()
        steps = full_pass(land, cities, seed=seed)
        passes.append((time.perf_counter() - start, time.process_time() - cpu, steps))
    full_first_s = passes[0][0]
    full_s, full_cpu, steps = min(passes, key=lambda run: run[0])
    peak = peak_rss_mb()
    floors = []
    for _run in range(2):
        land._cache.clear()
        cpu = time.process_time()
        floor_steps = _floor(land, cities)
        floors.append((sum(floor_steps.values()), time.process_time() - cpu, floor_steps))
    floor_first_s = floors[0][0]
    floor_s, floor_cpu, floor_steps = min(floors, key=lambda run: run[0])

    rng = np.random.default_rng(seed + 2)
    all_cities = np.flatnonzero(land.org_kind != "network")
    sub_cities = np.sort(
        rng.choice(all_cities, size=min(cfg["subset"], len(all_cities)), replace=False)
    )
    small = subset(land, sub_cities)
    sub_sample = sample_cities(small, cfg["sample"], seed)
    import networkx  # noqa: F401  -- imported before the clock starts: import time is not work

    start, cpu = time.perf_counter(), time.process_time()
    ours_steps = full_pass(small, sub_sample, seed=seed)
    ours_s, ours_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    nx_steps = networkx_pass(small, sub_sample, seed=seed)
    nx_s, nx_cpu = time.perf_counter() - start, time.process_time() - cpu
    speedup = nx_s / ours_s if ours_s else float("inf")
    floor_ratio = full_s / floor_s if floor_s else float("inf")
    return {
        "scale": scale,
        "seed": seed,
        "orgs": land.n_orgs,
        "memberships": land.n_memberships,
        "twinnings": land.n_twinnings,
        "themes": land.n_themes,
        "sample_cities": len(cities),
        "generate_s": round(generate_s, 3),
        "full_pass_s": round(full_s, 3),
        "full_pass_first_s": round(full_first_s, 3),
        "full_pass_steps_s": {k: round(v, 3) for k, v in steps.items()},
        "peak_rss_mb": round(peak, 1),
        "floor_s": round(floor_s, 3),
        "floor_first_s": round(floor_first_s, 3),
        "floor_steps_s": {k: round(v, 3) for k, v in floor_steps.items()},
        "subset_cities": len(sub_cities),
        "ours_subset_s": round(ours_s, 3),
        "ours_subset_steps_s": {k: round(v, 3) for k, v in ours_steps.items()},
        "networkx_subset_s": round(nx_s, 3),
        "networkx_subset_steps_s": {k: round(v, 3) for k, v in nx_steps.items()},
        "speedup_vs_networkx": round(speedup, 1),
        "full_pass_over_floor": round(floor_ratio, 2),
        "cpu_s": {
            "full_pass": round(full_cpu, 3),
            "floor": round(floor_cpu, 3),
            "ours_subset": round(ours_cpu, 3),
            "networkx_subset": round(nx_cpu, 3),
        },
        "speedup_vs_networkx_cpu": round(nx_cpu / ours_cpu, 1) if ours_cpu else None,
        "full_pass_over_floor_cpu": round(full_cpu / floor_cpu, 2) if floor_cpu else None,
        "load_avg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cores": os.cpu_count(),
        "targets_met": {
            "full_pass_le_20s": full_first_s <= 20.0,  # the cold run: the stricter one
            "peak_rss_le_4096mb": peak <= 4096.0,
            "speedup_ge_50x": speedup >= 50.0,
            "full_pass_le_3x_floor": floor_ratio <= 3.0,
        },
    }
