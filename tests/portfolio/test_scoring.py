"""The scoring model on hand-made portfolios: what it recommends and why, edge cases included.

Pure Python: no database, no Django setup needed.
"""

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from verkosto.portfolio import scoring as s

CLIMATE, MOBILITY, ENERGY, CULTURE, HEALTH, CARBON = 1, 2, 3, 4, 5, 6
LINEAGE = {CARBON: frozenset({CLIMATE})}  # carbon neutrality is a narrower climate theme
HINKU, FISU, EUROCITIES, NEWNET = 101, 102, 103, 104


def ms(key, network, themes=(), *, costs=(), outcomes=(), events=(), start=None):
    return s.MembershipInput(
        key=key,
        network_id=network,
        themes=frozenset(themes),
        start_year=start,
        costs=tuple(s.CostItem(y, k, Decimal(a)) for y, k, a in costs),
        outcomes=tuple(
            s.OutcomeItem(d, t, Decimal(v) if v is not None else None) for d, t, v in outcomes
        ),
        event_dates=tuple(events),
    )


def portfolio(*memberships, goals=None, year=2025):
    return s.PortfolioInput(
        year=year,
        memberships=tuple(memberships),
        goal_themes={CLIMATE: 1, MOBILITY: 2} if goals is None else goals,
        lineage=LINEAGE,
    )


def by_key(p, weights=s.DEFAULT_WEIGHTS):
    return {r.key: r for r in s.score_portfolio(p, weights)}


def codes(result):
    return [r.code for r in result.reasons]


# The issue's own example: an expensive network, quiet since 2023, covered by two others.
EXPENSIVE = ms(
    1,
    EUROCITIES,
    {CLIMATE, ENERGY},
    costs=[(2025, "fee", 30000), (2025, "staff", 6000), (2025, "travel", 2000)],
    outcomes=[(dt.date(2023, 5, 1), "practice", None)],
    events=[dt.date(2025, 1, 1)] * 3,
)
CHEAP_AND_USEFUL = ms(
    2,
    HINKU,
    {CLIMATE},
    costs=[(2025, "fee", 5000)],
    outcomes=[(dt.date(2025, 3, 1), "funding", 200000)],
    events=[dt.date(2025, 2, 1)],
)
MIDDLING = ms(
    3,
    FISU,
    {ENERGY, MOBILITY},
    costs=[(2025, "fee", 4000)],
    outcomes=[(dt.date(2024, 3, 1), "practice", None)],
    events=[dt.date(2024, 2, 1), dt.date(2025, 4, 1)],
)


def test_expensive_quiet_and_covered_membership_is_dropped_with_the_three_reasons():
    results = by_key(portfolio(EXPENSIVE, CHEAP_AND_USEFUL, MIDDLING))
    r = results[1]
    assert r.recommendation == s.Recommendation.DROP
    assert r.score < s.DEFAULT_WEIGHTS.drop_below
    assert r.yearly_cost == Decimal("38000.00")
    assert codes(r) == ["cost", "no_outcome_since", "overlap"]
    assert r.reasons[1].params == {"year": 2023}
    # Named in the order of how much they share, then by id.
    assert r.reasons[2].params["networks"] == [HINKU, FISU]
    assert r.criteria["redundancy"] == 0.0


def test_cheap_membership_with_funding_won_is_retained_for_its_results_and_fit():
    r = by_key(portfolio(EXPENSIVE, CHEAP_AND_USEFUL, MIDDLING))[2]
    assert r.recommendation == s.Recommendation.RETAIN
    assert "outcomes" in codes(r) and "fit" in codes(r)
    assert all(reason.good for reason in r.reasons)
    assert r.matched_themes == {CLIMATE}


def test_between_the_thresholds_is_review():
    r = by_key(portfolio(EXPENSIVE, CHEAP_AND_USEFUL, MIDDLING))[3]
    assert s.DEFAULT_WEIGHTS.drop_below <= r.score < s.DEFAULT_WEIGHTS.retain_at
    assert r.recommendation == s.Recommendation.REVIEW


