"""What the resources do beyond the permission matrix: writes through the services (with
history), translated fields, create-only fields, the UI's FilterSets, stable pages."""

import pytest
from django.http import QueryDict

from tests.api.conftest import World, api_client
from tests.factories import OrganisationFactory
from verkosto.registry import models as m
from verkosto.registry.filtersets import MembershipFilterSet
from verkosto.registry.selectors.visibility import visible


def test_create_organisation_with_names_in_three_languages(world: World):
    client = api_client(world.users["editor"])
    response = client.post(
        "/api/v1/organisations/",
        {
            "kind": "municipality",
            "name": {"fi": "Turku", "sv": "Åbo", "en": None},
            "country": "FI",
            "source": world.source.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == {"fi": "Turku", "sv": "Åbo", "en": None}
    org = m.Organisation.objects.get(pk=body["id"])
    assert (org.name_fi, org.name_sv) == ("Turku", "Åbo")
    # Through organisation_create: the search key is filled and history names the user.
    assert "abo" in org.search_key
    assert org.history.first().history_user == world.users["editor"]
    found = client.get("/api/v1/organisations/?q=åbo").json()
    assert [o["id"] for o in found["results"]] == [org.pk]


def test_an_organisation_needs_a_name(world: World):
    client = api_client(world.users["editor"])
    response = client.post(
        "/api/v1/organisations/",
        {"kind": "municipality", "name": {"fi": ""}, "source": world.source.pk},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["pointer"] == "#/name"


def test_twinning_pair_is_stored_once_in_either_order(world: World):
    client = api_client(world.users["editor"])
    body = {"first": world.org_c.pk, "second": world.org_a.pk, "source": world.source.pk}
    first = client.post("/api/v1/twinnings/", body, format="json")
    assert first.status_code == 400  # A and C are already twinned (privately, in A)
    other = OrganisationFactory()
    created = client.post(
        "/api/v1/twinnings/",
        {"first": other.pk, "second": world.org_a.pk, "source": world.source.pk},
        format="json",
    )
    assert created.status_code == 201, created.content
    pair = created.json()
    assert pair["first"] < pair["second"] and pair["workspace"] is None


def test_create_only_fields_do_not_change_on_update(world: World):
    client = api_client(world.users["editor"])
    membership = world.own["membership"]
    response = client.patch(
        f"/api/v1/memberships/{membership.pk}/",
        {"member": world.org_b.pk, "workspace": None, "note": "kept"},
        format="json",
    )
    assert response.status_code == 200, response.content
    membership.refresh_from_db()
    assert membership.member == world.org_a and membership.workspace == world.ws_a
    assert membership.note == "kept"


def test_an_update_must_leave_a_record_the_actor_may_write(world: World):
    """Moving A's public event to B's organiser would hand it to B: refused, nothing kept."""
    event = m.Event.objects.create(
        title_fi="Julkinen",
        kind="visit",
        start_date="2025-05-05",
        organiser=world.org_a,
        source=world.source,
    )
    client = api_client(world.users["editor"])
    response = client.patch(
        f"/api/v1/events/{event.pk}/", {"organiser": world.org_b.pk}, format="json"
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.organiser == world.org_a


def test_partnership_with_parties_and_themes(world: World):
    client = api_client(world.users["editor"])
    response = client.post(
        "/api/v1/partnerships/",
        {
            "name": {"fi": "Kasvusopimus", "sv": "Tillväxtavtal"},
            "kind": "agreement",
            "themes": ["climate"],
            "parties": [
                {"organisation": world.org_a.pk, "role": "city"},
                {"organisation": world.org_c.pk, "role": "city"},
            ],
            "source": world.source.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["themes"] == ["climate"]
    assert sorted(p["organisation"] for p in body["parties"]) == sorted(
        [world.org_a.pk, world.org_c.pk]
    )


def test_fees_show_only_for_the_own_workspace(world: World):
    public_b = m.Membership.objects.get(member=world.org_b, organisation=world.org_c)
    for role, expected in (("editor", []), ("editor_b", ["98765.43"])):
        body = api_client(world.users[role]).get(f"/api/v1/memberships/{public_b.pk}/").json()
        assert [f["amount"] for f in body["fees"]] == expected
    fees = api_client(world.users["editor"]).get("/api/v1/membership-fees/").json()
    assert {f["workspace"] for f in fees["results"]} == {world.ws_a.pk}


def test_membership_fee_for_an_invisible_membership_is_refused(world: World):
    client = api_client(world.users["editor"])
    response = client.post(
        "/api/v1/membership-fees/",
        {
            "workspace": world.ws_a.pk,
            "membership": world.foreign["membership"].pk,
            "year": 2025,
            "amount": "1.00",
            "source": world.source.pk,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["pointer"] == "#/membership"


def test_lists_use_the_ui_filtersets(world: World):
    m.Membership.objects.get(pk=world.own["membership"].pk).themes.add(
        m.Theme.objects.get(code="climate")
    )
    client = api_client(world.users["editor"])
    query = "theme=climate&current=true"
    api_ids = [r["id"] for r in client.get(f"/api/v1/memberships/?{query}").json()["results"]]
    visible_to_a = visible(m.Membership.objects.all(), world.users["editor"])
    filterset = MembershipFilterSet(QueryDict(query), queryset=visible_to_a)
    form_ids = list(filterset.qs.values_list("pk", flat=True))
    assert api_ids == [world.own["membership"].pk] and set(api_ids) == set(form_ids)


@pytest.mark.parametrize("ordering", ["", "kind", "-country"])
def test_pages_are_stable_when_rows_tie(world: World, ordering: str):
    """Twenty organisations with the same name, kind and country: walking the pages gives
    each exactly once, whatever the order asked for."""
    for _ in range(20):
        OrganisationFactory(name="Sama", source=world.source)
    client = api_client(world.users["viewer"])
    seen = []
    url = f"/api/v1/organisations/?limit=3&ordering={ordering}"
    while url:
        page = client.get(url).json()
        seen += [o["id"] for o in page["results"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == m.Organisation.objects.count()


def test_patch_changes_only_the_languages_given_and_put_replaces_them(world: World):
    client = api_client(world.users["editor"])
    url = f"/api/v1/organisations/{world.org_a.pk}/"
    patched = client.patch(url, {"name": {"sv": "Alfaborg"}}, format="json")
    assert patched.status_code == 200, patched.content
    assert patched.json()["name"] == {"fi": "Alpha", "sv": "Alfaborg", "en": None}
    put = client.put(url, {"kind": "municipality", "name": {"en": "Alpha City"}}, format="json")
    assert put.status_code == 200, put.content
    assert put.json()["name"] == {"fi": None, "sv": None, "en": "Alpha City"}
    world.org_a.refresh_from_db()
    assert "alpha city" in world.org_a.search_key and "alfaborg" not in world.org_a.search_key


def test_a_source_without_key_has_none(world: World):
    client = api_client(world.users["editor"])
    for title in ("One", "Two"):
        response = client.post("/api/v1/sources/", {"title": title, "key": ""}, format="json")
        assert response.status_code == 201, response.content
        assert response.json()["key"] is None
