"""The update and delete services the API (and the web forms) write through."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError

from tests.api.conftest import World
from verkosto.registry import models as m
from verkosto.registry.services import goals, memberships, organisations, partnerships
from verkosto.registry.services.sources import source_create, source_delete, source_update
from verkosto.registry.services.twinnings import twinning_delete


def test_an_update_is_checked_before_and_after_and_a_refusal_keeps_nothing(world: World):
    event = m.Event.objects.create(
        title_fi="Julkinen",
        kind="visit",
        start_date="2025-05-05",
        organiser=world.org_a,
        source=world.source,
    )
    editor = world.users["editor"]
    with pytest.raises(PermissionDenied):
        goals.event_update(actor=editor, event=event, organiser=world.org_b, place="Oulu")
    event.refresh_from_db()
    assert (event.organiser, event.place) == (world.org_a, "")
    with pytest.raises(PermissionDenied):  # B's editor may not touch A's event at all
        goals.event_update(actor=world.users["editor_b"], event=event, place="Oulu")
    assert goals.event_update(
        actor=editor, event=event, participants=[world.org_a, world.org_c]
    ) == ["participants"]


def test_nothing_changed_writes_no_history(world: World):
    goal = world.own["strategic-goal"]
    versions = goal.history.count()
    assert goals.goal_update(actor=world.users["editor"], goal=goal, priority=goal.priority) == []
    assert goal.history.count() == versions
    assert goals.goal_update(actor=world.users["editor"], goal=goal, priority=1) == ["priority"]
    assert goal.history.count() == versions + 1
    assert goal.history.first().history_user == world.users["editor"]


def test_identifier_and_name_changes_refresh_the_search_key(world: World):
    editor = world.users["editor"]
    identifier = world.own["identifier"]
    organisations.identifier_update(actor=editor, identifier=identifier, value="Q4242")
    other = world.own["organisation-name"]
    organisations.organisation_name_update(actor=editor, other_name=other, name="Alfastad")
    world.org_a.refresh_from_db()
    assert "q4242" in world.org_a.search_key and "alfastad" in world.org_a.search_key
    organisations.identifier_delete(actor=editor, identifier=identifier)
    organisations.organisation_name_delete(actor=editor, other_name=other)
    world.org_a.refresh_from_db()
    assert "q4242" not in world.org_a.search_key and "alfastad" not in world.org_a.search_key


def test_private_records_are_deleted_only_by_their_workspace(world: World):
    fee = world.foreign["membership-fee"]
    with pytest.raises(PermissionDenied):
        memberships.membership_fee_delete(actor=world.users["editor"], fee=fee)
    memberships.membership_fee_delete(actor=world.users["editor_b"], fee=fee)
    assert not m.MembershipFee.objects.filter(pk=fee.pk).exists()
    with pytest.raises(PermissionDenied):
        twinning_delete(actor=world.users["viewer"], twinning=world.own["twinning"])
    twinning_delete(actor=world.users["admin"], twinning=world.own["twinning"])
    party = world.own["partnership-party"]
    partnerships.partnership_party_update(actor=world.users["editor"], party=party, role="other")
    partnerships.partnership_delete(actor=world.users["editor"], partnership=party.partnership)
    assert not m.PartnershipParty.objects.filter(pk=party.pk).exists()


def test_sources_and_themes(world: World):
    with pytest.raises(PermissionDenied):
        source_create(actor=world.users["viewer"], title="x")
    source = source_create(actor=world.users["editor"], title="Pöytäkirja", publisher="A")
    assert source_update(actor=world.users["editor"], source=source, publisher="B") == ["publisher"]
    with pytest.raises(ProtectedError):  # facts still cite it
        source_delete(actor=world.users["editor"], source=world.source)
    source_delete(actor=world.users["editor"], source=source)

    parent = world.own["theme"]
    m.Theme.objects.create(code="child", label_fi="Lapsi", parent=parent)
    with pytest.raises(ProtectedError):
        goals.theme_delete(actor=world.users["editor"], theme=parent)
    goals.theme_update(actor=world.users["editor"], theme=parent, sdg=13)
    parent.refresh_from_db()
    assert parent.sdg == 13
