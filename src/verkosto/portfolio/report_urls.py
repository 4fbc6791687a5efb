"""Routes of the leadership report, included by portfolio.urls under report/."""

from django.urls import path

from verkosto.portfolio.views import report

urlpatterns = [
    path("", report.report_page, name="report"),
    path("generate/", report.report_generate, name="report-generate"),
    path("jobs/<int:pk>/", report.report_job, name="report-job"),
    path("jobs/<int:pk>/download/", report.report_job_download, name="report-job-download"),
]
