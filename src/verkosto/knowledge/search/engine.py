"""search() and who_has_done(): the query read, matched by the backend, then filtered,
counted by facet, ranked, highlighted and explained."""

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connection
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from verkosto.knowledge import vectors
from verkosto.knowledge.lemmatise import VOIKKO_MISSING, voikko_available
from verkosto.knowledge.models import ItemKind, Language, SearchEntry
from verkosto.knowledge.search.backends import ENTRY_TABLE, MatchSQL, backend
from verkosto.knowledge.search.highlight import passage
from verkosto.knowledge.search.query import (
    PLACE_NOTE,
    THEME_NOTE,
    ParsedQuery,
    holds,
    parse,
    why,
)
from verkosto.knowledge.search.types import (
    FILTER_KEYS,
    FacetValue,
    Hit,
    OrganisationMatch,
    SearchResult,
)
from verkosto.knowledge.search.vocabulary import get_vocabulary

MAX_LIMIT = 100
# Items close in meaning fill a first page the matches leave short, when their cosine
# with the query is at least this (multilingual-e5 puts unrelated texts at 0.70–0.80
# and texts on the query's subject above; calibrated by bench/bench_search.py).
RELATED_FLOOR = 0.80
# Vectors nearest to the query read before visibility and filters are applied.
RELATED_POOL = 200
# SQL here is assembled from fixed fragments (column names, backend expressions, "%s"
# placeholders); every value a user gives travels as a parameter (hence the noqa: S608).
_COLUMNS = {
    "organisation": "e.organisation_id",
    "country": "e.country",
    "language": "e.language",
    "year": "e.year",
    "kind": "e.kind",
}


def _workspace_id(workspace) -> int | None:
    return getattr(workspace, "pk", workspace)


def _as_list(value) -> list:
    return list(value) if isinstance(value, list | tuple | set) else [value]


def _clean_filters(filters: Mapping | None) -> dict[str, list]:
    """Checked filter values; ValueError names the filter and the value it refuses."""
    clean: dict[str, list] = {}
    for key, value in (filters or {}).items():
        if value in (None, "", [], ()):
            continue
        if key not in FILTER_KEYS:
            raise ValueError(_("Unknown search filter %(name)s.") % {"name": key})
        values = _as_list(value)
        if key in ("theme", "organisation", "year"):
            try:
                values = [int(v) for v in values]
            except (TypeError, ValueError):
                raise ValueError(
                    _("The %(name)s filter takes whole numbers.") % {"name": key}
                ) from None
        elif key == "kind" and not set(values) <= set(ItemKind.values):
            raise ValueError(_("Unknown kind of item in the filter."))
        elif key == "language" and not set(values) <= set(Language.values):
            raise ValueError(_("Unknown language in the filter."))
        elif key == "country":
            values = [str(v).upper() for v in values]
        clean[key] = values
    return clean


def _filter_sql(workspace_id: int | None, filters: dict[str, list]) -> tuple[str, list]:
    parts = ["(e.workspace_id IS NULL OR e.workspace_id = %s)"]
    params: list = [workspace_id if workspace_id is not None else -1]
    for key, values in filters.items():
        marks = ", ".join(["%s"] * len(values))
        if key == "theme":
            parts.append(
                "EXISTS (SELECT 1 FROM knowledge_searchentry_themes t "  # noqa: S608
                f"WHERE t.searchentry_id = e.id AND t.theme_id IN ({marks}))"
            )
        else:
            parts.append(f"{_COLUMNS[key]} IN ({marks})")
        params.extend(values)
    return " AND ".join(parts), params


def _read(query: str, language: str | None) -> ParsedQuery:
    return parse(query, get_vocabulary(), languages=(language,) if language else None)


def explain(query: str, language: str | None = None) -> list[str]:
    """How the query is read: one line per clause with its alternatives."""
    lines = [] if voikko_available() else [VOIKKO_MISSING]
    for clause in _read(query, language).clauses:
        sign = "NOT " if clause.negated else ""
        alts = " | ".join(a.note for a in clause.alternatives) or _("(ignored)")
        lines.append(f"{sign}{clause.text}: {alts}")
    return lines


@dataclass
class _Matches:
    """Every visible item matching a query, read in one pass: scores and facet counts."""

    scores: dict[int, float] = field(default_factory=dict)  # entry id → score
    organisation_of: dict[int, int] = field(default_factory=dict)
    facets: dict[str, Counter] = field(default_factory=dict)
    relaxed: bool = False

    def best(self, count: int) -> list[int]:
        return [pk for pk, _s in heapq.nlargest(count, self.scores.items(), key=_rank_key)]


