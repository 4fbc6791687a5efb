"""Background tasks of the exchange app, run by Django's task framework.

In a deployment the queue is the database (django-tasks-db) and ``verkosto db_worker``
runs it; tests use the immediate backend, which runs a task as it is queued.
"""

from django.tasks import task

from verkosto.exchange.services import import_job_execute


@task()
def import_job_run(job_id: int) -> dict:
    return import_job_execute(job_id=job_id)
