"""Finding organisations by any name, alias or identifier; history with source and user."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import translation

from tests.factories import SourceFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.accounts.permissions import SYSTEM
from verkosto.cli import main
from verkosto.registry import models as m
from verkosto.registry.selectors.organisations import organisation_find
from verkosto.registry.services.organisations import (
    identifier_add,
    organisation_create,
    organisation_name_add,
    organisation_update,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def helsinki():
    source = SourceFactory()
    org = organisation_create(
        actor=SYSTEM,
        source=source,
        kind="municipality",
        country="FI",
        population=674_500,
        names={"name_fi": "Helsinki", "name_sv": "Helsingfors", "name_en": "Helsinki"},
    )
    identifier_add(
        actor=SYSTEM, organisation=org, scheme="statfi_municipality", value="091", source=source
    )
    identifier_add(actor=SYSTEM, organisation=org, scheme="wikidata", value="Q1757", source=source)
    organisation_name_add(
        actor=SYSTEM, organisation=org, name="Stadin kaupunki", kind="alias", source=source
    )
    # Decoys: a region containing the name, and a smaller place sharing a prefix.
    organisation_create(
        actor=SYSTEM,
        source=source,
        kind="region",
        country="FI",
        names={"name_fi": "Helsinki-Uusimaa", "name_sv": "Helsingfors-Nyland"},
    )
    organisation_create(
        actor=SYSTEM,
        source=source,
        kind="municipality",
        country="FI",
        population=10,
        names={"name_fi": "Helsinge"},
    )
    return org


@pytest.mark.parametrize(
    "text",
    ["Helsingfors", "helsinki", "HELSINKI", "091", "Q1757", "q1757", "stadin kaupunki", "Hélsinki"],
)
def test_any_name_or_identifier_finds_helsinki_first(helsinki, text):
    found = organisation_find(text=text)
    assert found and found[0] == helsinki


def test_diacritics_are_ignored_both_ways():
    source = SourceFactory()
    jkl = organisation_create(
        actor=SYSTEM,
        source=source,
        kind="municipality",
        country="FI",
        names={"name_fi": "Jyväskylä"},
    )
    assert organisation_find(text="jyvaskyla") == [jkl]
    assert organisation_find(text="JYVÄSKYLÄ") == [jkl]


def test_unknown_text_finds_nothing(helsinki):
    assert organisation_find(text="Ouagadougou") == []
    assert organisation_find(text="  ") == []
    assert organisation_find(text="%") == []


def test_cli_find_json_lists_matches_best_first(helsinki, capsys):
    main(["verkosto", "find", "Helsingfors", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result[0] == {
        "id": helsinki.pk,
        "kind": "municipality",
        "names": {"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"},
        "identifiers": {"statfi_municipality": "091", "wikidata": "Q1757"},
        "country": "FI",
    }
    assert [r["names"]["fi"] for r in result[1:]] == ["Helsinki-Uusimaa"]


def test_cli_show_json(helsinki, capsys):
    call_command("show", str(helsinki.pk), "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["names"]["sv"] == "Helsingfors"
    assert result["memberships"] == result["twinnings"] == result["partnerships"] == []


def test_identifier_unique_per_scheme_gives_a_clear_error(helsinki):
    other = organisation_create(
        actor=SYSTEM, source=SourceFactory(), kind="municipality", names={"name_fi": "Espoo"}
    )
    with (
        translation.override("en"),
        pytest.raises(ValidationError, match="already has this identifier"),
    ):
        identifier_add(
            actor=SYSTEM,
            organisation=other,
            scheme="statfi_municipality",
            value="091",
            source=SourceFactory(),
        )


def test_update_records_history_with_user_and_source(helsinki):
    workspace = WorkspaceFactory(organisation=helsinki)
    editor = member_of(workspace, Role.EDITOR)
    new_source = SourceFactory(title="Population statistics 2025")
    changed = organisation_update(
        actor=editor, organisation=helsinki, source=new_source, population=690_000
    )
    assert changed == ["population"]
    latest = helsinki.history.first()
    assert (latest.population, latest.history_user, latest.source_id) == (
        690_000,
        editor,
        new_source.pk,
    )
    assert helsinki.history.count() == 2
    # Nothing changes, nothing is written.
    assert organisation_update(actor=editor, organisation=helsinki, population=690_000) == []
    assert helsinki.history.count() == 2


def test_viewer_cannot_update(helsinki):
    viewer = member_of(WorkspaceFactory(organisation=helsinki), Role.VIEWER)
    with pytest.raises(PermissionDenied):
        organisation_update(actor=viewer, organisation=helsinki, population=1)
    helsinki.refresh_from_db()
    assert helsinki.population == 674_500
    assert m.Organisation.objects.get(pk=helsinki.pk).history.count() == 1


def test_generic_record_update_and_delete_keep_search_current(helsinki):
    from verkosto.registry.services.records import record_delete, record_update

    record_update(helsinki, actor=SYSTEM, changes={"name_sv": "Helsingfors stad"})
    assert organisation_find(text="helsingfors stad") == [helsinki]
    alias = m.OrganisationName.objects.get(organisation=helsinki, name="Stadin kaupunki")
    record_delete(alias, actor=SYSTEM)
    assert organisation_find(text="stadin kaupunki") == []
