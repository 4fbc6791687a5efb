"""The one way a registry record is validated and saved."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from verkosto.accounts.permissions import Actor, history_user


def save_validated(instance: models.Model, *, actor: Actor, reason: str = "") -> None:
    """Validate fields and constraints, then save with ``actor`` recorded in history."""
    instance.full_clean()
    instance._history_user = history_user(actor)
    if reason:
        instance._change_reason = reason[:100]
    instance.save()


def apply_changes(instance: models.Model, changes: dict[str, Any]) -> list[str]:
    """Set ``changes`` on ``instance``; return the names of fields whose value differed."""
    changed = []
    for field, value in changes.items():
        if getattr(instance, field) != value:
            setattr(instance, field, value)
            changed.append(field)
    return changed


def set_m2m(instance: models.Model, field: str, values: Iterable[Any] | None) -> bool:
    """Replace a many-to-many set; return whether it changed. ``None`` leaves it alone."""
    if values is None:
        return False
    new_ids = {v.pk if hasattr(v, "pk") else v for v in values}
    manager = getattr(instance, field)
    old_ids = set(manager.values_list("pk", flat=True))
    if new_ids == old_ids:
        return False
    manager.set(new_ids)
    return True
