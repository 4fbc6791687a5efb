"""Reading what the scoring model needs for one organisation, year and workspace.

Everything comes from a fixed number of queries whatever the number of memberships, so the
review page, the report and the benchmark cost the same per organisation. What a
workspace sees: public registry facts plus its own private ones (memberships, goals,
events), and only its own costs and outcomes.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from verkosto.accounts.models import Workspace
from verkosto.portfolio import scoring
from verkosto.portfolio.models import CostKind, CostLine, Outcome, ScoringWeights
from verkosto.registry.models import (
    Event,
    Membership,
    MembershipFee,
    Organisation,
    StrategicGoal,
    Theme,
)
from verkosto.registry.models.base import Period


def workspace_visible_q(workspace: Workspace, prefix: str = "") -> Q:
    """Public facts and the workspace's private ones (the workspace's, not a user's, view)."""
    return Q(**{f"{prefix}workspace__isnull": True}) | Q(**{f"{prefix}workspace": workspace})


def review_day(year: int, today: dt.date | None = None) -> dt.date:
    """The day whose memberships and goals a review of ``year`` looks at: the end of that
    year, or today while the year is still running."""
    today = today or dt.date.today()
    return min(today, dt.date(year, 12, 31))


@dataclass(frozen=True)
class CostRow:
    """A cost of a membership in a year, from a cost line or from registry's fee."""

    membership_id: int
    year: int
    kind: str
    amount: Decimal
    currency: str
    note: str = ""
    cost_line_id: int | None = None  # None for a fee (registry.MembershipFee)
    staff_hours: Decimal | None = None
    hourly_rate: Decimal | None = None

    @property
    def kind_label(self) -> str:
        return CostKind(self.kind).label


@dataclass
class PortfolioData:
    """The scoring input and what the pages show next to the scores."""

    organisation: Organisation
    year: int
    day: dt.date
    portfolio: scoring.PortfolioInput
    memberships: dict[int, Membership]  # id → membership (network and themes loaded)
    costs: dict[int, list[CostRow]] = field(default_factory=dict)
    outcomes: dict[int, list[Outcome]] = field(default_factory=dict)
    events: dict[int, list[Event]] = field(default_factory=dict)
    goals: list[StrategicGoal] = field(default_factory=list)
    themes: dict[int, Theme] = field(default_factory=dict)  # every theme named on the page


def current_memberships(
    workspace: Workspace, organisation: Organisation, day: dt.date
) -> list[Membership]:
    return list(
        Membership.objects.filter(member=organisation)
        .filter(workspace_visible_q(workspace), Period.current_q(day))
        .select_related("organisation__network_profile")
        .prefetch_related("themes", "organisation__network_profile__themes")
        .order_by("organisation__name", "pk")
    )


def membership_themes(membership: Membership) -> dict[int, Theme]:
    """The membership's own themes ∪ its network's profile themes (prefetched)."""
    themes = {t.pk: t for t in membership.themes.all()}
    profile = getattr(membership.organisation, "network_profile", None)
    if profile is not None:
        themes.update({t.pk: t for t in profile.themes.all()})
    return themes


def cost_rows(
    workspace: Workspace, membership_ids: list[int], years: range | None = None
) -> list[CostRow]:
    """Cost lines and fees as one list. Fees stay in registry.MembershipFee (entered once,
    there) and become kind "fee" rows here; see portfolio.models.costs."""
    lines = CostLine.objects.filter(workspace=workspace, membership_id__in=membership_ids)
    fees = MembershipFee.objects.filter(workspace=workspace, membership_id__in=membership_ids)
    if years is not None:
        lines = lines.filter(year__gte=years.start, year__lt=years.stop)
        fees = fees.filter(year__gte=years.start, year__lt=years.stop)
    rows = [
        CostRow(f.membership_id, f.year, scoring.CostKind.FEE, f.amount, f.currency, f.note)
        for f in fees
    ]
    rows += [
        CostRow(
            c.membership_id,
            c.year,
            c.kind,
            c.amount,
            c.currency,
            c.note,
            c.pk,
            c.staff_hours,
            c.hourly_rate,
        )
        for c in lines
    ]
    rows.sort(key=lambda r: (r.membership_id, -r.year, r.kind, r.cost_line_id or 0))
    return rows


def main_currency(rows: list[CostRow]) -> str:
    """The currency most costs are in; sums ignore the others (no exchange rates here)."""
    counts = Counter(r.currency for r in rows)
    return counts.most_common(1)[0][0] if counts else "EUR"


