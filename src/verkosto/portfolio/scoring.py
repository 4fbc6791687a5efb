"""The portfolio scoring model: how well each membership earns its place, and why.

Plain Python, no Django: ``portfolio.selectors.scoring_input`` reads the database into the
dataclasses below, ``score_portfolio`` computes, ``portfolio.reasons`` turns the structured
reasons into fi/sv/en sentences. The help page (templates/portfolio/help_scoring.html)
explains the same model to users; keep the two in step.

Five criteria, each a number from 0 to 1 where 1 is best for the organisation, or ``None``
when there is nothing to judge it on (a missing criterion is left out and the weights of the
others are scaled up, so missing data neither helps nor hurts):

strategic fit
    How many of the membership's themes (its own themes ∪ the network's profile themes)
    serve a theme of one of the organisation's current strategic goals. A theme serves a
    goal theme when one is the other or a broader/narrower theme of it. Serving three goal
    themes (or all of its own themes, if it has fewer) is a full fit; a match with a
    priority-2 goal counts 0.8, a priority-3 goal 0.6. ``None`` without goals or themes.
value
    Outcomes in the last ``WINDOW`` years (the review year and the two before), older ones
    counting less (``RECENCY``). The count gives ``1 − e^(−n/2)``; money (value estimates)
    gives ``r / (1 + r)`` with r = value ÷ cost over the window; the two are combined as
    "either counts": ``1 − (1 − a)(1 − b)``. A membership that started this year or last
    year and has no outcome yet gets ``None``: too early to judge.
activity
    Events of the network the organisation took part in, over the same window and with
    the same recency: ``1 − e^(−n/3)``. ``None`` when the organisation has no participation
    recorded at all (then the data is missing, not the activity) or the membership is new.
cost
    The yearly cost (fees + staff hours × rate + travel + other; the mean over the window
    years that have cost data) against the median yearly cost of the organisation's
    memberships: ``1 / (1 + cost / median)``. Free = 1, the median = 0.5. ``None``
    without cost data.
uniqueness (the inverse of redundancy)
    The share of the membership's themes that no other current membership of the
    organisation covers. The networks that cover them are named in the reasons.

The score is ``100 × Σ wᵢ·sᵢ / Σ wᵢ`` over the known criteria. At or above
``retain_at`` → retain, below ``drop_below`` → drop, between → review. Two guards keep the
model from recommending a drop it cannot justify: with fewer than two known criteria the
result is *review* ("not enough data"), and a membership started in the review year is
never recommended for dropping.
"""

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

WINDOW = 3  # years looked back, the review year included
RECENCY = (1.0, 1.0, 0.5)  # weight of this year, last year, the year before
PRIORITY_WEIGHT = {1: 1.0, 2: 0.8, 3: 0.6}
FIT_SATURATION = 3  # goal themes served for a full fit
MAX_REASONS = 3
MAX_NAMED_NETWORKS = 3


class Recommendation(StrEnum):
    RETAIN = "retain"
    REVIEW = "review"
    DROP = "drop"


class CostKind(StrEnum):
    FEE = "fee"
    STAFF = "staff"
    TRAVEL = "travel"
    OTHER = "other"


CRITERIA = ("fit", "value", "activity", "cost", "redundancy")
REASON_ORDER = (
    "thin_data",
    "new",
    "cost",
    "no_cost_data",
    "outcomes",
    "no_outcome_since",
    "no_outcome",
    "fit",
    "no_fit",
    "no_goals",
    "no_themes",
    "events",
    "no_events_since",
    "no_events",
    "overlap",
    "unique",
)


@dataclass(frozen=True)
class Weights:
    fit: float = 0.30
    value: float = 0.25
    activity: float = 0.15
    cost: float = 0.15
    redundancy: float = 0.15
    retain_at: float = 60.0
    drop_below: float = 35.0

    def of(self, criterion: str) -> float:
        return max(0.0, float(getattr(self, criterion)))


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class CostItem:
    year: int
    kind: str  # a CostKind value
    amount: Decimal


@dataclass(frozen=True)
class OutcomeItem:
    date: dt.date
    type: str
    value: Decimal | None = None


