"""``verkosto reindex``: rebuild the search index of the knowledge base."""

import sys

from django.core.management.base import BaseCommand

from verkosto.knowledge.indexing import reindex_all
from verkosto.knowledge.search.vocabulary import clear_vocabulary


class Command(BaseCommand):
    help = "Rebuild the search index of good practices, reports and documents."

    def handle(self, *args, **opts) -> None:
        count = reindex_all(progress=sys.stderr.isatty() or opts["verbosity"] > 1)
        clear_vocabulary()
        self.stdout.write(f"reindexed {count} items")
