"""How much each criterion weighs in a workspace's scores, and where the thresholds lie."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ScoringWeights(models.Model):
    """One row per workspace; a workspace without one uses portfolio.scoring.DEFAULT_WEIGHTS.

    Weights are relative (they are normalised to sum 1), so 2/1/1/1/1 means "fit counts
    double". A review stores each evaluation's result, so changing weights never rewrites
    a closed review.
    """

    workspace = models.OneToOneField(
        "accounts.Workspace",
        on_delete=models.CASCADE,
        related_name="scoring_weights",
        verbose_name=_("workspace"),
    )
    fit = models.FloatField(_("strategic fit"), default=0.30)
    value = models.FloatField(_("value"), default=0.25)
    activity = models.FloatField(_("activity"), default=0.15)
    cost = models.FloatField(_("cost"), default=0.15)
    redundancy = models.FloatField(_("uniqueness"), default=0.15)
    retain_at = models.FloatField(
        _("retain from score"), default=60, help_text=_("Scores at or above this: retain.")
    )
    drop_below = models.FloatField(
        _("drop below score"), default=35, help_text=_("Scores below this: drop.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("scoring weights")
        verbose_name_plural = _("scoring weights")
        constraints = [
            models.CheckConstraint(
                condition=Q(fit__gte=0, value__gte=0, activity__gte=0, cost__gte=0)
                & Q(redundancy__gte=0),
                name="portfolio_weights_not_negative",
                violation_error_message=_("Weights cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(drop_below__gte=0, retain_at__lte=100)
                & Q(drop_below__lte=models.F("retain_at")),
                name="portfolio_weights_thresholds",
                violation_error_message=_(
                    "The drop threshold must be between 0 and the retain threshold (at most 100)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.workspace)
