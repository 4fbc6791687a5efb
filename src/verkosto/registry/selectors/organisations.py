"""Finding organisations by any name, alias or identifier, and reading one whole."""

import datetime as dt
from typing import Any

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from verkosto.accounts.permissions import Actor
from verkosto.common.text import fold
from verkosto.registry.models import (
    Identifier,
    Membership,
    Organisation,
    Partnership,
    PartnershipParty,
    Twinning,
)
from verkosto.registry.selectors.visibility import visible


def organisation_search(*, text: str, queryset: QuerySet | None = None) -> QuerySet:
    """Organisations any of whose names, aliases or identifiers contain ``text``,
    case- and diacritic-insensitively, best first: exact name or identifier, then a name
    starting with the text, then a word starting with it, then anywhere; larger first."""
    needle = fold(text)
    queryset = Organisation.objects.all() if queryset is None else queryset
    if not needle:
        return queryset.none()
    return (
        queryset.filter(search_key__contains=needle)
        .annotate(
            match_rank=Case(
                When(search_key__contains=f"|{needle}|", then=Value(0)),
                When(search_key__contains=f"|{needle}", then=Value(1)),
                When(search_key__contains=f" {needle}", then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            ),
            size=Coalesce("population", Value(0)),
        )
        .order_by("match_rank", "-size", "name", "pk")
    )


def organisation_find(*, text: str, limit: int = 20) -> list[Organisation]:
    """The best ``limit`` matches for ``text``, with identifiers loaded."""
    return list(organisation_search(text=text).prefetch_related("identifiers")[:limit])


def organisation_as_dict(org: Organisation) -> dict[str, Any]:
    return {
        "id": org.pk,
        "kind": org.kind,
        "names": {lang: getattr(org, f"name_{lang}") or "" for lang in ("fi", "sv", "en")},
        "identifiers": {i.scheme: i.value for i in org.identifiers.all()},
        "country": org.country,
    }


def _period(obj) -> dict[str, str | None]:
    return {
        "start": str(obj.start_partial) if obj.start else None,
        "end": str(obj.end_partial) if obj.end else None,
    }


def organisation_detail(
    *, actor: Actor, organisation_id: int, on: dt.date | None = None
) -> dict[str, Any]:
    """One organisation with its memberships (both ways), twinnings and partnerships.

    Runs a fixed number of queries whatever the number of links.
    """
    on = on or dt.date.today()
    org = Organisation.objects.prefetch_related("identifiers", "other_names").get(
        pk=organisation_id
    )
    memberships = (
        visible(Membership.objects.all(), actor)
        .filter(Q(member=org) | Q(organisation=org))
        .select_related("member", "organisation", "source")
        .prefetch_related("themes")
        .order_by("organisation__name", "member__name")
    )
    twinnings = (
        visible(Twinning.objects.all(), actor)
        .filter(Q(first=org) | Q(second=org))
        .select_related("first", "second", "source")
    )
    partnerships = (
        visible(Partnership.objects.all(), actor)
        .filter(party_links__organisation=org)
        .distinct()
        .prefetch_related(
            Prefetch(
                "party_links",
                queryset=PartnershipParty.objects.select_related("organisation").order_by("pk"),
            ),
            "themes",
        )
        .select_related("coordinator", "source")
    )
    data = organisation_as_dict(org)
    data.update(
        other_names=[{"name": n.name, "kind": n.kind} for n in org.other_names.all()],
        population=org.population,
        population_year=org.population_year,
        location=(
            {"lat": org.latitude, "lon": org.longitude} if org.latitude is not None else None
        ),
        memberships=[
            {
                "id": m.pk,
                "member": m.member.name,
                "member_id": m.member_id,
                "organisation": m.organisation.name,
                "organisation_id": m.organisation_id,
                "role": m.role,
                "status": m.status,
                "current": m.is_current(on),
                "themes": [t.code for t in m.themes.all()],
                "private": m.workspace_id is not None,
                "source": m.source.title,
                **_period(m),
            }
            for m in memberships
        ],
        twinnings=[
            {
                "id": t.pk,
                "with": t.other(org.pk).name,
                "with_id": t.other(org.pk).pk,
                "country": t.other(org.pk).country,
                "kind": t.kind,
                "status": t.status,
                "source": t.source.title,
                **_period(t),
            }
            for t in twinnings
        ],
        partnerships=[
            {
                "id": p.pk,
                "name": p.name,
                "kind": p.kind,
                "coordinator": p.coordinator.name if p.coordinator else None,
                "themes": [t.code for t in p.themes.all()],
                "parties": [
                    {"id": pl.organisation_id, "name": pl.organisation.name, "role": pl.role}
                    for pl in p.party_links.all()
                ],
                "source": p.source.title,
                **_period(p),
            }
            for p in partnerships
        ],
    )
    return data


def identifier_map(scheme: str) -> dict[str, int]:
    """Identifier value → organisation id for one scheme (for importers)."""
    return dict(Identifier.objects.filter(scheme=scheme).values_list("value", "organisation_id"))
