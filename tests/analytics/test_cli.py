"""``verkosto analytics …`` prints the same summaries as JSON; ``bench`` one JSON object."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def _run(*args: str) -> dict:
    out = io.StringIO()
    call_command("analytics", *args, stdout=out)
    return json.loads(out.getvalue())


def test_overlap_of_helsinki_public_and_with_its_workspace(demo, db):
    public = _run("overlap", "--org", "Helsinki", "--as-of", "2025-06-01")
    assert public["networks"] == [] and public["workspace"] is None
    private = _run("overlap", "--org", "Helsinki", "--workspace", "helsinki", "--k", "3")
    assert {n["name"] for n in private["networks"]} >= {
        "Eurocities",
        "Union of the Baltic Cities",
        "Covenant of Mayors for Climate & Energy",
    }


def test_peers_in_finnish_and_by_any_name(demo, db):
    result = _run("peers", "--org", "Björneborg", "--language", "fi", "--k", "20")
    assert result["subject"]["name"] == "Pori"
    assert len(result["peers"]) == 12
    codes = [r["code"] for r in result["peers"][0]["reasons"]]
    assert "shared_networks" in codes


def test_landscape_analyses_of_a_country(demo, db):
    for analysis in ("communities", "centrality", "trends", "overlap"):
        result = _run(analysis, "--country", "fi")
        assert result["country"] == "FI", analysis


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("peers",), "peers needs --org"),
        (("gaps", "--org", "Atlantis"), "no organisation matches"),
        (("trends", "--as-of", "2025-02-30"), "--as-of"),
        (("overlap", "--k", "0"), "--k"),
        (("overlap", "--workspace", "nowhere"), "--workspace"),
    ],
)
def test_bad_arguments_are_clear_errors(demo, db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("analytics", *args, stdout=io.StringIO())


def test_bench_prints_one_json_object():
    out = io.StringIO()
    call_command("analytics", "bench", "--scale", "small", stdout=out)
    result = json.loads(out.getvalue())
    for key in ("full_pass_s", "peak_rss_mb", "networkx_subset_s", "ours_subset_s", "floor_s"):
        assert isinstance(result[key], int | float), key
