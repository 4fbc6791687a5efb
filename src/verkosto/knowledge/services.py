"""Every write to the knowledge base: permission and rule checks, then the item and its
search index row in one transaction.

Who may write: a private item (``workspace`` set) needs the editor role in that
workspace; a shared item needs an editor of a workspace of the organisation it belongs
to (or any editor when it names no organisation), as for shared registry facts.
"""

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import models, transaction

from verkosto.accounts.permissions import (
    Actor,
    history_user,
    require_editor_anywhere,
    require_fact_write,
)
from verkosto.knowledge.extract import extract
from verkosto.knowledge.indexing import index_item
from verkosto.knowledge.models import Document, GoodPractice, Report
from verkosto.registry.services.common import apply_changes, save_validated, set_m2m

IMPORT_SOURCE = "import-documents"


def require_item_write(actor: Actor, item: models.Model) -> None:
    """PermissionDenied unless ``actor`` may create, change or delete ``item``."""
    organisation_ids = [
        i for i in (getattr(item, "organisation_id", None), getattr(item, "network_id", None)) if i
    ]
    if item.workspace_id is None and not organisation_ids:
        require_editor_anywhere(actor)
    else:
        require_fact_write(actor, workspace_id=item.workspace_id, organisation_ids=organisation_ids)


def _save(
    actor: Actor,
    item: models.Model,
    *,
    themes: Iterable | None = None,
    attachments: Iterable | None = None,
    reason: str = "",
) -> None:
    require_item_write(actor, item)
    if item.pk is not None:
        # The stored item decides too: otherwise an editor could take over another
        # organisation's practice by saving it under their own organisation.
        stored = type(item)._default_manager.filter(pk=item.pk).first()
        if stored is not None:
            require_item_write(actor, stored)
    with transaction.atomic():
        save_validated(item, actor=actor, reason=reason)
        set_m2m(item, "themes", themes)
        if attachments is not None:
            set_m2m(item, "attachments", attachments)
        index_item(item)


def practice_save(
    *,
    actor: Actor,
    practice: GoodPractice,
    themes: Iterable | None = None,
    attachments: Iterable | None = None,
) -> GoodPractice:
    """Create (no pk yet) or update a good practice; ``None`` leaves a many-to-many alone."""
    _save(actor, practice, themes=themes, attachments=attachments)
    return practice


def report_save(*, actor: Actor, report: Report, themes: Iterable | None = None) -> Report:
    _save(actor, report, themes=themes)
    return report


def item_delete(*, actor: Actor, item: models.Model) -> None:
    """Delete a practice, report or document; its index row goes with it (signal)."""
    require_item_write(actor, item)
    with transaction.atomic():
        item._history_user = None if getattr(actor, "pk", None) is None else actor
        item.delete()


def document_upload(
    *,
    actor: Actor,
    name: str,
    content: bytes,
    workspace=None,
    organisation=None,
    title: str = "",
    themes: Iterable | None = None,
    language: str = "",
    data_source: str = "",
    origin_id: str = "",
) -> Document:
    """Store an uploaded file with the text read from it.

    Raises ``extract.ExtractionError`` (a broken or password-protected file) before
    anything is written. With ``data_source`` + ``origin_id`` an existing document of
    that origin is updated in place (re-imports do not add copies).
    """
    extracted = extract(name, content)
    digest = hashlib.sha256(content).hexdigest()
    document = None
    if origin_id:
        document = Document.objects.filter(data_source=data_source, origin_id=origin_id).first()
    if document is None:
        document = Document(data_source=data_source, origin_id=origin_id)
    document.workspace = workspace
    document.organisation = organisation
    document.title = title or extracted.title or Path(name).stem
    document.language = language or extracted.language
    document.format = extracted.format
    document.text = extracted.text
    document.size = len(content)
    require_item_write(actor, document)
    with transaction.atomic():
        if document.sha256 != digest or not document.file:
            document.file.save(Path(name).name, ContentFile(content), save=False)
            document.sha256 = digest
        _save(actor, document, themes=themes, reason="upload" if not data_source else "import")
    return document


# What the metadata of a document is: what its file cannot tell, and who sees it.
DOCUMENT_METADATA = frozenset({"title", "summary", "language", "organisation", "workspace"})


def document_update(
    *,
    actor: Actor,
    document: Document,
    themes: Iterable | None = None,
    **changes: Any,
) -> list[str]:
    """Change a document's metadata (``DOCUMENT_METADATA``; ``themes`` None leaves them
    alone); the file and the text read from it stay as they are. Returns the names of
    what changed; nothing is saved (and no history written) when nothing did.

    The actor must be allowed to write the document as stored and as it becomes, so
    nobody moves another organisation's document into their own by editing it.
    """
    unknown = set(changes) - DOCUMENT_METADATA
    if unknown:
        raise TypeError(f"not document metadata: {', '.join(sorted(unknown))}")
    stored = Document.objects.filter(pk=document.pk).only("workspace", "organisation").first()
    require_item_write(actor, stored if stored is not None else document)
    changed = apply_changes(document, changes)
    document._history_user = history_user(actor)  # also for a change of themes alone
    with transaction.atomic():
        if changed:
            save_validated(document, actor=actor)
        if set_m2m(document, "themes", themes):
            changed.append("themes")
        if changed:
            require_item_write(actor, document)  # raises inside the transaction: nothing kept
            index_item(document)
    return changed
