"""Search over good practices, reports and documents, in Finnish, Swedish and English.

One interface, two backends (PostgreSQL full-text search, SQLite FTS5) picked by the
database in use::

    from verkosto.knowledge.search import search, who_has_done

    result = search("ilmastoverkostot", workspace=ws, filters={"language": "fi"}, page=1)
    for hit in result.hits: hit.kind, hit.id, hit.title, hit.score, hit.passage, hit.why
    result.facets["theme"]  # [FacetValue(value=theme id, label, count), …]

    who_has_done("early-education workforce shortage", workspace=ws)  # [OrganisationMatch]

Query syntax: words are all required (an item must match every word; when none does,
the result falls back to items matching any word and says so with ``relaxed``);
``"a phrase"`` in quotes matches the words next to each other; ``-word`` or
``-"a phrase"`` excludes. Every word matches its inflected forms, compound parts, the
other names of a place (Åbo = Turku) and, through the three-language theme labels and
glossary, the same concept in the other two languages.
"""

from verkosto.knowledge.search.engine import explain, search, who_has_done
from verkosto.knowledge.search.types import (
    FILTER_KEYS,
    FacetValue,
    Hit,
    OrganisationMatch,
    SearchResult,
)

__all__ = [
    "FILTER_KEYS",
    "FacetValue",
    "Hit",
    "OrganisationMatch",
    "SearchResult",
    "explain",
    "search",
    "who_has_done",
]
