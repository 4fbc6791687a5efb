from django.db import models
from django.utils.translation import gettext_lazy as _

from verkosto.registry.models.base import Sourced


class NetworkScope(models.TextChoices):
    INTERNATIONAL = "international", _("International")
    EU = "eu", _("EU")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")


class NetworkType(models.TextChoices):
    GENERAL = "general", _("General")
    THEMATIC = "thematic", _("Thematic")
    ADVOCACY = "advocacy", _("Advocacy")
    PARTNERSHIP_PROGRAMME = "partnership_programme", _("Partnership programme")


class NetworkProfile(Sourced):
    """What makes an organisation of kind *network* a network: scope, type, themes."""

    organisation = models.OneToOneField(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="network_profile",
        verbose_name=_("network"),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=NetworkScope.choices)
    type = models.CharField(_("type"), max_length=30, choices=NetworkType.choices)
    themes = models.ManyToManyField("registry.Theme", blank=True, verbose_name=_("themes"))
    secretariat = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="secretariat_of",
        verbose_name=_("secretariat"),
    )

    class Meta:
        verbose_name = _("network profile")
        verbose_name_plural = _("network profiles")

    def __str__(self) -> str:
        return str(self.organisation)
