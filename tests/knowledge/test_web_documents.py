"""Documents: upload (with htmx or without), a file that cannot be read (nothing is
stored), the page with the text read from the file, the download, the list."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.knowledge.test_web_fixtures import KB, make_kb
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge.models import Document, SearchEntry
from verkosto.knowledge.services import document_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb(db, settings, tmp_path) -> KB:
    return make_kb(settings, tmp_path)


UPLOAD = "/en/knowledge/documents/upload/"
TEXT = "Ystävyyskaupunkien nuorisovaihto\n\nNuoret vierailivat ystävyyskaupungeissa kesällä."


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="salasana", owner_password="omistaja")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def editor(client, kb: KB):
    client.force_login(kb.users["editor"])
    return client


def test_upload_of_a_text_file(editor, kb, settings):
    response = editor.post(
        UPLOAD,
        {
            "upload": SimpleUploadedFile("vaihto.txt", TEXT.encode()),
            "visibility": "private",
            "organisation": kb.org_a.pk,
            "themes": [kb.theme.pk],
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.title == "Ystävyyskaupunkien nuorisovaihto"
    assert document.language == "fi" and document.workspace == kb.ws_a
    assert SearchEntry.objects.filter(kind="document", object_id=document.pk).exists()
    html = editor.get(response["Location"]).content.decode()
    assert "Nuoret vierailivat ystävyyskaupungeissa kesällä." in html
    download = editor.get(f"/en/knowledge/documents/{document.pk}/file/")
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == TEXT.encode()


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("rikki.pdf", b"%PDF-1.4\n this is not a PDF at all", "damaged"),
        ("salattu.pdf", None, "password-protected"),
        ("rikki.docx", b"PK\x03\x04 not a zip", "damaged"),
        ("tyhja.txt", b"", "empty"),
        ("kuva.png", b"\x89PNG", "only .txt, .html, .pdf and .docx"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_and_nothing_stored(
    editor, kb, settings, name, content, reason
):
    content = _encrypted_pdf() if content is None else content
    response = editor.post(
        UPLOAD, {"upload": SimpleUploadedFile(name, content), "visibility": "public"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the following" in html and reason in html
    assert Document.objects.count() == 0 and SearchEntry.objects.count() == len(kb.items)
    assert _stored_files(settings) == []


def test_htmx_upload_answers_a_redirect_or_the_form_with_its_error(editor, kb):
    bad = editor.post(
        UPLOAD,
        {"upload": SimpleUploadedFile("rikki.pdf", b"%PDF-1.4 nonsense"), "visibility": "public"},
        headers={"HX-Request": "true"},
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert html.lstrip().startswith('<div id="upload-region">') and "damaged" in html
    good = editor.post(
        UPLOAD,
        {"upload": SimpleUploadedFile("a.txt", TEXT.encode()), "visibility": "public"},
        headers={"HX-Request": "true"},
    )
    assert good.status_code == 200
    assert good["HX-Redirect"] == f"/en/knowledge/documents/{Document.objects.get().pk}/"


def test_the_upload_page_has_its_progress_bar_and_no_inline_script(editor, kb):
    html = editor.get(UPLOAD).content.decode()
    assert 'hx-encoding="multipart/form-data"' in html and "<progress" in html
    assert "knowledge.js" in html and "<script>" not in html


def test_viewer_may_not_upload(client, kb):
    client.force_login(kb.users["viewer"])
    assert client.get(UPLOAD).status_code == 403


def test_another_workspaces_document_is_absent(client, kb):
    document = document_upload(
        actor=SYSTEM, name="b.txt", content=b"Salainen asiakirja.", workspace=kb.ws_b
    )
    client.force_login(kb.users["editor"])
    assert client.get(f"/en/knowledge/documents/{document.pk}/").status_code == 404
    assert client.get(f"/en/knowledge/documents/{document.pk}/file/").status_code == 404
    assert "Salainen" not in client.get("/en/knowledge/documents/").content.decode()


def test_list_queries_constant(editor, kb, django_assert_max_num_queries):
    document_upload(actor=SYSTEM, name="0.txt", content=b"Asiakirja nolla.")
    with CaptureQueriesContext(connection) as few:
        editor.get("/en/knowledge/documents/")
    for n in range(1, 27):
        document_upload(
            actor=SYSTEM, name=f"{n}.txt", content=f"Asiakirja {n}.".encode(), organisation=kb.org_a
        )
    with django_assert_max_num_queries(len(few)):
        html = editor.get("/en/knowledge/documents/").content.decode()
    assert len(re.findall(r"<tr>", html.split("<tbody>", 1)[1])) == 25
