"""Search results as the page and the API show them.

The search marks matching words with <mark> in passages it escapes itself; this layer
does not take that on trust: everything but the <mark> tags is escaped again here
(idempotently), so a passage can never carry markup of an item's own into a page.
"""

import html
import re
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from verkosto.knowledge.search import (
    FILTER_KEYS,
    FacetValue,
    Hit,
    OrganisationMatch,
    SearchResult,
)
from verkosto.knowledge.views.access import item_url

_MARK = re.compile(r"(</?mark>)")


def safe_passage(passage: str) -> SafeString:
    """``passage`` with only <mark> and </mark> left as markup."""
    parts = _MARK.split(str(passage or ""))
    clean = "".join(
        part if _MARK.fullmatch(part) else html.escape(html.unescape(part)) for part in parts
    )
    return mark_safe(clean)  # noqa: S308 - every part but the <mark> tags is escaped above


def hit_data(hit: Hit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "id": hit.id,
        "title": hit.title,
        "url": item_url(hit.kind, hit.id),
        "score": hit.score,
        "passage": safe_passage(hit.passage),
        "why": list(hit.why),
        "origin_id": hit.origin_id,
        "language": hit.language,
        "year": hit.year,
        "organisation": (
            {"id": hit.organisation_id, "name": hit.organisation_name}
            if hit.organisation_id
            else None
        ),
        "private": hit.private,
    }


def facet_data(
    values: list[FacetValue], chosen: list, labels: dict | None = None
) -> list[dict[str, Any]]:
    """The values with counts; a chosen value with no hits left stays listed (count 0,
    label from ``labels``), so the filter can still be taken off."""
    out = [
        {"value": v.value, "label": str(v.label), "count": v.count, "chosen": v.value in chosen}
        for v in values
    ]
    present = {v.value for v in values}
    out += [
        {"value": c, "label": str((labels or {}).get(c, c)), "count": 0, "chosen": True}
        for c in chosen
        if c not in present
    ]
    return out


def who_data(matches: list[OrganisationMatch]) -> list[dict[str, Any]]:
    return [
        {
            "id": m.organisation_id,
            "name": m.name,
            "country": m.country,
            "items": m.items,
            "score": m.score,
            "top": [hit_data(h) for h in m.top],
        }
        for m in matches
    ]


def result_data(
    result: SearchResult,
    who: list[OrganisationMatch],
    filters: dict[str, list],
    labels: dict[str, dict] | None = None,
) -> dict[str, Any]:
    """The whole answer: what the API returns and the search page renders."""
    labels = labels or {}
    return {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "pages": result.pages,
        "limit": result.limit,
        "relaxed": result.relaxed,
        "explanation": list(result.explanation),
        "hits": [hit_data(h) for h in result.hits],
        "facets": {
            key: facet_data(result.facets.get(key, []), filters.get(key, []), labels.get(key))
            for key in FILTER_KEYS
        },
        "who_has_done": who_data(who),
        "related": [hit_data(h) for h in result.related],
    }
