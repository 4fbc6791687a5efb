"""``verkosto loaddemo`` (``verkosto demo`` in ``make demo``): load the demo data."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verkosto.registry.demo.load import demo_load
from verkosto.registry.demo.sync import DemoConflict


class Command(BaseCommand):
    help = (
        "Load the demo data: the cities, networks, partnerships, themes and goals of the seed "
        "texts, sample memberships, fees and twinnings (labelled as samples), the workspaces "
        "Helsinki and Norrköping, and the user demo/demo. Safe to run again; merges with "
        "organisations the importers created."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-user",
            action="store_true",
            help="Do not create the user demo/demo (for any server others can reach).",
        )

    def handle(self, *args, **opts) -> None:
        try:
            demo_load(stdout=self.stdout, with_user=not opts["no_user"])
        except DemoConflict as exc:
            raise CommandError(f"demo data not loaded, nothing written: {exc}") from exc
