"""What each record's detail page shows, read in a fixed number of queries.

Every function takes the ``actor`` and returns the record (raising ``DoesNotExist`` for a
record the actor may not see: a private fact of another workspace) and its related facts,
all limited to what the actor may see. Related lists are loaded whole with
``select_related``/``prefetch_related`` so the number of queries never grows with them.
"""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from verkosto.accounts.permissions import Actor
from verkosto.registry import models as m
from verkosto.registry.selectors.visibility import private_q, visible

# How many facts per kind a source page lists (with the total count).
SOURCE_FACTS_SHOWN = 50


def _memberships(actor: Actor) -> QuerySet:
    return (
        visible(m.Membership.objects.all(), actor)
        .select_related("member", "organisation", "workspace")
        .prefetch_related("themes")
    )


def _parties() -> Prefetch:
    return Prefetch(
        "party_links",
        queryset=m.PartnershipParty.objects.select_related("organisation").order_by(
            "organisation__name", "pk"
        ),
    )


def organisation_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    org = (
        m.Organisation.objects.select_related(
            "parent", "successor", "source", "network_profile__secretariat"
        )
        .prefetch_related("identifiers", "other_names", "network_profile__themes")
        .get(pk=pk)
    )
    try:
        profile = org.network_profile
    except m.NetworkProfile.DoesNotExist:
        profile = None
    memberships = _memberships(actor)
    return {
        "object": org,
        "profile": profile,
        "networks": list(memberships.filter(member=org).order_by("organisation__name", "pk")),
        "members": list(memberships.filter(organisation=org).order_by("member__name", "pk")),
        "twinnings": [
            (t, t.other(org.pk))
            for t in visible(m.Twinning.objects.all(), actor)
            .filter(Q(first=org) | Q(second=org))
            .select_related("first", "second", "workspace")
            .order_by("pk")
        ],
        "partnerships": list(
            visible(m.Partnership.objects.all(), actor)
            .filter(party_links__organisation=org)
            .distinct()
            .prefetch_related(_parties())
            .order_by("name", "pk")
        ),
        "goals": list(
            visible(m.StrategicGoal.objects.all(), actor)
            .filter(organisation=org)
            .prefetch_related("themes")
            .order_by("priority", "title", "pk")
        ),
        "events": list(
            visible(m.Event.objects.all(), actor)
            .filter(Q(organiser=org) | Q(network=org) | Q(participants=org))
            .distinct()
            .select_related("organiser")
            .order_by("-start_date", "pk")
        ),
    }


def membership_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    membership = (
        _memberships(actor).select_related("source", "organisation__network_profile").get(pk=pk)
    )
    return {
        "object": membership,
        # Always private: only the reader's own workspaces' fees and contacts.
        "fees": list(
            m.MembershipFee.objects.filter(private_q(actor), membership=membership)
            .select_related("workspace", "source")
            .order_by("-year", "pk")
        ),
        "contacts": list(
            m.MembershipContact.objects.filter(private_q(actor), membership=membership)
            .select_related("workspace", "person")
            .order_by("person__name", "pk")
        ),
    }


def twinning_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    twinning = (
        visible(m.Twinning.objects.all(), actor)
        .select_related("first", "second", "source", "workspace")
        .get(pk=pk)
    )
    return {"object": twinning}


def partnership_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    partnership = (
        visible(m.Partnership.objects.all(), actor)
        .select_related("coordinator", "source", "workspace")
        .prefetch_related(_parties(), "themes")
        .get(pk=pk)
    )
    return {"object": partnership, "parties": list(partnership.party_links.all())}


def theme_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    theme = m.Theme.objects.select_related("parent").prefetch_related("children").get(pk=pk)
    return {
        "object": theme,
        "children": sorted(theme.children.all(), key=lambda t: t.code),
        "networks": list(
            m.Organisation.objects.filter(network_profile__themes=theme).order_by("name", "pk")
        ),
        "memberships": list(
            _memberships(actor).filter(themes=theme).order_by("organisation__name", "pk")
        ),
        "goals": list(
            visible(m.StrategicGoal.objects.all(), actor)
            .filter(themes=theme)
            .select_related("organisation")
            .order_by("title", "pk")
        ),
        "partnerships": list(
            visible(m.Partnership.objects.all(), actor).filter(themes=theme).order_by("name", "pk")
        ),
    }


def goal_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    goal = (
        visible(m.StrategicGoal.objects.all(), actor)
        .select_related("organisation", "source", "workspace")
        .prefetch_related("themes")
        .get(pk=pk)
    )
    return {"object": goal}


def event_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    event = (
        visible(m.Event.objects.all(), actor)
        .select_related("organiser", "network", "source", "workspace")
        .prefetch_related(
            Prefetch("participants", queryset=m.Organisation.objects.order_by("name")), "themes"
        )
        .get(pk=pk)
    )
    return {"object": event}


def source_page(*, actor: Actor, pk: int) -> dict[str, Any]:
    """The source and the facts that cite it, per kind: the first ones and how many."""
    source = m.Source.objects.get(pk=pk)
    kinds = [
        ("organisation", m.Organisation.objects.all()),
        ("membership", _memberships(actor)),
        ("twinning", visible(m.Twinning.objects.select_related("first", "second"), actor)),
        ("partnership", visible(m.Partnership.objects.all(), actor)),
        ("goal", visible(m.StrategicGoal.objects.all(), actor)),
        ("event", visible(m.Event.objects.all(), actor)),
    ]
    cited = []
    for kind, queryset in kinds:
        rows = list(queryset.filter(source=source).order_by("pk")[: SOURCE_FACTS_SHOWN + 1])
        cited.append(
            {
                "kind": kind,
                "label": queryset.model._meta.verbose_name_plural,
                "rows": rows[:SOURCE_FACTS_SHOWN],
                "more": len(rows) > SOURCE_FACTS_SHOWN,
            }
        )
    return {"object": source, "cited": cited, "cited_any": any(g["rows"] for g in cited)}
