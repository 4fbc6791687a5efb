"""A workspace's scoring weights and thresholds."""

from django.db import transaction

from verkosto.accounts.models import Role, Workspace
from verkosto.accounts.permissions import Actor, require_role
from verkosto.portfolio.models import ScoringWeights
from verkosto.portfolio.services.records import portfolio_save


@transaction.atomic
def scoring_weights_set(*, actor: Actor, workspace: Workspace, **values: float) -> ScoringWeights:
    """Set weights (fit, value, activity, cost, redundancy) and thresholds (retain_at,
    drop_below). Editors run the review, so they set its weights too."""
    require_role(actor, workspace, Role.EDITOR)
    row = ScoringWeights.objects.filter(workspace=workspace).first() or ScoringWeights(
        workspace=workspace
    )
    for name, value in values.items():
        setattr(row, name, value)
    portfolio_save(row, actor=actor)
    return row
