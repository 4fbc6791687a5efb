"""Text out of TXT, HTML, PDF and DOCX files. Pure Python, no Django.

A file that cannot be read raises ``ExtractionError`` (or its subclass
``EncryptedDocument``) with a message a person can act on; callers store nothing then.
"""

import io
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath

from verkosto.knowledge.language import detect_language

FORMATS = ("txt", "html", "pdf", "docx")
_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf"}
_SUFFIXES[".docx"] = "docx"


class ExtractionError(ValueError):
    """The file's text cannot be read; the message says why (in English, for logs and
    the command line) and ``code`` names the reason, for a translated message
    (``knowledge.messages.extraction_message``)."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code


class EncryptedDocument(ExtractionError):
    """The file is password-protected."""


@dataclass
class Extracted:
    format: str
    title: str
    text: str
    language: str


def format_of(name: str) -> str:
    """'txt', 'html', 'pdf' or 'docx' from a file name; ExtractionError otherwise."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ExtractionError(
            f"{name}: files ending {suffix or '(no ending)'} are not read; "
            "use .txt, .html, .pdf or .docx",
            "format",
        )
    return _SUFFIXES[suffix]


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252/Latin-1."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


class _Visible(HTMLParser):
    """The <title> and the visible text of an HTML page (no scripts, styles, heads)."""

    _HIDDEN = {"script", "style", "head", "noscript", "template", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.h1: list[str] = []
        self.parts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n")
        if tag not in {"br", "img", "meta", "link", "input", "hr"}:
            self._stack.append(tag)

    def handle_endtag(self, tag) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if "title" in self._stack:
            self.title.append(data)
        elif not self._HIDDEN.intersection(self._stack):
            self.parts.append(data)
            if "h1" in self._stack:
                self.h1.append(data)


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _html(raw: bytes) -> tuple[str, str]:
    parser = _Visible()
    parser.feed(_decode(raw))
    parser.close()
    title = " ".join("".join(parser.title).split()) or " ".join("".join(parser.h1).split())
    return title, _tidy("".join(parser.parts))


def _pdf(raw: bytes) -> tuple[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            # An empty user password still opens some "protected" files.
            try:
                if not reader.decrypt(""):
                    raise EncryptedDocument(
                        "the PDF is password-protected; save it without a password", "encrypted"
                    )
            except EncryptedDocument:
                raise
            except Exception as exc:
                raise EncryptedDocument(
                    "the PDF is password-protected; save it without a password", "encrypted"
                ) from exc
        pages = [page.extract_text() or "" for page in reader.pages]
        title = ""
        if reader.metadata and reader.metadata.title:
            title = str(reader.metadata.title)
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(f"the PDF is damaged and cannot be read ({exc})", "damaged") from exc
    text = _tidy("\n".join(pages))
    if not text:
        raise ExtractionError(
            "the PDF has no text layer (a scanned image?); run text recognition (OCR) first",
            "no_text_layer",
        )
    return title.strip(), text


def _docx(raw: bytes) -> tuple[str, str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if raw[:4] == b"\xd0\xcf\x11\xe0":
        raise EncryptedDocument(
            "the Word file is password-protected (or an old .doc); save it as .docx "
            "without a password",
            "encrypted",
        )
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractionError(
            f"the Word file is damaged and cannot be read ({exc})", "damaged"
        ) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return (document.core_properties.title or "").strip(), _tidy("\n".join(lines))


# Navigation links web pages start with; never a title.
_BOILERPLATE = {
    "hyppää sisältöön",
    "hyppää pääsisältöön",
    "skip to content",
    "skip to main content",
    "hoppa till innehållet",
    "gå till innehållet",
    "sivun alkuun",
}


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip() and line.strip().lower() not in _BOILERPLATE:
            return line.strip()[:300]
    return ""


def extract(name: str, raw: bytes) -> Extracted:
    """The format, title, text and language of the file ``name`` with content ``raw``.

    The title is the document's own (HTML <title>, PDF or DOCX properties) or else its
    first non-empty line."""
    fmt = format_of(name)
    if not raw:
        raise ExtractionError("the file is empty", "empty")
    if fmt == "txt":
        if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ExtractionError("the file contains NUL bytes: it is not a text file", "not_text")
        title, text = "", _tidy(_decode(raw))
    elif fmt == "html":
        title, text = _html(raw)
    elif fmt == "pdf":
        title, text = _pdf(raw)
    else:
        title, text = _docx(raw)
    if not text.strip():
        raise ExtractionError("no text was found in the file", "empty")
    title = " ".join(title.split())[:300] or _first_line(text)
    return Extracted(fmt, title, text, detect_language(text))
