"""``verkosto analytics overlap|peers|communities|centrality|trends|gaps|bench``.

Prints one JSON object on stdout: the same summaries the pages show and the API returns.
Public facts only, unless ``--workspace`` names a workspace whose private facts to
include (whoever runs the command line has the server's data anyway).
"""

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from verkosto.analytics import summaries
from verkosto.analytics.forms import DEFAULT_K, MAX_K
from verkosto.analytics.lookup import OrganisationNotFound, organisation_lookup
from verkosto.analytics.selectors.audience import UnknownWorkspace, audience_for_slug
from verkosto.analytics.selectors.landscape import landscape_load

ANALYSES = ("overlap", "peers", "communities", "centrality", "trends", "gaps")
NEEDS_ORG = ("peers", "gaps")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--as-of: not a day in the form YYYY-MM-DD: {value!r}") from error


class Command(BaseCommand):
    help = (
        "Network analytics as JSON: overlap, peers, communities, centrality, trends, gaps "
        "(of an organisation with --org, of a country with --country, or of everyone; "
        "--org with --country compares the organisation with that country only), or "
        "bench: the European-scale benchmark."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("analysis", choices=[*ANALYSES, "bench"])
        parser.add_argument("--org", help="Organisation: id, official code or name.")
        parser.add_argument("--country", default="", help="Two-letter ISO country code.")
        parser.add_argument("--as-of", help="The day to look at, YYYY-MM-DD (default today).")
        parser.add_argument("--k", type=int, default=DEFAULT_K, help="Rows per top list.")
        parser.add_argument("--workspace", help="Include this workspace's private facts (slug).")
        parser.add_argument("--language", default="en", choices=("fi", "sv", "en"))
        parser.add_argument("--scale", default="eu", choices=("eu", "small"), help="bench only")
        parser.add_argument("--seed", type=int, default=0, help="bench only")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["analysis"] == "bench":
            from verkosto.analytics.core.bench import run_bench

            self.stdout.write(json.dumps(run_bench(opts["scale"], opts["seed"])))
            return
        with translation.override(opts["language"]):
            result = self._analyse(opts)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _analyse(self, opts: dict[str, Any]) -> dict[str, Any]:
        analysis = opts["analysis"]
        as_of = _date(opts["as_of"]) if opts["as_of"] else dt.date.today()
        k = opts["k"]
        if not 1 <= k <= MAX_K:
            raise CommandError(f"--k: give a number from 1 to {MAX_K}.")
        country = (opts["country"] or "").strip().upper()
        if country and not (len(country) == 2 and country.isalpha()):
            raise CommandError("--country: give a two-letter code such as FI.")
        if analysis in NEEDS_ORG and not opts["org"]:
            raise CommandError(f"{analysis} needs --org.")
        if analysis == "trends" and opts["org"] and country:
            # As in the API: an organisation's trends cannot be limited to a country.
            raise CommandError("trends: give --org or --country, not both.")
        organisation = None
        if opts["org"]:
            try:
                organisation = organisation_lookup(opts["org"])
            except OrganisationNotFound:
                raise CommandError(f"--org: no organisation matches {opts['org']!r}.") from None
        try:
            audience = audience_for_slug(opts["workspace"])
        except UnknownWorkspace:
            raise CommandError(f"--workspace: no workspace {opts['workspace']!r}.") from None
        loaded = landscape_load(audience=audience)
        org = loaded.position(organisation.pk) if organisation is not None else None
        if analysis == "trends":
            return summaries.trends_summary(loaded, as_of=as_of, org=org, country=country)
        summary = getattr(summaries, f"{analysis}_summary")
        if analysis in NEEDS_ORG:
            return summary(loaded, as_of=as_of, k=k, org=org)
        # With --org, --country limits what the organisation is compared with (as in the API).
        return summary(loaded, as_of=as_of, k=k, org=org, country=country)
