"""Saving and deleting a portfolio record under the workspace's editor rule."""

from django.db import models, transaction

from verkosto.accounts.permissions import Actor, history_user
from verkosto.portfolio.services.access import require_portfolio_write
from verkosto.registry.services.common import save_validated


def portfolio_save(instance: models.Model, *, actor: Actor, reason: str = "") -> None:
    """Check the right to write, validate fields and constraints, save with history."""
    require_portfolio_write(actor, instance)
    save_validated(instance, actor=actor, reason=reason)


@transaction.atomic
def portfolio_delete(instance: models.Model, *, actor: Actor) -> None:
    require_portfolio_write(actor, instance)
    instance._history_user = history_user(actor)
    instance.delete()
