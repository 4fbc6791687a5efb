"""Services: who may write, what they refuse with a clear error, and the review's life."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from verkosto.accounts.permissions import SYSTEM
from verkosto.portfolio.models import CostLine, Decision, Evaluation, FollowUp, ReviewStatus
from verkosto.portfolio.selectors.inputs import weights_for
from verkosto.portfolio.services import costs, indicators, outcomes, reviews, weights

NOW = dt.datetime(2026, 2, 1, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def english():
    """The rule messages below are checked in English (tests start in Finnish)."""
    with translation.override("en"):
        yield


def open_2025(city, actor=None):
    return reviews.review_open(
        actor=actor or city.editor, workspace=city.workspace, year=2025, now=NOW
    )


def test_staff_cost_is_hours_times_rate_and_fees_are_not_cost_lines(city):
    line = CostLine.objects.get(kind="staff")
    assert line.amount == Decimal("5000.00")
    with pytest.raises(ValidationError) as error:
        costs.cost_line_create(
            actor=city.editor,
            workspace=city.workspace,
            membership=city.memberships[0],
            year=2025,
            kind="fee",
            amount=Decimal(1),
        )
    assert "membership's fee" in str(error.value)
    with pytest.raises(ValidationError) as error:
        costs.cost_line_create(
            actor=city.editor,
            workspace=city.workspace,
            membership=city.memberships[0],
            year=2025,
            kind="staff",
            staff_hours=Decimal(3),
        )
    assert "staff_hours" in error.value.message_dict


@pytest.mark.parametrize("who", ["viewer", "outsider"])
def test_viewers_and_other_workspaces_cannot_write(city, who):
    actor = getattr(city, who)
    with pytest.raises(PermissionDenied):
        costs.cost_line_create(
            actor=actor,
            workspace=city.workspace,
            membership=city.memberships[0],
            year=2025,
            kind="travel",
            amount=Decimal(10),
        )
    with pytest.raises(PermissionDenied):
        open_2025(city, actor)
    with pytest.raises(PermissionDenied):
        weights.scoring_weights_set(actor=actor, workspace=city.workspace, fit=2)
    assert CostLine.objects.filter(kind="travel").count() == 0


def test_outcome_needs_an_origin_and_a_title(city):
    with pytest.raises(ValidationError) as error:
        outcomes.outcome_create(
            actor=city.editor,
            workspace=city.workspace,
            type="funding",
            titles={"fi": "X"},
            date=dt.date(2025, 1, 1),
        )
    assert "membership or the event" in str(error.value)
    with pytest.raises(ValidationError):
        outcomes.outcome_create(
            actor=city.editor,
            workspace=city.workspace,
            type="funding",
            titles={"fi": " "},
            date=dt.date(2025, 1, 1),
            membership=city.memberships[0],
        )


def test_indicator_attaches_to_exactly_one_thing_and_values_replace_same_day(city):
    with pytest.raises(ValidationError) as error:
        indicators.indicator_create(
            actor=city.editor,
            workspace=city.workspace,
            names={"en": "Emissions"},
            owner=city.org,
            unit="kt",
            organisation=city.org,
            goal=city.goal,
        )
    assert "exactly one" in str(error.value)
    indicator = indicators.indicator_create(
        actor=city.editor,
        workspace=city.workspace,
        names={"en": "Emissions"},
        owner=city.org,
        unit="kt",
        goal=city.goal,
    )
    day = dt.date(2025, 12, 31)
    indicators.indicator_value_set(actor=city.editor, indicator=indicator, date=day, value=5)
    indicators.indicator_value_set(actor=city.editor, indicator=indicator, date=day, value=4)
    assert list(indicator.values.values_list("value", flat=True)) == [Decimal(4)]
    with pytest.raises(PermissionDenied):
        indicators.indicator_value_set(actor=city.viewer, indicator=indicator, date=day, value=1)


def test_the_review_from_opening_to_follow_up(city):
    quiet, useful, culture = city.memberships
    review = open_2025(city)
    assert review.status == ReviewStatus.OPEN and review.opened_by == city.editor
    with pytest.raises(ValidationError):
        open_2025(city)  # one review a year
    with pytest.raises(ValidationError) as error:
        reviews.evaluation_decide(
            actor=city.editor, review=review, membership=quiet, decision="drop", rationale=" "
        )
    assert "rationale" in error.value.message_dict
    evaluation = reviews.evaluation_decide(
        actor=city.editor,
        review=review,
        membership=quiet,
        decision=Decision.DROP,
        rationale="Costly, covered by others.",
        now=NOW,
    )
    # The recommendation and reasons of the moment are stored with the decision.
    assert evaluation.recommendation == "drop"
    assert [r["code"] for r in evaluation.reasons] == ["cost", "no_outcome_since", "overlap"]
    assert evaluation.decided_by == city.editor and evaluation.score < 35
    with pytest.raises(PermissionDenied):
        reviews.evaluation_decide(
            actor=city.viewer, review=review, membership=useful, decision="retain"
        )
    joined = reviews.review_join_propose(
        actor=city.editor,
        review=review,
        network=city.networks[0].__class__.objects.create(
            name="Newnet", name_fi="Newnet", kind="network", source=city.source
        ),
        rationale="Fills the mobility gap.",
    )
    with pytest.raises(ValidationError):
        reviews.review_join_propose(
            actor=city.editor, review=review, network=city.networks[1], rationale="x"
        )
    reviews.review_close(actor=city.editor, review=review, now=NOW)
    review.refresh_from_db()
    assert review.status == ReviewStatus.CLOSED and review.closed_by == city.editor
    # Undecided memberships keep the score of the closing day, with no decision.
    assert Evaluation.objects.filter(review=review).count() == 4
    assert Evaluation.objects.get(review=review, membership=culture).decision == ""
    follow_ups = FollowUp.objects.order_by("pk")
    assert {f.evaluation_id for f in follow_ups} == {evaluation.pk, joined.pk}
    follow_ups = FollowUp.objects.filter(evaluation=evaluation)
    assert follow_ups[0].due_date == NOW.date() + dt.timedelta(days=reviews.FOLLOW_UP_DAYS)
    assert "Quietnet" in follow_ups[0].what
    # Locked.
    with pytest.raises(ValidationError) as error:
        reviews.evaluation_decide(
            actor=city.editor, review=review, membership=useful, decision="retain"
        )
    assert "locked" in str(error.value)
    with pytest.raises(ValidationError):
        reviews.review_close(actor=city.editor, review=review)
    done = reviews.follow_up_set_done(actor=city.editor, follow_up=follow_ups[0])
    assert done.done and done.done_by == city.editor and done.done_at <= timezone.now()


def test_decisions_only_on_current_memberships_of_the_organisation(city):
    review = open_2025(city)
    other = city.memberships[0].__class__.objects.exclude(member=city.org).first()
    ended = city.memberships[2]
    ended.end = dt.date(2020, 1, 1)
    ended.save()
    with pytest.raises(ValidationError):
        reviews.evaluation_decide(
            actor=SYSTEM, review=review, membership=ended, decision="retain", now=NOW
        )
    assert other is None or other.member_id != city.org.pk


def test_weights_change_the_scores_and_refuse_bad_thresholds(city):
    weights.scoring_weights_set(
        actor=city.editor, workspace=city.workspace, fit=0, value=0, activity=0, redundancy=0
    )
    assert weights_for(city.workspace).fit == 0
    with pytest.raises(ValidationError):
        weights.scoring_weights_set(
            actor=city.editor, workspace=city.workspace, retain_at=20, drop_below=40
        )


def test_every_write_leaves_history_with_its_author(city):
    line = costs.cost_line_create(
        actor=city.editor,
        workspace=city.workspace,
        membership=city.memberships[1],
        year=2024,
        kind="travel",
        amount=Decimal(700),
    )
    costs.cost_line_update(actor=city.editor, line=line, amount=Decimal(800))
    versions = list(line.history.order_by("history_date"))
    assert [(v.amount, v.history_user) for v in versions] == [
        (Decimal(700), city.editor),
        (Decimal(800), city.editor),
    ]
    review = open_2025(city)
    assert review.history.get().history_user == city.editor
    # Outcome titles are kept per language in history too (translation fields).
    outcome = outcomes.outcome_create(
        actor=city.editor,
        workspace=city.workspace,
        type="practice",
        titles={"sv": "Praxis"},
        date=dt.date(2025, 2, 2),
        membership=city.memberships[1],
    )
    assert outcome.history.get().title_sv == "Praxis"


def test_an_event_outcome_counts_for_the_membership_in_the_events_network(city):
    from verkosto.portfolio.selectors.inputs import portfolio_data
    from verkosto.registry.services.goals import event_create

    useful = city.memberships[1]
    event = event_create(
        actor=SYSTEM,
        source=city.source,
        texts={"title_fi": "Kokous"},
        kind="meeting",
        start_date=dt.date(2025, 4, 1),
        participants=[city.org],
        network=useful.organisation,
    )
    outcomes.outcome_create(
        actor=city.editor,
        workspace=city.workspace,
        type="partnership",
        titles={"en": "Met a partner"},
        date=dt.date(2025, 4, 2),
        event=event,
    )
    data = portfolio_data(
        workspace=city.workspace, organisation=city.org, year=2025, today=dt.date(2026, 1, 1)
    )
    titles = [o.title_en for o in data.outcomes[useful.pk]]
    assert titles == ["Met a partner", "Grant"]
    scored = next(m for m in data.portfolio.memberships if m.key == useful.pk)
    assert scored.event_dates == (dt.date(2025, 4, 1),)
    # The fee comes from registry's MembershipFee as a "fee" cost, not a copy.
    assert [(c.kind, c.amount) for c in scored.costs] == [("fee", Decimal("5000.00"))]