def test_no_cost_data_leaves_cost_out_instead_of_counting_it_free_or_dear():
    no_cost = ms(1, HINKU, {CLIMATE}, outcomes=[(dt.date(2025, 1, 1), "practice", None)])
    r = by_key(portfolio(no_cost))[1]
    assert r.criteria["cost"] is None
    assert r.yearly_cost is None
    # The score is the weighted mean of the other criteria only.
    expected = s.weighted_score({k: v for k, v in r.criteria.items()}, s.DEFAULT_WEIGHTS)
    assert r.score == expected
    with_free = by_key(portfolio(ms(1, HINKU, {CLIMATE}, costs=[(2025, "fee", 0)])))[1]
    assert with_free.criteria["cost"] == 1.0


def test_no_goals_means_fit_is_unknown_and_said_so():
    r = by_key(portfolio(CHEAP_AND_USEFUL, goals={}))[2]
    assert r.criteria["fit"] is None
    assert "no_goals" in [
        x.code
        for x in s._reasons(
            CHEAP_AND_USEFUL,
            portfolio(CHEAP_AND_USEFUL, goals={}),
            r.criteria,
            s.DEFAULT_WEIGHTS,
            cost=r.yearly_cost,
            matched=frozenset(),
            overlaps=(),
        )
    ]


def test_membership_started_this_year_is_not_punished_for_missing_outcomes():
    new = ms(1, NEWNET, {CULTURE}, costs=[(2025, "fee", 50000)], start=2025)
    old = ms(1, NEWNET, {CULTURE}, costs=[(2025, "fee", 50000)], start=2015)
    other = ms(2, HINKU, {CLIMATE}, costs=[(2025, "fee", 5000)])
    r_new = by_key(portfolio(new, other))[1]
    r_old = by_key(portfolio(old, other))[1]
    assert r_new.criteria["value"] is None and r_old.criteria["value"] == 0.0
    assert r_new.recommendation != s.Recommendation.DROP
    assert codes(r_new)[0] == "new"
    assert r_new.reasons[0].params == {"year": 2025}
    assert "no_outcome" in codes(r_old) or r_old.recommendation == s.Recommendation.DROP


def test_membership_started_last_year_is_not_judged_on_outcomes_yet_but_can_be_dropped():
    young = ms(1, NEWNET, {CULTURE}, costs=[(2025, "fee", 50000)], start=2024)
    other = ms(2, HINKU, {CLIMATE}, costs=[(2025, "fee", 5000)])
    r = by_key(portfolio(young, other))[1]
    assert r.criteria["value"] is None
    assert "no_outcome" not in codes(r)


def test_zero_everything_gives_review_for_thin_data_never_drop():
    r = by_key(portfolio(ms(1, NEWNET), goals={}))[1]
    assert r.recommendation == s.Recommendation.REVIEW
    assert codes(r)[0] == "thin_data"
    assert r.yearly_cost is None and r.overlaps == ()


def test_empty_portfolio_scores_nothing():
    assert s.score_portfolio(portfolio()) == []


def test_narrower_theme_serves_a_broader_goal():
    r = by_key(portfolio(ms(1, HINKU, {CARBON}, costs=[(2025, "fee", 1)])))[1]
    assert r.criteria["fit"] == 1.0
    assert r.matched_themes == {CARBON}


def test_lower_priority_goals_count_less_and_three_goal_themes_are_a_full_fit():
    goals = {CLIMATE: 3, MOBILITY: 1, ENERGY: 1, HEALTH: 1}
    low = by_key(portfolio(ms(1, HINKU, {CLIMATE}), goals=goals))[1]
    assert low.criteria["fit"] == s.PRIORITY_WEIGHT[3]
    broad = ms(1, EUROCITIES, {MOBILITY, ENERGY, HEALTH, CULTURE, CARBON})
    assert by_key(portfolio(broad, goals=goals))[1].criteria["fit"] == 1.0