def _rank_key(item: tuple[int, float]) -> tuple[float, int]:
    return (item[1], -item[0])


def _collect(match: MatchSQL, where: str, params: list) -> _Matches:
    """One query gives each match's score and facet values (a row per theme): the match
    is evaluated once, and counting in Python over the rows is cheaper than a GROUP BY
    per facet over the full-text join."""
    sql = (
        "SELECT e.id, e.kind, e.language, e.year, e.organisation_id, e.country, t.theme_id, "  # noqa: S608
        f"{match.score} AS score FROM {match.joins} "
        "LEFT JOIN knowledge_searchentry_themes t ON t.searchentry_id = e.id "
        f"WHERE {match.where} AND {where}"
    )
    found = _Matches(facets={key: Counter() for key in FILTER_KEYS})
    facets = found.facets
    with connection.cursor() as cursor:
        cursor.execute(sql, [*match.params_score, *match.params_from, *match.params_where, *params])
        for pk, kind, language, year, org_id, country, theme_id, score in cursor.fetchall():
            if theme_id is not None:
                facets["theme"][theme_id] += 1
            if pk in found.scores:
                continue
            found.scores[pk] = float(score)
            facets["kind"][kind] += 1
            facets["language"][language] += 1
            if year is not None:
                facets["year"][year] += 1
            if org_id is not None:
                facets["organisation"][org_id] += 1
                found.organisation_of[pk] = org_id
            if country:
                facets["country"][country] += 1
    return found


def _matching(parsed: ParsedQuery, workspace_id: int | None, filters: dict[str, list]) -> _Matches:
    """The visible matches of every word; of any word when no item has them all."""
    engine = backend()
    where, params = _filter_sql(workspace_id, filters)
    match = engine.match(parsed)
    if match is None:
        return _Matches()
    found = _collect(match, where, params)
    if not found.scores and len(parsed.positive) > 1:
        relaxed = _collect(engine.match(parsed, relaxed=True), where, params)
        relaxed.relaxed = bool(relaxed.scores)
        return relaxed
    return found


@dataclass
class _Page:
    """One page of the visible matches of a query, with the total and the facet counts
    of all of them: what search() shows when it does not also rank organisations."""

    total: int = 0
    scored: list[tuple[int, float]] = field(default_factory=list)  # (entry id, score)
    facets: dict[str, Counter] = field(default_factory=dict)
    relaxed: bool = False


# The facets of the FACET_COLUMNS of a page statement, in their order.
_FACET_OF_COLUMN = ("kind", "language", "year", "organisation", "country")


def _read_page(
    engine,
    parsed: ParsedQuery,
    where: str,
    params: list,
    offset: int,
    limit: int,
    relaxed: bool = False,
) -> _Page:
    found = _Page(facets={key: Counter() for key in FILTER_KEYS})
    statement = engine.page(parsed, where, params, offset, limit, relaxed)
    if statement is None:
        return found
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        rows = cursor.fetchall()
    facets = found.facets
    for tag, pk, *values, count, score in rows:
        if tag == "hit":
            found.scored.append((pk, float(score)))
        elif tag == "theme":
            facets["theme"][pk] += count
        else:
            # a group of matches: each facet value it is grouped by (None and '': none)
            for name, value in zip(_FACET_OF_COLUMN, values, strict=True):
                if value is not None and value != "":
                    facets[name][value] += count
    found.total = sum(facets["kind"].values())
    return found


def _matching_page(
    parsed: ParsedQuery,
    workspace_id: int | None,
    filters: dict[str, list],
    offset: int,
    limit: int,
) -> _Page:
    """As _matching, but one statement gives only the page, the total and the facet
    counts: thousands of matches are counted and ranked in the database, not in Python."""
    engine = backend()
    where, params = _filter_sql(workspace_id, filters)
    found = _read_page(engine, parsed, where, params, offset, limit)
    if not found.total and len(parsed.positive) > 1:
        relaxed = _read_page(engine, parsed, where, params, offset, limit, relaxed=True)
        relaxed.relaxed = bool(relaxed.total)
        return relaxed
    return found


