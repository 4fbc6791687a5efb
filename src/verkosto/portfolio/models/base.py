"""What every portfolio record shares: it is private to one workspace and may name a source."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Private(models.Model):
    """Costs, outcomes, indicators and reviews are a workspace's own data, never public:
    unlike registry facts there is no "empty workspace = public" case."""

    workspace = models.ForeignKey(
        "accounts.Workspace",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("workspace"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class OptionallySourced(models.Model):
    """A figure may cite its evidence (a budget line, an invoice, the demo's sample set).

    Optional, unlike registry facts: a coordinator typing in last year's travel costs has
    no document to cite, and asking for one would only produce empty "own records" sources.
    """

    source = models.ForeignKey(
        "registry.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source"),
    )

    class Meta:
        abstract = True