@dataclass(frozen=True)
class MembershipInput:
    """One current membership. ``key`` is the membership id, ``network_id`` the network's."""

    key: int
    network_id: int
    themes: frozenset[int] = frozenset()
    start_year: int | None = None
    costs: tuple[CostItem, ...] = ()
    outcomes: tuple[OutcomeItem, ...] = ()
    event_dates: tuple[dt.date, ...] = ()  # events of this network the organisation attended


@dataclass(frozen=True)
class PortfolioInput:
    year: int
    memberships: tuple[MembershipInput, ...]
    # Theme id → the priority (1–3) of the most important current goal having that theme.
    goal_themes: Mapping[int, int] = field(default_factory=dict)
    # Theme id → the theme and all its broader themes, for matching along the hierarchy.
    lineage: Mapping[int, frozenset[int]] = field(default_factory=dict)
    currency: str = "EUR"


@dataclass(frozen=True)
class Reason:
    """A structured reason; ``portfolio.reasons`` renders it in the user's language.

    ``code`` names the sentence, ``params`` fills it (ids, not names: names are looked up
    in the language of the reader), ``impact`` orders reasons (larger first) and ``good``
    says whether it speaks for (True) or against (False) the membership.
    """

    code: str
    params: dict
    impact: float
    good: bool

    def as_dict(self) -> dict:
        return {"code": self.code, "params": self.params, "good": self.good}


@dataclass(frozen=True)
class Result:
    key: int
    criteria: dict[str, float | None]
    score: float | None
    recommendation: Recommendation
    reasons: tuple[Reason, ...]
    yearly_cost: Decimal | None
    overlaps: tuple[tuple[int, int], ...]  # (network id, shared themes), most shared first
    matched_themes: frozenset[int]


def _related(a: int, b: int, lineage: Mapping[int, frozenset[int]]) -> bool:
    """Same theme, or one is a broader theme of the other."""
    return a == b or b in lineage.get(a, ()) or a in lineage.get(b, ())


def _recency(year: int, review_year: int) -> float:
    age = review_year - year
    if age < 0 or age >= len(RECENCY):
        return 0.0
    return RECENCY[age]


def _yearly_cost(m: MembershipInput, year: int) -> Decimal | None:
    by_year: dict[int, Decimal] = {}
    for c in m.costs:
        if year - WINDOW < c.year <= year:
            by_year[c.year] = by_year.get(c.year, Decimal(0)) + Decimal(c.amount)
    if not by_year:
        return None
    return (sum(by_year.values(), Decimal(0)) / len(by_year)).quantize(Decimal("0.01"))


def _is_new(m: MembershipInput, year: int, grace: int = 1) -> bool:
    return m.start_year is not None and m.start_year >= year - grace


def score_fit(m: MembershipInput, p: PortfolioInput) -> tuple[float | None, frozenset[int]]:
    if not p.goal_themes or not m.themes:
        return None, frozenset()
    matched: dict[int, float] = {}
    for t in m.themes:
        weights = [
            PRIORITY_WEIGHT.get(prio, 0.6)
            for g, prio in p.goal_themes.items()
            if _related(t, g, p.lineage)
        ]
        if weights:
            matched[t] = max(weights)
    full = min(len(m.themes), FIT_SATURATION)
    return min(1.0, sum(matched.values()) / full), frozenset(matched)


def score_value(m: MembershipInput, year: int, cost: Decimal | None) -> float | None:
    recent = [o for o in m.outcomes if _recency(o.date.year, year) > 0]
    if not recent and _is_new(m, year):
        return None
    n = sum(_recency(o.date.year, year) for o in recent)
    by_count = 1 - math.exp(-n / 2)
    money = sum((Decimal(o.value) for o in recent if o.value), Decimal(0))
    by_money = 0.0
    if money > 0:
        window_cost = float(cost or 0) * WINDOW
        r = float(money) / window_cost if window_cost > 0 else math.inf
        by_money = 1.0 if math.isinf(r) else r / (1 + r)
    return 1 - (1 - by_count) * (1 - by_money)


