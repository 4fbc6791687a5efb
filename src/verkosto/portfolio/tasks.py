"""Background tasks of the portfolio app, run by Django's task framework (see
portfolio.report.jobs: the database queue and ``verkosto db_worker`` in a deployment, the
immediate backend in tests)."""

from django.tasks import task

from verkosto.portfolio.report.jobs import report_job_execute


@task()
def report_job_run(job_id: int) -> dict:
    return report_job_execute(job_id=job_id)
