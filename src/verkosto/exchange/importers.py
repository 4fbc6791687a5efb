"""``verkosto import popolo|ftm FILE``: exchange files into the registry, all or nothing.

The file is parsed whole first (a broken file is refused before anything is written);
then organisations and memberships are written through the registry's services inside
the import's transaction. An organisation is matched by the id it had in an earlier
exchange import, then by any of its identifiers; a membership by its id, then by member,
organisation, role and start. So importing the same file twice creates nothing new.
Private memberships (``"private": true``) are imported only into the workspace named by
``--option workspace=SLUG``, never as public facts.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

from django.utils.translation import gettext as _

from verkosto.accounts.models import Workspace
from verkosto.common.countries import country_code
from verkosto.common.partial_dates import PartialDate, parse_partial_date
from verkosto.exchange import ftm, popolo
from verkosto.exchange.records import (
    Dataset,
    ExchangeError,
    MembershipRecord,
    OrganisationRecord,
)
from verkosto.exchange.selectors import EXCHANGE
from verkosto.registry.importers.base import Importer, Outcome
from verkosto.registry.importers.csvfile import read_text
from verkosto.registry.importers.errors import FileRejected, RowIssue, RowRejected
from verkosto.registry.importers.values import end_fields, start_fields
from verkosto.registry.models import (
    Identifier,
    IdentifierScheme,
    Membership,
    MembershipRole,
    MembershipStatus,
    NameKind,
    Organisation,
    OrganisationKind,
    OrganisationName,
)
from verkosto.registry.services.memberships import membership_create, membership_update
from verkosto.registry.services.organisations import (
    identifier_add,
    organisation_create,
    organisation_name_add,
    organisation_update,
)

# Progress is reported after this many entities (and at the end).
PROGRESS_EVERY = 100


def _reject(record: OrganisationRecord | MembershipRecord, field: str, message: str):
    return RowRejected(f"{record.where} {field}".strip(), message)


def _choice(record, field: str, value: str, choices: list[str]) -> str:
    if value not in choices:
        raise _reject(record, field, f"{value!r} is not one of: {', '.join(choices)}")
    return value


class ExchangeImporter(Importer):
    source_publisher = ""
    allowed_options = {"workspace"}
    parse: ClassVar[Callable[[str], Dataset]]

    def __init__(self, *args, on_progress: Callable[[int, int], None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.on_progress = on_progress
        self.total = 0
        self.done = 0

    # --- reading ----------------------------------------------------------------------
    def rows(self, path: Path) -> Iterator[tuple[int, OrganisationRecord | MembershipRecord]]:
        text = read_text(path)
        try:
            dataset = type(self).parse(text)
        except ExchangeError as exc:
            raise FileRejected(
                [RowIssue(exc.line, f"{exc.where} {exc.field}".strip(), exc.message)]
            ) from None
        self.file_org_ids = {o.id for o in dataset.organisations}
        self.total = len(dataset.organisations) + len(dataset.memberships)
        for record in [*dataset.organisations, *dataset.memberships]:
            yield record.line, record

    def prepare(self) -> None:
        self.workspace = None
        if "workspace" in self.options:
            slug = self.options["workspace"][-1]
            self.workspace = Workspace.objects.filter(slug=slug).first()
            if self.workspace is None:
                raise FileRejected([RowIssue(0, "workspace", f"no workspace {slug!r}")])
        self.org_by_origin = dict(
            Organisation.objects.filter(data_source=EXCHANGE)
            .exclude(origin_id="")
            .values_list("origin_id", "pk")
        )
        self.org_by_identifier = {
            (scheme, value): pk
            for scheme, value, pk in Identifier.objects.values_list(
                "scheme", "value", "organisation_id"
            )
        }
        self.membership_by_origin = dict(
            Membership.objects.order_by()
            .filter(data_source=EXCHANGE)
            .exclude(origin_id="")
            .values_list("origin_id", "pk")
        )
        self.parents: list[tuple[OrganisationRecord, int]] = []

    # --- writing ----------------------------------------------------------------------
    def process(self, line: int, row: OrganisationRecord | MembershipRecord) -> Outcome:
        try:
            if isinstance(row, OrganisationRecord):
                return self._organisation(line, row)
            return self._membership(line, row)
        finally:
            self.done += 1
            if self.on_progress and (self.done % PROGRESS_EVERY == 0 or self.done == self.total):
                self.on_progress(self.done, self.total)

    def finish(self) -> None:
        for record, pk in self.parents:
            parent = self._org_pk(record.parent_id)
            org = Organisation.objects.get(pk=pk)
            organisation_update(
                actor=self.actor,
                organisation=org,
                source=self.source,
                parent=Organisation.objects.get(pk=parent),
            )

    def _org_pk(self, exchange_id: str) -> int | None:
        return self.org_by_origin.get(exchange_id)

    def _organisation(self, line: int, rec: OrganisationRecord) -> Outcome:
        self.once(("organisation", rec.id), line, f"{rec.where} id")
        kind = _choice(rec, "classification", rec.kind, OrganisationKind.values)
        country = ""
        if rec.country:
            country = country_code(rec.country) or ""
            if not country:
                raise _reject(rec, "country", f"{rec.country!r} is not a country code")
        for i, (scheme, _value) in enumerate(rec.identifiers):
            _choice(rec, f"identifiers[{i}].scheme", scheme, IdentifierScheme.values)
        for i, other in enumerate(rec.other_names):
            _choice(rec, f"other_names[{i}].note", other.kind, NameKind.values)
        if rec.parent_id and not (
            rec.parent_id in self.file_org_ids or rec.parent_id in self.org_by_origin
        ):
            raise _reject(
                rec, "parent_id", f"no organisation {rec.parent_id!r} in the file or the registry"
            )
        pk = self.org_by_origin.get(rec.id)
        if pk is None:
            owners = {
                self.org_by_identifier[i] for i in rec.identifiers if i in self.org_by_identifier
            }
            if len(owners) > 1:
                raise _reject(
                    rec, "identifiers", f"the identifiers belong to {len(owners)} organisations"
                )
            pk = next(iter(owners), None)
        fields = {
            "country": country,
            "founded": dt.date.fromisoformat(rec.founded) if rec.founded else None,
            "dissolved": dt.date.fromisoformat(rec.dissolved) if rec.dissolved else None,
            "website": rec.website,
        }
        names = {f"name_{lang}": rec.names.get(lang) or None for lang in ("fi", "sv", "en")}
        if pk is None:
            org = organisation_create(
                actor=self.actor,
                source=self.source,
                kind=kind,
                names=names,
                data_source=EXCHANGE,
                origin_id=rec.id,
                **fields,
            )
            outcome = Outcome.CREATED
        else:
            org = Organisation.objects.get(pk=pk)
            changed = organisation_update(
                actor=self.actor, organisation=org, source=self.source, kind=kind, **names, **fields
            )
            outcome = Outcome.UPDATED if changed else Outcome.UNCHANGED
        self.org_by_origin[rec.id] = org.pk
        added = self._identifiers(rec, org) | self._other_names(rec, org)
        if added and outcome is Outcome.UNCHANGED:
            outcome = Outcome.UPDATED
        if rec.parent_id:
            # A parent may come later in the file: it is set once every organisation exists.
            self.parents.append((rec, org.pk))
        return outcome

    def _identifiers(self, rec: OrganisationRecord, org: Organisation) -> bool:
        added = False
        for i, (scheme, value) in enumerate(rec.identifiers):
            owner = self.org_by_identifier.get((scheme, value))
            if owner == org.pk:
                continue
            if owner is not None:
                raise _reject(
                    rec, f"identifiers[{i}]", f"{scheme} {value} belongs to another organisation"
                )
            identifier_add(
                actor=self.actor, organisation=org, scheme=scheme, value=value, source=self.source
            )
            self.org_by_identifier[(scheme, value)] = org.pk
            added = True
        return added

    def _other_names(self, rec: OrganisationRecord, org: Organisation) -> bool:
        have = set(OrganisationName.objects.filter(organisation=org).values_list("name", "kind"))
        added = False
        for other in rec.other_names:
            if (other.name, other.kind) in have:
                continue
            organisation_name_add(
                actor=self.actor,
                organisation=org,
                name=other.name,
                kind=other.kind,
                language=other.language,
                source=self.source,
                **_period(other.start, other.end),
            )
            have.add((other.name, other.kind))
            added = True
        return added

    def _membership(self, line: int, rec: MembershipRecord) -> Outcome:
        self.once(("membership", rec.id), line, f"{rec.where} id")
        organisation = self._org_pk(rec.organisation_id)
        if organisation is None:
            raise _reject(
                rec,
                "organization_id",
                f"no organisation {rec.organisation_id!r} in the file or the registry",
            )
        member = self._org_pk(rec.member_id)
        if member is None:
            raise _reject(
                rec, "member", f"no organisation {rec.member_id!r} in the file or the registry"
            )
        role = _choice(rec, "role", rec.role, MembershipRole.values)
        period = _period(rec.start, rec.end)
        if rec.status:
            status = _choice(rec, "status", rec.status, MembershipStatus.values)
        elif period.get("end") and period["end"] < dt.date.today():
            status = MembershipStatus.ENDED.value
        else:
            status = MembershipStatus.ACTIVE.value
        workspace = None
        if rec.private:
            if self.workspace is None:
                raise _reject(
                    rec,
                    "private",
                    _("a private membership is imported only into a workspace: give the option "
                      "workspace=SLUG"),
                )  # fmt: skip
            workspace = self.workspace
        pk = self.membership_by_origin.get(rec.id)
        if pk is None:
            # The same fact recorded natively (a re-import of this registry's own export).
            pk = (
                Membership.objects.order_by()
                .filter(
                    member_id=member,
                    organisation_id=organisation,
                    role=role,
                    start=period["start"],
                    workspace=workspace,
                )
                .values_list("pk", flat=True)
                .first()
            )
        fields = {"role": role, "status": status, **period}
        if pk is None:
            created = membership_create(
                actor=self.actor,
                member=Organisation.objects.get(pk=member),
                organisation=Organisation.objects.get(pk=organisation),
                source=self.source,
                workspace=workspace,
                data_source=EXCHANGE,
                origin_id=rec.id,
                **fields,
            )
            self.membership_by_origin[rec.id] = created.pk
            return Outcome.CREATED
        membership = Membership.objects.get(pk=pk)
        changed = membership_update(
            actor=self.actor, membership=membership, source=self.source, **fields
        )
        return Outcome.UPDATED if changed else Outcome.UNCHANGED


def _period(start: str | None, end: str | None) -> dict:
    first: PartialDate | None = parse_partial_date(start) if start else None
    last: PartialDate | None = parse_partial_date(end) if end else None
    fields = {**start_fields(first), **end_fields(last)}
    fields.setdefault("start_precision", "day")
    fields.setdefault("end_precision", "day")
    return fields


class PopoloImporter(ExchangeImporter):
    kind = "popolo"
    help = "Organisations and memberships as Popolo JSON."
    source_title = "Popolo JSON import"
    parse = staticmethod(popolo.loads)


class FollowTheMoneyImporter(ExchangeImporter):
    kind = "ftm"
    help = "Organisations and memberships as FollowTheMoney entities (JSON lines)."
    source_title = "FollowTheMoney import"
    parse = staticmethod(ftm.loads)
