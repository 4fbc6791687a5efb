"""``verkosto import <kind> <path>``: load a real data file into the registry."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.registry.importers.catalogue import KINDS, importer_class


class Command(BaseCommand):
    help = (
        "Import a data file into the registry, all or nothing. A file with a rejected row "
        "changes nothing (unless --allow-rejects). Kinds: " + ", ".join(sorted(KINDS))
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, write nothing."
        )
        parser.add_argument(
            "--json", action="store_true", help="End with the summary as one JSON line."
        )
        parser.add_argument(
            "--allow-rejects",
            action="store_true",
            help="Import the good rows even if some are rejected (they are still reported).",
        )
        parser.add_argument(
            "--option",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="Importer option, e.g. --option network=UBC --option name=city (see README).",
        )

    def handle(self, *args, **opts) -> None:
        cls = importer_class(opts["kind"])
        options = {}
        for item in opts["option"]:
            key, sep, value = item.partition("=")
            if not sep:
                raise CommandError(f"--option {item!r}: expected KEY=VALUE")
            options.setdefault(key.strip(), []).append(value.strip())
        try:
            importer = cls(
                dry_run=opts["dry_run"],
                allow_rejects=opts["allow_rejects"],
                progress=sys.stderr.isatty(),
                options=options,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        summary = importer.run(opts["path"])
        err = self.stderr
        for issue in summary.rejections:
            err.write(f"rejected: {issue}")
        if summary.rejected > len(summary.rejections):
            err.write(f"… and {summary.rejected - len(summary.rejections)} more rejected rows")
        for issue in summary.skips[:20]:
            err.write(f"skipped: {issue}")
        if summary.skipped > 20:
            err.write(f"… and {summary.skipped - 20} more skipped rows (see --json)")
        counts = ", ".join(f"{k} {v}" for k, v in summary.counts().items())
        if summary.committed:
            verdict = "imported"
        elif summary.dry_run and not summary.rejected:
            verdict = "dry run, nothing written"
        else:
            verdict = "NOT imported, nothing written"
        self.stdout.write(f"{opts['kind']}: {verdict}: {counts}")
        if opts["json"]:
            self.stdout.write(summary.as_json())
        if summary.rejected and not (summary.committed and opts["allow_rejects"]):
            sys.exit(1)
