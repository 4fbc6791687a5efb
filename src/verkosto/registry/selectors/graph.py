"""The data behind the network map and the twin-town map.

Each function reads whole sets (all the links of one organisation, all the other
memberships of a network's members) in a fixed number of queries, whatever the number of
nodes, and returns plain dictionaries the page renders as a table and the browser draws.
Visibility applies as everywhere: public facts plus the actor's workspaces' private ones.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pycountry
from django.db.models import Prefetch, Q, QuerySet

from verkosto.accounts.permissions import Actor
from verkosto.registry.models import (
    Membership,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipParty,
    Theme,
    Twinning,
)
from verkosto.registry.models.base import Period
from verkosto.registry.selectors.visibility import visible

# A node's or an edge's URL, given the kind of record and its id; the view supplies it so
# this module needs no knowledge of which pages exist yet.
UrlFor = Callable[[str, int], str | None]

CENTRE, NEAR, FAR = "centre", "near", "far"


def theme_with_descendants(code: str | None) -> set[int] | None:
    """Ids of the theme ``code`` and every narrower theme; None when no theme is asked.

    A filter on "climate" should also find what is filed under "carbon neutrality". One
    query reads the whole (small) hierarchy.
    """
    if not code:
        return None
    rows = list(Theme.objects.values_list("pk", "parent_id", "code"))
    children: dict[int | None, list[int]] = defaultdict(list)
    root = None
    for pk, parent_id, theme_code in rows:
        children[parent_id].append(pk)
        if theme_code == code:
            root = pk
    if root is None:
        return set()
    found, stack = set(), [root]
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children[pk])
    return found


def _membership_theme_q(theme_ids: set[int], prefix: str = "") -> Q:
    """A membership is on a theme when it or its network's profile names the theme."""
    return Q(**{f"{prefix}themes__in": theme_ids}) | Q(
        **{f"{prefix}organisation__network_profile__themes__in": theme_ids}
    )


def _period_text(obj) -> str:
    start = str(obj.start_partial) if obj.start else ""
    end = str(obj.end_partial) if obj.end else ""
    return f"{start}–{end}" if start or end else ""


def _node(org: Organisation, ring: str, url_for: UrlFor) -> dict[str, Any]:
    return {
        "id": f"o{org.pk}",
        "pk": org.pk,
        "label": str(org),
        "kind": org.kind,
        "kind_label": str(org.get_kind_display()),
        "ring": ring,
        "url": url_for("organisation", org.pk),
    }


class _Graph:
    """Nodes by id (first ring wins) and edges, in the order they were added."""

    def __init__(self, url_for: UrlFor):
        self.url_for = url_for
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, Any]] = []

    def org(self, org: Organisation, ring: str) -> str:
        node_id = f"o{org.pk}"
        self.nodes.setdefault(node_id, _node(org, ring, self.url_for))
        return node_id

    def edge(self, source: str, target: str, kind: str, **data: Any) -> None:
        self.edges.append(
            {"id": f"e{len(self.edges)}", "source": source, "target": target, "kind": kind, **data}
        )

    def as_dict(self, **extra: Any) -> dict[str, Any]:
        return {"nodes": list(self.nodes.values()), "edges": self.edges, **extra}


def _memberships(actor: Actor, on: dt.date | None) -> QuerySet:
    queryset = visible(Membership.objects.all(), actor).select_related("member", "organisation")
    return queryset.filter(Period.current_q(on)) if on else queryset


def _membership_edge(graph: _Graph, m: Membership, source: str, target: str, on) -> None:
    graph.edge(
        source,
        target,
        "membership",
        label=str(m.get_role_display()),
        status=m.status,
        status_label=str(m.get_status_display()),
        period=_period_text(m),
        current=m.is_current(on),
        private=m.workspace_id is not None,
        weight=1,
    )


def _organisation_graph(
    graph: _Graph, org: Organisation, *, actor, on, theme_ids, today
) -> dict[str, Any]:
    """The organisation, the networks it belongs to, its own members (an association),
    the parties of its partnerships and its twin towns."""
    centre = graph.org(org, CENTRE)
    memberships = _memberships(actor, on).filter(Q(member=org) | Q(organisation=org))
    if theme_ids is not None:
        memberships = memberships.filter(_membership_theme_q(theme_ids)).distinct()
    for m in memberships.order_by("organisation__name", "member__name", "pk"):
        if m.member_id == org.pk:
            _membership_edge(graph, m, centre, graph.org(m.organisation, NEAR), on or today)
        else:
            _membership_edge(graph, m, graph.org(m.member, NEAR), centre, on or today)

    partnerships = visible(Partnership.objects.all(), actor).filter(party_links__organisation=org)
    if on:
        partnerships = partnerships.filter(Period.current_q(on))
    if theme_ids is not None:
        partnerships = partnerships.filter(themes__in=theme_ids)
    partnerships = partnerships.distinct().prefetch_related(
        Prefetch(
            "party_links",
            queryset=PartnershipParty.objects.select_related("organisation").order_by(
                "organisation__name", "pk"
            ),
        )
    )
    for p in partnerships.order_by("name", "pk"):
        node_id = f"p{p.pk}"
        graph.nodes[node_id] = {
            "id": node_id,
            "pk": p.pk,
            "label": str(p),
            "kind": "partnership",
            "kind_label": str(p.get_kind_display()),
            "ring": NEAR,
            "url": graph.url_for("partnership", p.pk),
        }
        seen: set[int] = set()
        for link in p.party_links.all():
            if link.organisation_id in seen:  # one party may hold two roles
                continue
            seen.add(link.organisation_id)
            party = centre if link.organisation_id == org.pk else graph.org(link.organisation, FAR)
            graph.edge(
                party,
                node_id,
                "partnership",
                label=str(link.get_role_display()),
                period=_period_text(p),
                current=p.is_current(on or today),
                private=p.workspace_id is not None,
                weight=1,
            )

    # Twinnings carry no themes: a theme filter leaves them out rather than guess.
    if theme_ids is None:
        twinnings = (
            visible(Twinning.objects.all(), actor)
            .filter(Q(first=org) | Q(second=org))
            .select_related("first", "second")
        )
        if on:
            twinnings = twinnings.filter(Period.current_q(on))
        for t in twinnings.order_by("pk"):
            other = t.second if t.first_id == org.pk else t.first
            graph.edge(
                centre,
                graph.org(other, NEAR),
                "twinning",
                label=str(t.get_kind_display()),
                status=t.status,
                status_label=str(t.get_status_display()),
                period=_period_text(t),
                current=t.is_current(on or today),
                private=t.workspace_id is not None,
                weight=1,
            )
    return graph.as_dict(mode="organisation", member_count=None)