def _details(scored: list[tuple[int, float]]) -> list[tuple]:
    """The words and facts of the given entries, in the given order, score last."""
    if not scored:
        return []
    details = {
        row[0]: row
        for row in SearchEntry.objects.filter(pk__in=[pk for pk, _s in scored]).values_list(
            "pk",
            "kind",
            "object_id",
            "words__title",
            "words__origin_id",
            "language",
            "year",
            "organisation_id",
            "workspace_id",
            "words__text",
            "words__title_lemmas",
            "words__summary_lemmas",
            "words__body_lemmas",
            "words__extra_lemmas",
        )
    }
    return [(*details[pk], score) for pk, score in scored if pk in details]


def _localised(note: str) -> str:
    """A `why` line with the pure parser's English notes in the user's language."""
    return note.replace(f"({PLACE_NOTE})", "(" + _("other name of the place") + ")").replace(
        f"({THEME_NOTE} ", "(" + _("theme") + " "
    )


def _organisation_names(ids) -> dict[int, tuple[str, str]]:
    from verkosto.registry.models import Organisation

    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {
        pk: (str(name or ""), country)
        for pk, name, country in Organisation.objects.filter(pk__in=ids).values_list(
            "pk", "name", "country"
        )
    }


def _hits(rows: list[tuple], parsed: ParsedQuery, workspace_id: int | None) -> list[Hit]:
    names = _organisation_names(r[7] for r in rows)
    marks = parsed.highlight_tokens()
    hits = []
    for row in rows:
        (_eid, kind, object_id, title, origin_id, language, year, org_id, ws_id, text) = row[:10]
        present = set(" ".join(row[10:14]).split())
        hits.append(
            Hit(
                kind=kind,
                id=object_id,
                title=title,
                score=round(float(row[14]), 6),
                passage=mark_safe(passage(text or title, language, marks)),  # noqa: S308 - escaped by passage()
                why=[_localised(w) for w in why(parsed, present)],
                origin_id=origin_id,
                language=language,
                year=year,
                organisation_id=org_id,
                organisation_name=names.get(org_id, ("", ""))[0],
                private=ws_id is not None and ws_id == workspace_id,
            )
        )
    return hits


def _facet_values(raw: dict[str, Counter]) -> dict[str, list[FacetValue]]:
    from verkosto.registry.models import Theme

    kinds = dict(ItemKind.choices)
    languages = dict(Language.choices)
    theme_labels = {t.pk: str(t) for t in Theme.objects.filter(pk__in=list(raw.get("theme", {})))}
    org_names = _organisation_names(raw.get("organisation", {}))
    labels = {
        "kind": lambda v: str(kinds.get(v, v)),
        "language": lambda v: str(languages.get(v, v)),
        "year": str,
        "theme": lambda v: theme_labels.get(v, str(v)),
        "organisation": lambda v: org_names.get(v, (str(v), ""))[0],
        "country": str,
    }
    out: dict[str, list[FacetValue]] = {}
    for key in FILTER_KEYS:
        values = [FacetValue(v, labels[key](v), n) for v, n in raw.get(key, Counter()).items()]
        if key == "year":
            values.sort(key=lambda f: -f.value)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        out[key] = values
    return out


def search(
    query: str,
    *,
    workspace=None,
    filters: Mapping | None = None,
    page: int = 1,
    limit: int = 20,
    language: str | None = None,
    who_limit: int = 0,
) -> SearchResult:
    """Items matching ``query`` that ``workspace`` may see (shared ones and its own
    private ones; None: shared only), best first, one page of ``limit``.

    ``filters``: theme (ids), organisation (ids), country (ISO codes), language, year,
    kind; each one value or a list. ``language``: the language the query is written in,
    when known ('fi', 'sv', 'en'); words are then read in that language only (theme
    labels and place names still reach the other two). ValueError for a bad filter.
    ``who_limit`` > 0 also fills ``result.who_has_done`` (as ``who_has_done()`` would,
    from the same match: one database pass for both). Without it, one statement gives
    the page, the total and the facet counts; on PostgreSQL the page is then ranked by
    ts_rank_cd among the best backends.RERANK_POOL matches by ts_rank (exact below that
    many matches; with who_limit every match gets ts_rank_cd).
    """
    page = max(1, int(page))
    limit = max(1, min(MAX_LIMIT, int(limit)))
    workspace_id = _workspace_id(workspace)
    clean = _clean_filters(filters)
    parsed = _read(query, language)
    result = SearchResult(query=query, total=0, page=page, limit=limit)
    result.explanation = ([] if voikko_available() else [VOIKKO_MISSING]) + [
        f"{'-' if c.negated else ''}{c.text}: {' | '.join(a.note for a in c.alternatives)}"
        for c in parsed.clauses
    ]
    offset = (page - 1) * limit
    if who_limit > 0:
        # ranking organisations needs every match's score: read them all
        found = _matching(parsed, workspace_id, clean)
        result.relaxed = found.relaxed
        result.total = len(found.scores)
        result.facets = _facet_values(found.facets)
        page_ids = found.best(offset + limit)[offset:]
        scored = [(pk, found.scores[pk]) for pk in page_ids]
        result.who_has_done = _who(found, parsed, workspace_id, who_limit, 3)
    else:
        one_page = _matching_page(parsed, workspace_id, clean, offset, limit)
        result.relaxed = one_page.relaxed
        result.total = one_page.total
        result.facets = _facet_values(one_page.facets)
        scored = one_page.scored
    result.hits = _hits(_details(scored), parsed, workspace_id)
    if page == 1 and result.total < limit and parsed.positive and vectors.enabled():
        shown = {(h.kind, h.id) for h in result.hits}
        result.related = _related(query, parsed, workspace_id, clean, shown, limit - result.total)
    return result


