"""``verkosto export popolo|ftm PATH``: the registry's organisations and memberships as an
exchange file (``-`` writes to standard output)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import SYSTEM
from verkosto.exchange import ftm, popolo
from verkosto.exchange.selectors import exchange_dataset

FORMATS = {"popolo": popolo.dumps, "ftm": ftm.dumps}


class Command(BaseCommand):
    help = (
        "Export organisations and memberships as Popolo JSON or FollowTheMoney entities "
        "(JSON lines). Public facts only, unless --workspace adds that workspace's private "
        "memberships; fees and contacts are never exported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=sorted(FORMATS))
        parser.add_argument("path", help="File to write, or - for standard output.")
        parser.add_argument("--workspace", metavar="SLUG", help="Include its private memberships.")

    def handle(self, *args, **opts) -> None:
        workspace = None
        if opts["workspace"]:
            workspace = Workspace.objects.filter(slug=opts["workspace"]).first()
            if workspace is None:
                raise CommandError(f"no workspace {opts['workspace']!r}")
        dataset = exchange_dataset(actor=SYSTEM, workspace=workspace)
        text = FORMATS[opts["format"]](dataset)
        if opts["path"] == "-":
            sys.stdout.write(text)
        else:
            Path(opts["path"]).write_text(text, encoding="utf-8")
            self.stderr.write(
                f"{opts['format']}: {len(dataset.organisations)} organisations, "
                f"{len(dataset.memberships)} memberships → {opts['path']}"
            )
