"""``verkosto search "<query>" [--json] [--limit N] [--explain]``: search the shared
knowledge base from the command line (private items of workspaces are not shown).

When the matches do not fill the list, items similar in meaning follow them, marked
``"related": true`` in the JSON (see search.engine._related)."""

import json

from django.core.management.base import BaseCommand, CommandParser

from verkosto.knowledge.search import explain, search


class Command(BaseCommand):
    help = "Search good practices, reports and documents (shared ones)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query")
        parser.add_argument("--json", action="store_true", help="Print the hits as JSON.")
        parser.add_argument("--limit", type=int, default=10, help="How many hits (default 10).")
        parser.add_argument(
            "--explain", action="store_true", help="Show how the query was read first."
        )

    def handle(self, *args, **opts) -> None:
        if opts["explain"]:
            for line in explain(opts["query"]):
                self.stderr.write(line)
        result = search(opts["query"], limit=opts["limit"])
        if opts["json"]:
            rows = [
                {
                    "origin_id": hit.origin_id,
                    "title": hit.title,
                    "score": hit.score,
                    "why": hit.why,
                    "kind": hit.kind,
                    "id": hit.id,
                    "related": related,
                }
                for hits, related in ((result.hits, False), (result.related, True))
                for hit in hits
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if result.relaxed:
            self.stdout.write("No item has every word; showing items with any of them.")
        self.stdout.write(f"{result.total} found")
        for n, hit in enumerate(result.hits, start=1):
            label = hit.origin_id or f"{hit.kind} {hit.id}"
            self.stdout.write(f"{n:>3}. {hit.title}  [{label}, score {hit.score:.3f}]")
            self.stdout.write(f"     why: {'; '.join(hit.why)}")
        if result.related:
            self.stdout.write("Similar in meaning:")
        for n, hit in enumerate(result.related, start=len(result.hits) + 1):
            label = hit.origin_id or f"{hit.kind} {hit.id}"
            self.stdout.write(f"{n:>3}. {hit.title}  [{label}]")
            self.stdout.write(f"     why: {'; '.join(hit.why)}")
