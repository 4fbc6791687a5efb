from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    """A topic of cooperation in a multilingual hierarchy (climate › carbon neutrality)."""

    code = models.SlugField(_("code"), max_length=100, unique=True)
    # Translated into label_fi/label_sv/label_en by modeltranslation (translation.py).
    label = models.CharField(_("label"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("broader theme"),
    )
    sdg = models.PositiveSmallIntegerField(
        _("SDG"), null=True, blank=True, help_text=_("UN Sustainable Development Goal, 1–17.")
    )
    eurovoc_id = models.CharField(_("EuroVoc concept"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sdg__isnull=True) | Q(sdg__gte=1, sdg__lte=17),
                name="registry_theme_sdg_range",
                violation_error_message=_("An SDG number is between 1 and 17."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="registry_theme_not_own_parent",
                violation_error_message=_("A theme cannot be its own broader theme."),
            ),
        ]

    def __str__(self) -> str:
        return self.label or self.code