def test_outcomes_older_than_the_window_do_not_count_but_are_named():
    old = ms(1, HINKU, {CLIMATE}, outcomes=[(dt.date(2021, 1, 1), "funding", 100000)])
    r = by_key(portfolio(old))[1]
    assert r.criteria["value"] == 0.0
    reasons = s._reasons(
        old,
        portfolio(old),
        r.criteria,
        s.DEFAULT_WEIGHTS,
        cost=None,
        matched=frozenset(),
        overlaps=(),
    )
    assert ("no_outcome_since", {"year": 2021}) in [(x.code, x.params) for x in reasons]


def test_activity_is_unknown_when_no_participation_is_recorded_anywhere():
    a = ms(1, HINKU, {CLIMATE})
    b = ms(2, FISU, {ENERGY})
    assert by_key(portfolio(a, b))[1].criteria["activity"] is None
    b_active = ms(2, FISU, {ENERGY}, events=[dt.date(2025, 5, 1)])
    assert by_key(portfolio(a, b_active))[1].criteria["activity"] == 0.0


def test_weights_are_configurable_and_relative():
    p = portfolio(EXPENSIVE, CHEAP_AND_USEFUL, MIDDLING)
    only_cost = s.Weights(fit=0, value=0, activity=0, cost=1, redundancy=0)
    doubled = s.Weights(fit=0, value=0, activity=0, cost=2, redundancy=0)
    r = by_key(p, only_cost)[1]
    assert r.score == round(100 * r.criteria["cost"], 1)
    assert by_key(p, doubled)[1].score == r.score
    strict = s.Weights(retain_at=99, drop_below=98)
    assert by_key(p, strict)[2].recommendation == s.Recommendation.DROP


def test_costs_are_averaged_over_the_window_years_with_data():
    m = ms(1, HINKU, {CLIMATE}, costs=[(2025, "fee", 1000), (2024, "fee", 3000), (2020, "fee", 99)])
    assert by_key(portfolio(m))[1].yearly_cost == Decimal("2000.00")
    assert s.cost_by_kind(m.costs, 2024) == {
        "fee": Decimal(3000),
        "staff": Decimal(0),
        "travel": Decimal(0),
        "other": Decimal(0),
    }


def test_more_than_three_covering_networks_are_counted_not_named():
    target = ms(1, NEWNET, {CLIMATE, ENERGY, MOBILITY, HEALTH})
    others = [ms(10 + i, 200 + i, {t}) for i, t in enumerate((CLIMATE, ENERGY, MOBILITY, HEALTH))]
    r = by_key(portfolio(target, *others), s.Weights(redundancy=10))[1]
    overlap = next(
        x
        for x in s._reasons(
            target,
            portfolio(target, *others),
            r.criteria,
            s.DEFAULT_WEIGHTS,
            cost=None,
            matched=frozenset(),
            overlaps=r.overlaps,
        )
        if x.code == "overlap"
    )
    assert overlap.params["networks"] == [200, 201, 202]
    assert overlap.params["more"] == 1


amounts = st.integers(min_value=0, max_value=200_000)


@settings(max_examples=60, deadline=None)
@given(fee=amounts, other_fee=amounts, outcome_value=st.one_of(st.none(), amounts))
def test_an_extra_outcome_never_lowers_the_score_and_scores_stay_in_range(
    fee, other_fee, outcome_value
):
    base = ms(1, HINKU, {CLIMATE, CULTURE}, costs=[(2025, "fee", fee)], start=2010)
    other = ms(2, FISU, {CULTURE}, costs=[(2025, "fee", other_fee)])
    more = s.MembershipInput(
        **{
            **base.__dict__,
            "outcomes": (s.OutcomeItem(dt.date(2025, 6, 1), "funding", outcome_value),),
        }
    )
    before = by_key(portfolio(base, other))[1]
    after = by_key(portfolio(more, other))[1]
    assert 0 <= before.score <= 100 and 0 <= after.score <= 100
    assert after.score >= before.score
