"""Reading CSV and TSV files defensively: encoding, size, header and shape are checked
before a single row reaches an importer, and every problem names its line."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from verkosto.registry.importers.errors import FileRejected, Message, RowIssue

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LINE_CHARS = 100_000


def _issue(line: int, template: Promise, **params: Any) -> RowIssue:
    """A problem with the file as a whole or with one of its lines (no field)."""
    return RowIssue(line, "", Message(template, **params))


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileRejected(
            [
                RowIssue(
                    line,
                    "",
                    Message(
                        _(
                            "the file is not UTF-8 text (byte %(byte)s at byte %(offset)d); "
                            "save it as UTF-8 and import again"
                        ),
                        byte=f"0x{raw[exc.start]:02x}",
                        offset=exc.start,
                    ),
                )
            ]
        ) from exc


def check_file(path: Path) -> None:
    """FileRejected unless ``path`` is a readable file within the size limit."""
    if not path.exists():
        raise FileRejected([_issue(0, _("no such file: %(path)s"), path=str(path))])
    if path.is_dir():
        raise FileRejected([_issue(0, _("%(path)s is a folder, not a file"), path=str(path))])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileRejected(
            [
                _issue(
                    0,
                    _("the file is %(size)d bytes; the limit is %(limit)d"),
                    size=size,
                    limit=MAX_FILE_BYTES,
                )
            ]
        )


def read_text(path: Path) -> str:
    """The file's text, or FileRejected if it is missing, empty, too big or not UTF-8."""
    check_file(path)
    text = _decode(path.read_bytes())
    if not text.strip():
        raise FileRejected([_issue(0, _("the file is empty"))])
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FileRejected([_issue(line, _("the file contains NUL bytes: not a text file"))])
    return text


def _check_line_lengths(text: str) -> None:
    for number, line in enumerate(io.StringIO(text), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise FileRejected(
                [
                    _issue(
                        number,
                        _("the line is %(length)d characters long; the limit is %(limit)d"),
                        length=len(line),
                        limit=MAX_LINE_CHARS,
                    )
                ]
            )


def read_rows(
    path: Path,
    *,
    required: set[str],
    delimiter: str = ",",
    header: list[str] | None = None,
) -> Iterator[tuple[int, dict[str, str] | RowIssue]]:
    """Yield ``(line number, row)`` with stripped values.

    A row with more or fewer fields than the header is yielded as a ``RowIssue``
    instead, so the import can report every bad line, not just the first.

    ``required`` columns must all be in the header (or given as ``header`` for files
    without one).
    """
    text = read_text(path)
    _check_line_lengths(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    csv.field_size_limit(MAX_LINE_CHARS)
    try:
        columns = header or next(reader)
    except csv.Error as exc:
        raise FileRejected([_issue(1, _("unreadable header: %(error)s"), error=str(exc))]) from exc
    columns = [c.strip() for c in columns]
    missing = sorted(required - set(columns))
    if missing:
        raise FileRejected(
            [
                RowIssue(
                    1,
                    ", ".join(missing),
                    Message(
                        _("missing column(s); the file has: %(columns)s"),
                        columns=", ".join(columns),
                    ),
                )
            ]
        )
    if len(set(columns)) != len(columns):
        raise FileRejected([_issue(1, _("the header names a column twice"))])
    while True:
        line = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise FileRejected(
                [_issue(reader.line_num, _("malformed CSV: %(error)s"), error=str(exc))]
            ) from exc
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(columns):
            yield (
                line,
                _issue(
                    line,
                    _("the row has %(fields)d fields; the header has %(columns)d"),
                    fields=len(fields),
                    columns=len(columns),
                ),
            )
            continue
        yield line, {c: v.strip() for c, v in zip(columns, fields, strict=True)}
