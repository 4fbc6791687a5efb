"""``verkosto import documents <folder>``: every .txt, .html, .pdf and .docx file of a
folder as a shared document.

Like every verkosto import it is all or nothing: one file that cannot be read (damaged,
password-protected, empty) is reported by name with the reason and nothing is written,
unless ``--allow-rejects``, which imports the readable files and still reports the rest.
The file name is the document's origin id, so importing the folder again updates its
documents (unchanged files are left alone) instead of adding copies.
"""

from pathlib import Path

from django.db import transaction
from tqdm import tqdm

from verkosto.knowledge.extract import ExtractionError
from verkosto.knowledge.models import Document
from verkosto.knowledge.services import IMPORT_SOURCE, document_upload
from verkosto.registry.importers.base import Importer, ImportSummary, Outcome
from verkosto.registry.importers.errors import RowIssue

SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".docx"}


class DocumentFolderImporter(Importer):
    kind = "documents"
    help = "A folder of .txt, .html, .pdf and .docx files, as shared documents."
    source_title = "Documents"

    def process(self, line: int, row: dict[str, str]) -> Outcome:  # pragma: no cover
        raise NotImplementedError("DocumentFolderImporter reads files, not rows")

    def run(self, path: Path | str) -> ImportSummary:
        folder = Path(path)
        summary = ImportSummary(kind=self.kind, path=str(folder), dry_run=self.dry_run)
        if not folder.is_dir():
            summary.reject(RowIssue(0, "", f"{folder} is not a folder"))
            return summary
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            summary.reject(RowIssue(0, "", f"{folder} has no .txt, .html, .pdf or .docx files"))
            return summary
        with transaction.atomic():
            for number, file in enumerate(
                tqdm(files, disable=not self.progress, unit=" files", desc=self.kind), start=1
            ):
                try:
                    summary.add(self._one(file))
                except ExtractionError as exc:
                    summary.reject(RowIssue(number, file.name, str(exc)))
            if self.dry_run or (summary.rejected and not self.allow_rejects):
                transaction.set_rollback(True)
            else:
                summary.committed = True
        return summary

    def _one(self, file: Path) -> Outcome:
        content = file.read_bytes()
        existing = Document.objects.filter(data_source=IMPORT_SOURCE, origin_id=file.name).first()
        if existing is not None and existing.sha256 and existing.text:
            import hashlib

            if hashlib.sha256(content).hexdigest() == existing.sha256:
                return Outcome.UNCHANGED
        document_upload(
            actor=self.actor,
            name=file.name,
            content=content,
            data_source=IMPORT_SOURCE,
            origin_id=file.name,
        )
        return Outcome.CREATED if existing is None else Outcome.UPDATED
