"""What a membership costs a workspace, per year and kind."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.portfolio.models.base import OptionallySourced, Private


class CostKind(models.TextChoices):
    FEE = "fee", _("Membership fee")
    STAFF = "staff", _("Staff time")
    TRAVEL = "travel", _("Travel")
    OTHER = "other", _("Other")


# Membership fees already live in registry.MembershipFee (one per workspace, membership and
# year). They are NOT copied into CostLine: selectors.costs turns them into fee lines of the
# scoring input, so a fee is entered and corrected in one place only. CostLine therefore
# refuses kind "fee" (the cost form sends fees to registry's membership_fee_set instead).
COST_LINE_KINDS = [(k.value, k.label) for k in CostKind if k != CostKind.FEE]


class CostLine(Private, OptionallySourced):
    """One cost of a membership in a year other than its fee: staff time, travel, other."""

    membership = models.ForeignKey(
        "registry.Membership",
        on_delete=models.CASCADE,
        related_name="cost_lines",
        verbose_name=_("membership"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=COST_LINE_KINDS)
    # For staff time, amount = staff_hours × hourly_rate (set by the service), stored so that
    # sums are plain SQL and a later change of rate does not silently rewrite history.
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    staff_hours = models.DecimalField(
        _("staff hours"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    hourly_rate = models.DecimalField(
        _("hourly rate"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        ordering = ["-year", "kind", "pk"]
        indexes = [
            models.Index(fields=["workspace", "membership", "year"], name="portfolio_cost_ws_m_y")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="fee"),
                name="portfolio_costline_not_fee",
                violation_error_message=_(
                    "Membership fees are recorded as the membership's fee, not as a cost line."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="portfolio_costline_not_negative",
                violation_error_message=_("A cost cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2200),
                name="portfolio_costline_year_range",
                violation_error_message=_("The year is out of range."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="staff")
                | Q(staff_hours__isnull=False, hourly_rate__isnull=False),
                name="portfolio_costline_staff_hours",
                violation_error_message=_("Staff time needs the hours and the hourly rate."),
            ),
            models.CheckConstraint(
                condition=Q(kind="staff") | Q(staff_hours__isnull=True, hourly_rate__isnull=True),
                name="portfolio_costline_hours_only_staff",
                violation_error_message=_("Hours and an hourly rate belong to staff time only."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership} {self.year} {self.get_kind_display()}: {self.amount}"