def score_activity(m: MembershipInput, year: int, any_participation: bool) -> float | None:
    n = sum(_recency(d.year, year) for d in m.event_dates)
    if n == 0 and (not any_participation or _is_new(m, year, grace=0)):
        return None
    return 1 - math.exp(-n / 3)


def score_cost(cost: Decimal | None, median: Decimal | None) -> float | None:
    if cost is None:
        return None
    if cost == 0:
        return 1.0
    if not median:
        return 0.5  # the only membership with a cost: nothing to compare with
    return 1 / (1 + float(cost / median))


def overlaps_of(
    m: MembershipInput, others: Iterable[MembershipInput], lineage: Mapping[int, frozenset[int]]
) -> tuple[float | None, tuple[tuple[int, int], ...]]:
    """Uniqueness and the other networks sharing themes, most shared first."""
    if not m.themes:
        return None, ()
    covered: set[int] = set()
    shared_by: dict[int, int] = {}
    for o in others:
        if o.key == m.key or o.network_id == m.network_id:
            continue
        shared = {t for t in m.themes if any(_related(t, u, lineage) for u in o.themes)}
        if shared:
            covered |= shared
            shared_by[o.network_id] = max(shared_by.get(o.network_id, 0), len(shared))
    ranked = tuple(sorted(shared_by.items(), key=lambda kv: (-kv[1], kv[0])))
    return 1 - len(covered) / len(m.themes), ranked


def recommend(score: float | None, known: int, weights: Weights, *, new: bool) -> Recommendation:
    if score is None or known < 2:
        return Recommendation.REVIEW
    if score >= weights.retain_at:
        return Recommendation.RETAIN
    if score < weights.drop_below and not new:
        return Recommendation.DROP
    return Recommendation.REVIEW


def _reasons(
    m: MembershipInput,
    p: PortfolioInput,
    criteria: dict[str, float | None],
    weights: Weights,
    *,
    cost: Decimal | None,
    matched: frozenset[int],
    overlaps: tuple[tuple[int, int], ...],
) -> list[Reason]:
    """Every reason that applies, each with its impact on the score."""
    y = p.year
    out: list[Reason] = []

    def impact(criterion: str) -> float:
        s = criteria[criterion]
        return weights.of(criterion) * abs((s if s is not None else 0.5) - 0.5) * 2

    new = _is_new(m, y)
    if m.start_year is not None and m.start_year >= y and not m.outcomes:
        out.append(Reason("new", {"year": m.start_year}, 1.0, True))
    elif new and criteria["value"] is None:
        out.append(Reason("new", {"year": m.start_year}, 0.5, True))

    if cost is None:
        out.append(Reason("no_cost_data", {}, 0.05, False))
    else:
        good = (criteria["cost"] or 0) >= 0.5
        out.append(
            Reason("cost", {"amount": str(cost), "currency": p.currency}, impact("cost"), good)
        )

    recent = [o for o in m.outcomes if _recency(o.date.year, y) > 0]
    # "No outcome since 2023" once the last two years brought nothing, even though the
    # 2023 outcome still counts (at half weight) in the value criterion.
    fresh = [o for o in recent if o.date.year >= y - 1]
    if fresh:
        money = sum((Decimal(o.value) for o in recent if o.value), Decimal(0))
        out.append(
            Reason(
                "outcomes",
                {
                    "count": len(recent),
                    "value": str(money) if money else None,
                    "currency": p.currency,
                    "since": y - WINDOW + 1,
                },
                impact("value"),
                True,
            )
        )
    elif not new:
        last = max((o.date.year for o in m.outcomes), default=None)
        code, params = ("no_outcome_since", {"year": last}) if last else ("no_outcome", {})
        out.append(Reason(code, params, max(impact("value"), 0.1), False))

    if not p.goal_themes:
        out.append(Reason("no_goals", {}, 0.02, False))
    elif not m.themes:
        out.append(Reason("no_themes", {}, 0.02, False))
    elif matched:
        out.append(Reason("fit", {"themes": sorted(matched)}, impact("fit"), True))
    else:
        out.append(Reason("no_fit", {}, impact("fit"), False))

    if criteria["activity"] is not None:
        n = sum(1 for d in m.event_dates if _recency(d.year, y) > 0)
        if n:
            out.append(
                Reason(
                    "events",
                    {"count": n, "since": y - WINDOW + 1},
                    impact("activity"),
                    True,
                )
            )
        else:
            last = max((d.year for d in m.event_dates), default=None)
            code, params = ("no_events_since", {"year": last}) if last else ("no_events", {})
            out.append(Reason(code, params, impact("activity"), False))

    if criteria["redundancy"] is not None:
        if overlaps:
            names = [network for network, _ in overlaps[:MAX_NAMED_NETWORKS]]
            out.append(
                Reason(
                    "overlap",
                    {
                        "networks": names,
                        "more": max(0, len(overlaps) - MAX_NAMED_NETWORKS),
                        "share": round(1 - criteria["redundancy"], 2),
                    },
                    impact("redundancy"),
                    False,
                )
            )
        else:
            out.append(Reason("unique", {}, impact("redundancy"), True))
    return out


