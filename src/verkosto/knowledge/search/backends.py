"""The two full-text backends: SQLite FTS5 and PostgreSQL tsvector, behind one shape.

Both index the same four lemma columns of ``knowledge_searchtext`` (weights: title >
summary > body > extras), kept in step by the database itself (triggers, migration 0002).
A backend only turns a parsed query into SQL: the WHERE part that matches and the
expression that scores.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from verkosto.knowledge.search.query import ParsedQuery, to_fts5, to_tsquery

FTS_TABLE = "knowledge_search_fts"
ENTRY_TABLE = "knowledge_searchentry"
# Column weights title, summary, body, extras (bm25 on SQLite; ts_rank_cd weights on
# PostgreSQL are given in D, C, B, A order).
SQLITE_WEIGHTS = (10.0, 4.0, 1.0, 0.4)
POSTGRES_WEIGHTS = "{0.04, 0.1, 0.4, 1.0}"


@dataclass
class MatchSQL:
    joins: str  # FROM clause with the entry table aliased as e (text as w where joined)
    where: str
    score: str  # higher is better
    params_from: list  # params of joins (before where)
    params_where: list
    params_score: list


class SqliteBackend:
    vendor = "sqlite"

    def match(self, parsed: ParsedQuery, relaxed: bool = False) -> MatchSQL | None:
        expression = to_fts5(parsed, relaxed)
        if not expression:
            return None
        weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
        return MatchSQL(
            joins=f"{FTS_TABLE} JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid",
            where=f"{FTS_TABLE} MATCH %s",
            score=f"-bm25({FTS_TABLE}, {weights})",
            params_from=[],
            params_where=[expression],
            params_score=[],
        )

    def page(
        self, parsed: ParsedQuery, where: str, params: list, offset: int, limit: int, relaxed=False
    ) -> "PageSQL | None":
        expression = to_fts5(parsed, relaxed)
        return sqlite_page(expression, where, params, offset, limit) if expression else None


class PostgresBackend:
    vendor = "postgresql"

    def match(self, parsed: ParsedQuery, relaxed: bool = False) -> MatchSQL | None:
        expression = to_tsquery(parsed, relaxed)
        if not expression:
            return None
        return MatchSQL(
            joins=f"{ENTRY_TABLE} e",
            where="e.search_vector @@ to_tsquery('simple', %s)",
            # 1: divide by 1 + log(length), so long documents do not win by size alone
            score=(
                f"ts_rank_cd('{POSTGRES_WEIGHTS}'::float4[], e.search_vector, "
                "to_tsquery('simple', %s), 1)"
            ),
            params_from=[],
            params_where=[expression],
            params_score=[expression],
        )

    def page(
        self, parsed: ParsedQuery, where: str, params: list, offset: int, limit: int, relaxed=False
    ) -> "PageSQL | None":
        expression = to_tsquery(parsed, relaxed)
        if not expression:
            return None
        return postgres_page(expression, where, params, offset, limit)


def backend():
    """The backend for the database in use."""
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    # verkosto runs on these two databases only (settings: DATABASE_URL).
    raise ImproperlyConfigured(f"search has no backend for {connection.vendor}")


# --- one page of results in one statement ---------------------------------------------------

# PostgreSQL's ts_rank_cd (cover density: how close the query's words stand) costs
# 15-30 µs a row with a widened query (ten-odd alternatives), too much for the thousands
# of matches a common word has on 100 000 items. Every match gets the cheap ts_rank with
# the same weights (a few µs); only the best RERANK_POOL of those are ranked by
# ts_rank_cd, which orders the page. The bench measures how often this changes the top
# 20 against ranking every match (bench/bench_search.py, "exact top 20"). Measured on
# 100 000 items, 100 queries: a pool of 1 000 keeps the exact top 20 for 97 queries (top
# 10: 99) at p95 47-53 ms; 600 keeps 90 (top 10: 96) at p95 42-46 ms, inside the 50 ms
# the search must answer in; 300 keeps 83.
RERANK_POOL = 600
# The facets a page statement counts, as columns of the matches CTE ``m`` (themes aside).
FACET_COLUMNS = ("kind", "language", "year", "organisation_id", "country")
# What a page statement's rows hold: a tag, then the columns below.
#   'hit':    entry id, ..., score (best first)
#   'facets': the FACET_COLUMNS values of a group of matches (NULL: not grouped by it), count
#   'theme':  theme id, ..., count
PAGE_COLUMNS = ("tag", "id", *FACET_COLUMNS, "count", "score")


@dataclass
class PageSQL:
    """A statement giving one page of matches and the facet counts of all of them,
    in rows of PAGE_COLUMNS."""

    sql: str
    params: list


_THEMES = (
    "SELECT 'theme', t.theme_id, NULL, NULL, NULL, NULL, NULL, COUNT(*), NULL "
    "FROM knowledge_searchentry_themes t JOIN m ON m.id = t.searchentry_id "
    "GROUP BY t.theme_id"
)


def sqlite_page(expression: str, where: str, params: list, offset: int, limit: int) -> PageSQL:
    """bm25 is cheap enough to score every match exactly. The matches are read once (a
    materialised CTE) for the page and for one GROUP BY over every facet column at once
    (one temporary B-tree, where a GROUP BY per facet would build five); Python adds the
    groups up per facet, and only the page and the groups cross into Python."""
    weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
    columns = ", ".join(FACET_COLUMNS)
    sql = (
        "WITH m AS MATERIALIZED ("  # noqa: S608
        "SELECT e.id, e.kind, e.language, e.year, e.organisation_id, e.country, "
        f"-bm25({FTS_TABLE}, {weights}) AS score "
        f"FROM {FTS_TABLE} JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH %s AND {where}) "
        "SELECT * FROM (SELECT 'hit', id, NULL, NULL, NULL, NULL, NULL, NULL, score FROM m "
        "ORDER BY score DESC, id LIMIT %s OFFSET %s) "
        f"UNION ALL SELECT 'facets', NULL, {columns}, COUNT(*), NULL FROM m GROUP BY {columns} "
        f"UNION ALL {_THEMES}"
    )
    return PageSQL(sql, [expression, *params, limit, offset])


def postgres_page(expression: str, where: str, params: list, offset: int, limit: int) -> PageSQL:
    """Every match read once (facets, ts_rank); ts_rank_cd for the best RERANK_POOL only
    (their vectors fetched again by id: at most RERANK_POOL index lookups, instead of
    carrying every match's vector through the CTE)."""
    pool = max(RERANK_POOL, offset + limit)
    rank = f"'{POSTGRES_WEIGHTS}'::float4[]"
    tsquery = "to_tsquery('simple', %s)"
    sets = ", ".join(f"({c})" for c in FACET_COLUMNS)
    sql = (
        "WITH m AS MATERIALIZED ("  # noqa: S608
        "SELECT e.id, e.kind, e.language, e.year, e.organisation_id, e.country, "
        f"ts_rank({rank}, e.search_vector, {tsquery}, 1) AS pre "
        f"FROM {ENTRY_TABLE} e WHERE e.search_vector @@ {tsquery} AND {where}), "
        "pool AS (SELECT p.id FROM m p ORDER BY p.pre DESC, p.id LIMIT %s) "
        "(SELECT 'hit'::text, e.id, NULL::text, NULL::text, NULL::int, NULL::bigint, "
        f"NULL::text, NULL::bigint, ts_rank_cd({rank}, e.search_vector, {tsquery}, 1) AS score "
        f"FROM pool JOIN {ENTRY_TABLE} e ON e.id = pool.id "
        "ORDER BY score DESC, e.id LIMIT %s OFFSET %s) "
        # one pass over the matches counts every facet (a hash table per set)
        f"UNION ALL SELECT 'facets', NULL, {', '.join(FACET_COLUMNS)}, COUNT(*), NULL FROM m "
        f"GROUP BY GROUPING SETS ({sets}) "
        f"UNION ALL {_THEMES}"
    )
    return PageSQL(sql, [expression, expression, *params, pool, expression, limit, offset])
