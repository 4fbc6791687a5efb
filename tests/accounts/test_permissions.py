"""A viewer cannot write; a foreign workspace's private facts are invisible."""

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import NetworkFactory, SourceFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.registry import models as m
from verkosto.registry.selectors.organisations import organisation_detail
from verkosto.registry.selectors.visibility import private_q, visible
from verkosto.registry.services.memberships import membership_create, membership_fee_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def helsinki_ws():
    return WorkspaceFactory(name="Helsinki")


def test_viewer_cannot_write_public_or_private(helsinki_ws):
    viewer = member_of(helsinki_ws, Role.VIEWER)
    network = NetworkFactory()
    with pytest.raises(PermissionDenied):
        membership_create(
            actor=viewer,
            member=helsinki_ws.organisation,
            organisation=network,
            source=SourceFactory(),
        )
    with pytest.raises(PermissionDenied):
        membership_create(
            actor=viewer,
            member=helsinki_ws.organisation,
            organisation=network,
            source=SourceFactory(),
            workspace=helsinki_ws,
        )
    assert not m.Membership.objects.exists()


def test_editor_writes_for_own_organisation_only(helsinki_ws):
    editor = member_of(helsinki_ws, Role.EDITOR)
    network, stranger = NetworkFactory(), NetworkFactory()
    membership_create(
        actor=editor, member=helsinki_ws.organisation, organisation=network, source=SourceFactory()
    )
    with pytest.raises(PermissionDenied):
        membership_create(
            actor=editor, member=stranger, organisation=network, source=SourceFactory()
        )
    assert m.Membership.objects.count() == 1


def test_private_facts_of_another_workspace_are_invisible(helsinki_ws):
    tampere_ws = WorkspaceFactory(name="Tampere")
    helsinki_editor = member_of(helsinki_ws, Role.EDITOR)
    tampere_editor = member_of(tampere_ws, Role.EDITOR)
    network = NetworkFactory()
    public = membership_create(
        actor=helsinki_editor,
        member=helsinki_ws.organisation,
        organisation=network,
        source=SourceFactory(),
    )
    private = membership_create(
        actor=helsinki_editor,
        member=helsinki_ws.organisation,
        organisation=network,
        source=SourceFactory(),
        workspace=helsinki_ws,
        role="observer",
    )
    membership_fee_set(
        actor=helsinki_editor,
        workspace=helsinki_ws,
        membership=public,
        year=2024,
        amount=12000,
        source=SourceFactory(),
    )
    with pytest.raises(PermissionDenied):
        membership_fee_set(
            actor=tampere_editor,
            workspace=helsinki_ws,
            membership=public,
            year=2025,
            amount=1,
            source=SourceFactory(),
        )
    seen_by_tampere = set(visible(m.Membership.objects.all(), tampere_editor))
    assert seen_by_tampere == {public}
    assert set(visible(m.Membership.objects.all(), helsinki_editor)) == {public, private}
    assert not m.MembershipFee.objects.filter(private_q(tampere_editor)).exists()
    assert m.MembershipFee.objects.filter(private_q(helsinki_editor)).count() == 1
    detail = organisation_detail(actor=tampere_editor, organisation_id=network.pk)
    assert [x["id"] for x in detail["memberships"]] == [public.pk]


def test_anonymous_sees_only_public(helsinki_ws):
    from django.contrib.auth.models import AnonymousUser

    editor = member_of(helsinki_ws, Role.EDITOR)
    network = NetworkFactory()
    membership_create(
        actor=editor,
        member=helsinki_ws.organisation,
        organisation=network,
        source=SourceFactory(),
        workspace=helsinki_ws,
    )
    assert not visible(m.Membership.objects.all(), AnonymousUser()).exists()