def _network_graph(
    graph: _Graph, network: Organisation, *, actor, on, theme_ids, today
) -> dict[str, Any]:
    """The network, its members, and the other networks its members share with it; the
    edge to another network is as wide as the number of members the two share."""
    centre = graph.org(network, CENTRE)
    members = list(
        _memberships(actor, on).filter(organisation=network).order_by("member__name", "pk")
    )
    member_ids = set()
    for m in members:
        member_ids.add(m.member_id)
        _membership_edge(graph, m, graph.org(m.member, NEAR), centre, on or today)

    others = (
        _memberships(actor, on)
        .filter(member_id__in=member_ids)
        .exclude(organisation=network)
        .exclude(organisation_id__in=member_ids)
    )
    if theme_ids is not None:
        others = others.filter(_membership_theme_q(theme_ids)).distinct()
    shared: dict[int, set[int]] = defaultdict(set)
    other_orgs: dict[int, Organisation] = {}
    for m in others:
        shared[m.organisation_id].add(m.member_id)
        other_orgs[m.organisation_id] = m.organisation
    ranked = sorted(other_orgs.values(), key=lambda o: (-len(shared[o.pk]), str(o), o.pk))
    for other in ranked:
        count = len(shared[other.pk])
        graph.edge(
            centre,
            graph.org(other, FAR),
            "shared",
            label=str(count),
            shared_members=count,
            current=True,
            private=False,
            weight=count,
        )
    return graph.as_dict(mode="network", member_count=len(member_ids))


def organisation_graph(
    *,
    actor: Actor,
    organisation_id: int,
    url_for: UrlFor,
    on: dt.date | None = None,
    theme: str | None = None,
) -> dict[str, Any]:
    """Nodes and edges around one organisation, for the network map and its table.

    A network shows its members and the networks they share; any other organisation
    shows its networks, members, partnerships and twin towns. ``on`` keeps only what is
    current on that day (without it, past links come too, marked not current); ``theme``
    (a code) keeps links on that theme or a narrower one. Raises Organisation.DoesNotExist.
    """
    org = Organisation.objects.get(pk=organisation_id)
    theme_ids = theme_with_descendants(theme)
    graph = _Graph(url_for)
    build = _network_graph if org.kind == OrganisationKind.NETWORK else _organisation_graph
    data = build(graph, org, actor=actor, on=on, theme_ids=theme_ids, today=dt.date.today())
    data.update(
        centre={"id": f"o{org.pk}", "pk": org.pk, "label": str(org), "kind": org.kind},
        filters={"on": on.isoformat() if on else None, "theme": theme or None},
    )
    return data


@lru_cache(maxsize=512)
def iso_numeric(alpha2: str) -> str | None:
    """ISO 3166-1 numeric code ("246" for FI): the id of a country in the world-atlas
    outline the twin-town map draws."""
    country = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return country.numeric if country else None


def _place(org: Organisation) -> dict[str, Any]:
    """Where to draw an organisation: its coordinates, or else its country's centre (the
    browser finds it in the outline by the ISO numeric code), marked approximate."""
    exact = org.latitude is not None and org.longitude is not None
    return {
        "pk": org.pk,
        "label": str(org),
        "country": org.country,
        "country_numeric": iso_numeric(org.country),
        "lat": org.latitude if exact else None,
        "lon": org.longitude if exact else None,
        "approximate": not exact,
    }


def organisation_twin_map(
    *, actor: Actor, organisation_id: int, url_for: UrlFor, on: dt.date | None = None
) -> dict[str, Any]:
    """The organisation and its twin towns with kind, status and period (two queries)."""
    org = Organisation.objects.get(pk=organisation_id)
    today = dt.date.today()
    twinnings = (
        visible(Twinning.objects.all(), actor)
        .filter(Q(first=org) | Q(second=org))
        .select_related("first", "second")
    )
    if on:
        twinnings = twinnings.filter(Period.current_q(on))
    towns = []
    for t in twinnings:
        other = t.second if t.first_id == org.pk else t.first
        towns.append(
            {
                **_place(other),
                "url": url_for("organisation", other.pk),
                "twinning_pk": t.pk,
                "kind": t.kind,
                "kind_label": str(t.get_kind_display()),
                "status": t.status,
                "status_label": str(t.get_status_display()),
                "status_reason": t.status_reason,
                "period": _period_text(t),
                "current": t.is_current(on or today),
                "private": t.workspace_id is not None,
            }
        )
    towns.sort(key=lambda town: (town["label"], town["pk"]))
    return {
        "city": {**_place(org), "kind": org.kind, "url": url_for("organisation", org.pk)},
        "towns": towns,
        "filters": {"on": on.isoformat() if on else None},
    }
