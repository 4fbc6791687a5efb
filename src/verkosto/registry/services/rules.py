"""Who may write a given record: one check per model, shared by the admin, the web UI and
the API so their rules cannot drift apart."""

from django.core.exceptions import PermissionDenied
from django.db import models

from verkosto.accounts.models import Role
from verkosto.accounts.permissions import (
    Actor,
    require_editor_anywhere,
    require_fact_write,
    require_public_write,
    require_role,
)
from verkosto.registry import models as m


def concerned_organisations(obj: models.Model) -> list[int]:
    """The organisations a record is about: editors of their workspaces may change it."""
    match obj:
        case m.Organisation():
            return [obj.pk] if obj.pk else []
        case m.OrganisationName() | m.Identifier() | m.NetworkProfile() | m.StrategicGoal():
            return [obj.organisation_id]
        case m.Membership():
            return [obj.member_id, obj.organisation_id]
        case m.Twinning():
            return [obj.first_id, obj.second_id]
        case m.Partnership():
            ids = list(obj.party_links.values_list("organisation_id", flat=True)) if obj.pk else []
            return ids + ([obj.coordinator_id] if obj.coordinator_id else [])
        case m.PartnershipParty():
            return [obj.organisation_id, *concerned_organisations(obj.partnership)]
        case m.PersonRole():
            return [obj.organisation_id]
        case m.Event():
            ids = list(obj.participants.values_list("pk", flat=True)) if obj.pk else []
            return ids + [i for i in (obj.organiser_id, obj.network_id) if i]
    return []


def require_write(actor: Actor, obj: models.Model) -> None:
    """Raise PermissionDenied unless ``actor`` may create, change or delete ``obj``."""
    if isinstance(obj, m.MembershipFee | m.MembershipContact | m.PrivateNote):
        require_role(actor, obj.workspace_id, Role.EDITOR)
        return
    if (
        isinstance(obj, m.Source | m.Theme | m.Person)
        and getattr(obj, "workspace_id", None) is None
    ):
        require_editor_anywhere(actor)
        return
    if isinstance(obj, m.Organisation) and obj.pk is None:
        require_editor_anywhere(actor)
        return
    workspace_id = getattr(obj, "workspace_id", None)
    concerned = [i for i in concerned_organisations(obj) if i]
    if workspace_id is None and not concerned:
        # A public fact about no organisation yet (a new partnership): any editor may start it.
        require_editor_anywhere(actor)
        return
    if workspace_id is None:
        require_public_write(actor, concerned)
    else:
        require_fact_write(actor, workspace_id=workspace_id, organisation_ids=concerned)


def may_write(actor: Actor, obj: models.Model) -> bool:
    try:
        require_write(actor, obj)
    except PermissionDenied:
        return False
    return True
