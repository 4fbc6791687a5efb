"""The organisation page with the demo landscape: Helsinki's networks, twin towns,
partnerships, goals and themes, as the demo user in the Helsinki workspace sees it."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.web.list_rows import Rows
from verkosto.registry import models as m


@pytest.fixture
def demo_client(client, db):
    from verkosto.registry.demo.load import demo_load

    demo_load(stdout=io.StringIO())
    assert client.login(username="demo", password="demo")
    return client


def test_home_shows_the_demo_landscape(demo_client):
    body = demo_client.get("/en/").content.decode()
    assert "<h1>Helsinki</h1>" in body
    for expected in (
        "Eurocities",  # a network, grouped under its scope and type
        "International · General",
        "Tallinn",  # a twin town with its status
        "Suspended",
        "Strategic cooperation alliance",  # a partnership
        "EU advocacy: climate change mitigation",  # a goal
        "Current memberships by theme",
    ):
        assert expected in body, expected
    helsinki = m.Organisation.objects.get(name_fi="Helsinki")
    eurocities = m.Membership.objects.get(member=helsinki, organisation__name_en="Eurocities")
    assert f'href="/en/memberships/{eurocities.pk}/"' in body
    assert f'href="/en/organisations/{eurocities.organisation_id}/"' in body
    # Swedish names in Swedish.
    assert "<h1>Helsingfors</h1>" in demo_client.get("/sv/").content.decode()


def test_overview_of_any_organisation_and_demo_login_form(demo_client):
    demo_client.logout()
    response = demo_client.post("/fi/accounts/login/", {"username": "demo", "password": "demo"})
    assert response["Location"] == "/fi/"
    tallinn = m.Organisation.objects.get(name_fi="Tallinna")
    body = demo_client.get(f"/en/organisations/{tallinn.pk}/overview/").content.decode()
    assert "Helsinki" in body  # its twin town, seen from the other side


@pytest.mark.django_db
def test_home_queries_constant_and_private_hidden(client):
    from tests.factories import WorkspaceFactory, member_of
    from verkosto.accounts.models import Role

    rows = Rows()
    workspace = WorkspaceFactory()
    other = WorkspaceFactory()
    org = workspace.organisation
    client.force_login(member_of(workspace, Role.VIEWER))

    def add(n):
        for _ in range(n):
            rows.membership(member=org)
            rows.twinning(a=org)
            rows.partnership().party_links.create(organisation=org, role="city", source=rows.source)
            rows.goal(organisation=org)
            rows.event(organiser=org, start_date=__import__("datetime").date(2999, 1, 1))

    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/en/").status_code == 200
    add(10)
    with CaptureQueriesContext(connection) as many:
        client.get("/en/")
    assert len(many) == len(few)

    rows.membership(member=org, network=rows.network(name="Hidden B net"), workspace=other)
    rows.goal(organisation=org, title_fi="Hidden B goal", workspace=other)
    body = client.get("/en/").content.decode()
    assert "Hidden B" not in body
