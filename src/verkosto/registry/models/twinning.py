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


class TwinningKind(models.TextChoices):
    TWIN_TOWN = "twin_town", _("Twin town")
    SISTER_CITY = "sister_city", _("Sister city")
    FRIENDSHIP_CITY = "friendship_city", _("Friendship city")
    PARTNER_CITY = "partner_city", _("Partner city")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Cooperation agreement")


class TwinningStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")


class Twinning(Sourced, Visibility, Period):
    """An unordered pair of municipalities.

    The pair is stored with the smaller id first (``services.twinning_create`` orders it);
    the database then rejects self-twinning and the same pair in either order.
    ``start``/``end`` are the *since* and *until* of the relationship.
    """

    first = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="twinnings_first",
        verbose_name=_("municipality"),
    )
    second = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="twinnings_second",
        verbose_name=_("twin municipality"),
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=TwinningKind.choices, default=TwinningKind.TWIN_TOWN
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TwinningStatus.choices, default=TwinningStatus.ACTIVE
    )
    status_reason = models.TextField(_("reason for status"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("twinning")
        verbose_name_plural = _("twinnings")
        ordering = ["first__name", "second__name"]
        constraints = [
            origin_unique("twinning"),
            period_valid("twinning"),
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")),
                name="registry_twinning_ordered_pair",
                violation_error_message=_("A municipality cannot be twinned with itself."),
            ),
            models.UniqueConstraint(
                fields=["first", "second"],
                name="registry_twinning_pair_once",
                violation_error_message=_("These municipalities are already twinned."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} ↔ {self.second}"

    def other(self, organisation_id: int):
        return self.second if self.first_id == organisation_id else self.first
