"""What the review pages show, read in a fixed number of queries per page.

An open review scores the organisation's current memberships live; a closed one shows what
was stored when each decision was made (or when the review closed), next to the cost and
outcome data of that year.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor, readable_workspace_ids
from verkosto.portfolio import scoring
from verkosto.portfolio.models import (
    CostKind,
    Evaluation,
    FollowUp,
    Outcome,
    Recommendation,
    Review,
)
from verkosto.portfolio.reasons import Labels, reason_labels, render_reason
from verkosto.portfolio.selectors.inputs import CostRow, PortfolioData, portfolio_data, weights_for
from verkosto.registry.models import Event, Membership, Organisation, Theme

OUTCOMES_SHOWN = 5
CRITERION_LABELS = {
    "fit": _("Strategic fit"),
    "value": pgettext_lazy("criterion", "Value"),
    "activity": _("Activity"),
    "cost": _("Cost"),
    "redundancy": _("Uniqueness"),
}


@dataclass
class Card:
    """One network in a review, with what the page shows about it."""

    network: Organisation
    membership: Membership | None
    evaluation: Evaluation | None
    criteria: dict[str, float | None]
    score: float | None
    recommendation: str
    reasons: list[str]
    cost_by_kind: dict[str, Decimal] = field(default_factory=dict)
    year_cost: Decimal | None = None
    yearly_cost: Decimal | None = None
    currency: str = "EUR"
    outcomes: list[Outcome] = field(default_factory=list)
    outcome_count: int = 0
    events: list[Event] = field(default_factory=list)
    fit_themes: list[Theme] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    overlaps: list[Organisation] = field(default_factory=list)

    form: object = None  # the decision form, set by the view for editors of an open review

    @property
    def criteria_rows(self) -> list[tuple[str, float | None]]:
        return [(CRITERION_LABELS[c], self.criteria.get(c)) for c in scoring.CRITERIA]

    @property
    def cost_rows(self) -> list[tuple[str, Decimal]]:
        """The kinds with a cost this year, for "€39,400 (fee €6,400, travel €2,800)"."""
        return [(CostKind(k).label, a) for k, a in self.cost_by_kind.items() if a]

    @property
    def recommendation_label(self) -> str:
        return Recommendation(self.recommendation).label if self.recommendation else ""

    @property
    def reason_text(self) -> str:
        text = ", ".join(self.reasons)
        return text[:1].upper() + text[1:]


@dataclass
class ReviewPage:
    review: Review
    cards: list[Card]
    joins: list[Card]
    currency: str
    weights: scoring.Weights
    total_cost: Decimal
    decided: int


def reviews_readable(actor: Actor) -> QuerySet:
    ids = readable_workspace_ids(actor)
    qs = Review.objects.select_related("organisation", "workspace", "opened_by", "closed_by")
    return qs if ids is None else qs.filter(workspace_id__in=ids)


def review_list(*, actor: Actor, workspace: Workspace) -> QuerySet:
    return reviews_readable(actor).filter(workspace=workspace).order_by("-year", "pk")


def _stored_criteria(e: Evaluation) -> dict[str, float | None]:
    return {
        "fit": e.fit_score,
        "value": e.value_score,
        "activity": e.activity_score,
        "cost": e.cost_score,
        "redundancy": e.redundancy_score,
    }


def _card(
    data: PortfolioData,
    membership: Membership,
    *,
    evaluation: Evaluation | None,
    result: scoring.Result | None,
    networks: dict[int, Organisation],
    theme_ids: frozenset[int],
) -> Card:
    rows: list[CostRow] = data.costs.get(membership.pk, [])
    currency = data.portfolio.currency
    by_kind = scoring.cost_by_kind(
        [scoring.CostItem(r.year, r.kind, r.amount) for r in rows if r.currency == currency],
        data.year,
    )
    has_year = any(r.year == data.year for r in rows)
    outcomes = data.outcomes.get(membership.pk, [])
    window_start = data.year - scoring.WINDOW + 1
    own = sorted((data.themes[t] for t in theme_ids), key=lambda t: str(t))
    if result is not None:
        criteria, score, rec = result.criteria, result.score, result.recommendation.value
        fit = [data.themes[t] for t in sorted(result.matched_themes) if t in data.themes]
        overlaps = [networks[n] for n, _count in result.overlaps if n in networks]
        yearly = result.yearly_cost
    else:
        criteria, score, rec = {}, None, ""
        fit, overlaps, yearly = [], [], None
    return Card(
        network=membership.organisation,
        membership=membership,
        evaluation=evaluation,
        criteria=criteria,
        score=score,
        recommendation=rec,
        reasons=[],
        cost_by_kind=by_kind,
        year_cost=sum(by_kind.values(), Decimal(0)) if has_year else None,
        yearly_cost=yearly,
        currency=currency,
        outcomes=outcomes[:OUTCOMES_SHOWN],
        outcome_count=sum(1 for o in outcomes if o.date.year >= window_start),
        events=[e for e in data.events.get(membership.pk, []) if e.start_date.year >= window_start],
        fit_themes=fit,
        themes=own,
        overlaps=overlaps,
    )


def review_page(*, review: Review, today: dt.date | None = None) -> ReviewPage:
    """The cards of a review (the caller has checked that the reader may see it)."""
    evaluations = list(
        review.evaluations.select_related("network", "decided_by", "membership__organisation")
        .prefetch_related("follow_up")
        .order_by("network__name", "pk")
    )
    by_network = {e.network_id: e for e in evaluations}
    weights = weights_for(review.workspace)
    if review.is_open:
        data = portfolio_data(
            workspace=review.workspace,
            organisation=review.organisation,
            year=review.year,
            today=today,
        )
        results = {r.key: r for r in scoring.score_portfolio(data.portfolio, weights)}
    else:
        evaluated = [e.membership for e in evaluations if e.membership_id]
        ids = [m.pk for m in evaluated]
        memberships = list(
            Membership.objects.filter(pk__in=ids)
            .select_related("organisation__network_profile")
            .prefetch_related("themes", "organisation__network_profile__themes")
            .order_by("organisation__name", "pk")
        )
        data = portfolio_data(
            workspace=review.workspace,
            organisation=review.organisation,
            year=review.year,
            memberships=memberships,
        )
        results = {}
    networks = {m.organisation_id: m.organisation for m in data.memberships.values()}
    themes_of = {m.key: m.themes for m in data.portfolio.memberships}
    cards = []
    for membership in data.memberships.values():
        evaluation = by_network.get(membership.organisation_id)
        # A decided (or closed) evaluation shows what was stored with the decision.
        stored = evaluation is not None and (evaluation.decision or not review.is_open)
        card = _card(
            data,
            membership,
            evaluation=evaluation,
            result=None if stored else results.get(membership.pk),
            networks=networks,
            theme_ids=themes_of[membership.pk],
        )
        if stored:
            card.criteria = _stored_criteria(evaluation)
            card.score = evaluation.score
            card.recommendation = evaluation.recommendation
        cards.append(card)
    cards.sort(key=lambda c: (str(c.network), c.network.pk))

    stored_reasons = {
        id(c): (
            c.evaluation.reasons
            if c.evaluation and (c.evaluation.decision or not review.is_open)
            else None
        )
        for c in cards
    }
    live_reasons = {
        id(c): [r.as_dict() for r in results[c.membership.pk].reasons]
        for c in cards
        if stored_reasons[id(c)] is None and c.membership.pk in results
    }
    reason_dicts = {id(c): stored_reasons[id(c)] or live_reasons.get(id(c), []) for c in cards}
    labels = reason_labels(reason_dicts.values())
    labels = Labels(
        themes={**{k: str(v) for k, v in data.themes.items()}, **labels.themes},
        networks={**{k: str(v) for k, v in networks.items()}, **labels.networks},
    )
    for c in cards:
        c.reasons = [render_reason(r, labels) for r in reason_dicts[id(c)]]

    joins = [
        Card(
            network=e.network,
            membership=None,
            evaluation=e,
            criteria={},
            score=None,
            recommendation="",
            reasons=[],
        )
        for e in evaluations
        if e.membership_id is None
    ]
    total = sum((c.year_cost or Decimal(0) for c in cards), Decimal(0))
    decided = sum(1 for c in [*cards, *joins] if c.evaluation and c.evaluation.decision)
    return ReviewPage(
        review=review,
        cards=cards,
        joins=joins,
        currency=data.portfolio.currency,
        weights=weights,
        total_cost=total,
        decided=decided,
    )


def follow_up_list(*, actor: Actor, workspace: Workspace) -> QuerySet:
    ids = readable_workspace_ids(actor)
    if ids is not None and workspace.pk not in ids:
        return FollowUp.objects.none()
    return (
        FollowUp.objects.filter(evaluation__review__workspace=workspace)
        .select_related("evaluation__review__organisation", "evaluation__network", "done_by")
        .order_by("done", "due_date", "pk")
    )
