"""Twinning: an unordered pair of municipalities."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor, require_fact_write
from verkosto.registry.models import Organisation, Source, Twinning
from verkosto.registry.services.common import save_validated
from verkosto.registry.services.records import record_delete, record_update


def twinning_find(a: Organisation | int, b: Organisation | int) -> Twinning | None:
    """The twinning of ``a`` and ``b`` in whichever order it was given."""
    first, second = sorted(x if isinstance(x, int) else x.pk for x in (a, b))
    return Twinning.objects.filter(first_id=first, second_id=second).first()


@transaction.atomic
def twinning_create(
    *,
    actor: Actor,
    a: Organisation,
    b: Organisation,
    source: Source,
    workspace: Workspace | None = None,
    **fields: Any,
) -> Twinning:
    """Twin ``a`` and ``b``; the order does not matter, the pair is stored once."""
    if a.pk == b.pk:
        raise ValidationError(_("A municipality cannot be twinned with itself."))
    require_fact_write(
        actor, workspace_id=workspace.pk if workspace else None, organisation_ids=[a.pk, b.pk]
    )
    first, second = sorted((a, b), key=lambda o: o.pk)
    twinning = Twinning(first=first, second=second, source=source, workspace=workspace, **fields)
    save_validated(twinning, actor=actor)
    return twinning


@transaction.atomic
def twinning_update(
    *, actor: Actor, twinning: Twinning, source: Source | None = None, **changes: Any
) -> list[str]:
    return record_update(twinning, actor=actor, changes=changes, source=source)


def twinning_delete(*, actor: Actor, twinning: Twinning) -> None:
    record_delete(twinning, actor=actor)
