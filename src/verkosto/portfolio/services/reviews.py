"""The yearly review: open it, decide on each membership, propose joining, close it.

A decision stores what the scoring model said at that moment (criteria, score,
recommendation, reasons), so a closed review reads the same years later whatever the data,
weights or model have become since. Closing locks the decisions and leaves a follow-up for
every drop and join.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.accounts.models import Role, Workspace
from verkosto.accounts.permissions import SYSTEM, Actor, history_user, require_role
from verkosto.portfolio import scoring
from verkosto.portfolio.models import Decision, Evaluation, FollowUp, Review, ReviewStatus
from verkosto.portfolio.selectors.inputs import PortfolioData, portfolio_data, weights_for
from verkosto.portfolio.services.records import portfolio_save
from verkosto.registry.models import Membership, Organisation

FOLLOW_UP_DAYS = 90


def _user(actor: Actor):
    return None if actor is SYSTEM else history_user(actor)


def _require_open(review: Review) -> None:
    if not review.is_open:
        raise ValidationError(_("This review is closed: its decisions are locked."))


@transaction.atomic
def review_open(
    *,
    actor: Actor,
    workspace: Workspace,
    year: int,
    organisation: Organisation | None = None,
    now: dt.datetime | None = None,
) -> Review:
    """Open the review of ``year`` for the workspace's organisation (or ``organisation``)."""
    require_role(actor, workspace, Role.EDITOR)
    now = now or timezone.now()
    if year > now.year + 1:
        raise ValidationError({"year": _("A review can be opened at most for next year.")})
    review = Review(
        workspace=workspace,
        organisation=organisation or workspace.organisation,
        year=year,
        status=ReviewStatus.OPEN,
        opened_by=_user(actor),
        opened_at=now,
    )
    portfolio_save(review, actor=actor)
    return review


def _snapshot(evaluation: Evaluation, result: scoring.Result | None) -> None:
    if result is None:
        return
    c = result.criteria
    evaluation.fit_score = c["fit"]
    evaluation.value_score = c["value"]
    evaluation.activity_score = c["activity"]
    evaluation.cost_score = c["cost"]
    evaluation.redundancy_score = c["redundancy"]
    evaluation.score = result.score
    evaluation.recommendation = result.recommendation.value
    evaluation.reasons = [r.as_dict() for r in result.reasons]


def review_scores(
    review: Review, *, today: dt.date | None = None
) -> tuple[PortfolioData, dict[int, scoring.Result]]:
    """The live scoring of the review's organisation (membership id → result)."""
    data = portfolio_data(
        workspace=review.workspace, organisation=review.organisation, year=review.year, today=today
    )
    results = scoring.score_portfolio(data.portfolio, weights_for(review.workspace))
    return data, {r.key: r for r in results}


@transaction.atomic
def evaluation_decide(
    *,
    actor: Actor,
    review: Review,
    membership: Membership,
    decision: str,
    rationale: str = "",
    now: dt.datetime | None = None,
) -> Evaluation:
    """Record (or change, while the review is open) the decision on one membership."""
    require_role(actor, review.workspace_id, Role.EDITOR)
    review = Review.objects.select_for_update().select_related("workspace").get(pk=review.pk)
    _require_open(review)
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose retain, review further or drop.")})
    if decision == Decision.JOIN:
        raise ValidationError(
            {"decision": _("The organisation is already a member: choose retain, review or drop.")}
        )
    rationale = rationale.strip()
    if decision == Decision.DROP and not rationale:
        raise ValidationError({"rationale": _("Say why the membership should be dropped.")})
    now = now or timezone.now()
    data, results = review_scores(review, today=now.date())
    if membership.pk not in data.memberships:
        raise ValidationError(
            _("This membership is not a current membership of %(org)s.")
            % {"org": review.organisation}
        )
    evaluation = Evaluation.objects.filter(
        review=review, network_id=membership.organisation_id
    ).first() or Evaluation(review=review, network_id=membership.organisation_id)
    evaluation.membership = membership
    _snapshot(evaluation, results.get(membership.pk))
    evaluation.decision = decision
    evaluation.rationale = rationale
    evaluation.decided_by = _user(actor)
    evaluation.decided_at = now
    portfolio_save(evaluation, actor=actor)
    return evaluation


@transaction.atomic
def review_join_propose(
    *, actor: Actor, review: Review, network: Organisation, rationale: str
) -> Evaluation:
    """Record a decision to join a network the organisation is not a member of."""
    require_role(actor, review.workspace_id, Role.EDITOR)
    _require_open(review)
    if network.pk == review.organisation_id:
        raise ValidationError({"network": _("An organisation cannot join itself.")})
    day = min(timezone.localdate(), dt.date(review.year, 12, 31))
    if (
        Membership.objects.filter(member=review.organisation, organisation=network)
        .filter(Membership.current_q(day))
        .exists()
    ):
        raise ValidationError({"network": _("The organisation is already a member of it.")})
    if not rationale.strip():
        raise ValidationError({"rationale": _("Say why the organisation should join.")})
    evaluation = Evaluation.objects.filter(review=review, network=network).first() or Evaluation(
        review=review, network=network
    )
    evaluation.decision = Decision.JOIN
    evaluation.rationale = rationale.strip()
    evaluation.decided_by = _user(actor)
    evaluation.decided_at = timezone.now()
    portfolio_save(evaluation, actor=actor)
    return evaluation


def follow_up_text(evaluation: Evaluation) -> str:
    if evaluation.decision == Decision.DROP:
        return _("Resign from %(network)s") % {"network": evaluation.network}
    return _("Join %(network)s") % {"network": evaluation.network}


@transaction.atomic
def review_close(
    *,
    actor: Actor,
    review: Review,
    now: dt.datetime | None = None,
    follow_up_days: int = FOLLOW_UP_DAYS,
) -> Review:
    """Lock the review: undecided memberships keep the score of today, and each drop or
    join leaves a follow-up due in ``follow_up_days``."""
    require_role(actor, review.workspace_id, Role.EDITOR)
    review = Review.objects.select_for_update().select_related("workspace").get(pk=review.pk)
    _require_open(review)
    now = now or timezone.now()
    data, results = review_scores(review, today=now.date())
    evaluations = {e.network_id: e for e in review.evaluations.all()}
    for membership in data.memberships.values():
        evaluation = evaluations.get(membership.organisation_id)
        if evaluation is None:
            evaluation = Evaluation(
                review=review, network_id=membership.organisation_id, membership=membership
            )
            _snapshot(evaluation, results.get(membership.pk))
            portfolio_save(evaluation, actor=actor)
            evaluations[evaluation.network_id] = evaluation
    for evaluation in evaluations.values():
        if evaluation.decision in (Decision.DROP, Decision.JOIN):
            follow_up = FollowUp(
                evaluation=evaluation,
                what=follow_up_text(evaluation)[:500],
                due_date=now.date() + dt.timedelta(days=follow_up_days),
            )
            portfolio_save(follow_up, actor=actor)
    review.status = ReviewStatus.CLOSED
    review.closed_by = _user(actor)
    review.closed_at = now
    portfolio_save(review, actor=actor)
    return review


@transaction.atomic
def follow_up_set_done(*, actor: Actor, follow_up: FollowUp, done: bool = True) -> FollowUp:
    require_role(actor, follow_up.evaluation.review.workspace_id, Role.EDITOR)
    follow_up.done = done
    follow_up.done_at = timezone.now() if done else None
    follow_up.done_by = _user(actor) if done else None
    portfolio_save(follow_up, actor=actor)
    return follow_up
