from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.registry.models.base import Sourced, Visibility, origin_unique


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Visit")
    STUDY_VISIT = "study_visit", _("Study visit")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "other", _("Other")


class Event(Sourced, Visibility):
    """An event or visit, with who organised it, who took part and a report."""

    # Translated into title_fi/sv/en (translation.py).
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    organiser = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organiser"),
    )
    participants = models.ManyToManyField(
        "registry.Organisation",
        blank=True,
        related_name="events",
        verbose_name=_("participating organisations"),
    )
    network = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_events",
        verbose_name=_("related network"),
    )
    themes = models.ManyToManyField("registry.Theme", blank=True, verbose_name=_("themes"))
    report = models.TextField(_("report"), blank=True)

    class Meta:
        verbose_name = _("event or visit")
        verbose_name_plural = _("events and visits")
        ordering = ["-start_date"]
        constraints = [
            origin_unique("event"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="registry_event_end_after_start",
                violation_error_message=_("The event cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title
