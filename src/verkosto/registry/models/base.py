"""What every registry fact has: a source, an import origin, visibility and timestamps."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.common.partial_dates import PartialDate, Precision


class PrecisionChoices(models.TextChoices):
    YEAR = Precision.YEAR.value, _("year")
    MONTH = Precision.MONTH.value, _("month")
    DAY = Precision.DAY.value, _("day")


class Sourced(models.Model):
    """A fact with its evidence and, when imported, the row it came from.

    ``data_source`` + ``origin_id`` name the row in the external data set, so a re-import
    updates the same record instead of adding a duplicate.
    """

    source = models.ForeignKey(
        "registry.Source",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("The document or data set this fact comes from."),
    )
    data_source = models.CharField(_("data source"), max_length=50, blank=True, db_index=True)
    origin_id = models.CharField(_("origin id"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def origin_unique(model_name: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["data_source", "origin_id"],
        condition=~Q(origin_id=""),
        name=f"registry_{model_name}_origin_unique",
        violation_error_message=_("A record from this data source with this origin id exists."),
    )


class Visibility(models.Model):
    """Public when ``workspace`` is empty; otherwise private to that workspace."""

    workspace = models.ForeignKey(
        "accounts.Workspace",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("private to workspace"),
        help_text=_("Leave empty for a public fact that every workspace sees."),
    )

    class Meta:
        abstract = True


class Period(models.Model):
    """A start and end given to year, month or day (see common.partial_dates).

    ``start`` holds the first day the start may mean and ``end`` the last day the end may
    mean, so "current on day D" is ``start <= D <= end`` with open ends.
    """

    start = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("start precision"), max_length=5, choices=PrecisionChoices.choices, default="day"
    )
    end = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end precision"), max_length=5, choices=PrecisionChoices.choices, default="day"
    )

    class Meta:
        abstract = True

    @property
    def start_partial(self) -> PartialDate | None:
        return PartialDate.from_date(self.start, self.start_precision) if self.start else None

    @property
    def end_partial(self) -> PartialDate | None:
        return PartialDate.from_date(self.end, self.end_precision) if self.end else None

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or dt.date.today()
        return (self.start is None or self.start <= on) and (self.end is None or self.end >= on)

    @staticmethod
    def current_q(on: dt.date, prefix: str = "") -> Q:
        """The filter for periods current on ``on``; ``prefix`` for a related model."""
        return (Q(**{f"{prefix}start__isnull": True}) | Q(**{f"{prefix}start__lte": on})) & (
            Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": on})
        )


def period_valid(model_name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
        name=f"registry_{model_name}_end_after_start",
        violation_error_message=_("The end cannot be before the start."),
    )
