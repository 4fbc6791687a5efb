"""Who may read and write portfolio records: viewers of the workspace read, editors and
admins write. One place so the views, the services and the API cannot disagree."""

from django.core.exceptions import PermissionDenied
from django.db import models

from verkosto.accounts.models import Role
from verkosto.accounts.permissions import Actor, has_role, require_role
from verkosto.portfolio import models as pm


def workspace_id_of(obj: models.Model) -> int:
    match obj:
        case pm.IndicatorValue():
            return obj.indicator.workspace_id
        case pm.Evaluation():
            return obj.review.workspace_id
        case pm.FollowUp():
            return obj.evaluation.review.workspace_id
    return obj.workspace_id


def require_portfolio_write(actor: Actor, obj: models.Model) -> None:
    require_role(actor, workspace_id_of(obj), Role.EDITOR)


def require_portfolio_read(actor: Actor, obj: models.Model) -> None:
    if not has_role(actor, workspace_id_of(obj), Role.VIEWER):
        raise PermissionDenied


def may_edit(actor: Actor, workspace_id: int) -> bool:
    return has_role(actor, workspace_id, Role.EDITOR)
