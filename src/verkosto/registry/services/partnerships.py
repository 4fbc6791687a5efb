"""Partnerships and agreements with any number of parties."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor, require_fact_write
from verkosto.registry.models import Organisation, Partnership, PartnershipParty, Source, Theme
from verkosto.registry.services.common import save_validated, set_m2m
from verkosto.registry.services.records import record_delete, record_update


@transaction.atomic
def partnership_create(
    *,
    actor: Actor,
    source: Source,
    kind: str,
    names: dict[str, str],
    parties: Iterable[tuple[Organisation, str]] = (),
    themes: Iterable[Theme] = (),
    workspace: Workspace | None = None,
    **fields: Any,
) -> Partnership:
    """Create a partnership; ``names`` holds name_fi/sv/en and description_fi/sv/en."""
    parties = list(parties)
    coordinator = fields.get("coordinator")
    require_fact_write(
        actor,
        workspace_id=workspace.pk if workspace else None,
        organisation_ids=[o.pk for o, _ in parties] + ([coordinator.pk] if coordinator else []),
    )
    partnership = Partnership(kind=kind, source=source, workspace=workspace, **fields, **names)
    save_validated(partnership, actor=actor)
    set_m2m(partnership, "themes", themes)
    for organisation, role in parties:
        _party_save(actor, partnership, organisation, role, source)
    return partnership


@transaction.atomic
def partnership_party_add(
    *,
    actor: Actor,
    partnership: Partnership,
    organisation: Organisation,
    role: str,
    source: Source,
) -> PartnershipParty:
    """Add a party; editors of an existing party or the coordinator may do so."""
    concerned = [
        organisation.pk,
        *partnership.party_links.values_list("organisation_id", flat=True),
    ]
    if partnership.coordinator_id:
        concerned.append(partnership.coordinator_id)
    require_fact_write(actor, workspace_id=partnership.workspace_id, organisation_ids=concerned)
    return _party_save(actor, partnership, organisation, role, source)


def _party_save(
    actor: Actor, partnership: Partnership, organisation: Organisation, role: str, source: Source
) -> PartnershipParty:
    party = PartnershipParty(
        partnership=partnership, organisation=organisation, role=role, source=source
    )
    save_validated(party, actor=actor)
    return party


def partnership_update(
    *,
    actor: Actor,
    partnership: Partnership,
    themes: Iterable[Theme] | None = None,
    **changes: Any,
) -> list[str]:
    """Change a partnership's fields and themes; its parties change through their services."""
    return record_update(partnership, actor=actor, changes=changes, m2m={"themes": themes})


def partnership_delete(*, actor: Actor, partnership: Partnership) -> None:
    record_delete(partnership, actor=actor)


def partnership_party_update(*, actor: Actor, party: PartnershipParty, **changes: Any) -> list[str]:
    return record_update(party, actor=actor, changes=changes)


def partnership_party_delete(*, actor: Actor, party: PartnershipParty) -> None:
    record_delete(party, actor=actor)
