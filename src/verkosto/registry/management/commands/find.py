"""``verkosto find <text>``: organisations by any name, alias or identifier."""

import json

from django.core.management.base import BaseCommand, CommandParser

from verkosto.registry.selectors.organisations import organisation_as_dict, organisation_find


class Command(BaseCommand):
    help = "Find organisations by any name in any language, alias or identifier, best first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="+")
        parser.add_argument("--json", action="store_true", help="Print a JSON list.")
        parser.add_argument("--limit", type=int, default=20)

    def handle(self, *args, **opts) -> None:
        found = organisation_find(text=" ".join(opts["text"]), limit=max(1, opts["limit"]))
        if opts["json"]:
            self.stdout.write(
                json.dumps([organisation_as_dict(o) for o in found], ensure_ascii=False, indent=2)
            )
            return
        if not found:
            self.stderr.write("no match")
            return
        for org in found:
            codes = ", ".join(f"{i.scheme}={i.value}" for i in org.identifiers.all())
            self.stdout.write(f"{org.pk:>7}  {org.kind:<12} {org.name}  {codes}")
