"""What a membership (or an event of it) brought: the value side of the review."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.portfolio.models.base import OptionallySourced, Private


class OutcomeType(models.TextChoices):
    FUNDING = "funding", _("Funding won")
    PRACTICE = "practice", _("Practice adopted")
    ADVOCACY = "advocacy", _("Advocacy result")
    PARTNERSHIP = "partnership", _("Partnership formed")
    OTHER = "other", _("Other")


class Outcome(Private, OptionallySourced):
    """A result with its evidence, from a membership or from an event."""

    type = models.CharField(_("type"), max_length=20, choices=OutcomeType.choices)
    # Translated into title_fi/sv/en (translation.py): the leadership report is trilingual.
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    value_estimate = models.DecimalField(
        _("value estimate"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Money won or saved, if it can be estimated."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_url = models.URLField(_("evidence address"), max_length=1000, blank=True)
    membership = models.ForeignKey(
        "registry.Membership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("membership"),
    )
    event = models.ForeignKey(
        "registry.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("event"),
    )
    goals = models.ManyToManyField(
        "registry.StrategicGoal",
        blank=True,
        related_name="outcomes",
        verbose_name=_("goals served"),
    )

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-date", "pk"]
        indexes = [models.Index(fields=["workspace", "date"], name="portfolio_outcome_ws_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(membership__isnull=False) | Q(event__isnull=False),
                name="portfolio_outcome_has_origin",
                violation_error_message=_(
                    "Name the membership or the event the outcome came from."
                ),
            ),
            models.CheckConstraint(
                condition=Q(value_estimate__isnull=True) | Q(value_estimate__gte=0),
                name="portfolio_outcome_value_not_negative",
                violation_error_message=_("A value estimate cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.title
