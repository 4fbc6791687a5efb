"""Creating and changing organisations, their names and identifiers."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from verkosto.accounts.permissions import (
    Actor,
    require_editor_anywhere,
    require_public_write,
)
from verkosto.common.text import fold
from verkosto.registry.models import Identifier, Organisation, OrganisationName, Source
from verkosto.registry.services.common import save_validated
from verkosto.registry.services.records import record_delete, record_update

NAME_FIELDS = ("name_fi", "name_sv", "name_en")


@transaction.atomic
def organisation_create(
    *, actor: Actor, source: Source, kind: str, names: dict[str, str], **fields: Any
) -> Organisation:
    """Create an organisation. ``names`` maps name_fi/name_sv/name_en to names."""
    require_editor_anywhere(actor)
    org = Organisation(kind=kind, source=source, **fields)
    # Only the language fields are set: modeltranslation fills the plain ``name`` column
    # from them on save, whereas assigning ``name`` would write the active language's field.
    for key in NAME_FIELDS:
        setattr(org, key, names.get(key) or None)
    if not any(names.get(key) for key in NAME_FIELDS):
        raise ValidationError({"name": _("An organisation needs a name in at least one language.")})
    save_validated(org, actor=actor)
    organisation_refresh_search_key(organisation_ids=[org.pk])
    org.refresh_from_db(fields=["search_key"])
    return org


@transaction.atomic
def organisation_update(
    *, actor: Actor, organisation: Organisation, source: Source | None = None, **changes: Any
) -> list[str]:
    """Change fields; return which changed (nothing is saved when none did)."""
    return record_update(organisation, actor=actor, changes=changes, source=source)


@transaction.atomic
def identifier_add(
    *, actor: Actor, organisation: Organisation, scheme: str, value: str, source: Source
) -> Identifier:
    """Give ``organisation`` an identifier (unique per scheme across all organisations)."""
    require_public_write(actor, [organisation.pk])
    identifier = Identifier(organisation=organisation, scheme=scheme, value=value, source=source)
    save_validated(identifier, actor=actor)
    organisation_refresh_search_key(organisation_ids=[organisation.pk])
    return identifier


@transaction.atomic
def organisation_name_add(
    *,
    actor: Actor,
    organisation: Organisation,
    name: str,
    kind: str,
    source: Source,
    language: str = "",
    **period: Any,
) -> OrganisationName:
    """Record another name (alias, abbreviation, former name) for ``organisation``."""
    require_public_write(actor, [organisation.pk])
    other = OrganisationName(
        organisation=organisation,
        name=name,
        kind=kind,
        language=language,
        source=source,
        **period,
    )
    save_validated(other, actor=actor)
    organisation_refresh_search_key(organisation_ids=[organisation.pk])
    return other


def search_key_for(org: Organisation) -> str:
    """All folded names and identifier values of ``org``, '|'-separated and '|'-framed.

    The framing lets a search ask for an exact name with ``contains='|helsinki|'``.
    """
    keys: list[str] = []
    for value in [*(getattr(org, f) for f in NAME_FIELDS), org.name]:
        if value:
            keys.append(fold(value))
    keys.extend(fold(n.name) for n in org.other_names.all())
    keys.extend(i.value.casefold() for i in org.identifiers.all())
    unique = list(dict.fromkeys(k for k in keys if k))
    return "|" + "|".join(unique) + "|" if unique else ""


def organisation_refresh_search_key(*, organisation_ids: Iterable[int], chunk: int = 1000) -> int:
    """Recompute the search key of the given organisations in bulk; return how many changed.

    Works in chunks so that no query carries tens of thousands of ids.
    """
    ids = sorted(set(organisation_ids))
    return sum(_refresh_chunk(ids[i : i + chunk]) for i in range(0, len(ids), chunk))


def _refresh_chunk(ids: list[int]) -> int:
    orgs = list(
        Organisation.objects.filter(pk__in=ids).prefetch_related(
            Prefetch("other_names", queryset=OrganisationName.objects.only("organisation", "name")),
            Prefetch("identifiers", queryset=Identifier.objects.only("organisation", "value")),
        )
    )
    stale = []
    for org in orgs:
        key = search_key_for(org)
        if key != org.search_key:
            org.search_key = key
            stale.append(org)
    Organisation.objects.bulk_update(stale, ["search_key"], batch_size=500)
    return len(stale)


def organisation_delete(*, actor: Actor, organisation: Organisation) -> None:
    """Delete an organisation with its own facts (names, identifiers, memberships)."""
    record_delete(organisation, actor=actor)


@transaction.atomic
def identifier_update(*, actor: Actor, identifier: Identifier, **changes: Any) -> list[str]:
    return record_update(identifier, actor=actor, changes=changes)


@transaction.atomic
def identifier_delete(*, actor: Actor, identifier: Identifier) -> None:
    record_delete(identifier, actor=actor)


@transaction.atomic
def organisation_name_update(
    *, actor: Actor, other_name: OrganisationName, **changes: Any
) -> list[str]:
    return record_update(other_name, actor=actor, changes=changes)


@transaction.atomic
def organisation_name_delete(*, actor: Actor, other_name: OrganisationName) -> None:
    record_delete(other_name, actor=actor)
