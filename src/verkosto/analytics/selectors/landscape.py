"""The cooperation landscape from the database, as the arrays ``core.Landscape`` wants.

Nine queries whatever the size of the data: every table is read once with
``values_list`` (no model object per row), so a million memberships load as tuples
straight into NumPy arrays. Positions in ``Landscape.org_ids`` / ``theme_ids`` are the
row numbers every result speaks in; ``LoadedLandscape`` keeps the way back to ids, names
and codes. A membership's themes are its own themes and its network's profile themes.

Requests take the landscape from Django's cache (``landscape_cached``), keyed by the
workspace scope and checked against a data version read in one query, so a page costs
one query for the landscape until any of its rows changes.
"""

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, BaseCache, caches
from django.db import connection
from django.db.models import Field, Func, Q
from django.http import HttpRequest
from django.utils.translation import get_language

from verkosto.analytics.core.landscape import OPEN_END, OPEN_START, Landscape
from verkosto.analytics.selectors.audience import Audience
from verkosto.registry.models import (
    Membership,
    NetworkProfile,
    Organisation,
    StrategicGoal,
    Theme,
    Twinning,
)

LANGUAGES = ("fi", "sv", "en")


def _visible_q(audience: Audience, prefix: str = "") -> Q:
    public = Q(**{f"{prefix}workspace__isnull": True})
    ids = audience.workspace_ids
    return public | Q(**{f"{prefix}workspace__in": ids}) if ids else public


def _positions(sorted_ids: np.ndarray, ids) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``ids`` in ``sorted_ids`` and a mask of those found there."""
    ids = np.asarray(ids, dtype=np.int64)
    if not len(sorted_ids):
        return np.zeros(len(ids), dtype=np.int64), np.zeros(len(ids), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_ids, ids), len(sorted_ids) - 1)
    return pos, sorted_ids[pos] == ids


def _incidence(pairs: list[tuple[int, int]], row_ids, col_ids, shape) -> sp.csr_matrix:
    """A boolean rows × columns matrix from (row id, column id) pairs; pairs whose row is
    not loaded (e.g. a private membership of another workspace) are dropped."""
    columns = list(zip(*pairs, strict=True)) if pairs else [(), ()]
    rows, row_found = _positions(row_ids, columns[0])
    cols, col_found = _positions(col_ids, columns[1])
    keep = row_found & col_found
    data = np.ones(int(keep.sum()), dtype=bool)
    return sp.csr_matrix((data, (rows[keep], cols[keep])), shape=shape, dtype=bool)


class DayNumber(Func):
    """``date.toordinal()`` of a date column, computed by the database: a million dates
    arrive as integers instead of being parsed into ``date`` objects one by one."""

    # A plain Field has no converter: the integers pass through untouched (an
    # IntegerField would call int() on each of them).
    output_field = Field()

    def as_sqlite(self, compiler, connection, **extra):
        # julianday('0001-01-01') is 1721425.5 and that day's ordinal is 1.
        template = "CAST(julianday(%(expressions)s) - 1721424.5 AS INTEGER)"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = "((%(expressions)s) - DATE '0001-01-01' + 1)"
        return self.as_sql(compiler, connection, template=template, **extra)


def _period(prefix: str = "") -> dict[str, DayNumber]:
    return {"start_day": DayNumber(f"{prefix}start"), "end_day": DayNumber(f"{prefix}end")}


def _days(values, open_value: int) -> np.ndarray:
    return np.asarray([open_value if v is None else v for v in values], dtype=np.int32)


def _name(names: tuple, language: str) -> str:
    """The name in ``language``, else in another language, else the untranslated one."""
    by_lang = dict(zip(LANGUAGES, names[:3], strict=True))
    for lang in (language, "fi", "sv", "en"):
        if by_lang.get(lang):
            return by_lang[lang]
    return names[3] or "?"


@dataclass
class LoadedLandscape:
    """A ``Landscape`` and what turns its positions back into records and words."""

    landscape: Landscape
    audience: Audience
    # Per organisation position: (name_fi, name_sv, name_en, name).
    org_names: list[tuple]
    theme_codes: list[str]
    theme_labels: list[tuple]
    mem_ids: np.ndarray
    mem_private: np.ndarray
    tw_ids: np.ndarray
    tw_private: np.ndarray
    goal_ids: np.ndarray
    goal_titles: list[tuple]
    goal_private: np.ndarray
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key: tuple, compute):
        """``compute()`` once per key: a page asks the same analysis for several sections."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def position(self, org_id: int) -> int | None:
        try:
            return self.landscape.position_of(org_id)
        except KeyError:
            return None

    def org_id(self, position: int) -> int:
        return int(self.landscape.org_ids[position])

    def org_name(self, position: int, language: str | None = None) -> str:
        return _name(self.org_names[position], language or get_language() or "fi")

    def org_kind(self, position: int) -> str:
        return str(self.landscape.org_kind[position])

    def org_country(self, position: int) -> str:
        return str(self.landscape.org_country[position])

    def theme_label(self, position: int, language: str | None = None) -> str:
        return _name(self.theme_labels[position], language or get_language() or "fi")

    def goal_title(self, index: int, language: str | None = None) -> str:
        return _name(self.goal_titles[index], language or get_language() or "fi")