def _top(reasons: list[Reason], recommendation: Recommendation) -> tuple[Reason, ...]:
    """The reasons that explain the recommendation: against it first for a drop, for it
    first for a retain, the strongest either way for a review."""

    def key(r: Reason) -> tuple:
        if recommendation == Recommendation.DROP:
            side = 0 if not r.good else 1
        elif recommendation == Recommendation.RETAIN:
            side = 0 if r.good else 1
        else:
            side = 0
        return (side, -r.impact, r.code)

    chosen = sorted(reasons, key=key)[:MAX_REASONS]
    # Told in a fixed order (money, results, fit, activity, overlap) so sentences read alike.
    return tuple(sorted(chosen, key=lambda r: REASON_ORDER.index(r.code)))


def score_portfolio(p: PortfolioInput, weights: Weights = DEFAULT_WEIGHTS) -> list[Result]:
    """Score every membership of ``p``; results in the order of ``p.memberships``."""
    costs = {m.key: _yearly_cost(m, p.year) for m in p.memberships}
    known_costs = [c for c in costs.values() if c is not None and c > 0]
    median = Decimal(statistics.median(known_costs)) if known_costs else None
    any_participation = any(
        _recency(d.year, p.year) > 0 for m in p.memberships for d in m.event_dates
    )
    results = []
    for m in p.memberships:
        cost = costs[m.key]
        fit, matched = score_fit(m, p)
        uniqueness, overlaps = overlaps_of(m, p.memberships, p.lineage)
        criteria: dict[str, float | None] = {
            "fit": fit,
            "value": score_value(m, p.year, cost),
            "activity": score_activity(m, p.year, any_participation),
            "cost": score_cost(cost, median),
            "redundancy": uniqueness,
        }
        score = weighted_score(criteria, weights)
        known = sum(1 for v in criteria.values() if v is not None)
        rec = recommend(
            score, known, weights, new=m.start_year is not None and m.start_year >= p.year
        )
        reasons = _reasons(m, p, criteria, weights, cost=cost, matched=matched, overlaps=overlaps)
        if known < 2:
            reasons.insert(0, Reason("thin_data", {}, 2.0, False))
        results.append(
            Result(
                key=m.key,
                criteria=criteria,
                score=score,
                recommendation=rec,
                reasons=_top(reasons, rec),
                yearly_cost=cost,
                overlaps=overlaps,
                matched_themes=matched,
            )
        )
    return results


def weighted_score(criteria: Mapping[str, float | None], weights: Weights) -> float | None:
    known = [(weights.of(c), v) for c, v in criteria.items() if v is not None]
    total = sum(w for w, _ in known)
    if not known or total <= 0:
        return None
    return round(100 * sum(w * v for w, v in known) / total, 1)


def cost_by_kind(costs: Sequence[CostItem], year: int) -> dict[str, Decimal]:
    """The cost of one year split by kind (fee, staff, travel, other), for the cards."""
    out = {k.value: Decimal(0) for k in CostKind}
    for c in costs:
        if c.year == year:
            out[c.kind] = out.get(c.kind, Decimal(0)) + Decimal(c.amount)
    return out
