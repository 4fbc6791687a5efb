from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.registry.models.base import Period, Sourced, origin_unique, period_valid


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    STATE_BODY = "state_body", _("State body")
    NETWORK = "network", _("Network")
    ASSOCIATION = "association", _("Association")
    UNIVERSITY = "university", _("University")
    COMPANY = "company", _("Company")
    EU_BODY = "eu_body", _("EU body")
    OTHER = "other", _("Other")


class Organisation(Sourced):
    """A municipality, region, state body, network, association, university, company…"""

    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    # Translated into name_fi/name_sv/name_en by modeltranslation (translation.py).
    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(
        _("country"), max_length=2, blank=True, db_index=True, help_text=_("ISO 3166-1 code")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent (region)"),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    language_status = models.CharField(
        _("language status"),
        max_length=100,
        blank=True,
        help_text=_("Official language status, e.g. bilingual with Finnish as majority language."),
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    dissolved = models.DateField(_("dissolved"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor"),
        help_text=_("The organisation this one merged into."),
    )
    # Folded names, aliases and identifiers, '|'-separated, kept up to date by
    # services.organisation_refresh_search_key so finding by any name is one query.
    search_key = models.TextField(_("search key"), blank=True, editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "country"], name="registry_org_kind_country")]
        constraints = [
            origin_unique("organisation"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="registry_organisation_latitude_range",
                violation_error_message=_("Latitude is between -90 and 90."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="registry_organisation_longitude_range",
                violation_error_message=_("Longitude is between -180 and 180."),
            ),
            models.CheckConstraint(
                condition=Q(founded__isnull=True)
                | Q(dissolved__isnull=True)
                | Q(dissolved__gte=models.F("founded")),
                name="registry_organisation_dissolved_after_founded",
                violation_error_message=_("An organisation cannot be dissolved before founded."),
            ),
            models.CheckConstraint(
                condition=~Q(successor=models.F("pk")) & ~Q(parent=models.F("pk")),
                name="registry_organisation_not_own_relative",
                violation_error_message=_("An organisation cannot be its own parent or successor."),
            ),
        ]

    def __str__(self) -> str:
        return self.name or "?"


class NameKind(models.TextChoices):
    ALIAS = "alias", _("Alias")
    ABBREVIATION = "abbreviation", _("Abbreviation")
    FORMER = "former", _("Former name")
    OFFICIAL = "official", _("Official name")
    TRANSLATION = "translation", _("Name in another language")


class OrganisationName(Sourced, Period):
    """Another name: 'HINKU', 'Åbo', 'Helsingin kaupunki', a name before a merger."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="other_names"
    )
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=NameKind.choices)
    language = models.CharField(_("language"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        ordering = ["name"]
        constraints = [
            origin_unique("organisationname"),
            period_valid("organisationname"),
            models.UniqueConstraint(
                fields=["organisation", "name", "kind"],
                name="registry_organisationname_once",
                violation_error_message=_("The organisation already has this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class IdentifierScheme(models.TextChoices):
    STATFI_MUNICIPALITY = "statfi_municipality", _("Statistics Finland municipality code")
    SE_KOMMUNKOD = "se_kommunkod", _("Swedish municipality code (kommunkod)")
    SE_LANSKOD = "se_lanskod", _("Swedish county code (länskod)")
    STATFI_REGION = "statfi_region", _("Statistics Finland region code")
    LAU = "lau", _("EU LAU code")
    NUTS = "nuts", _("NUTS code")
    WIKIDATA = "wikidata", _("Wikidata QID")
    COVENANT = "covenant", _("Covenant of Mayors signatory id")
    BUSINESS_ID = "business_id", _("Business ID (Y-tunnus / organisationsnummer)")


class Identifier(Sourced):
    """An official code; unique per scheme, so two organisations never share one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="identifiers"
    )
    scheme = models.CharField(_("scheme"), max_length=30, choices=IdentifierScheme.choices)
    value = models.CharField(_("value"), max_length=100)

    class Meta:
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")
        ordering = ["scheme", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"],
                name="registry_identifier_unique_per_scheme",
                violation_error_message=_("Another organisation already has this identifier."),
            ),
            models.CheckConstraint(
                condition=~Q(value=""),
                name="registry_identifier_not_empty",
                violation_error_message=_("An identifier needs a value."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"
