"""Background tasks of the knowledge app, run by Django's task framework (the database
queue and ``verkosto db_worker`` in a deployment, the immediate backend in tests)."""

from django.tasks import task

from verkosto.knowledge.vectors import embed_missing


@task()
def embed_missing_items() -> int:
    """Compute the vectors of items saved since the last run (vectors.drop_outdated)."""
    return embed_missing()
