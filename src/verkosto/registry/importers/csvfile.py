"""Reading CSV and TSV files defensively: encoding, size, header and shape are checked
before a single row reaches an importer, and every problem names its line."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from verkosto.registry.importers.errors import FileRejected, RowIssue

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LINE_CHARS = 100_000


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
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at byte "
                    f"{exc.start}); save it as UTF-8 and import again",
                )
            ]
        ) from exc


def check_file(path: Path) -> None:
    """FileRejected unless ``path`` is a readable file within the size limit."""
    if not path.exists():
        raise FileRejected([RowIssue(0, "", f"no such file: {path}")])
    if path.is_dir():
        raise FileRejected([RowIssue(0, "", f"{path} is a folder, not a file")])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileRejected(
            [RowIssue(0, "", f"the file is {size} bytes; the limit is {MAX_FILE_BYTES}")]
        )


def read_text(path: Path) -> str:
    """The file's text, or FileRejected if it is missing, empty, too big or not UTF-8."""
    check_file(path)
    text = _decode(path.read_bytes())
    if not text.strip():
        raise FileRejected([RowIssue(0, "", "the file is empty")])
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FileRejected([RowIssue(line, "", "the file contains NUL bytes: not a text file")])
    return text


def _check_line_lengths(text: str) -> None:
    for number, line in enumerate(io.StringIO(text), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise FileRejected(
                [
                    RowIssue(
                        number,
                        "",
                        f"the line is {len(line)} characters long; the limit is {MAX_LINE_CHARS}",
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
        raise FileRejected([RowIssue(1, "", f"unreadable header: {exc}")]) from exc
    columns = [c.strip() for c in columns]
    missing = sorted(required - set(columns))
    if missing:
        raise FileRejected(
            [
                RowIssue(
                    1,
                    ", ".join(missing),
                    "missing column(s); the file has: " + ", ".join(columns),
                )
            ]
        )
    if len(set(columns)) != len(columns):
        raise FileRejected([RowIssue(1, "", "the header names a column twice")])
    while True:
        line = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise FileRejected([RowIssue(reader.line_num, "", f"malformed CSV: {exc}")]) from exc
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(columns):
            yield (
                line,
                RowIssue(
                    line, "", f"the row has {len(fields)} fields; the header has {len(columns)}"
                ),
            )
            continue
        yield line, {c: v.strip() for c, v in zip(columns, fields, strict=True)}
