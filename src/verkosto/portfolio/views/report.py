"""The leadership report pages: the report on screen, "Generate report" (a background job),
the job's progress (polled with htmx) and the download.

Costs and evaluations are private, so every page needs the viewer role in the workspace
the report is about; a job of another workspace is answered as if it did not exist.
"""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from verkosto.accounts.models import Role
from verkosto.accounts.permissions import has_role
from verkosto.common.forms import add_service_errors
from verkosto.portfolio.models import Review
from verkosto.portfolio.models.report_job import ReportJob, ReportJobStatus
from verkosto.portfolio.report.assemble import report_assemble
from verkosto.portfolio.report.forms import ReportForm
from verkosto.portfolio.report.html import report_context
from verkosto.portfolio.report.jobs import report_job_start
from verkosto.portfolio.report.render import CONTENT_TYPES
from verkosto.portfolio.views.common import workspace_or_403

POLL_SECONDS = 1


def _default_year(workspace) -> int:
    """The latest reviewed year, else the current one."""
    latest = (
        Review.objects.filter(workspace=workspace, organisation=workspace.organisation)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    return latest or dt.date.today().year


def _year(request: HttpRequest, workspace) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return _default_year(workspace)
    return year if 1900 <= year <= 2200 else _default_year(workspace)


def _render_page(request: HttpRequest, workspace, year: int, form: ReportForm, status=200):
    language = (get_language() or "fi").split("-")[0]
    report = report_assemble(
        workspace=workspace, organisation=workspace.organisation, year=year, language=language
    )
    context = report_context(report)
    context.update(
        {
            "workspace": workspace,
            "form": form,
            "jobs": ReportJob.objects.filter(workspace=workspace, created_by=request.user)
            .select_related("organisation")
            .defer("content")[:5],
        }
    )
    return render(request, "portfolio/report.html", context, status=status)


@login_required
@require_GET
def report_page(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request)
    year = _year(request, workspace)
    return _render_page(request, workspace, year, ReportForm(year=year))


@login_required
@require_POST
def report_generate(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            job = report_job_start(actor=request.user, workspace=workspace, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("portfolio:report-job", pk=job.pk)
    year = form.cleaned_data.get("year") or _default_year(workspace)
    return _render_page(request, workspace, year, form, status=400)


def _readable_job(request: HttpRequest, pk: int, *, with_content: bool = False) -> ReportJob:
    jobs = ReportJob.objects.select_related("organisation", "workspace")
    job = (jobs if with_content else jobs.defer("content")).filter(pk=pk).first()
    if job is None or not has_role(request.user, job.workspace_id, Role.VIEWER):
        raise Http404
    return job


@login_required
@require_GET
def report_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _readable_job(request, pk)
    context = {"job": job, "poll_seconds": POLL_SECONDS}
    if getattr(request, "htmx", False):
        return render(request, "portfolio/report/_job_status.html", context)
    return render(request, "portfolio/report_job.html", context)


@login_required
@require_GET
def report_job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = _readable_job(request, pk, with_content=True)
    if job.status != ReportJobStatus.DONE or job.content is None:
        raise Http404
    response = HttpResponse(bytes(job.content), content_type=CONTENT_TYPES[job.format])
    response["Content-Disposition"] = f'attachment; filename="{job.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
