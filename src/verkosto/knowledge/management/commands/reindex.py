"""``verkosto reindex``: rebuild the search index of the knowledge base, then compute the
item vectors that are missing (unless ``--no-vectors``: a worker does it later)."""

import sys

from django.core.management.base import BaseCommand

from verkosto.knowledge import vectors
from verkosto.knowledge.indexing import reindex_all
from verkosto.knowledge.search.vocabulary import clear_vocabulary


class Command(BaseCommand):
    help = "Rebuild the search index of good practices, reports and documents."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-vectors",
            action="store_true",
            help="Do not compute the missing item vectors now (verkosto db_worker will).",
        )

    def handle(self, *args, **opts) -> None:
        progress = sys.stderr.isatty() or opts["verbosity"] > 1
        count = reindex_all(progress=progress)
        clear_vocabulary()
        self.stdout.write(f"reindexed {count} items")
        if not opts["no_vectors"] and vectors.enabled():
            embedded = vectors.embed_missing(progress=progress)
            self.stdout.write(f"computed {embedded} item vectors")
