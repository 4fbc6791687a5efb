"""The organisation page: an organisation's cooperation at a glance.

``home`` shows the organisation of the user's current workspace; ``organisation_overview``
the same page for any organisation. Everything comes from a fixed set of queries
(``organisation_overview_data``), limited to what the user may see.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from verkosto.accounts.permissions import Actor
from verkosto.accounts.workspaces import current_workspace
from verkosto.registry import models as m
from verkosto.registry.selectors.visibility import visible

UPCOMING_EVENTS = 10


@dataclass
class NetworkGroup:
    scope: str
    type: str
    current: list = field(default_factory=list)
    past: list = field(default_factory=list)


@dataclass
class Overview:
    organisation: m.Organisation
    network_groups: list[NetworkGroup]
    other_memberships: list  # in organisations that are not networks with a profile
    twinnings: list  # (twinning, the other municipality)
    partnerships: list
    goals: list
    events: list
    theme_counts: list  # (theme, count), most first
    members: int  # memberships *in* this organisation (when it is a network)


def organisation_overview_data(*, actor: Actor, organisation: m.Organisation) -> Overview:
    today = dt.date.today()
    memberships = list(
        visible(m.Membership.objects.filter(member=organisation), actor)
        .select_related("organisation__network_profile")
        .prefetch_related("themes", "organisation__network_profile__themes")
        .order_by("organisation__name")
    )
    groups: dict[tuple[str, str], NetworkGroup] = {}
    others = []
    theme_counter: Counter = Counter()
    themes_by_id = {}
    for membership in memberships:
        profile = getattr(membership.organisation, "network_profile", None)
        current = membership.is_current(today)
        if current:
            themes = {t.pk: t for t in membership.themes.all()}
            if profile:
                themes.update({t.pk: t for t in profile.themes.all()})
            themes_by_id.update(themes)
            theme_counter.update(themes.keys())
        if profile is None:
            others.append(membership)
            continue
        key = (profile.get_scope_display(), profile.get_type_display())
        group = groups.setdefault(key, NetworkGroup(*key))
        (group.current if current else group.past).append(membership)

    twinnings = [
        (tw, tw.second if tw.first_id == organisation.pk else tw.first)
        for tw in visible(
            m.Twinning.objects.filter(Q(first=organisation) | Q(second=organisation)), actor
        ).select_related("first", "second")
    ]
    twinnings.sort(key=lambda pair: str(pair[1]))
    partnerships = list(
        visible(m.Partnership.objects.filter(party_links__organisation=organisation), actor)
        .distinct()
        .order_by("-start", "name")
    )
    goals = list(
        visible(m.StrategicGoal.objects.filter(organisation=organisation), actor).order_by(
            "priority", "title"
        )
    )
    event_ids = visible(
        m.Event.objects.filter(
            Q(organiser=organisation) | Q(participants=organisation) | Q(network=organisation)
        ),
        actor,
    ).filter(start_date__gte=today)
    events = list(
        m.Event.objects.filter(pk__in=event_ids.values("pk"))
        .select_related("organiser")
        .order_by("start_date")[:UPCOMING_EVENTS]
    )
    members = visible(m.Membership.objects.filter(organisation=organisation), actor).count()
    theme_counts = sorted(
        ((themes_by_id[pk], n) for pk, n in theme_counter.items()),
        key=lambda pair: (-pair[1], str(pair[0])),
    )
    network_groups = sorted(groups.values(), key=lambda g: (g.scope, g.type))
    return Overview(
        organisation=organisation,
        network_groups=network_groups,
        other_memberships=others,
        twinnings=twinnings,
        partnerships=partnerships,
        goals=goals,
        events=events,
        theme_counts=theme_counts,
        members=members,
    )


def _render(request: HttpRequest, organisation: m.Organisation, is_home: bool) -> HttpResponse:
    overview = organisation_overview_data(actor=request.user, organisation=organisation)
    return render(
        request,
        "registry/home.html",
        {"overview": overview, "organisation": organisation, "is_home": is_home},
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    workspace = current_workspace(request)
    if workspace is None:
        return render(request, "registry/home.html", {"overview": None, "is_home": True})
    return _render(request, workspace.organisation, is_home=True)


@login_required
def organisation_overview(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(m.Organisation, pk=pk)
    return _render(request, organisation, is_home=False)
