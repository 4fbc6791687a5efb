"""``verkosto report --org Helsinki --year 2025 --lang fi --format pdf -o r.pdf``: the
leadership report of an organisation's portfolio.

Run by the operator on the server, as the system actor, over the organisation's
workspace: the report includes that workspace's private costs and evaluations.
"""

import datetime as dt
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.portfolio.report.assemble import report_assemble
from verkosto.portfolio.report.lookup import (
    LookupFailed,
    organisation_for_report,
    workspace_for_report,
)
from verkosto.portfolio.report.render import FORMATS, report_render


class Command(BaseCommand):
    help = (
        "Write the leadership report (portfolio summary, cost against value, overlaps and "
        "gaps, recommendations and decisions, indicator trends) as PDF, XLSX or HTML."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="Name in any language, or a code.")
        parser.add_argument("--year", type=int, default=dt.date.today().year)
        parser.add_argument(
            "--lang", choices=[code for code, _name in settings.LANGUAGES], default="fi"
        )
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--output", help="File to write (default: a name in .).")
        parser.add_argument("--workspace", metavar="SLUG", help="When it has several.")

    def handle(self, *args, **opts) -> None:
        try:
            organisation = organisation_for_report(opts["org"])
            workspace = workspace_for_report(organisation, opts["workspace"])
        except LookupFailed as error:
            raise CommandError(str(error)) from None
        if not 1900 <= opts["year"] <= 2200:
            raise CommandError(f"the year {opts['year']} is out of range")
        started = time.perf_counter()
        self.stderr.write(f"reading the portfolio of {organisation} ({workspace.slug})…")
        report = report_assemble(
            workspace=workspace,
            organisation=organisation,
            year=opts["year"],
            language=opts["lang"],
        )
        self.stderr.write(f"drawing the {opts['format'].upper()}…")
        rendered = report_render(report, opts["format"])
        path = Path(opts["output"] or rendered.file_name)
        path.write_bytes(rendered.content)
        self.stderr.write(
            f"{path}: {len(report.memberships)} memberships, {len(rendered.content)} bytes, "
            f"{time.perf_counter() - started:.1f} s"
        )
