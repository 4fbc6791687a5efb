"""Reading the registry into exchange records, in a fixed number of queries.

Only public facts are exported, plus the private memberships of one workspace when the
caller asks for it and may read it. Fees, contacts and notes are never exported.
"""

import re
from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor, readable_workspace_ids
from verkosto.common.partial_dates import PartialDate
from verkosto.exchange.records import (
    Dataset,
    MembershipRecord,
    OrganisationRecord,
    OtherName,
)
from verkosto.registry.models import Identifier, Membership, Organisation, OrganisationName

# The data_source of records created by an exchange import: their origin_id is the id
# they had in the file, and an export gives it back so a round trip keeps every id.
EXCHANGE = "exchange"
CHUNK = 5000


def exchange_id(prefix: str, pk: int, data_source: str, origin_id: str) -> str:
    return origin_id if data_source == EXCHANGE and origin_id else f"{prefix}-{pk}"


def _natural(text: str) -> tuple:
    """Sort key putting "org-2" before "org-10"."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def _partial(day, precision: str) -> str | None:
    return str(PartialDate.from_date(day, precision)) if day else None


def exchange_dataset(*, actor: Actor, workspace: Workspace | None = None) -> Dataset:
    """Organisations with their names and identifiers, and the memberships ``actor`` may
    export: public ones, and ``workspace``'s private ones if given."""
    if workspace is not None:
        readable = readable_workspace_ids(actor)
        if readable is not None and workspace.pk not in readable:
            raise PermissionDenied(_("You are not a member of this workspace."))
    identifiers: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for org_id, scheme, value in Identifier.objects.values_list(
        "organisation_id", "scheme", "value"
    ).iterator(chunk_size=CHUNK):
        identifiers[org_id].append((scheme, value))
    other_names: dict[int, list[OtherName]] = defaultdict(list)
    for row in OrganisationName.objects.values_list(
        "organisation_id", "name", "kind", "language", "start", "start_precision", "end",
        "end_precision",
    ).iterator(chunk_size=CHUNK):  # fmt: skip
        org_id, name, kind, language, start, start_p, end, end_p = row
        other_names[org_id].append(
            OtherName(name, kind, language, _partial(start, start_p), _partial(end, end_p))
        )
    ids: dict[int, str] = {}
    rows = list(
        Organisation.objects.order_by("pk").values_list(
            "pk", "data_source", "origin_id", "kind", "name_fi", "name_sv", "name_en",
            "country", "parent_id", "founded", "dissolved", "website",
        ).iterator(chunk_size=CHUNK)
    )  # fmt: skip
    for pk, data_source, origin_id, *_rest in rows:
        ids[pk] = exchange_id("org", pk, data_source, origin_id)
    organisations = []
    for pk, _ds, _origin, kind, fi, sv, en, country, parent, founded, dissolved, web in rows:
        names = {lang: n for lang, n in (("fi", fi), ("sv", sv), ("en", en)) if n}
        organisations.append(
            OrganisationRecord(
                id=ids[pk],
                kind=kind,
                names=names,
                country=country,
                parent_id=ids.get(parent) if parent else None,
                founded=founded.isoformat() if founded else None,
                dissolved=dissolved.isoformat() if dissolved else None,
                website=web,
                identifiers=sorted(identifiers.get(pk, [])),
                other_names=sorted(
                    other_names.get(pk, []), key=lambda n: (n.kind, n.name, n.language)
                ),
            )
        )
    organisations.sort(key=lambda o: _natural(o.id))
    # order_by(): the model's default order joins both organisations for their names.
    memberships = Membership.objects.order_by().filter(
        Q(workspace__isnull=True) | Q(workspace=workspace) if workspace else Q(workspace=None)
    )
    records = [
        MembershipRecord(
            id=exchange_id("membership", pk, data_source, origin_id),
            organisation_id=ids[organisation_id],
            member_id=ids[member_id],
            role=role,
            status=status,
            start=_partial(start, start_p),
            end=_partial(end, end_p),
            private=workspace_id is not None,
        )
        for (
            pk, data_source, origin_id, organisation_id, member_id, role, status,
            start, start_p, end, end_p, workspace_id,
        ) in memberships.values_list(
            "pk", "data_source", "origin_id", "organisation_id", "member_id", "role", "status",
            "start", "start_precision", "end", "end_precision", "workspace_id",
        ).iterator(chunk_size=CHUNK)
    ]  # fmt: skip
    records.sort(key=lambda m: _natural(m.id))
    return Dataset(organisations=organisations, memberships=records)
