"""``verkosto import documents <folder>``: every .txt, .html, .pdf and .docx file of a
folder (or one such file) as a shared document.

Like every verkosto import it is all or nothing (``registry.importers.base``): one file
that cannot be read (damaged, password-protected, empty) is reported by name with the
reason and nothing is written, unless ``--allow-rejects``, which imports the readable
files and still reports the rest. The file name is the document's origin id, so importing
the folder again updates its documents (unchanged files are left alone) instead of
adding copies.
"""

import hashlib
from pathlib import Path

from django.core.files.storage import default_storage

from verkosto.knowledge import vectors
from verkosto.knowledge.extract import ExtractionError
from verkosto.knowledge.messages import extraction_message
from verkosto.knowledge.models import Document
from verkosto.knowledge.services import IMPORT_SOURCE, document_upload
from verkosto.registry.importers.base import FileImporter, ImportSummary, Outcome
from verkosto.registry.importers.errors import Message, RowRejected


class _Unreadable(Message):
    """Why a file cannot be read: extract's English reason for logs and the command line,
    the knowledge app's translated message (by the reason's code) on pages."""

    code: str

    def __new__(cls, error: ExtractionError) -> "_Unreadable":
        message = super().__new__(cls, str(error))
        message.code = error.code
        return message

    def localised(self) -> str:
        return extraction_message(ExtractionError(str(self), self.code))


SUFFIXES = frozenset({".txt", ".html", ".htm", ".pdf", ".docx"})


class DocumentFolderImporter(FileImporter):
    kind = "documents"
    help = "A folder of .txt, .html, .pdf and .docx files, as shared documents."
    suffixes = SUFFIXES

    def run(self, path: Path | str) -> ImportSummary:
        """The shared frame, then what its transaction cannot do: files are stored as they
        are read, so a rolled-back import (a dry run, a rejected file) deletes the files
        it stored; a committed one computes the documents' vectors at once, so the
        command line's next search has them (a save only queues that for the worker)."""
        self._stored: list[str] = []
        summary = super().run(path)
        if summary.committed:
            vectors.embed_missing(progress=self.progress)
        else:
            for name in self._stored:
                default_storage.delete(name)
        return summary

    def process_file(self, number: int, path: Path) -> Outcome:
        content = path.read_bytes()
        existing = Document.objects.filter(data_source=IMPORT_SOURCE, origin_id=path.name).first()
        unchanged = existing is not None and existing.text and existing.sha256 == _sha256(content)
        if unchanged:
            return Outcome.UNCHANGED
        try:
            document = document_upload(
                actor=self.actor,
                name=path.name,
                content=content,
                data_source=IMPORT_SOURCE,
                origin_id=path.name,
            )
        except ExtractionError as exc:
            raise RowRejected("", _Unreadable(exc)) from exc
        if existing is None or existing.file.name != document.file.name:
            self._stored.append(document.file.name)
        return Outcome.CREATED if existing is None else Outcome.UPDATED


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
