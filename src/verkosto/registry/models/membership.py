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


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    BOARD = "board", _("Board member")
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")
    COORDINATOR = "coordinator", _("Coordinator")
    SECRETARIAT = "secretariat", _("Secretariat")
    OBSERVER = "observer", _("Observer")
    LEAD_PARTNER = "lead_partner", _("Lead partner")
    PARTNER = "partner", _("Partner")
    SIGNATORY = "signatory", _("Signatory")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PLANNED = "planned", _("Planned")
    SUSPENDED = "suspended", _("Suspended")
    ON_HOLD = "on_hold", _("On hold")
    ENDED = "ended", _("Ended")


class Membership(Sourced, Visibility, Period):
    """An organisation's membership in a network (or any organisation with members).

    Whether it is current is computed from ``start``/``end`` for a given day, never stored.
    """

    member = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("member"),
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="member_links",
        verbose_name=_("network or organisation"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    themes = models.ManyToManyField("registry.Theme", blank=True, verbose_name=_("themes"))
    commitments = models.CharField(
        _("commitments"), max_length=300, blank=True, help_text=_("E.g. CoM 2030, Mayors Adapt.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "member__name"]
        indexes = [
            models.Index(fields=["organisation", "member"], name="registry_membership_org_mem"),
            models.Index(fields=["member", "start", "end"], name="registry_membership_period"),
        ]
        constraints = [
            origin_unique("membership"),
            period_valid("membership"),
            models.CheckConstraint(
                condition=~Q(member=models.F("organisation")),
                name="registry_membership_not_self",
                violation_error_message=_("An organisation cannot be a member of itself."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.organisation}"


class MembershipFee(Sourced):
    """The annual fee a workspace pays for a membership: always private."""

    workspace = models.ForeignKey(
        "accounts.Workspace",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("workspace"),
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="fees", verbose_name=_("membership")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("membership fee")
        verbose_name_plural = _("membership fees")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "membership", "year"],
                name="registry_membershipfee_once_a_year",
                violation_error_message=_("This membership already has a fee for this year."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="registry_membershipfee_not_negative",
                violation_error_message=_("A fee cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2200),
                name="registry_membershipfee_year_range",
                violation_error_message=_("The year is out of range."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership} {self.year}: {self.amount} {self.currency}"


class MembershipContact(Sourced):
    """A workspace's contact person for a membership: always private."""

    workspace = models.ForeignKey(
        "accounts.Workspace",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("workspace"),
    )
    membership = models.ForeignKey(
        Membership,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("membership"),
    )
    person = models.ForeignKey(
        "registry.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("membership contact")
        verbose_name_plural = _("membership contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "membership", "person"],
                name="registry_membershipcontact_once",
                violation_error_message=_("This person is already a contact for this membership."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.membership})"
