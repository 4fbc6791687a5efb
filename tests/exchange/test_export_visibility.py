"""Exports carry public facts only, plus the caller's own workspace's private memberships on
request; never fees."""

import json

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.accounts.permissions import SYSTEM
from verkosto.exchange import ftm, popolo
from verkosto.exchange.selectors import exchange_dataset


def test_public_export_has_no_private_membership(private_membership):
    user = member_of(private_membership.workspace, Role.VIEWER)

    dataset = exchange_dataset(actor=user)

    assert len(dataset.memberships) == 3
    assert not any(ms.private for ms in dataset.memberships)


def test_own_workspace_adds_its_private_memberships_without_fees(private_membership):
    user = member_of(private_membership.workspace, Role.VIEWER)

    dataset = exchange_dataset(actor=user, workspace=private_membership.workspace)
    text = popolo.dumps(dataset) + ftm.dumps(dataset)

    (private,) = [ms for ms in dataset.memberships if ms.private]
    assert private.role == "partner" and private.start == "2024"
    assert "12345" not in text and "fee" not in text
    ftm_private = [json.loads(x) for x in ftm.dumps(dataset).splitlines() if '"private"' in x]
    assert ftm_private[0]["private"] is True


def test_foreign_workspace_cannot_be_exported(private_membership):
    stranger = member_of(WorkspaceFactory(), Role.ADMIN)

    with pytest.raises(PermissionDenied):
        exchange_dataset(actor=stranger, workspace=private_membership.workspace)


def test_export_runs_a_fixed_number_of_queries(registry, django_assert_num_queries):
    # identifiers, other names, organisations, memberships: whatever the number of rows
    with django_assert_num_queries(4):
        dataset = exchange_dataset(actor=SYSTEM)
    assert len(dataset.organisations) == 5
