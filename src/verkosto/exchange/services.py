"""Starting a background import and running it.

``import_job_start`` checks who asks and what was sent, stores the file in an ImportJob
and queues ``tasks.import_job_run``; the worker (``verkosto db_worker``) calls
``import_job_execute``, which runs the importer — all or nothing, as on the command line
— and records its progress and outcome on the job.
"""

import logging
import tempfile
import threading
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import SYSTEM, Actor
from verkosto.exchange.models import ImportJob, ImportKind, ImportStatus
from verkosto.registry.importers.catalogue import importer_class
from verkosto.registry.importers.csvfile import MAX_FILE_BYTES

logger = logging.getLogger(__name__)


def require_steward(actor: Actor) -> None:
    if not (actor is SYSTEM or getattr(actor, "is_superuser", False)):
        raise PermissionDenied(_("Only registry stewards (superusers) may import data."))


def import_job_start(
    *,
    actor: Actor,
    kind: str,
    file_name: str,
    content: bytes,
    workspace: Workspace | None = None,
) -> ImportJob:
    """Store an uploaded file as a queued job and hand it to the task worker."""
    from verkosto.exchange.tasks import import_job_run  # the task module imports this one

    require_steward(actor)
    if kind not in ImportKind.values:
        raise ValidationError({"kind": _("Choose popolo or ftm.")})
    if len(content) > MAX_FILE_BYTES:
        raise ValidationError(
            {"file": _("The file is larger than %(limit)d bytes.") % {"limit": MAX_FILE_BYTES}}
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"file": _("The file is not UTF-8 text.")}) from None
    job = ImportJob.objects.create(
        kind=kind,
        file_name=Path(file_name).name[:200] or f"upload.{kind}",
        payload=text,
        workspace=workspace,
        created_by=None if actor is SYSTEM else actor,
    )
    try:
        result = import_job_run.enqueue(job.pk)
    except Exception:
        logger.exception("could not queue import job %s", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED,
            finished_at=timezone.now(),
            errors=[{"line": 0, "field": "", "message": "the task queue refused the job"}],
        )
    else:
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def _progress_saver(job_id: int):
    """Record progress while the import's transaction is open.

    The import writes inside one transaction, which other connections cannot see into;
    progress is therefore written through a connection of its own (a short thread).
    SQLite allows one writer at a time, so there only the start and the end are shown.
    """
    if connection.vendor == "sqlite":
        return None

    def save(done: int, total: int) -> None:
        def write() -> None:
            try:
                ImportJob.objects.filter(pk=job_id).update(processed=done, total=total)
            finally:
                connections.close_all()

        thread = threading.Thread(target=write)
        thread.start()
        thread.join()

    return save


def import_job_execute(*, job_id: int) -> dict:
    """Run a queued import; the job records the outcome whatever happens."""
    job = ImportJob.objects.select_related("workspace", "created_by").get(pk=job_id)
    if job.status != ImportStatus.QUEUED:
        return {"status": job.status}  # a task delivered twice runs once
    job.status, job.started_at = ImportStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    actor = job.created_by or SYSTEM
    options = {"workspace": [job.workspace.slug]} if job.workspace else {}
    try:
        importer = importer_class(job.kind)(
            actor=actor, options=options, on_progress=_progress_saver(job.pk)
        )
        with tempfile.TemporaryDirectory(prefix="verkosto-import-") as folder:
            path = Path(folder) / job.file_name
            path.write_text(job.payload, encoding="utf-8")
            summary = importer.run(path)
    except Exception as exc:
        logger.exception("import job %s failed", job.pk)
        job.status = ImportStatus.FAILED
        job.errors = [{"line": 0, "field": "", "message": f"{type(exc).__name__}: {exc}"}]
    else:
        job.status = ImportStatus.DONE if summary.committed else ImportStatus.FAILED
        for key, value in summary.counts().items():
            setattr(job, key, value)
        job.total = max(importer.total, job.total)
        job.processed = importer.done
        job.errors = [issue.as_dict() for issue in summary.rejections]
    job.finished_at = timezone.now()
    job.payload = ""
    job.save()
    return {"status": job.status, "created": job.created, "rejected": job.rejected}
