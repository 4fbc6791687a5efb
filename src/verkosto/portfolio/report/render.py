"""One report in one format: the bytes, their content type and a file name."""

from dataclasses import dataclass
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils.text import slugify

from verkosto.portfolio.report.data import Report
from verkosto.portfolio.report.html import report_html_document

FORMATS = ("pdf", "xlsx", "html")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class RenderedReport:
    content: bytes
    content_type: str
    file_name: str


def report_file_name(organisation: str, year: int, language: str, fmt: str) -> str:
    return f"{slugify(organisation) or 'report'}-{year}-{language}.{fmt}"


def report_html_file(report: Report) -> bytes:
    """A self-contained HTML document: the stylesheet inlined, the charts inline SVG."""
    css = Path(finders.find("portfolio/report.css")).read_text(encoding="utf-8")
    return report_html_document(report, stylesheet="", inline_css=css).encode("utf-8")


def report_render(report: Report, fmt: str) -> RenderedReport:
    if fmt == "pdf":
        from verkosto.portfolio.report.pdf import report_pdf  # WeasyPrint loads slowly

        content = report_pdf(report)
    elif fmt == "xlsx":
        from verkosto.portfolio.report.xlsx import report_xlsx

        content = report_xlsx(report)
    elif fmt == "html":
        content = report_html_file(report)
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    return RenderedReport(
        content,
        CONTENT_TYPES[fmt],
        report_file_name(report.organisation, report.year, report.language, fmt),
    )
