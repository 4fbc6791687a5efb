"""Indicators with a baseline, a target and values over time (seed 001: follow impact)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.portfolio.models.base import OptionallySourced, Private


class Direction(models.TextChoices):
    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")


class Indicator(Private, OptionallySourced):
    """A measure attached to exactly one of: an organisation, a strategic goal, a membership.

    ``owner`` is who defines and reports it (a city, or a network such as HINKU whose
    members share the indicator), which need not be what it is attached to.
    """

    # Translated into name_fi/sv/en (translation.py).
    name = models.CharField(_("name"), max_length=300)
    owner = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.PROTECT,
        related_name="owned_indicators",
        verbose_name=_("owner"),
    )
    unit = models.CharField(_("unit"), max_length=50, help_text=_("E.g. t CO₂e, %, persons."))
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("organisation"),
    )
    goal = models.ForeignKey(
        "registry.StrategicGoal",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("strategic goal"),
    )
    membership = models.ForeignKey(
        "registry.Membership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("membership"),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(organisation__isnull=False, goal__isnull=True, membership__isnull=True)
                    | Q(organisation__isnull=True, goal__isnull=False, membership__isnull=True)
                    | Q(organisation__isnull=True, goal__isnull=True, membership__isnull=False)
                ),
                name="portfolio_indicator_one_target",
                violation_error_message=_(
                    "Attach the indicator to exactly one of: an organisation, a goal, a membership."
                ),
            ),
            models.CheckConstraint(
                condition=Q(baseline_year__isnull=True)
                | Q(target_year__isnull=True)
                | Q(target_year__gte=models.F("baseline_year")),
                name="portfolio_indicator_target_after_baseline",
                violation_error_message=_("The target year cannot be before the baseline year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class IndicatorValue(OptionallySourced):
    """One measured value; private through its indicator's workspace."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"],
                name="portfolio_indicatorvalue_once_a_day",
                violation_error_message=_("This indicator already has a value for this date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.date})"
