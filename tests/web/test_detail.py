"""Detail pages: what each shows, to whom, and in how many queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import NetworkFactory, OrganisationFactory
from tests.web.records_data import build_world
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry.services import goals, memberships, twinnings
from verkosto.registry.services.records import record_update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def finnish():
    """Finnish pages (/fi/…), which show the Finnish names."""
    with translation.override("fi"):
        yield


@pytest.fixture
def world():
    return build_world()


def _get(client, user, name, pk):
    client.force_login(user)
    return client.get(reverse(f"registry:{name}-detail", args=[pk]))


@pytest.mark.parametrize(
    ("kind", "attr", "expected"),
    [
        ("organisation", "helsinki", ["Helsingfors", "Eurocities", "Tallinna", "Kuutoskaupungit"]),
        ("membership", "membership", ["Helsinki", "Eurocities", "12345"]),
        ("twinning", "twinning", ["Helsinki", "Tallinna"]),
        ("partnership", "partnership", ["Kuutoskaupungit", "Espoo", "Helsinki"]),
        ("theme", "theme", ["Ilmasto", "Hiilineutraali Helsinki", "Kuutoskaupungit"]),
        ("goal", "goal", ["Hiilineutraali Helsinki", "Ilmasto"]),
        ("event", "event", ["Eurocities-konferenssi", "Helsinki"]),
        ("source", "source", ["City council decision 2019", "Hiilineutraali Helsinki"]),
    ],
)
def test_each_detail_page_shows_its_facts_and_history(client, world, kind, attr, expected):
    obj = getattr(world, attr)
    response = _get(client, world.viewer, kind, obj.pk)
    assert response.status_code == 200
    text = response.content.decode()
    for fragment in expected:
        assert fragment in text, fragment
    assert 'id="history-title"' in text
    if getattr(obj, "source_id", None):
        assert reverse("registry:source-detail", args=[obj.source_id]) in text


def test_organisation_page_lists_networks_members_twins_goals_events(client, world):
    text = _get(client, world.editor, "organisation", world.helsinki.pk).content.decode()
    for url in [
        reverse("registry:membership-detail", args=[world.membership.pk]),
        reverse("registry:membership-detail", args=[world.private_membership.pk]),
        reverse("registry:twinning-detail", args=[world.twinning.pk]),
        reverse("registry:partnership-detail", args=[world.partnership.pk]),
        reverse("registry:goal-detail", args=[world.goal.pk]),
        reverse("registry:event-detail", args=[world.event.pk]),
    ]:
        assert url in text
    network_page = _get(client, world.editor, "organisation", world.network.pk).content.decode()
    assert "Helsinki" in network_page  # its members, the other way round
    assert 'id="profile-title"' in network_page


def test_private_record_is_404_for_another_workspace(client, world):
    assert (
        _get(client, world.other_editor, "membership", world.private_membership.pk).status_code
        == 404
    )
    assert _get(client, world.viewer, "membership", world.private_membership.pk).status_code == 200


def test_private_records_are_left_out_of_pages_of_other_workspaces(client, world):
    text = _get(client, world.other_editor, "organisation", world.helsinki.pk).content.decode()
    assert reverse("registry:membership-detail", args=[world.membership.pk]) in text
    assert reverse("registry:membership-detail", args=[world.private_membership.pk]) not in text
    assert "HINKU" not in text


def test_fees_only_for_members_of_the_owning_workspace(client, world):
    own = _get(client, world.viewer, "membership", world.membership.pk).content.decode()
    assert "12345" in own
    foreign = _get(client, world.other_editor, "membership", world.membership.pk)
    assert foreign.status_code == 200
    assert "12345" not in foreign.content.decode()


def test_viewer_sees_no_edit_or_delete_button_editor_does(client, world):
    edit = reverse("registry:membership-edit", args=[world.membership.pk])
    delete = reverse("registry:membership-delete", args=[world.membership.pk])
    viewer_page = _get(client, world.viewer, "membership", world.membership.pk).content.decode()
    assert edit not in viewer_page and delete not in viewer_page
    editor_page = _get(client, world.editor, "membership", world.membership.pk).content.decode()
    assert edit in editor_page and delete in editor_page
    # An editor of another organisation may not change Helsinki's public membership.
    other_page = _get(client, world.other_editor, "membership", world.membership.pk)
    assert edit not in other_page.content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client, world):
    response = client.get(reverse("registry:organisation-detail", args=[world.helsinki.pk]))
    assert response.status_code == 302


def test_history_shows_who_changed_what_with_the_source(client, world):
    newer = world.source.__class__.objects.create(title="Network member list 2024")
    record_update(
        world.membership,
        actor=world.editor,
        changes={"status": "suspended", "source": newer},
    )
    text = _get(client, world.viewer, "membership", world.membership.pk).content.decode()
    history = text[text.index('id="history-title"') :]
    assert "editor" in history
    assert "Network member list 2024" in history
    # The changed field with its old and new value, in the page's language.
    assert "Suspended" in history or "Keskeytetty" in history or "Tauolla" in history
    row = history[history.index("<tbody>") : history.index("</tbody>")]
    assert "City council decision 2019" in row and "Network member list 2024" in row


def _grow(world, n: int) -> None:
    """n more networks, members, twin towns, goals and history versions around Helsinki."""
    for i in range(n):
        network = NetworkFactory()
        memberships.membership_create(
            actor=SYSTEM,
            member=world.helsinki,
            organisation=network,
            source=world.source,
            themes=[world.theme],
        )
        memberships.membership_create(
            actor=SYSTEM,
            member=OrganisationFactory(),
            organisation=world.helsinki,
            source=world.source,
        )
        twinnings.twinning_create(
            actor=SYSTEM, a=world.helsinki, b=OrganisationFactory(), source=world.source
        )
        goals.goal_create(
            actor=SYSTEM,
            organisation=world.helsinki,
            source=world.source,
            texts={"title_fi": f"Tavoite {i}"},
            themes=[world.theme],
        )
        goals.event_create(
            actor=SYSTEM,
            source=world.source,
            texts={"title_fi": f"Tapahtuma {i}"},
            kind="meeting",
            start_date=dt.date(2024, 1, 1),
            participants=[world.helsinki],
        )
        record_update(world.helsinki, actor=SYSTEM, changes={"population": 650000 + i})
        record_update(
            world.membership,
            actor=SYSTEM,
            changes={"note": f"note {i}"},
            m2m={"themes": [] if i % 2 else [world.theme]},
        )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("kind", ["organisation", "membership", "theme", "source"])
def test_detail_pages_run_a_constant_number_of_queries(client, world, kind):
    client.force_login(world.editor)
    obj = {
        "organisation": world.helsinki,
        "membership": world.membership,
        "theme": world.theme,
        "source": world.source,
    }[kind]
    url = reverse(f"registry:{kind}-detail", args=[obj.pk])
    _grow(world, 2)
    small = _queries(client, url)
    _grow(world, 12)
    large = _queries(client, url)
    assert large == small, f"{kind}: {small} queries with few links, {large} with many"
