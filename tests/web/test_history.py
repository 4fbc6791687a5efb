"""The history on detail pages and the history page, and reverting from it."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.web.records_data import build_world
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import models as m
from verkosto.registry.selectors.history import record_history
from verkosto.registry.services.records import record_update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def world():
    w = build_world()
    newer = m.Source.objects.create(title="Member list 2024")
    record_update(
        w.membership,
        actor=w.editor,
        changes={"status": "suspended", "source": newer},
        m2m={"themes": []},
    )
    return w


def _versions(membership):
    return list(membership.history.order_by("-history_date", "-history_id"))


def test_diff_lists_only_what_changed_with_labels_and_display_values(world):
    history = record_history(actor=world.viewer, obj=world.membership)
    newest, older = history.versions[0], history.versions[1]
    assert newest.user == world.editor
    assert newest.source.title == "Member list 2024"
    # m2m change is its own version (simple-history records themes on their own)
    changes = {c.name: (c.old, c.new) for v in history.versions[:2] for c in v.changes}
    assert changes["status"] == ("Active", "Suspended")
    assert changes["source"] == ("City council decision 2019", "Member list 2024")
    assert changes["themes"] == ("Climate", "—")
    assert "updated_at" not in changes
    assert older.kind == "changed"
    assert history.versions[-1].kind == "created"


def test_versions_private_to_another_workspace_are_listed_without_contents(world):
    record_update(world.goal, actor=SYSTEM, changes={"workspace": world.ws, "priority": 3})
    record_update(world.goal, actor=SYSTEM, changes={"workspace": None})
    outsider_view = record_history(actor=world.other_editor, obj=world.goal)
    hidden = [v for v in outsider_view.versions if v.hidden]
    assert len(hidden) == 1 and hidden[0].changes == []
    own_view = record_history(actor=world.viewer, obj=world.goal)
    assert not any(v.hidden for v in own_view.versions)


def test_history_page_and_revert_buttons_only_for_admins(client, world):
    url = reverse("registry:membership-history", args=[world.membership.pk])
    client.force_login(world.admin)
    page = client.get(url).content.decode()
    assert "Revert to this version" in page
    assert "Member list 2024" in page
    for user in (world.editor, world.viewer):
        other = Client()
        other.force_login(user)
        assert "Revert to this version" not in other.get(url).content.decode()


def test_admin_reverts_from_the_history_page(client, world):
    client.force_login(world.admin)
    created = _versions(world.membership)[-1]
    # the first version has no themes (they are set just after): take the one with them
    target = _versions(world.membership)[2]
    url = reverse("registry:membership-revert", args=[world.membership.pk, target.history_id])
    assert client.get(url).status_code == 405  # POST only
    response = client.post(url)
    assert response.status_code == 302
    world.membership.refresh_from_db()
    assert world.membership.status == "active"
    assert world.membership.source == world.source
    assert list(world.membership.themes.all()) == [world.theme]
    assert _versions(world.membership)[0].history_user == world.admin
    assert created.history_type == "+"


def test_editor_and_viewer_get_403_on_revert(world):
    target = _versions(world.membership)[2]
    url = reverse("registry:membership-revert", args=[world.membership.pk, target.history_id])
    for user in (world.editor, world.viewer):
        client = Client()
        client.force_login(user)
        assert client.post(url).status_code == 403
    world.membership.refresh_from_db()
    assert world.membership.status == "suspended"


def test_history_of_a_private_record_of_another_workspace_is_404(world):
    client = Client()
    client.force_login(world.other_editor)
    url = reverse("registry:membership-history", args=[world.private_membership.pk])
    assert client.get(url).status_code == 404


def test_detail_page_shows_history_with_revert_for_admins(client, world):
    client.force_login(world.admin)
    page = client.get(reverse("registry:membership-detail", args=[world.membership.pk]))
    text = page.content.decode()
    target = _versions(world.membership)[1]
    assert (
        reverse("registry:membership-revert", args=[world.membership.pk, target.history_id]) in text
    )
    assert "Suspended" in text and "Member list 2024" in text


def test_a_foreign_workspace_is_not_named_in_a_diff(world):
    record_update(world.goal, actor=SYSTEM, changes={"workspace": world.ws})
    record_update(world.goal, actor=SYSTEM, changes={"workspace": None})
    outsider = record_history(actor=world.other_editor, obj=world.goal)
    texts = [c.old + c.new for v in outsider.versions for c in v.changes]
    assert texts and not any("Helsinki workspace" in t for t in texts)
    assert any("another workspace" in t for t in texts)
    own = record_history(actor=world.viewer, obj=world.goal)
    assert any("Helsinki workspace" in c.old for v in own.versions for c in v.changes)
