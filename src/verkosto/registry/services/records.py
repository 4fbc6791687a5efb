"""Changing and deleting any registry record under ``rules.require_write``.

The named services (``twinning_delete``, ``goal_update`` …) use these so that every update
checks the record twice: before the change (may the actor touch it?) and after it (may
the actor write what it has become?, e.g. an event whose participants changed).
"""

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction

from verkosto.accounts.permissions import Actor, history_user
from verkosto.registry.services.common import apply_changes, save_validated, set_m2m
from verkosto.registry.services.rules import require_write


@transaction.atomic
def record_update(
    instance: models.Model,
    *,
    actor: Actor,
    changes: dict[str, Any],
    m2m: dict[str, Iterable[Any] | None] | None = None,
    source: Any = None,
) -> list[str]:
    """Apply ``changes`` (and many-to-many sets; None leaves one alone); return what changed.

    Nothing is saved when nothing changed. ``source``, when given, becomes the record's
    source if anything else changed: it is the evidence for the change.
    """
    require_write(actor, instance)
    changed = apply_changes(instance, changes)
    if changed:
        if source is not None:
            instance.source = source
        save_validated(instance, actor=actor)
    for field, values in (m2m or {}).items():
        if set_m2m(instance, field, values):
            changed.append(field)
    if changed:
        require_write(actor, instance)  # raises inside the transaction: nothing is kept
        _refresh_search_key(instance)
    return changed


@transaction.atomic
def record_delete(instance: models.Model, *, actor: Actor) -> None:
    require_write(actor, instance)
    instance._history_user = history_user(actor)
    instance.delete()
    _refresh_search_key(instance)


def _refresh_search_key(instance: models.Model) -> None:
    """Names and identifiers are what finding an organisation searches: keep it current."""
    from verkosto.registry.models import Identifier, Organisation, OrganisationName
    from verkosto.registry.services.organisations import organisation_refresh_search_key

    if isinstance(instance, Organisation) and instance.pk:
        organisation_refresh_search_key(organisation_ids=[instance.pk])
    elif isinstance(instance, Identifier | OrganisationName):
        organisation_refresh_search_key(organisation_ids=[instance.organisation_id])
