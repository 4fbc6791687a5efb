"""Generating the report in the background: start a job, run it with visible progress.

In a deployment the queue is the database (django-tasks-db) and ``verkosto db_worker``
runs it; tests use the immediate backend, which runs the job as it is queued. Progress is
written in separate short updates (not inside one transaction), so the job page sees it.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.accounts.models import Role, Workspace
from verkosto.accounts.permissions import SYSTEM, Actor, require_role
from verkosto.portfolio.models.report_job import (
    ReportFormat,
    ReportJob,
    ReportJobStatus,
    ReportStep,
)
from verkosto.portfolio.report.assemble import report_assemble
from verkosto.portfolio.report.render import report_render
from verkosto.registry.models import Organisation

logger = logging.getLogger(__name__)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def report_job_start(
    *,
    actor: Actor,
    workspace: Workspace,
    year: int,
    language: str,
    format: str,
    organisation: Organisation | None = None,
) -> ReportJob:
    """Queue a report of ``workspace``'s organisation (or ``organisation``) for ``year``.

    Reading a workspace's costs and evaluations needs the viewer role in it.
    """
    from verkosto.portfolio.tasks import report_job_run  # the task module imports this one

    require_role(actor, workspace, Role.VIEWER)
    errors = {}
    if language not in LANGUAGE_CODES:
        errors["language"] = _("Choose Finnish, Swedish or English.")
    if format not in ReportFormat.values:
        errors["format"] = _("Choose PDF, XLSX or HTML.")
    if not 1900 <= int(year) <= 2200:
        errors["year"] = _("The year is out of range.")
    if errors:
        raise ValidationError(errors)
    job = ReportJob.objects.create(
        workspace=workspace,
        organisation=organisation or workspace.organisation,
        year=year,
        language=language,
        format=format,
        created_by=None if actor is SYSTEM else actor,
    )
    try:
        result = report_job_run.enqueue(job.pk)
    except Exception:
        logger.exception("could not queue report job %s", job.pk)
        _update(job.pk, status=ReportJobStatus.FAILED, error=_("The task queue refused the job."))
    else:
        ReportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def _update(job_id: int, **fields) -> None:
    if fields.get("status") in (ReportJobStatus.DONE, ReportJobStatus.FAILED):
        fields["finished_at"] = timezone.now()
    ReportJob.objects.filter(pk=job_id).update(**fields)


def report_job_execute(*, job_id: int) -> dict:
    """Run a queued job; the job records the outcome whatever happens."""
    job = ReportJob.objects.select_related("workspace", "organisation").get(pk=job_id)
    if job.status != ReportJobStatus.QUEUED:
        return {"status": job.status}  # a task delivered twice runs once
    _update(
        job.pk,
        status=ReportJobStatus.RUNNING,
        step=ReportStep.READING,
        progress=10,
        started_at=timezone.now(),
    )
    try:
        report = report_assemble(
            workspace=job.workspace,
            organisation=job.organisation,
            year=job.year,
            language=job.language,
        )
        _update(job.pk, step=ReportStep.DRAWING, progress=50)
        rendered = report_render(report, job.format)
        _update(job.pk, step=ReportStep.SAVING, progress=90)
    except Exception as exc:
        logger.exception("report job %s failed", job.pk)
        _update(job.pk, status=ReportJobStatus.FAILED, error=f"{type(exc).__name__}: {exc}")
        return {"status": ReportJobStatus.FAILED}
    _update(
        job.pk,
        status=ReportJobStatus.DONE,
        step=ReportStep.FINISHED,
        progress=100,
        content=rendered.content,
        file_name=rendered.file_name,
    )
    return {"status": ReportJobStatus.DONE, "bytes": len(rendered.content)}
