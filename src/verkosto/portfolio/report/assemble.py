"""Reading one organisation's portfolio for a year into a ``data.Report``.

A fixed number of queries whatever the number of memberships (the scoring input of
``selectors.inputs.portfolio_data`` plus a handful here). When the year has a review, its
evaluations give the decisions, and a decided (or closed) evaluation gives the score and
reasons stored with the decision, as the review page shows them; otherwise the model's
live recommendation is reported, with no decisions.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone, translation

from verkosto.accounts.models import Workspace
from verkosto.portfolio import scoring
from verkosto.portfolio.models import (
    CostKind,
    CostLine,
    Decision,
    Evaluation,
    Indicator,
    Outcome,
    Recommendation,
    Review,
    ReviewStatus,
)
from verkosto.portfolio.reasons import Labels, reason_labels, render_reasons
from verkosto.portfolio.report.data import (
    COST_KINDS,
    HISTORY_YEARS,
    DecisionRow,
    GapRow,
    IndicatorRow,
    MembershipRow,
    OutcomeRow,
    Report,
)
from verkosto.portfolio.report.gaps import unserved_goal_themes
from verkosto.portfolio.report.labels import LABELS
from verkosto.portfolio.selectors.inputs import (
    PortfolioData,
    cost_rows,
    portfolio_data,
    weights_for,
)
from verkosto.registry.models import Membership, Organisation


def report_assemble(
    *,
    workspace: Workspace,
    organisation: Organisation,
    year: int,
    language: str,
    today: dt.date | None = None,
) -> Report:
    """The report in ``language`` (the caller has checked that the reader may see the
    workspace's private data)."""
    with translation.override(language):
        return _assemble(workspace, organisation, year, language, today)


def _assemble(
    workspace: Workspace,
    organisation: Organisation,
    year: int,
    language: str,
    today: dt.date | None,
) -> Report:
    review = Review.objects.filter(
        workspace=workspace, organisation=organisation, year=year
    ).first()
    evaluations: list[Evaluation] = []
    memberships = None
    if review is not None:
        evaluations = list(
            review.evaluations.select_related("network", "decided_by")
            .prefetch_related("follow_up")
            .order_by("network__name", "pk")
        )
        if not review.is_open:
            # A closed review reports the memberships it evaluated, as the review page does.
            memberships = list(
                Membership.objects.filter(
                    pk__in=[e.membership_id for e in evaluations if e.membership_id]
                )
                .select_related("organisation__network_profile")
                .prefetch_related("themes", "organisation__network_profile__themes")
                .order_by("organisation__name", "pk")
            )
    data = portfolio_data(
        workspace=workspace,
        organisation=organisation,
        year=year,
        today=today,
        memberships=memberships,
    )
    results = {r.key: r for r in scoring.score_portfolio(data.portfolio, weights_for(workspace))}
    by_network = {e.network_id: e for e in evaluations}
    currency = data.portfolio.currency

    report = Report(
        organisation=str(organisation),
        workspace=str(workspace),
        year=year,
        language=language,
        currency=currency,
        generated_at=timezone.now(),
        review_status=review.status if review else "",
        review_status_label=_review_status_label(review),
        kind_labels={k: str(CostKind(k).label) for k in COST_KINDS},
        has_goals=bool(data.goals),
    )
    report.memberships = _membership_rows(data, results, by_network, review)
    report.cost_years, report.cost_history = _cost_history(workspace, data, year, currency)
    report.outcome_types, report.outcomes = _outcomes(data, year, currency)
    report.gaps = _gaps(data)
    report.idle = sorted(
        str(data.memberships[k].organisation)
        for k, r in results.items()
        if r.criteria.get("fit") == 0
    )
    report.decisions = _decisions(evaluations)
    report.indicators = _indicators(workspace, organisation, year)
    report.sample = _has_sample_figures(workspace, list(data.memberships))
    return report


def _review_status_label(review: Review | None) -> str:
    if review is None:
        return ""
    key = "review_open" if review.status == ReviewStatus.OPEN else "review_closed"
    return str(LABELS[key])


def _membership_rows(
    data: PortfolioData,
    results: dict[int, scoring.Result],
    by_network: dict[int, Evaluation],
    review: Review | None,
) -> list[MembershipRow]:
    closed = review is not None and not review.is_open
    window_start = data.year - scoring.WINDOW + 1
    currency = data.portfolio.currency
    chosen: dict[int, tuple[Evaluation | None, bool]] = {}
    reason_dicts: dict[int, list] = {}
    for key, membership in data.memberships.items():
        evaluation = by_network.get(membership.organisation_id)
        stored = evaluation is not None and bool(evaluation.decision or closed)
        chosen[key] = (evaluation, stored)
        live = results.get(key)
        reason_dicts[key] = (
            evaluation.reasons if stored else [r.as_dict() for r in live.reasons] if live else []
        )
    found = reason_labels(reason_dicts.values())
    networks = {m.organisation_id: str(m.organisation) for m in data.memberships.values()}
    labels = Labels(
        themes={**{k: str(v) for k, v in data.themes.items()}, **found.themes},
        networks={**networks, **found.networks},
    )
    rows = []
    for key, membership in data.memberships.items():
        evaluation, stored = chosen[key]
        live = results.get(key)
        if stored:
            criteria = {
                "fit": evaluation.fit_score,
                "value": evaluation.value_score,
                "activity": evaluation.activity_score,
                "cost": evaluation.cost_score,
                "redundancy": evaluation.redundancy_score,
            }
            score, rec = evaluation.score, evaluation.recommendation
        elif live is not None:
            criteria, score, rec = live.criteria, live.score, live.recommendation.value
        else:
            criteria, score, rec = {}, None, ""
        costs = [r for r in data.costs.get(key, []) if r.currency == currency]
        by_kind = scoring.cost_by_kind(
            [scoring.CostItem(r.year, r.kind, r.amount) for r in costs], data.year
        )
        recent = [o for o in data.outcomes.get(key, []) if o.date.year >= window_start]
        decision = evaluation.decision if evaluation else ""
        rows.append(
            MembershipRow(
                network=networks[membership.organisation_id],
                role=membership.get_role_display(),
                since=membership.start.year if membership.start else None,
                year_cost=(
                    sum(by_kind.values(), Decimal(0))
                    if any(r.year == data.year for r in costs)
                    else None
                ),
                cost_by_kind=by_kind,
                yearly_cost=live.yearly_cost if live else None,
                outcome_count=len(recent),
                outcome_value=sum(
                    (o.value_estimate or Decimal(0) for o in recent if o.currency == currency),
                    Decimal(0),
                ),
                score=score,
                criteria=criteria,
                recommendation=rec,
                recommendation_label=str(Recommendation(rec).label) if rec else "",
                decision=decision,
                decision_label=str(Decision(decision).label) if decision else "",
                reasons=render_reasons(reason_dicts[key], labels),
                uniqueness=live.criteria.get("redundancy") if live else None,
                overlaps=tuple(
                    (labels.networks.get(n, "?"), count)
                    for n, count in (live.overlaps if live else ())
                ),
            )
        )
    rows.sort(key=lambda r: r.network.casefold())
    return rows


def _cost_history(
    workspace: Workspace, data: PortfolioData, year: int, currency: str
) -> tuple[list[int], dict[int, dict[str, Decimal]]]:
    years = list(range(year - HISTORY_YEARS + 1, year + 1))
    history = {y: {k: Decimal(0) for k in COST_KINDS} for y in years}
    for row in cost_rows(workspace, list(data.memberships), range(years[0], year + 1)):
        if row.currency == currency:
            history[row.year][row.kind] += row.amount
    return years, history


def _outcomes(
    data: PortfolioData, year: int, currency: str
) -> tuple[list[tuple[str, int, Decimal]], list[OutcomeRow]]:
    seen: set[int] = set()
    rows = []
    by_type: dict[str, list] = defaultdict(lambda: [0, Decimal(0)])
    for key, outcomes in data.outcomes.items():
        network = str(data.memberships[key].organisation)
        for o in outcomes:
            if o.date.year != year or o.pk in seen:
                continue
            seen.add(o.pk)
            value = o.value_estimate if o.currency == currency else None
            label = o.get_type_display()
            by_type[label][0] += 1
            by_type[label][1] += value or Decimal(0)
            rows.append(OutcomeRow(o.date, label, o.title, network, value))
    rows.sort(key=lambda r: (-(r.value or 0), r.date, r.title))
    types = sorted(((k, n, v) for k, (n, v) in by_type.items()), key=lambda t: (-t[1], t[0]))
    return types, rows


def _gaps(data: PortfolioData) -> list[GapRow]:
    goal_themes = data.portfolio.goal_themes
    unserved = unserved_goal_themes(
        list(goal_themes),
        [m.themes for m in data.portfolio.memberships],
        data.portfolio.lineage,
    )
    goals_of: dict[int, list[str]] = defaultdict(list)
    for g in data.goals:
        for t in g.themes.all():
            goals_of[t.pk].append(str(g))
    rows = [
        GapRow(
            theme=str(data.themes.get(t, t)),
            goals="; ".join(goals_of.get(t, [])),
            priority=goal_themes[t],
        )
        for t in unserved
    ]
    return sorted(rows, key=lambda r: (r.priority, r.theme.casefold()))


def _decisions(evaluations: list[Evaluation]) -> list[DecisionRow]:
    rows = []
    for e in evaluations:
        if not e.decision:
            continue
        # A missing one-to-one raises an AttributeError subclass, which getattr absorbs.
        follow = getattr(e, "follow_up", None)
        rows.append(
            DecisionRow(
                network=str(e.network),
                recommendation_label=(
                    str(Recommendation(e.recommendation).label) if e.recommendation else ""
                ),
                score=e.score,
                decision_label=e.get_decision_display(),
                rationale=e.rationale,
                decided_by=str(e.decided_by) if e.decided_by else "",
                decided_at=e.decided_at,
                follow_up=follow.what if follow else "",
                due_date=follow.due_date if follow else None,
            )
        )
    return sorted(rows, key=lambda r: r.network.casefold())


def _indicators(workspace: Workspace, organisation: Organisation, year: int) -> list[IndicatorRow]:
    year_end = dt.date(year, 12, 31)
    indicators = (
        Indicator.objects.filter(workspace=workspace)
        .filter(
            Q(organisation=organisation)
            | Q(goal__organisation=organisation)
            | Q(membership__member=organisation)
        )
        .select_related("owner", "organisation", "goal", "membership__organisation")
        .prefetch_related("values")
        .order_by("name", "pk")
    )
    rows = []
    for i in indicators:
        values = tuple((v.date, v.value) for v in i.values.all() if v.date <= year_end)
        latest = values[-1] if values else None
        attached = i.goal or (i.membership.organisation if i.membership else None) or i.organisation
        on_track = None
        if latest is not None and i.target is not None:
            on_track = latest[1] >= i.target if i.direction == "up" else latest[1] <= i.target
        rows.append(
            IndicatorRow(
                name=i.name,
                unit=i.unit,
                attached_to=str(attached or ""),
                owner=str(i.owner),
                direction_label=str(i.get_direction_display()),
                baseline=i.baseline,
                baseline_year=i.baseline_year,
                target=i.target,
                target_year=i.target_year,
                latest=latest[1] if latest else None,
                latest_date=latest[0] if latest else None,
                on_track=on_track,
                values=values,
            )
        )
    return rows


def _has_sample_figures(workspace: Workspace, membership_ids: list[int]) -> bool:
    return (
        CostLine.objects.filter(
            workspace=workspace, membership_id__in=membership_ids, source__is_sample=True
        ).exists()
        or Outcome.objects.filter(workspace=workspace, source__is_sample=True).exists()
    )
