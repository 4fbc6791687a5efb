"""Memberships and their private details (fees, contacts)."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction

from verkosto.accounts.models import Role, Workspace
from verkosto.accounts.permissions import Actor, history_user, require_fact_write, require_role
from verkosto.registry.models import (
    Membership,
    MembershipContact,
    MembershipFee,
    Organisation,
    Person,
    Source,
    Theme,
)
from verkosto.registry.services.common import save_validated, set_m2m
from verkosto.registry.services.records import record_delete, record_update


@transaction.atomic
def membership_create(
    *,
    actor: Actor,
    member: Organisation,
    organisation: Organisation,
    source: Source,
    themes: Iterable[Theme] = (),
    workspace: Workspace | None = None,
    **fields: Any,
) -> Membership:
    """Record that ``member`` belongs to ``organisation`` (public unless ``workspace``)."""
    require_fact_write(
        actor,
        workspace_id=workspace.pk if workspace else None,
        organisation_ids=[member.pk, organisation.pk],
    )
    membership = Membership(
        member=member, organisation=organisation, source=source, workspace=workspace, **fields
    )
    save_validated(membership, actor=actor)
    set_m2m(membership, "themes", themes)
    return membership


@transaction.atomic
def membership_update(
    *,
    actor: Actor,
    membership: Membership,
    source: Source | None = None,
    themes: Iterable[Theme] | None = None,
    **changes: Any,
) -> list[str]:
    """Change a membership; return the changed fields (none saved when nothing changed)."""
    return record_update(
        membership, actor=actor, changes=changes, m2m={"themes": themes}, source=source
    )


@transaction.atomic
def membership_delete(*, actor: Actor, membership: Membership) -> None:
    require_fact_write(
        actor,
        workspace_id=membership.workspace_id,
        organisation_ids=[membership.member_id, membership.organisation_id],
    )
    membership._history_user = history_user(actor)
    membership.delete()


@transaction.atomic
def membership_fee_set(
    *,
    actor: Actor,
    workspace: Workspace,
    membership: Membership,
    year: int,
    amount: Decimal,
    source: Source,
    currency: str = "EUR",
    note: str = "",
) -> MembershipFee:
    """Set a workspace's (private) fee for a membership in a year."""
    require_role(actor, workspace, Role.EDITOR)
    fee = MembershipFee.objects.filter(
        workspace=workspace, membership=membership, year=year
    ).first() or MembershipFee(workspace=workspace, membership=membership, year=year)
    fee.amount, fee.currency, fee.note, fee.source = amount, currency, note, source
    save_validated(fee, actor=actor)
    return fee


@transaction.atomic
def membership_contact_add(
    *,
    actor: Actor,
    workspace: Workspace,
    membership: Membership,
    person: Person,
    source: Source,
    role: str = "",
) -> MembershipContact:
    """Name a workspace's (private) contact person for a membership."""
    require_role(actor, workspace, Role.EDITOR)
    contact = MembershipContact(
        workspace=workspace, membership=membership, person=person, role=role, source=source
    )
    save_validated(contact, actor=actor)
    return contact


def membership_fee_delete(*, actor: Actor, fee: MembershipFee) -> None:
    record_delete(fee, actor=actor)
