"""Export → empty database → import → export again gives the same file, in both formats."""

import json

import pytest

from tests.exchange.conftest import wipe_registry
from verkosto.accounts.permissions import SYSTEM
from verkosto.exchange import ftm, popolo
from verkosto.exchange.importers import FollowTheMoneyImporter, PopoloImporter
from verkosto.exchange.selectors import exchange_dataset
from verkosto.registry import models as m

FORMATS = {"popolo": (popolo.dumps, PopoloImporter), "ftm": (ftm.dumps, FollowTheMoneyImporter)}


def _export(fmt: str) -> str:
    return FORMATS[fmt][0](exchange_dataset(actor=SYSTEM))


def _import(fmt: str, tmp_path, text: str, name: str = "file"):
    path = tmp_path / f"{name}.{fmt}"
    path.write_text(text, encoding="utf-8")
    return FORMATS[fmt][1]().run(path)


@pytest.mark.parametrize("fmt", ["popolo", "ftm"])
def test_round_trip_through_an_empty_registry_is_exact(registry, tmp_path, fmt):
    first = _export(fmt)
    wipe_registry()
    assert not m.Organisation.objects.exists()

    summary = _import(fmt, tmp_path, first)

    assert summary.committed, summary.rejections
    assert summary.created == 5 + 3
    assert _export(fmt) == first
    helsinki = m.Organisation.objects.get(identifiers__value="091")
    assert (helsinki.name_fi, helsinki.name_sv, helsinki.name_en) == (
        "Helsinki",
        "Helsingfors",
        "Helsinki",
    )
    assert helsinki.parent.name_sv == "Nyland"
    periods = {
        (ms.organisation.name_fi, str(ms.start_partial), str(ms.end_partial or ""))
        for ms in m.Membership.objects.all()
    }
    assert periods == {
        ("Hiilineutraalit kunnat", "2019", ""),
        ("Eurocities", "2019-05", "2021-05-17"),
        ("C40", "2019-05-17", ""),
    }
    network_member = m.Membership.objects.get(organisation__name_fi="C40")
    assert network_member.member.kind == "network"
    former = m.OrganisationName.objects.get(kind="former")
    assert (str(former.start_partial), str(former.end_partial)) == ("1986", "2019-05")


@pytest.mark.parametrize("fmt", ["popolo", "ftm"])
def test_importing_twice_creates_nothing_new(registry, tmp_path, fmt):
    text = _export(fmt)
    wipe_registry()
    _import(fmt, tmp_path, text)
    counts = (
        m.Organisation.objects.count(),
        m.Membership.objects.count(),
        m.Identifier.objects.count(),
        m.OrganisationName.objects.count(),
    )

    again = _import(fmt, tmp_path, text, name="again")

    assert again.committed
    assert (again.created, again.updated, again.unchanged) == (0, 0, 8)
    assert counts == (
        m.Organisation.objects.count(),
        m.Membership.objects.count(),
        m.Identifier.objects.count(),
        m.OrganisationName.objects.count(),
    )


def test_popolo_then_ftm_keeps_the_same_records(registry, tmp_path):
    """Both formats share ids: an FTM file of the same facts matches what Popolo made."""
    popolo_text, ftm_text = _export("popolo"), _export("ftm")
    wipe_registry()
    _import("popolo", tmp_path, popolo_text)

    summary = _import("ftm", tmp_path, ftm_text)

    assert summary.created == 0
    assert _export("ftm") == ftm_text


def test_popolo_uses_popolo_field_names(registry):
    data = json.loads(_export("popolo"))
    helsinki = next(o for o in data["organizations"] if o["name"] == "Helsinki")
    assert helsinki["classification"] == "municipality"
    assert {"scheme": "wikidata", "identifier": "Q1757"} in helsinki["identifiers"]
    assert {"name": "Helsingfors", "lang": "sv", "note": "multilingual"} in helsinki["other_names"]
    assert helsinki["parent_id"] == f"org-{registry['uusimaa'].pk}"
    observer = next(ms for ms in data["memberships"] if ms["role"] == "observer")
    assert observer["member"] == {"@type": "Organization", "id": f"org-{registry['hinku'].pk}"}
    assert observer["start_date"] == "2019-05-17"
    eurocities = next(o for o in data["organizations"] if o["name"] == "Eurocities")
    assert eurocities["founding_date"] == "1986-04-01"


def test_ftm_entities_use_followthemoney_schemata(registry):
    entities = [json.loads(line) for line in _export("ftm").splitlines()]
    by_schema = {e["schema"] for e in entities}
    assert by_schema == {"PublicBody", "Organization", "Membership"}
    helsinki = next(e for e in entities if "Helsingfors" in e["properties"].get("name", []))
    assert helsinki["schema"] == "PublicBody"
    assert helsinki["properties"]["country"] == ["fi"]
    assert helsinki["properties"]["wikidataId"] == ["Q1757"]
    assert "Helsingin kaupunki" in helsinki["properties"]["alias"]
    membership = next(e for e in entities if e["properties"].get("startDate") == ["2019"])
    assert membership["properties"]["member"] == [helsinki["id"]]


def test_ftm_without_the_verkosto_extension_still_imports(db, tmp_path):
    turku = {"name": ["Turku", "Åbo"], "country": ["fi"], "wikidataId": ["Q38511"]}
    ubc = {"name": ["UBC"], "weakAlias": ["Union of the Baltic Cities"]}
    membership = {"member": ["a"], "organization": ["b"], "startDate": ["1991-09"]}
    lines = [
        {"id": "a", "schema": "PublicBody", "properties": turku},
        {"id": "b", "schema": "Organization", "properties": ubc},
        {"id": "m", "schema": "Membership", "properties": membership},
    ]
    summary = _import("ftm", tmp_path, "\n".join(json.dumps(x) for x in lines))

    assert summary.committed, summary.rejections
    turku = m.Organisation.objects.get(identifiers__value="Q38511")
    assert turku.kind == "municipality" and turku.country == "FI"
    assert turku.other_names.get().name == "Åbo"
    assert str(m.Membership.objects.get().start_partial) == "1991-09"
