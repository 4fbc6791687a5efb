from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.registry.models.base import (
    Period,
    Sourced,
    Visibility,
    origin_unique,
    period_valid,
)


class GoalLevel(models.TextChoices):
    LOCAL = "local", _("Local")
    NATIONAL = "national", _("National")
    EU = "eu", _("EU")
    INTERNATIONAL = "international", _("International")


class StrategicGoal(Sourced, Visibility, Period):
    """A goal an organisation pursues (e.g. Helsinki's advocacy priorities)."""

    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("organisation"),
    )
    # Translated into title_fi/sv/en and description_fi/sv/en (translation.py).
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    level = models.CharField(_("level"), max_length=20, choices=GoalLevel.choices, blank=True)
    themes = models.ManyToManyField("registry.Theme", blank=True, verbose_name=_("themes"))
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=2, help_text=_("1 = highest, 3 = lowest.")
    )

    class Meta:
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")
        ordering = ["organisation__name", "priority", "title"]
        constraints = [
            origin_unique("strategicgoal"),
            period_valid("strategicgoal"),
            models.CheckConstraint(
                condition=Q(priority__gte=1, priority__lte=3),
                name="registry_strategicgoal_priority_range",
                violation_error_message=_("Priority is 1, 2 or 3."),
            ),
        ]

    def __str__(self) -> str:
        return self.title
