"""File-level imports (a folder of documents) share the row imports' frame: all or
nothing, dry runs, reports that name the file, messages shown in the reader's language."""

import inspect
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tests.factories import UserFactory
from verkosto.knowledge.importer import DocumentFolderImporter
from verkosto.knowledge.models import Document, SearchEntry
from verkosto.registry.importers.base import FileImporter, Importer, Outcome
from verkosto.registry.importers.catalogue import KINDS, importer_class
from verkosto.registry.importers.errors import Message, RowIssue, RowSkipped

pytestmark = pytest.mark.django_db

BROKEN_DOCX = b"PK\x03\x04 junk"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two readable documents, one damaged Word file and a file no import reads."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "hyva.txt").write_text("Hyvä teksti ystävyyskaupungeista.", encoding="utf-8")
    (folder / "toinen.html").write_text("<h1>Vänorter</h1><p>Om vänorter.</p>", "utf-8")
    (folder / "rikki.docx").write_bytes(BROKEN_DOCX)
    (folder / "kuva.png").write_bytes(b"\x89PNG")
    return folder


def _origins() -> list[str]:
    return sorted(Document.objects.values_list("origin_id", flat=True))


def test_every_registered_kind_is_a_complete_importer():
    """The catalogue's classes implement the frame's hooks: no stubs left abstract."""
    for kind in KINDS:
        cls = importer_class(kind)
        assert not inspect.isabstract(cls), kind
    assert issubclass(importer_class("documents"), FileImporter)
    assert not issubclass(importer_class("documents"), Importer)
    assert issubclass(importer_class("members"), Importer)


def _stored_files(settings) -> list[Path]:
    media = Path(settings.MEDIA_ROOT)
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def test_one_broken_file_writes_nothing(folder, settings):
    summary = DocumentFolderImporter().run(folder)
    assert not summary.committed
    assert (summary.created, summary.rejected) == (2, 1)
    [issue] = summary.rejections
    assert issue.field == "rikki.docx"
    assert str(issue).startswith("file, rikki.docx: the Word file is damaged")
    assert not Document.objects.exists() and not SearchEntry.objects.exists()
    assert _stored_files(settings) == []  # the files read before the bad one are gone too


def test_allow_rejects_writes_the_good_files_and_names_the_bad_one(folder):
    summary = DocumentFolderImporter(allow_rejects=True).run(folder)
    assert summary.committed
    assert (summary.created, summary.rejected) == (2, 1)
    assert [issue.field for issue in summary.rejections] == ["rikki.docx"]
    assert _origins() == ["hyva.txt", "toinen.html"]
    assert SearchEntry.objects.count() == 2


def test_dry_run_counts_and_writes_nothing_and_a_reimport_changes_nothing(folder, settings):
    (folder / "rikki.docx").unlink()
    dry = DocumentFolderImporter(dry_run=True).run(folder)
    assert (dry.created, dry.rejected, dry.committed) == (2, 0, False)
    assert not Document.objects.exists()
    assert _stored_files(settings) == []
    assert DocumentFolderImporter().run(folder).committed
    assert len(_stored_files(settings)) == 2
    again = DocumentFolderImporter().run(folder)
    assert (again.created, again.unchanged, again.committed) == (0, 2, True)
    assert _origins() == ["hyva.txt", "toinen.html"]


def test_one_file_instead_of_a_folder_and_paths_that_cannot_be_imported(folder, tmp_path):
    # The admin's import page uploads one file.
    single = DocumentFolderImporter().run(folder / "hyva.txt")
    assert (single.created, single.committed) == (1, True)
    assert _origins() == ["hyva.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = {
        tmp_path / "absent": "file: no such file or folder:",
        empty: "has no .docx, .htm, .html, .pdf, .txt files",
        folder / "kuva.png": "file, kuva.png: only .docx, .htm, .html, .pdf, .txt files are read",
    }
    for path, expected in cases.items():
        summary = DocumentFolderImporter().run(path)
        assert not summary.committed and summary.rejected == 1
        assert expected in str(summary.rejections[0])
    assert _origins() == ["hyva.txt"]


class _Sizes(FileImporter):
    """A minimal file importer: counts files, skips empty ones, rejects big ones."""

    kind = "sizes"
    suffixes = frozenset({".dat"})

    def process_file(self, number: int, path: Path) -> Outcome:
        size = path.stat().st_size
        if not size:
            raise RowSkipped("", _("the file is empty"))
        if size > 3:
            raise RowSkipped("size", _("%(size)d bytes"), size=size)
        return Outcome.CREATED


def test_the_frame_reports_skips_by_file_name(tmp_path):
    for name, content in {"a.dat": b"1", "b.dat": b"", "c.dat": b"12345", "d.txt": b""}.items():
        (tmp_path / name).write_bytes(content)
    summary = _Sizes(progress=False).run(tmp_path)
    assert (summary.created, summary.skipped, summary.committed) == (1, 2, True)
    assert [str(s) for s in summary.skips] == [
        "file, b.dat: the file is empty",
        "file, c.dat: size: 5 bytes",
    ]


def test_messages_are_english_until_shown_and_then_in_the_readers_language():
    from verkosto.registry.importers.members import KIND_NOUNS

    message = Message(
        _("no %(kind)s called %(name)r in %(country)s; add it first"),
        kind=KIND_NOUNS["municipality"],
        name="Aarhus",
        country="DK",
    )
    issue = RowIssue(4, "name", message)
    with translation.override("fi"):
        # Made in Finnish, kept in English: the command line, logs and JSON read this.
        assert str(issue) == "line 4, name: no municipality called 'Aarhus' in DK; add it first"
        assert "kunta" in issue.localised()  # the kind, translated when shown
    with translation.override("en"):
        assert issue.localised() == str(issue)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "The file is damaged and cannot be read."), ("fi", "Tiedosto on vioittunut")],
)
def test_admin_import_page_imports_documents_and_reports_in_its_language(
    client, language, expected
):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    with translation.override(language):
        url = reverse("admin:registry_import")
    good = SimpleUploadedFile("hyva.txt", "Hyvä teksti.".encode())
    page = client.post(url, {"kind": "documents", "file": good, "dry_run": ""})
    assert page.status_code == 200
    assert _origins() == ["hyva.txt"]
    bad = SimpleUploadedFile("rikki.docx", BROKEN_DOCX)
    page = client.post(url, {"kind": "documents", "file": bad, "dry_run": ""}).content.decode()
    assert "rikki.docx" in page and expected in page
    assert _origins() == ["hyva.txt"]