def _organisations() -> tuple[list, list]:
    rows = list(
        # rewrite(False): modeltranslation would otherwise post-process every row.
        Organisation.objects.rewrite(False)
        .order_by("pk")
        .values_list("pk", "kind", "country", "name_fi", "name_sv", "name_en", "name")
    )
    return rows, [row[3:] for row in rows]


def _columns(rows: list[tuple], width: int) -> list[tuple]:
    """Rows to columns (one pass in C, no object per row)."""
    return list(zip(*rows, strict=True)) if rows else [()] * width


def landscape_load(*, audience: Audience) -> LoadedLandscape:
    """Every organisation, theme, and the memberships, twinnings and goals the audience
    may see (public, and private to its workspace), whatever their period: the analyses
    pick the day. Nine queries; ids become positions with sorted-array searches."""
    org_rows, org_names = _organisations()
    org_ids = np.asarray([row[0] for row in org_rows], dtype=np.int64)
    n = len(org_rows)

    theme_rows = list(
        Theme.objects.rewrite(False)
        .order_by("pk")
        .values_list("pk", "code", "label_fi", "label_sv", "label_en", "label")
    )
    theme_ids = np.asarray([row[0] for row in theme_rows], dtype=np.int64)
    t = len(theme_rows)

    network_type = np.full(n, "", dtype=object)
    network_scope = np.full(n, "", dtype=object)
    profiles = _columns(
        list(NetworkProfile.objects.order_by().values_list("organisation_id", "scope", "type")), 3
    )
    at, _found = _positions(org_ids, profiles[0])
    network_scope[at] = profiles[1]
    network_type[at] = profiles[2]
    profile_themes = NetworkProfile.themes.through.objects.order_by().values_list(
        "networkprofile__organisation_id", "theme_id"
    )
    network_themes = _incidence(list(profile_themes), org_ids, theme_ids, (n, t))

    mem = _columns(
        list(
            Membership.objects.filter(_visible_q(audience))
            .annotate(**_period())
            .order_by("pk")
            .values_list(
                "pk", "member_id", "organisation_id", "start_day", "end_day", "workspace_id"
            )
        ),
        6,
    )
    mem_ids = np.asarray(mem[0], dtype=np.int64)
    m = len(mem_ids)
    mem_network = _positions(org_ids, mem[2])[0]
    own_themes = (
        Membership.themes.through.objects.filter(_visible_q(audience, "membership__"))
        .order_by()
        .values_list("membership_id", "theme_id")
    )
    mem_themes = _incidence(list(own_themes), mem_ids, theme_ids, (m, t))
    # A membership serves what it names and what its network is about.
    mem_themes = (mem_themes + network_themes[mem_network]).astype(bool).tocsr()

    tw = _columns(
        list(
            Twinning.objects.filter(_visible_q(audience))
            .annotate(**_period())
            .order_by("pk")
            .values_list("pk", "first_id", "second_id", "start_day", "end_day", "workspace_id")
        ),
        6,
    )
    goals = _columns(
        list(
            StrategicGoal.objects.rewrite(False)
            .filter(_visible_q(audience))
            .annotate(**_period())
            .order_by("pk")
            .values_list(
                "pk",
                "organisation_id",
                "start_day",
                "end_day",
                "workspace_id",
                "title_fi",
                "title_sv",
                "title_en",
                "title",
            )
        ),
        9,
    )
    goal_ids = np.asarray(goals[0], dtype=np.int64)
    goal_theme_pairs = (
        StrategicGoal.themes.through.objects.filter(_visible_q(audience, "strategicgoal__"))
        .order_by()
        .values_list("strategicgoal_id", "theme_id")
    )
    goal_themes = _incidence(list(goal_theme_pairs), goal_ids, theme_ids, (len(goal_ids), t))

    landscape = Landscape.build(
        org_ids=org_ids,
        org_kind=[row[1] for row in org_rows],
        org_country=[(row[2] or "").upper() for row in org_rows],
        network_type=network_type,
        network_scope=network_scope,
        theme_ids=theme_ids,
        network_themes=network_themes,
        mem_member=_positions(org_ids, mem[1])[0],
        mem_network=mem_network,
        mem_start=_days(mem[3], OPEN_START),
        mem_end=_days(mem[4], OPEN_END),
        mem_themes=mem_themes,
        tw_a=_positions(org_ids, tw[1])[0],
        tw_b=_positions(org_ids, tw[2])[0],
        tw_start=_days(tw[3], OPEN_START),
        tw_end=_days(tw[4], OPEN_END),
        goal_org=_positions(org_ids, goals[1])[0],
        goal_start=_days(goals[2], OPEN_START),
        goal_end=_days(goals[3], OPEN_END),
        goal_themes=goal_themes,
    )
    return LoadedLandscape(
        landscape=landscape,
        audience=audience,
        org_names=org_names,
        theme_codes=[row[1] for row in theme_rows],
        theme_labels=[row[2:] for row in theme_rows],
        mem_ids=mem_ids,
        mem_private=np.asarray([w is not None for w in mem[5]], dtype=bool),
        tw_ids=np.asarray(tw[0], dtype=np.int64),
        tw_private=np.asarray([w is not None for w in tw[5]], dtype=bool),
        goal_ids=goal_ids,
        goal_titles=list(zip(*goals[5:9], strict=True)),
        goal_private=np.asarray([w is not None for w in goals[4]], dtype=bool),
    )


