from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """A document, web page or data set that facts come from."""

    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("address"), max_length=1000, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    published = models.DateField(_("date"), null=True, blank=True)
    document = models.FileField(_("document"), upload_to="sources/%Y/", blank=True)
    locator = models.CharField(
        _("locator"), max_length=300, blank=True, help_text=_("Page, section or file name.")
    )
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    attribution = models.CharField(_("attribution"), max_length=500, blank=True)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Illustrative figures for trying verkosto out; not facts."),
    )
    key = models.SlugField(
        _("key"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable name for sources that importers and the demo data reuse."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({_('sample data')})" if self.is_sample else self.title
