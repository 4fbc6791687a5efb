"""One generation of the leadership report, run in the background with its progress."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verkosto.portfolio.models.base import Private


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", _("Excel (XLSX)")
    HTML = "html", "HTML"


class ReportJobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ReportStep(models.TextChoices):
    """What the worker is doing, shown next to the progress bar."""

    WAITING = "waiting", _("Waiting for a worker")
    READING = "reading", _("Reading the portfolio")
    DRAWING = "drawing", _("Drawing the report")
    SAVING = "saving", _("Saving the file")
    FINISHED = "finished", _("Finished")


class ReportJob(Private):
    """The file is kept in the database, not on disk, so that a worker on another machine
    can write it and any web process can serve it (as exchange.ImportJob keeps its input)."""

    organisation = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=5, choices=ReportFormat.choices)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReportJobStatus.choices,
        default=ReportJobStatus.QUEUED,
    )
    step = models.CharField(
        _("step"), max_length=10, choices=ReportStep.choices, default=ReportStep.WAITING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    content = models.BinaryField(_("file"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="portfolio_reportjob_progress_range",
                violation_error_message=_("Progress is a percentage."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year} {self.format} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ReportJobStatus.DONE, ReportJobStatus.FAILED)
