from django.db import models
from django.utils.translation import gettext_lazy as _

from verkosto.registry.models.base import (
    Period,
    Sourced,
    Visibility,
    origin_unique,
    period_valid,
)


class PartnershipKind(models.TextChoices):
    ALLIANCE = "alliance", _("Alliance")
    PARTNERSHIP = "partnership", _("Partnership")
    AGREEMENT = "agreement", _("Agreement")
    LAND_USE_AGREEMENT = "mal_agreement", _("Land use, housing and transport (MAL) agreement")
    ECOSYSTEM_AGREEMENT = "ecosystem_agreement", _("Ecosystem agreement")
    WORKING_GROUP = "working_group", _("Cooperation group")
    PROGRAMME = "programme", _("Programme")


class Partnership(Sourced, Visibility, Period):
    """A partnership or agreement between any number of parties (state and cities, …)."""

    # Translated into name_fi/sv/en and description_fi/sv/en (translation.py).
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=PartnershipKind.choices)
    themes = models.ManyToManyField("registry.Theme", blank=True, verbose_name=_("themes"))
    coordinator = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_partnerships",
        verbose_name=_("coordinating body"),
    )
    parties = models.ManyToManyField(
        "registry.Organisation",
        through="PartnershipParty",
        related_name="partnerships",
        verbose_name=_("parties"),
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]
        constraints = [origin_unique("partnership"), period_valid("partnership")]

    def __str__(self) -> str:
        return self.name


class PartyRole(models.TextChoices):
    STATE = "state", _("State body")
    CITY = "city", _("City")
    REGION = "region", _("Region")
    UNIVERSITY = "university", _("University")
    COORDINATOR = "coordinator", _("Coordinator")
    SECRETARIAT = "secretariat", _("Secretariat")
    OTHER = "other", _("Other party")


class PartnershipParty(Sourced):
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="party_links",
        verbose_name=_("partnership"),
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="partnership_links",
        verbose_name=_("party"),
    )
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices)

    class Meta:
        verbose_name = _("partnership party")
        verbose_name_plural = _("partnership parties")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation", "role"],
                name="registry_partnershipparty_once",
                violation_error_message=_("This party already has this role."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"
