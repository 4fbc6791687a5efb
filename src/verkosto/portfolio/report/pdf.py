"""The report as PDF (WeasyPrint), with no network access.

WeasyPrint would fetch any address a page names; the report names only its stylesheet,
under ``BASE_URL``, and ``LocalStaticFetcher`` serves that from the app's static files and
refuses everything else, so rendering a PDF never makes a request or waits on a network.
"""

from pathlib import Path
from urllib.parse import urlparse

from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from verkosto.portfolio.report.data import Report
from verkosto.portfolio.report.html import report_html_document

SCHEME = "verkosto-static"
BASE_URL = f"{SCHEME}:///"
STYLESHEET = BASE_URL + "portfolio/report.css"
MIME_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class LocalStaticFetcher(URLFetcher):
    """Serves ``verkosto-static:///<path>`` from the static files finders and inline
    ``data:`` addresses; anything else is refused (WeasyPrint then logs and skips it)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data", SCHEME), allow_redirects=False)

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        parsed = urlparse(url)
        if parsed.scheme == "data":
            return super().fetch(url, headers)
        relative = parsed.path.lstrip("/")
        safe = parsed.scheme == SCHEME and ".." not in Path(relative).parts
        found = finders.find(relative) if safe else None
        if not found:
            raise ValueError(f"the report may only use local static files, not {url}")
        path = Path(found)
        content_type = MIME_TYPES.get(path.suffix, "application/octet-stream")
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def report_pdf(report: Report) -> bytes:
    document = report_html_document(report, stylesheet=STYLESHEET)
    return HTML(string=document, base_url=BASE_URL, url_fetcher=LocalStaticFetcher()).write_pdf()
