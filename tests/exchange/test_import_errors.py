"""Bad exchange files are refused whole, and the report says where and what."""

import json

import pytest

from tests.exchange.conftest import wipe_registry
from verkosto.accounts.permissions import SYSTEM
from verkosto.exchange import popolo
from verkosto.exchange.importers import FollowTheMoneyImporter, PopoloImporter
from verkosto.exchange.selectors import exchange_dataset
from verkosto.registry import models as m

ORG_A = {"id": "a", "name": "Turku", "classification": "municipality", "country": "FI"}
ORG_B = {"id": "b", "name": "UBC", "classification": "network"}


def _run(importer, tmp_path, text: str, **kwargs):
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    return importer(**kwargs).run(path)


def _issues(summary) -> list[str]:
    return [str(i) for i in summary.rejections]


def test_broken_json_is_refused_with_its_line(db, tmp_path):
    summary = _run(PopoloImporter, tmp_path, '{"organizations": [\n{"id": "a",,}]}')

    assert not summary.committed
    assert summary.rejections[0].line == 2
    assert "not valid JSON" in summary.rejections[0].message
    assert not m.Organisation.objects.exists()


def test_unknown_ftm_schema_names_line_id_and_field(db, tmp_path):
    lines = [
        {"id": "a", "schema": "PublicBody", "properties": {"name": ["Turku"]}},
        {"id": "x", "schema": "Vessel", "properties": {"name": ["Boaty"]}},
    ]
    summary = _run(FollowTheMoneyImporter, tmp_path, "\n".join(map(json.dumps, lines)))

    (issue,) = summary.rejections
    assert issue.line == 2
    assert "id 'x'" in issue.field and "schema" in issue.field
    assert "'Vessel' is not imported" in issue.message
    assert not m.Organisation.objects.exists()


def test_dangling_member_rolls_back_everything(db, tmp_path):
    doc = {
        "organizations": [ORG_A, ORG_B],
        "memberships": [
            {"id": "m1", "organization_id": "b", "member": {"@type": "Organization", "id": "a"}},
            {"id": "m2", "organization_id": "b", "member": {"@type": "Organization", "id": "zz"}},
        ],
    }
    summary = _run(PopoloImporter, tmp_path, json.dumps(doc))

    assert not summary.committed
    assert _issues(summary) == [
        "file, memberships[1] (id 'm2') member: no organisation 'zz' in the file or the registry"
    ]
    assert not m.Organisation.objects.exists()
    assert not m.Membership.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"classification": "party"}, "classification", "'party' is not one of"),
        ({"country": "Atlantis"}, "country", "not a country code"),
        (
            {"identifiers": [{"scheme": "isbn", "identifier": "1"}]},
            "identifiers[0].scheme",
            "'isbn'",
        ),
        ({"parent_id": "nowhere"}, "parent_id", "no organisation 'nowhere'"),
        ({"founding_date": "1.1.1990"}, "founding_date", "not a date"),
    ],
)
def test_bad_organisation_field_is_named(db, tmp_path, change, field, message):
    summary = _run(
        PopoloImporter, tmp_path, json.dumps({"organizations": [ORG_B, {**ORG_A, **change}]})
    )

    (issue,) = summary.rejections
    assert issue.field.startswith("organizations[1] (id 'a')")
    assert issue.field.endswith(field)
    assert message in issue.message
    assert not m.Organisation.objects.exists()


def test_bad_partial_date_is_named(db, tmp_path):
    doc = {
        "organizations": [ORG_A, ORG_B],
        "memberships": [
            {
                "organization_id": "b",
                "member": {"@type": "Organization", "id": "a"},
                "start_date": "2019-13",
            }
        ],
    }
    summary = _run(PopoloImporter, tmp_path, json.dumps(doc))

    (issue,) = summary.rejections
    assert issue.field == "memberships[0] start_date"
    assert "no such date" in issue.message


def test_person_member_is_refused(db, tmp_path):
    doc = {"organizations": [ORG_B], "memberships": [{"organization_id": "b", "person_id": "p"}]}
    summary = _run(PopoloImporter, tmp_path, json.dumps(doc))

    assert "people are not imported" in summary.rejections[0].message


def test_private_membership_needs_a_workspace(private_membership, tmp_path):
    workspace = private_membership.workspace
    text = popolo.dumps(exchange_dataset(actor=SYSTEM, workspace=workspace))
    wipe_registry()

    refused = _run(PopoloImporter, tmp_path, text)

    assert not refused.committed
    assert "private membership" in refused.rejections[0].message
    assert not m.Membership.objects.exists()


def test_private_membership_goes_into_the_named_workspace(private_membership, tmp_path):
    from tests.factories import WorkspaceFactory

    text = popolo.dumps(exchange_dataset(actor=SYSTEM, workspace=private_membership.workspace))
    wipe_registry()
    target = WorkspaceFactory(slug="target")

    summary = _run(PopoloImporter, tmp_path, text, options={"workspace": ["target"]})

    assert summary.committed, summary.rejections
    private = m.Membership.objects.get(workspace__isnull=False)
    assert private.workspace == target
    assert private.role == "partner"
    assert m.Membership.objects.filter(workspace__isnull=True).count() == 3
    assert not m.MembershipFee.objects.exists()


def test_dry_run_writes_nothing(registry, tmp_path):
    text = popolo.dumps(exchange_dataset(actor=SYSTEM))
    wipe_registry()

    summary = _run(PopoloImporter, tmp_path, text, dry_run=True)

    assert summary.created == 8 and not summary.committed
    assert not m.Organisation.objects.exists()


@pytest.fixture(autouse=True)
def _english():
    """The messages asserted here are the English originals."""
    from django.utils import translation

    with translation.override("en"):
        yield
