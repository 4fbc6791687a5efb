"""Create, edit and delete forms: validation, messages, permissions, services, CSRF."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import OrganisationFactory
from tests.web.records_data import build_world
from verkosto.registry import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """English pages, so the messages read as in the models."""
    with translation.override("en"):
        yield


@pytest.fixture
def world():
    return build_world()


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _membership_data(world, **overrides):
    data = {
        "member": world.helsinki.pk,
        "organisation": world.network2.pk,
        "role": "member",
        "status": "active",
        "themes": [world.theme.pk],
        "start": "2019",
        "end": "2021-05",
        "visibility": "public",
        "source": "",
        "new_source_title": "HINKU member list",
        "new_source_url": "https://hinku.fi/members",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_editor_adds_a_membership_with_partial_dates_and_a_new_source(client, world):
    client.force_login(world.editor)
    url = reverse("registry:membership-add")
    assert client.get(url).status_code == 200
    response = client.post(url, _membership_data(world), follow=True)
    created = m.Membership.objects.exclude(
        pk__in=[world.membership.pk, world.private_membership.pk]
    ).get()
    assert response.redirect_chain[-1][0] == reverse(
        "registry:membership-detail", args=[created.pk]
    )
    assert (created.start, created.start_precision) == (dt.date(2019, 1, 1), "year")
    assert (created.end, created.end_precision) == (dt.date(2021, 5, 31), "month")
    assert created.workspace is None
    assert created.source.title == "HINKU member list"
    assert created.source.url == "https://hinku.fi/members"
    assert list(created.themes.all()) == [world.theme]
    assert created.history.first().history_user == world.editor
    assert "Saved" in response.content.decode()


def test_a_day_is_a_day(client, world):
    client.force_login(world.editor)
    client.post(
        reverse("registry:membership-add"),
        _membership_data(world, start="2019-05-17", end=""),
    )
    created = m.Membership.objects.get(organisation=world.network2, workspace=None)
    assert (created.start, created.start_precision, created.end) == (
        dt.date(2019, 5, 17),
        "day",
        None,
    )


def test_end_before_start_is_a_clear_error_linked_from_the_summary(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:membership-add"), _membership_data(world, start="2020", end="2019-06")
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "The end cannot be before the start." in text
    assert 'href="#id_end"' in text  # the error summary links to the field
    assert 'aria-invalid="true"' in text
    assert not m.Membership.objects.filter(organisation=world.network2, workspace=None).exists()
    assert not m.Source.objects.filter(title="HINKU member list").exists()


def test_a_partial_date_must_be_a_date(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:membership-add"), _membership_data(world, start="2019-13")
    )
    assert response.status_code == 400
    assert (
        "Enter a year (2019), a month (2019-05) or a day (2019-05-17)." in response.content.decode()
    )


def test_every_fact_needs_a_source(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:membership-add"),
        _membership_data(world, new_source_title="", new_source_url=""),
    )
    assert response.status_code == 400
    assert "Pick a source or give the title of a new one." in response.content.decode()


def test_model_constraints_show_as_form_errors(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:membership-add"),
        _membership_data(
            world,
            organisation=world.helsinki.pk,
            source=world.source.pk,
            new_source_title="",
            new_source_url="",
        ),
    )
    assert response.status_code == 400
    assert "An organisation cannot be a member of itself." in response.content.decode()


def test_a_fact_about_other_organisations_is_refused_in_the_form(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:membership-add"),
        _membership_data(
            world,
            member=world.espoo.pk,
            source=world.source.pk,
            new_source_title="",
            new_source_url="",
        ),
    )
    assert response.status_code == 400
    assert "Only editors of a workspace of an organisation concerned" in response.content.decode()
    assert not m.Membership.objects.filter(member=world.espoo).exists()


def test_private_goal_belongs_to_the_current_workspace(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:goal-add"),
        {
            "organisation": world.helsinki.pk,
            "title_fi": "Salainen tavoite",
            "priority": 1,
            "visibility": "private",
            "source": world.source.pk,
        },
    )
    goal = m.StrategicGoal.objects.get(title_fi="Salainen tavoite")
    assert response.status_code == 302
    assert goal.workspace == world.ws
    other = Client()
    other.force_login(world.other_editor)
    assert other.get(reverse("registry:goal-detail", args=[goal.pk])).status_code == 404


def test_viewer_gets_403_on_edit_add_and_delete(client, world):
    client.force_login(world.viewer)
    edit = reverse("registry:membership-edit", args=[world.membership.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, _membership_data(world)).status_code == 403
    assert client.get(reverse("registry:membership-add")).status_code == 403
    delete = reverse("registry:membership-delete", args=[world.membership.pk])
    assert client.post(delete).status_code == 403
    assert m.Membership.objects.filter(pk=world.membership.pk).exists()


def test_editor_of_another_organisation_gets_403_on_a_public_fact(client, world):
    client.force_login(world.other_editor)
    for kind, obj in [
        ("membership", world.membership),
        ("twinning", world.twinning),
        ("goal", world.goal),
        ("organisation", world.helsinki),
    ]:
        assert client.get(reverse(f"registry:{kind}-edit", args=[obj.pk])).status_code == 403
        assert client.post(reverse(f"registry:{kind}-delete", args=[obj.pk])).status_code == 403


def test_edit_changes_fields_through_the_service_with_history(client, world):
    client.force_login(world.editor)
    url = reverse("registry:membership-edit", args=[world.membership.pk])
    page = client.get(url).content.decode()
    assert 'value="2015"' in page  # the stored start shown at its precision
    response = client.post(
        url,
        _membership_data(
            world,
            organisation=world.network.pk,
            status="suspended",
            start="2015",
            end="",
            source=world.source.pk,
            new_source_title="",
            new_source_url="",
        ),
    )
    assert response.status_code == 302
    world.membership.refresh_from_db()
    assert world.membership.status == "suspended"
    latest = world.membership.history.first()
    assert latest.history_user == world.editor
    assert [c.field for c in latest.diff_against(latest.prev_record).changes] == ["status"]


def test_changing_only_the_source_is_saved(client, world):
    client.force_login(world.editor)
    newer = m.Source.objects.create(title="Newer list")
    client.post(
        reverse("registry:membership-edit", args=[world.membership.pk]),
        _membership_data(
            world,
            organisation=world.network.pk,
            status="active",
            start="2015",
            end="",
            source=newer.pk,
            new_source_title="",
            new_source_url="",
        ),
    )
    world.membership.refresh_from_db()
    assert world.membership.source == newer


def test_delete_asks_first_and_deletes_only_on_post(client, world):
    client.force_login(world.editor)
    url = reverse("registry:goal-delete", args=[world.goal.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert '<form method="post"' in page.content.decode()
    assert m.StrategicGoal.objects.filter(pk=world.goal.pk).exists()
    response = client.post(url)
    assert not m.StrategicGoal.objects.filter(pk=world.goal.pk).exists()
    assert _messages(response) == [f"Deleted: {world.goal}."]
    deleted = m.StrategicGoal.history.filter(id=world.goal.pk).first()
    assert deleted.history_type == "-" and deleted.history_user == world.editor


def test_forms_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.editor)
    response = client.post(reverse("registry:goal-delete", args=[world.goal.pk]), {})
    assert response.status_code == 403
    assert m.StrategicGoal.objects.filter(pk=world.goal.pk).exists()


def test_organisation_needs_a_name_in_some_language(client, world):
    client.force_login(world.editor)
    url = reverse("registry:organisation-add")
    data = {"kind": "municipality", "country": "se", "source": world.source.pk}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Give the name in at least one language." in response.content.decode()
    response = client.post(url, {**data, "name_sv": "Norrköping"})
    org = m.Organisation.objects.get(name_sv="Norrköping")
    assert response.status_code == 302
    assert org.country == "SE"
    assert "norrkoping" in org.search_key


def test_twinning_in_either_order_and_never_with_itself(client, world):
    client.force_login(world.editor)
    stockholm = OrganisationFactory(name="Tukholma", country="SE")
    data = {
        "kind": "twin_town",
        "status": "active",
        "visibility": "public",
        "source": world.source.pk,
    }
    url = reverse("registry:twinning-add")
    response = client.post(url, {**data, "first": stockholm.pk, "second": world.helsinki.pk})
    assert response.status_code == 302
    assert m.Twinning.objects.filter(first=world.helsinki, second=stockholm).exists()
    response = client.post(url, {**data, "first": world.helsinki.pk, "second": world.helsinki.pk})
    assert response.status_code == 400
    assert "A municipality cannot be twinned with itself." in response.content.decode()


def test_partnership_with_a_first_party_then_more_parties(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:partnership-add"),
        {
            "name_fi": "Uusi kumppanuus",
            "kind": "partnership",
            "party": world.helsinki.pk,
            "party_role": "city",
            "visibility": "public",
            "source": world.source.pk,
        },
    )
    partnership = m.Partnership.objects.get(name_fi="Uusi kumppanuus")
    assert response.status_code == 302
    assert list(partnership.parties.all()) == [world.helsinki]
    response = client.post(
        reverse("registry:partnershipparty-add", args=[partnership.pk]),
        {"organisation": world.espoo.pk, "role": "city", "source": world.source.pk},
    )
    assert response.status_code == 302
    assert partnership.parties.count() == 2
    party = partnership.party_links.get(organisation=world.espoo)
    response = client.post(reverse("registry:partnershipparty-delete", args=[party.pk]))
    assert response.headers["Location"] == reverse(
        "registry:partnership-detail", args=[partnership.pk]
    )
    assert partnership.parties.count() == 1


def test_event_cannot_end_before_it_starts(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:event-add"),
        {
            "title_en": "Visit",
            "kind": "visit",
            "start_date": "2024-05-02",
            "end_date": "2024-05-01",
            "participants": [world.helsinki.pk],
            "visibility": "public",
            "source": world.source.pk,
        },
    )
    assert response.status_code == 400
    assert "The event cannot end before it starts." in response.content.decode()


def test_theme_add_edit_and_protected_delete(client, world):
    client.force_login(world.editor)
    response = client.post(
        reverse("registry:theme-add"),
        {"code": "carbon-neutrality", "label_en": "Carbon neutrality", "parent": world.theme.pk},
    )
    child = m.Theme.objects.get(code="carbon-neutrality")
    assert response.status_code == 302 and child.parent == world.theme
    response = client.post(
        reverse("registry:theme-edit", args=[child.pk]),
        {
            "code": "carbon-neutrality",
            "label_fi": "Hiilineutraalius",
            "label_en": "Carbon neutrality",
            "parent": world.theme.pk,
            "sdg": 13,
        },
    )
    child.refresh_from_db()
    assert (child.label_fi, child.sdg) == ("Hiilineutraalius", 13)
    response = client.post(reverse("registry:theme-delete", args=[world.theme.pk]))
    assert m.Theme.objects.filter(pk=world.theme.pk).exists()
    assert "cannot be deleted" in _messages(response)[-1]


def test_membership_fee_is_private_to_the_workspace(client, world):
    client.force_login(world.editor)
    url = reverse("registry:membershipfee-add", args=[world.membership.pk])
    response = client.post(
        url, {"year": 2025, "amount": "9000.50", "currency": "EUR", "source": world.source.pk}
    )
    assert response.status_code == 302
    fee = m.MembershipFee.objects.get(year=2025)
    assert (fee.workspace, fee.amount) == (world.ws, Decimal("9000.50"))
    duplicate = client.post(
        url, {"year": 2025, "amount": "1", "currency": "EUR", "source": world.source.pk}
    )
    assert duplicate.status_code == 400
    assert "This membership already has a fee for this year." in duplicate.content.decode()
    negative = client.post(
        reverse("registry:membershipfee-edit", args=[fee.pk]),
        {"year": 2025, "amount": "-5", "currency": "EUR", "source": world.source.pk},
    )
    assert "A fee cannot be negative." in negative.content.decode()
    client.post(reverse("registry:membershipfee-delete", args=[fee.pk]))
    assert not m.MembershipFee.objects.filter(pk=fee.pk).exists()
    viewer = Client()
    viewer.force_login(world.viewer)
    assert viewer.get(url).status_code == 403
    outsider = Client()
    outsider.force_login(world.other_editor)
    edit = reverse("registry:membershipfee-edit", args=[world.fee.pk])
    assert outsider.get(edit).status_code == 404  # another workspace's fee does not exist


def test_form_fields_have_labels_and_translated_names(client, world):
    client.force_login(world.editor)
    page = client.get(reverse("registry:goal-add")).content.decode()
    for name in ("title_fi", "title_sv", "title_en", "start", "end", "source", "new_source_title"):
        assert f'<label for="id_{name}"' in page, name
    assert "<legend" in page  # radio buttons and checkboxes sit in a fieldset
    assert 'lang="sv"' in page


def test_twinning_edit_keeps_the_pair_and_changes_the_status(client, world):
    client.force_login(world.editor)
    url = reverse("registry:twinning-edit", args=[world.twinning.pk])
    response = client.post(
        url,
        {
            "first": world.espoo.pk,  # disabled: ignored
            "second": world.tallinn.pk,
            "kind": "twin_town",
            "status": "suspended",
            "status_reason": "Paused in 2022",
            "start": "1954",
            "visibility": "public",
            "source": world.source.pk,
        },
    )
    assert response.status_code == 302
    world.twinning.refresh_from_db()
    assert (world.twinning.first_id, world.twinning.second_id) == (
        world.helsinki.pk,
        world.tallinn.pk,
    )
    assert world.twinning.status == "suspended"
    assert (world.twinning.start, world.twinning.start_precision) == (dt.date(1954, 1, 1), "year")


def test_links_from_the_organisation_page_prefill_the_form(client, world):
    client.force_login(world.editor)
    page = client.get(reverse("registry:organisation-detail", args=[world.helsinki.pk]))
    link = f"{reverse('registry:membership-add')}?member={world.helsinki.pk}"
    assert link in page.content.decode()
    form = client.get(link).content.decode()
    assert f'<option value="{world.helsinki.pk}" selected>' in form


def test_party_role_can_be_edited_by_an_editor_of_a_party(client, world):
    client.force_login(world.editor)
    party = world.partnership.party_links.get(organisation=world.helsinki)
    url = reverse("registry:partnershipparty-edit", args=[party.pk])
    response = client.post(
        url, {"organisation": world.helsinki.pk, "role": "coordinator", "source": world.source.pk}
    )
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.role == "coordinator"
    viewer = Client()
    viewer.force_login(world.viewer)
    assert viewer.get(url).status_code == 403


def test_an_empty_post_shows_what_is_required(client, world):
    client.force_login(world.editor)
    response = client.post(reverse("registry:goal-add"), {})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Give the title in at least one language." in text
    assert "Pick a source or give the title of a new one." in text
    assert 'href="#id_title_fi"' in text
