"""The yearly review: one per organisation and year, an evaluation per membership, and the
follow-ups that drop and join decisions leave behind."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from verkosto.portfolio.models.base import Private


class ReviewStatus(models.TextChoices):
    # A context: the catalogue already has "Open" as the verb (to open a page).
    OPEN = "open", pgettext_lazy("review status", "Open")
    CLOSED = "closed", pgettext_lazy("review status", "Closed")


class Recommendation(models.TextChoices):
    """What the scoring model suggests (portfolio.scoring.Recommendation has the same values)."""

    RETAIN = "retain", _("Retain")
    # "Review" alone also names the yearly review itself; the context tells them apart.
    REVIEW = "review", pgettext_lazy("recommendation", "Review")
    DROP = "drop", _("Drop")


class Decision(models.TextChoices):
    RETAIN = "retain", _("Retain")
    REVIEW = "review", _("Review further")
    DROP = "drop", _("Drop")
    JOIN = "join", _("Join")


class Review(Private):
    """An organisation's review of its memberships for one year; closed means locked."""

    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="portfolio_reviews",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "organisation", "year"],
                name="portfolio_review_once_a_year",
                violation_error_message=_("This organisation already has a review for this year."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2200),
                name="portfolio_review_year_range",
                violation_error_message=_("The year is out of range."),
            ),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | Q(status="closed", closed_at__isnull=False),
                name="portfolio_review_closed_has_time",
                violation_error_message=_("A closed review records when it was closed."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"

    @property
    def is_open(self) -> bool:
        return self.status == ReviewStatus.OPEN


class Evaluation(models.Model):
    """The verdict on one network in a review.

    ``network`` is always set; ``membership`` is empty only for a proposal to *join* a
    network the organisation is not in. The criteria, score, recommendation and reasons are
    what the scoring model said when the decision was recorded, kept so that a past review
    reads the same after the model, weights or data change.
    """

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("review")
    )
    membership = models.ForeignKey(
        "registry.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluations",
        verbose_name=_("membership"),
    )
    network = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("network"),
    )
    # Criteria, each 0–1 (1 = best for the organisation; for cost and redundancy 1 means
    # cheap and unique). See portfolio.scoring.
    fit_score = models.FloatField(_("strategic fit"), null=True, blank=True)
    value_score = models.FloatField(_("value"), null=True, blank=True)
    activity_score = models.FloatField(_("activity"), null=True, blank=True)
    cost_score = models.FloatField(_("cost"), null=True, blank=True)
    redundancy_score = models.FloatField(_("uniqueness"), null=True, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices, blank=True
    )
    # The structured reasons (portfolio.scoring.Reason as dicts), rendered per language.
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["review", "network__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "network"],
                name="portfolio_evaluation_once_per_network",
                violation_error_message=_("This network is already evaluated in this review."),
            ),
            models.CheckConstraint(
                condition=Q(decision="") | Q(decided_at__isnull=False),
                name="portfolio_evaluation_decision_has_time",
                violation_error_message=_("A decision records when it was made."),
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="portfolio_evaluation_score_range",
                violation_error_message=_("The score is between 0 and 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review}: {self.network}"


class FollowUp(models.Model):
    """Something to do after a drop or join decision (resign by, apply by)."""

    evaluation = models.OneToOneField(
        Evaluation,
        on_delete=models.CASCADE,
        related_name="follow_up",
        verbose_name=_("evaluation"),
    )
    what = models.CharField(_("what"), max_length=500)
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["done", "due_date", "pk"]

    def __str__(self) -> str:
        return self.what