def _related(
    query: str,
    parsed: ParsedQuery,
    workspace_id: int | None,
    filters: dict[str, list],
    shown: set[tuple[str, int]],
    count: int,
) -> list[Hit]:
    """Up to ``count`` visible items nearest to ``query`` in meaning, not in ``shown``,
    passing the filters and having none of the excluded words."""
    near = [
        (key, score)
        for key, score in vectors.nearest(query, RELATED_POOL, RELATED_FLOOR)
        if key not in shown
    ]
    if not near:
        return []
    where, params = _filter_sql(workspace_id, filters)
    pairs = " OR ".join(["(e.kind = %s AND e.object_id = %s)"] * len(near))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.kind, e.object_id, e.id FROM {ENTRY_TABLE} e "  # noqa: S608
            f"WHERE ({pairs}) AND {where}",
            [value for (kind, object_id), _s in near for value in (kind, object_id)] + params,
        )
        entry_of = {(kind, object_id): pk for kind, object_id, pk in cursor.fetchall()}
    scored = [(entry_of[key], score) for key, score in near if key in entry_of]
    rows = _details(scored)
    if parsed.negative:
        excluded = [a.expr for c in parsed.negative for a in c.alternatives]
        rows = [
            row
            for row in rows
            if not any(holds(expr, set(" ".join(row[10:14]).split())) for expr in excluded)
        ]
    hits = _hits(rows[:count], parsed, workspace_id)
    for hit in hits:
        similar = _("similar in meaning (multilingual model, %(score)s)")
        hit.why = [similar % {"score": f"{hit.score:.2f}"}, *hit.why]
    return hits


def who_has_done(
    query: str,
    *,
    workspace=None,
    filters: Mapping | None = None,
    limit: int = 10,
    items_each: int = 3,
    language: str | None = None,
) -> list[OrganisationMatch]:
    """Organisations ranked by the summed scores of their items matching ``query``."""
    workspace_id = _workspace_id(workspace)
    parsed = _read(query, language)
    found = _matching(parsed, workspace_id, _clean_filters(filters))
    return _who(found, parsed, workspace_id, limit, items_each)


def _who(
    found: _Matches, parsed: ParsedQuery, workspace_id: int | None, limit: int, items_each: int
) -> list[OrganisationMatch]:
    totals: dict[int, list[float]] = {}
    for pk, org_id in found.organisation_of.items():
        entry = totals.setdefault(org_id, [0, 0.0])
        entry[0] += 1
        entry[1] += found.scores[pk]
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))[:limit]
    chosen = {org_id for org_id, _t in ranked}
    best: dict[int, list[tuple[int, float]]] = {}
    for pk in found.best(len(found.scores)):
        org_id = found.organisation_of.get(pk)
        if org_id in chosen and len(best.setdefault(org_id, [])) < items_each:
            best[org_id].append((pk, found.scores[pk]))
    hits: dict[int, list[Hit]] = {}
    every = [pair for scored in best.values() for pair in scored]
    for hit in _hits(_details(every), parsed, workspace_id):
        hits.setdefault(hit.organisation_id, []).append(hit)
    names = _organisation_names(chosen)
    return [
        OrganisationMatch(
            organisation_id=org_id,
            name=names.get(org_id, ("", ""))[0],
            country=names.get(org_id, ("", ""))[1],
            items=int(count),
            score=round(score, 6),
            top=hits.get(org_id, []),
        )
        for org_id, (count, score) in ranked
    ]