# ---------------------------------------------------------------------------- cache
#: Models whose rows the landscape is built from (their theme links below).
SOURCE_MODELS = (Organisation, Theme, NetworkProfile, Membership, Twinning, StrategicGoal)
#: Cached landscapes leave the cache after this long unused-or-not (seconds): the data
#: version keeps them right, the timeout only gives back the memory of idle workspaces.
CACHE_TIMEOUT = 60 * 60


# The version query is SQL text because the ORM cannot select many scalar subqueries
# without a FROM table; every name in it comes from model metadata, quoted, and no value
# from a request reaches it (hence the noqa: S608).
def _newest(table: str, order: str, column: str) -> str:
    """SQL: ``column`` of the row with the highest ``order`` (an index lookup, no scan)."""
    return f"(SELECT {column} FROM {table} ORDER BY {order} DESC LIMIT 1)"  # noqa: S608


def _version_sql() -> str:
    qn = connection.ops.quote_name
    parts = []
    for model in SOURCE_MODELS:
        table, pk = qn(model._meta.db_table), qn(model._meta.pk.column)
        history = model.history.model  # django-simple-history's table of this model
        htable, hid = qn(history._meta.db_table), qn(history._meta.pk.column)
        parts += [
            # Deletes that bypass the ORM (and so the history) still change the count.
            f"(SELECT COUNT(*) FROM {table})",  # noqa: S608
            # Inserts without history (bulk_create) add a higher key; its updated_at
            # tells a new row from an earlier one that reused the key after a rollback.
            _newest(table, pk, pk),
            _newest(table, pk, qn(model._meta.get_field("updated_at").column)),
            # Every save, delete, bulk_*_with_history and theme change writes history.
            _newest(htable, hid, hid),
            _newest(htable, hid, qn("history_date")),
        ]
    for through in (
        NetworkProfile.themes.through,
        Membership.themes.through,
        StrategicGoal.themes.through,
    ):
        table, pk = qn(through._meta.db_table), qn(through._meta.pk.column)
        parts += [f"(SELECT COUNT(*) FROM {table})", _newest(table, pk, pk)]  # noqa: S608
    return "SELECT " + ", ".join(parts)


def landscape_data_version() -> tuple:
    """A value that changes whenever a row the landscape is built from changes: counts,
    newest keys and newest history entries of those tables, in one query. Every part but
    the counts is an index lookup; a count is one pass over an index, far cheaper than
    the nine queries that load the rows."""
    with connection.cursor() as cursor:
        cursor.execute(_version_sql())
        return tuple(cursor.fetchone())


def landscape_cache() -> BaseCache:
    """The cache of loaded landscapes: ``settings.VERKOSTO_ANALYTICS_CACHE`` if that names
    a cache alias, else the default cache."""
    return caches[getattr(settings, "VERKOSTO_ANALYTICS_CACHE", DEFAULT_CACHE_ALIAS)]


def _cache_key(audience: Audience) -> str:
    # The key names exactly the workspaces whose private rows the load read, so one
    # workspace's private facts can never be served to another.
    scope = "-".join(str(pk) for pk in sorted(audience.workspace_ids)) or "public"
    return f"verkosto:analytics:landscape:{scope}"


def landscape_cached(*, audience: Audience) -> LoadedLandscape:
    """``landscape_load`` for the audience, from the cache while the data version is the
    one it was loaded at: one query instead of nine, and no arrays to build.

    One entry per audience, holding (version, landscape): a new version replaces the old
    landscape instead of leaving it in memory beside the new one. The version is read
    *before* loading, so rows written during the load make the entry look older than it
    is (reloaded next time), never newer (which would serve stale rows)."""
    version = landscape_data_version()
    cache, key = landscape_cache(), _cache_key(audience)
    entry = cache.get(key)
    if entry is not None and entry[0] == version:
        loaded = entry[1]
        # The cached copy carries the Workspace as it was when loaded; the answer names
        # the one of this request.
        loaded.audience = audience
        return loaded
    loaded = landscape_load(audience=audience)
    cache.set(key, (version, loaded), CACHE_TIMEOUT)
    return loaded


def landscape_for_request(request: HttpRequest, audience: Audience) -> LoadedLandscape:
    """The audience's landscape once per request (a page shows several analyses), from the
    cross-request cache while the data has not changed (``landscape_cached``)."""
    per_request = request.__dict__.setdefault("_verkosto_landscapes", {})
    key = audience.workspace_ids
    if key not in per_request:
        per_request[key] = landscape_cached(audience=audience)
    return per_request[key]