def theme_lineage() -> dict[int, frozenset[int]]:
    """Theme id → its broader themes (all of them, up the tree); one query."""
    parent = dict(Theme.objects.values_list("pk", "parent_id"))
    lineage = {}
    for pk in parent:
        seen: set[int] = set()
        up = parent.get(pk)
        while up is not None and up not in seen:
            seen.add(up)
            up = parent.get(up)
        lineage[pk] = frozenset(seen)
    return lineage


def current_goals(
    workspace: Workspace, organisation: Organisation, day: dt.date
) -> list[StrategicGoal]:
    return list(
        StrategicGoal.objects.filter(organisation=organisation)
        .filter(workspace_visible_q(workspace), Period.current_q(day))
        .prefetch_related("themes")
        .order_by("priority", "title", "pk")
    )


def weights_for(workspace: Workspace) -> scoring.Weights:
    row = ScoringWeights.objects.filter(workspace=workspace).first()
    if row is None:
        return scoring.DEFAULT_WEIGHTS
    return scoring.Weights(
        fit=row.fit,
        value=row.value,
        activity=row.activity,
        cost=row.cost,
        redundancy=row.redundancy,
        retain_at=row.retain_at,
        drop_below=row.drop_below,
    )


def portfolio_data(
    *,
    workspace: Workspace,
    organisation: Organisation,
    year: int,
    today: dt.date | None = None,
    memberships: list[Membership] | None = None,
) -> PortfolioData:
    """Everything the scoring model and the review cards need, in a fixed number of
    queries. ``memberships`` overrides "current on the review day" (a closed review
    scores the memberships it evaluated)."""
    day = review_day(year, today)
    ms = (
        memberships
        if memberships is not None
        else current_memberships(workspace, organisation, day)
    )
    by_id = {m.pk: m for m in ms}
    ids = list(by_id)
    by_network: dict[int, list[int]] = defaultdict(list)
    for m in ms:
        by_network[m.organisation_id].append(m.pk)
    window = range(year - scoring.WINDOW + 1, year + 1)

    rows = cost_rows(workspace, ids, window)
    currency = main_currency(rows)
    costs: dict[int, list[CostRow]] = defaultdict(list)
    for r in rows:
        costs[r.membership_id].append(r)

    outcomes: dict[int, list[Outcome]] = defaultdict(list)
    year_end = dt.date(year, 12, 31)
    for o in (
        Outcome.objects.filter(workspace=workspace, date__lte=year_end)
        .filter(Q(membership_id__in=ids) | Q(event__network_id__in=list(by_network)))
        .select_related("event")
        .order_by("-date", "pk")
    ):
        # An outcome of an event counts for the membership in the event's network.
        targets = (
            [o.membership_id]
            if o.membership_id in by_id
            else by_network.get(o.event.network_id if o.event else None, [])[:1]
        )
        for t in targets:
            outcomes[t].append(o)

    events: dict[int, list[Event]] = defaultdict(list)
    for e in (
        Event.objects.filter(
            participants=organisation,
            network_id__in=list(by_network),
            start_date__lte=year_end,
        )
        .filter(workspace_visible_q(workspace))
        .order_by("-start_date", "pk")
    ):
        for mid in by_network.get(e.network_id, []):
            events[mid].append(e)

    goals = current_goals(workspace, organisation, day)
    goal_themes: dict[int, int] = {}
    themes: dict[int, Theme] = {}
    for g in goals:
        for t in g.themes.all():
            themes[t.pk] = t
            goal_themes[t.pk] = min(goal_themes.get(t.pk, 3), g.priority)

    inputs = []
    for m in ms:
        own = membership_themes(m)
        themes.update(own)
        inputs.append(
            scoring.MembershipInput(
                key=m.pk,
                network_id=m.organisation_id,
                themes=frozenset(own),
                start_year=m.start.year if m.start else None,
                costs=tuple(
                    scoring.CostItem(r.year, r.kind, r.amount)
                    for r in costs[m.pk]
                    if r.currency == currency
                ),
                outcomes=tuple(
                    scoring.OutcomeItem(
                        o.date,
                        o.type,
                        o.value_estimate if o.currency == currency else None,
                    )
                    for o in outcomes[m.pk]
                ),
                event_dates=tuple(e.start_date for e in events[m.pk]),
            )
        )
    portfolio = scoring.PortfolioInput(
        year=year,
        memberships=tuple(inputs),
        goal_themes=goal_themes,
        lineage=theme_lineage(),
        currency=currency,
    )
    return PortfolioData(
        organisation=organisation,
        year=year,
        day=day,
        portfolio=portfolio,
        memberships=by_id,
        costs=dict(costs),
        outcomes=dict(outcomes),
        events=dict(events),
        goals=goals,
        themes=themes,
    )
