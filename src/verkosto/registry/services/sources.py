"""Sources: the documents and data sets facts come from."""

from typing import Any

from django.db import transaction

from verkosto.accounts.permissions import Actor
from verkosto.registry.models import Source
from verkosto.registry.services.common import save_validated
from verkosto.registry.services.records import record_delete, record_update
from verkosto.registry.services.rules import require_write


@transaction.atomic
def source_create(*, actor: Actor, title: str, **fields: Any) -> Source:
    source = Source(title=title, **fields)
    require_write(actor, source)
    save_validated(source, actor=actor)
    return source


def source_update(*, actor: Actor, source: Source, **changes: Any) -> list[str]:
    return record_update(source, actor=actor, changes=changes)


def source_delete(*, actor: Actor, source: Source) -> None:
    """Delete a source no fact refers to (the database protects the others)."""
    record_delete(source, actor=actor)
