"""history_revert: admins return a record to an earlier version; the revert is recorded."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.web.records_data import build_world
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry.services.history import history_revert
from verkosto.registry.services.organisations import organisation_update
from verkosto.registry.services.records import record_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def _version_before_last(obj):
    return obj.history.order_by("-history_date", "-history_id")[1]


def test_admin_reverts_fields_and_themes_and_the_revert_is_recorded(world):
    membership = world.membership
    before = membership.history.order_by("-history_date", "-history_id").first()
    record_update(membership, actor=world.editor, changes={"status": "ended"}, m2m={"themes": []})
    changed = history_revert(actor=world.admin, obj=membership, history_id=before.history_id)
    membership.refresh_from_db()
    assert membership.status == "active"
    assert list(membership.themes.all()) == [world.theme]
    assert set(changed) == {"status", "themes"}
    latest = membership.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == world.admin
    assert latest.history_change_reason.startswith("Reverted to the version of")


def test_an_editor_may_not_revert(world):
    record_update(world.goal, actor=world.editor, changes={"priority": 1})
    version = _version_before_last(world.goal)
    with pytest.raises(PermissionDenied):
        history_revert(actor=world.editor, obj=world.goal, history_id=version.history_id)
    with pytest.raises(PermissionDenied):
        history_revert(actor=world.viewer, obj=world.goal, history_id=version.history_id)


def test_an_admin_of_another_organisation_may_not_revert(world):
    from tests.factories import member_of
    from verkosto.accounts.models import Role

    outsider = member_of(world.ws_other, Role.ADMIN)
    record_update(world.goal, actor=world.editor, changes={"priority": 1})
    version = _version_before_last(world.goal)
    with pytest.raises(PermissionDenied):
        history_revert(actor=outsider, obj=world.goal, history_id=version.history_id)


def test_superuser_reverts_an_organisation_and_its_search_key_follows(world):
    org = world.espoo
    organisation_update(actor=SYSTEM, organisation=org, name_fi="Esbo-Espoo")
    org.refresh_from_db()
    assert "esbo espoo" in org.search_key
    version = _version_before_last(org)
    history_revert(actor=world.superuser, obj=org, history_id=version.history_id)
    org.refresh_from_db()
    assert org.name_fi == "Espoo"
    assert "esbo espoo" not in org.search_key


def test_unknown_or_foreign_version_is_refused(world):
    foreign = world.goal.history.first().history_id
    with pytest.raises(ValidationError):
        history_revert(actor=world.admin, obj=world.membership, history_id=foreign + 10_000)


def test_a_revert_that_breaks_a_rule_is_refused_and_nothing_is_kept(world):
    record_update(world.membership, actor=SYSTEM, changes={"note": "x"})
    first = world.membership.history.order_by("history_date", "history_id").first()
    # Make the first version invalid after the fact: an end before its start.
    type(first).objects.filter(pk=first.pk).update(end=first.start.replace(year=2000))
    with pytest.raises(ValidationError):
        history_revert(actor=world.admin, obj=world.membership, history_id=first.history_id)
    world.membership.refresh_from_db()
    assert world.membership.end is None


@pytest.fixture(autouse=True)
def _english():
    """The messages asserted here are the English originals."""
    from django.utils import translation

    with translation.override("en"):
        yield
