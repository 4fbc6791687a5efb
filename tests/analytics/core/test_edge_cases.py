"""Edge cases every analysis must survive: nothing at all, empty networks, open periods,
a day before anything started."""

import json
import subprocess
import sys

import numpy as np

from verkosto.analytics.core import (
    OPEN_END,
    OPEN_START,
    REASON_CODES,
    Landscape,
    centrality,
    city_communities,
    city_peers,
    network_overlap,
    org_gaps,
    trends,
)
from verkosto.analytics.core import results as results_module


def test_empty_landscape():
    land = Landscape.empty()
    overlap = network_overlap(land, as_of=738000)
    assert overlap.top == [] and overlap.duplicates == []
    assert centrality(land, as_of=738000).n_nodes == 0
    assert city_communities(land, as_of=738000).n_communities == 0
    t = trends(land, first_year=2020, last_year=2021)
    assert t.memberships == [] and t.twinnings == (0, 0)


def _one_city_one_empty_network() -> Landscape:
    return Landscape.build(
        org_ids=[1, 2, 3, 4],
        org_kind=["municipality", "municipality", "network", "network"],
        mem_member=[0, 1],
        mem_network=[2, 2],
        mem_start=[OPEN_START, 737000],
        mem_end=[OPEN_END, OPEN_END],
    )


def test_network_without_members_and_open_periods():
    land = _one_city_one_empty_network()
    overlap = network_overlap(land, as_of=738000)
    assert overlap.networks.tolist() == [2, 3]
    assert overlap.sizes.tolist() == [2, 0]
    assert overlap.top == [[], []]
    peers = city_peers(land, 0, as_of=738000)
    assert [p.org_id for p in peers.peers] == [2]
    assert centrality(land, as_of=738000).degree.tolist() == [1, 1, 2, 0]


def test_before_anything_started_only_open_starts_count():
    land = _one_city_one_empty_network()
    early = 1000
    assert network_overlap(land, as_of=early).sizes.tolist() == [1, 0]
    assert city_peers(land, 0, as_of=early).peers == []
    assert city_peers(land, 1, as_of=early).peers == []
    assert centrality(land, as_of=early).degree.tolist() == [1, 0, 1, 0]
    gaps = org_gaps(land, 1, as_of=early)
    assert gaps.idle == [] and gaps.unserved == []


def test_results_are_json_ready():
    land = _one_city_one_empty_network()
    json.dumps(city_peers(land, 0, as_of=738000).to_dict())
    json.dumps(org_gaps(land, 0, as_of=738000).to_dict())
    json.dumps(trends(land, first_year=2019, last_year=2020).to_dict())


def test_every_reason_code_is_documented():
    for code in REASON_CODES:
        assert f"``{code}``" in results_module.__doc__


def test_validation_names_the_bad_array():
    try:
        Landscape.build(org_ids=[1], mem_member=[0], mem_network=[5])
    except ValueError as error:
        assert "mem_network" in str(error)
    else:
        raise AssertionError("an org position out of range must be refused")


def test_importing_the_package_does_not_import_django():
    code = (
        "import sys, verkosto.analytics.core, verkosto.analytics.core.bench; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run(  # noqa: S603 -- our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_positions_map_back_to_ids():
    land = _one_city_one_empty_network()
    assert land.position_of(3) == 2
    assert np.array_equal(land.network_positions(), [2, 3])
