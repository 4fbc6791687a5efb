"""CSV and XLSX export of a filtered list.

Cells a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
return that some spreadsheets strip first) are prefixed with a quote: a registry name
like ``=HYPERLINK(...)`` typed by anyone must not run when a colleague opens the export.
CSV streams row by row from a database iterator, so a list of 100 000 rows never sits in
memory as a whole; XLSX uses openpyxl's write-only mode for the same reason.
"""

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.encoding import force_str
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000


@dataclass(frozen=True)
class ExportColumn:
    header: Any  # a lazy translated string
    value: Callable[[Any], Any]


def cell_safe(value: Any) -> Any:
    """The value with text that looks like a formula made inert; numbers and dates as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, dt.date)):
        return value
    text = force_str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def export_rows(queryset: QuerySet, columns: list[ExportColumn]) -> Iterator[list[Any]]:
    yield [force_str(c.header) for c in columns]
    for obj in queryset.iterator(chunk_size=CHUNK):
        yield [cell_safe(c.value(obj)) for c in columns]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(rows: Iterable[list[Any]], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    # A BOM lets Excel open UTF-8 with ä and ö intact.
    body = (("\ufeff" if i == 0 else "") + writer.writerow(row) for i, row in enumerate(rows))
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows: Iterable[list[Any]], filename: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(filename[:31])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
