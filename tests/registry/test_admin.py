"""The admin: every model's pages open, lists respect visibility, writes respect roles."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    SourceFactory,
    UserFactory,
    WorkspaceFactory,
    member_of,
)
from verkosto.accounts.models import Role
from verkosto.registry import models as m

pytestmark = pytest.mark.django_db

REGISTRY_MODELS = [model for model in admin.site._registry if model._meta.app_label == "registry"]


@pytest.fixture
def superuser_client(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def _url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", REGISTRY_MODELS, ids=lambda mdl: mdl.__name__)
def test_every_registry_model_has_list_add_and_search(superuser_client, model):
    assert superuser_client.get(_url(model, "changelist")).status_code == 200
    assert superuser_client.get(_url(model, "changelist") + "?q=hel").status_code == 200
    assert superuser_client.get(_url(model, "add")).status_code == 200


def test_organisation_search_ignores_diacritics_and_language(superuser_client):
    org = OrganisationFactory(name="Jyväskylä", name_fi="Jyväskylä", name_sv="Jyväskylä")
    from verkosto.registry.services.organisations import organisation_refresh_search_key

    organisation_refresh_search_key(organisation_ids=[org.pk])
    response = superuser_client.get(_url(m.Organisation, "changelist") + "?q=jyvaskyla")
    assert "Jyväskylä" in response.content.decode()


def test_organisation_list_query_count_does_not_grow_with_rows(superuser_client):
    OrganisationFactory.create_batch(3, parent=OrganisationFactory(kind="region"))
    with CaptureQueriesContext(connection) as few:
        superuser_client.get(_url(m.Organisation, "changelist"))
    OrganisationFactory.create_batch(40, parent=OrganisationFactory(kind="region"))
    with CaptureQueriesContext(connection) as many:
        superuser_client.get(_url(m.Organisation, "changelist"))
    assert len(many) == len(few)


@pytest.fixture
def staff_editor(client):
    workspace = WorkspaceFactory()
    user = member_of(workspace, Role.EDITOR, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="registry"))
    client.force_login(user)
    return client, workspace


def test_staff_editor_sees_no_foreign_private_membership(staff_editor):
    client, workspace = staff_editor
    other = WorkspaceFactory()
    network = NetworkFactory(name="Eurocities")
    m.Membership.objects.create(
        member=other.organisation,
        organisation=network,
        source=SourceFactory(),
        workspace=other,
        note="secret-of-other",
    )
    m.Membership.objects.create(
        member=workspace.organisation,
        organisation=network,
        source=SourceFactory(),
        workspace=workspace,
        note="mine",
    )
    page = client.get(_url(m.Membership, "changelist")).content.decode()
    assert str(workspace.organisation) in page
    assert str(other.organisation) not in page


def test_staff_editor_cannot_change_another_organisations_public_fact(staff_editor):
    client, workspace = staff_editor
    network = NetworkFactory()
    theirs = m.Membership.objects.create(
        member=OrganisationFactory(), organisation=network, source=SourceFactory()
    )
    mine = m.Membership.objects.create(
        member=workspace.organisation, organisation=network, source=SourceFactory()
    )
    # Read-only view for a fact the user may not change; an edit form for one they may.
    theirs_page = client.get(_url(m.Membership, "change", theirs.pk)).content.decode()
    mine_page = client.get(_url(m.Membership, "change", mine.pk)).content.decode()
    assert 'name="_save"' not in theirs_page
    assert 'name="_save"' in mine_page
    response = client.post(_url(m.Membership, "delete", theirs.pk), {"post": "yes"})
    assert response.status_code == 403
    assert m.Membership.objects.filter(pk=theirs.pk).exists()


def test_admin_import_page_imports_and_reports_rejections(superuser_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.registry.importers.test_hostile_files import ROWS, csv_text, with_row

    with translation.override("en"):
        url = reverse("admin:registry_import")
    good = SimpleUploadedFile("fi.csv", csv_text(ROWS).encode())
    page = superuser_client.post(
        url, {"kind": "statfi-municipalities", "file": good, "dry_run": ""}
    ).content.decode()
    assert "<h2>Imported</h2>" in page
    assert m.Identifier.objects.filter(scheme="statfi_municipality").count() == len(ROWS)
    bad = SimpleUploadedFile("bad.csv", csv_text(with_row(1, "municipality_code", "ABC")).encode())
    page = superuser_client.post(url, {"kind": "statfi-municipalities", "file": bad}).content
    assert b"line 3, municipality_code" in page
    assert m.Identifier.objects.filter(scheme="statfi_municipality").count() == len(ROWS)


def test_admin_import_page_is_for_superusers_only(staff_editor):
    client, _workspace = staff_editor
    assert client.get(reverse("admin:registry_import")).status_code == 403
