"""Documents: upload (with htmx or without), a file that cannot be read (nothing is
stored), the page with the text read from the file, the download, the list and its
filters, and the metadata form (``services.document_update``)."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.knowledge.test_web_fixtures import KB, make_kb
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge.models import Document, SearchEntry
from verkosto.knowledge.search import search
from verkosto.knowledge.services import document_update, document_upload

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


# --- the metadata form ------------------------------------------------------------------------


def _document(kb, **kwargs) -> Document:
    return document_upload(
        actor=SYSTEM, name="vaihto.txt", content=TEXT.encode(), organisation=kb.org_a, **kwargs
    )


def _edit_data(kb, **changes) -> dict:
    return {
        "title": "Nuorisovaihdon käsikirja",
        "summary": "Miten vaihto järjestetään.",
        "language": "fi",
        "organisation": kb.org_a.pk,
        "themes": [kb.theme.pk],
        "visibility": "private",
        **changes,
    }


def test_the_document_page_links_to_its_edit_page_for_editors_only(client, kb):
    document = _document(kb)
    edit_url = f"/en/knowledge/documents/{document.pk}/edit/"
    client.force_login(kb.users["editor"])
    assert (
        f'href="{edit_url}"'
        in client.get(f"/en/knowledge/documents/{document.pk}/").content.decode()
    )
    client.force_login(kb.users["viewer"])
    assert edit_url not in client.get(f"/en/knowledge/documents/{document.pk}/").content.decode()
    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, _edit_data(kb)).status_code == 403
    assert Document.objects.get(pk=document.pk).title == document.title


def test_the_edit_page_saves_and_the_search_finds_the_new_title(editor, kb):
    document = _document(kb)
    edit_url = f"/en/knowledge/documents/{document.pk}/edit/"
    form = editor.get(edit_url).content.decode()
    assert 'value="Ystävyyskaupunkien nuorisovaihto"' in form
    response = editor.post(edit_url, _edit_data(kb))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == f"/en/knowledge/documents/{document.pk}/"
    stored = Document.objects.get(pk=document.pk)
    assert stored.title == "Nuorisovaihdon käsikirja" and stored.workspace == kb.ws_a
    assert stored.summary == "Miten vaihto järjestetään."
    assert list(stored.themes.all()) == [kb.theme]
    assert stored.text == document.text and stored.sha256 == document.sha256  # the file stays
    hits = search("käsikirja", workspace=kb.ws_a).hits
    assert [(h.kind, h.id, h.title) for h in hits] == [
        ("document", document.pk, "Nuorisovaihdon käsikirja")
    ]
    assert not search("käsikirja", workspace=kb.ws_b).hits  # now private to A
    page = editor.get(response["Location"]).content.decode()
    history = page.split('id="history-title"', 1)[1]
    assert "Changed" in history and "Nuorisovaihdon käsikirja" in history


def test_the_edit_page_refuses_bad_input_and_keeps_the_document(editor, kb):
    document = _document(kb)
    response = editor.post(
        f"/en/knowledge/documents/{document.pk}/edit/",
        _edit_data(kb, title="", language="de", visibility="everyone"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the following" in html
    stored = Document.objects.get(pk=document.pk)
    assert stored.title == document.title and stored.workspace is None


def test_another_organisations_document_may_not_be_edited(client, kb):
    shared = _document(kb)
    private = _document(kb, workspace=kb.ws_a, origin_id="p", data_source="t")
    client.force_login(kb.users["editor_b"])
    assert client.get(f"/en/knowledge/documents/{private.pk}/edit/").status_code == 404
    assert client.get(f"/en/knowledge/documents/{shared.pk}/edit/").status_code == 403
    response = client.post(
        f"/en/knowledge/documents/{shared.pk}/edit/",
        _edit_data(kb, organisation=kb.org_b.pk, visibility="public"),
    )
    assert response.status_code == 403
    assert Document.objects.get(pk=shared.pk).organisation == kb.org_a


def test_document_update_service_checks_the_stored_and_the_new_document(kb):
    document = _document(kb)
    editor, editor_b = kb.users["editor"], kb.users["editor_b"]
    with pytest.raises(PermissionDenied):
        document_update(actor=editor_b, document=document, title="Otettu")
    # Moving it to another organisation's shared documents: refused, nothing kept.
    with pytest.raises(PermissionDenied):
        document_update(actor=editor, document=document, organisation=kb.org_b, themes=[kb.theme])
    stored = Document.objects.get(pk=document.pk)
    assert stored.organisation == kb.org_a and not stored.themes.exists()
    assert document_update(actor=editor, document=stored, title=stored.title) == []
    versions = stored.history.count()
    assert document_update(actor=editor, document=stored, themes=[kb.theme]) == ["themes"]
    assert stored.history.count() == versions + 1
    entry = SearchEntry.objects.get(kind="document", object_id=document.pk)
    assert list(entry.themes.all()) == [kb.theme]
    with pytest.raises(TypeError):
        document_update(actor=editor, document=stored, text="Uusi teksti")


def test_document_list_filters(editor, kb):
    _document(kb, themes=[kb.theme])
    document_upload(actor=SYSTEM, name="b.html", content=b"<h1>Dokument</h1><p>Text.</p>")
    html = editor.get("/en/knowledge/documents/", {"format": "html"}).content.decode()
    assert "Dokument" in html and "nuorisovaihto" not in html
    html = editor.get("/en/knowledge/documents/", {"theme": "education"}).content.decode()
    assert "nuorisovaihto" in html and "Dokument" not in html
    html = editor.get("/en/knowledge/documents/", {"q": "NUORISO"}).content.decode()
    assert "nuorisovaihto" in html and "Dokument" not in html
