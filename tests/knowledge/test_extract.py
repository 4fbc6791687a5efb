"""Reading text out of files (pure; no database)."""

import io

import docx
import pytest
from pypdf import PdfWriter

from verkosto.knowledge.extract import EncryptedDocument, ExtractionError, extract
from verkosto.knowledge.language import detect_language


def test_txt_in_windows_1252_is_decoded_and_titled_by_its_first_line():
    raw = "\n\nYstävyyskaupungit Åbossa\nTeksti jatkuu tässä ja siinä.".encode("cp1252")
    got = extract("muistio.txt", raw)
    assert got.title == "Ystävyyskaupungit Åbossa"
    assert "Teksti jatkuu" in got.text
    assert got.language == "fi"


def test_html_title_and_only_visible_text():
    raw = (
        b"<html><head><title>V\xc3\xa4norter</title><style>p{}</style></head>"
        b"<body><script>var x = 'hidden';</script><p>Kommunen och dess v\xc3\xa4norter"
        b" samarbetar med skolor.</p></body></html>"
    )
    got = extract("sida.html", raw)
    assert got.title == "Vänorter"
    assert "samarbetar" in got.text and "hidden" not in got.text
    assert got.language == "sv"


def test_docx_title_from_core_properties():
    document = docx.Document()
    document.core_properties.title = "Twin towns review"
    document.add_paragraph("The city reviewed all of its twin towns and the networks.")
    buffer = io.BytesIO()
    document.save(buffer)
    got = extract("review.docx", buffer.getvalue())
    assert got.title == "Twin towns review"
    assert got.language == "en"


def _blank_pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf_is_refused_with_a_clear_reason():
    with pytest.raises(EncryptedDocument, match="password-protected"):
        extract("salainen.pdf", _blank_pdf(password="s3cret"))


def test_broken_pdf_and_docx_and_textless_pdf_are_refused():
    with pytest.raises(ExtractionError, match="PDF is damaged"):
        extract("rikki.pdf", b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(ExtractionError, match="Word file is damaged"):
        extract("rikki.docx", b"PK\x03\x04 not a zip at all")
    with pytest.raises(ExtractionError, match="no text layer"):
        extract("skannattu.pdf", _blank_pdf())


def test_unknown_format_is_named():
    with pytest.raises(ExtractionError, match=r"\.xls"):
        extract("taulukko.xls", b"x")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kaupungit tekevät yhteistyötä verkostoissa, ja se on tärkeää.", "fi"),
        ("Kommunen samarbetar med andra städer och det är viktigt för oss.", "sv"),
        ("The city works with other cities in networks and this is important.", "en"),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


def test_every_reason_has_its_own_message_for_the_user():
    from django.utils import translation

    from verkosto.knowledge.messages import extraction_message

    with pytest.raises(EncryptedDocument) as encrypted:
        extract("salainen.pdf", _blank_pdf(password="s3cret"))
    with pytest.raises(ExtractionError) as damaged:
        extract("rikki.docx", b"PK\x03\x04 junk")
    with translation.override("en"):
        assert "password" in extraction_message(encrypted.value, "salainen.pdf")
    assert extraction_message(encrypted.value) != extraction_message(damaged.value)
