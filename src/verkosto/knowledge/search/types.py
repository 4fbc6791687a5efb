"""What a search returns: plain data, the same for both database backends."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString

# The filters search() understands; each takes one value or a list (any of them).
FILTER_KEYS = ("theme", "organisation", "country", "language", "year", "kind")


@dataclass
class Hit:
    kind: str  # "practice", "report" or "document" (models.ItemKind)
    id: int  # the item's primary key in its own table
    title: str
    score: float  # higher is better; comparable within one result only
    passage: SafeString  # escaped HTML with the matching words in <mark>
    why: list[str]  # which words, base forms, aliases or theme labels matched
    origin_id: str = ""
    language: str = ""
    year: int | None = None
    organisation_id: int | None = None
    organisation_name: str = ""
    private: bool = False  # private to the searching workspace (else shared)


@dataclass
class FacetValue:
    value: str | int
    label: str
    count: int


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit] = field(default_factory=list)
    # facet name (one of FILTER_KEYS) → values with counts, most first
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # how the query was read: "verkostojen → verkosto", "vänorter → ystävyyskaupunki (…)"
    explanation: list[str] = field(default_factory=list)
    # set when no item had every word and the result shows items with any of them
    relaxed: bool = False
    # filled when search(…, who_limit=N): organisations ranked by their matching items
    who_has_done: list["OrganisationMatch"] = field(default_factory=list)
    # when the matches do not fill the first page: items close in meaning that do not
    # have the words (in any language; multilingual embeddings), best first. Not in
    # ``total`` nor in the facet counts.
    related: list[Hit] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit)) if self.limit else 1


@dataclass
class OrganisationMatch:
    """An organisation that has done something about the query, with its items."""

    organisation_id: int
    name: str
    country: str
    items: int  # how many of its visible items matched
    score: float  # the sum of their scores
    top: list[Hit] = field(default_factory=list)  # its best items, best first
