"""The REST API under load, beside the framework ceiling, on PostgreSQL.

100 000 organisations and 500 000 memberships (built once with COPY, reused while they are
there); the app runs under gunicorn in a subprocess with ``bench.settings_api``; client
threads on keep-alive connections ask for

* a filtered, paginated membership list (one network's active members, 50 a page), and
* an organisation's detail,

at 1, 8 and 32 concurrent clients, as a signed-in viewer (so visibility filtering runs).
Beside each API figure is the same request to a bare Django view returning the same page
of rows as JSON (``bench/ceiling.py``): the framework ceiling. Printed: throughput, p50
and p99 latency, the API-to-ceiling throughput ratio and SQL queries per request.

Run: ``make bench-postgres`` (or ``DATABASE_URL=postgres://… python -m bench bench_api``).
Skipped, with the reason printed, when DATABASE_URL is not PostgreSQL.
"""

import datetime as dt
import io
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from bench.loadgen import LoadResult, run_load
from bench.rows import Row

N_ORGANISATIONS = 100_000
N_NETWORKS = 1_000
N_MEMBERSHIPS = 500_000
MARK = "bench-api"  # data_source of every generated row
CONCURRENCY = (1, 8, 32)
SECONDS = float(os.environ.get("VERKOSTO_BENCH_SECONDS", "4"))
REPEATS = int(os.environ.get("VERKOSTO_BENCH_REPEATS", "2"))
PAGE = 50
SENTINEL = "987654321"  # stands for the primary key in a detail route's path
PROJECT = Path(__file__).resolve().parent.parent
ROLES = ["member"] * 8 + ["board", "chair", "observer", "partner"]
STATUSES = ["active"] * 8 + ["ended", "planned"]


def run() -> list[Row]:
    if connection.vendor != "postgresql":
        print(
            "bench_api: skipped: needs PostgreSQL (DATABASE_URL is "
            f"{connection.vendor}); run `make bench-postgres`"
        )
        return []
    _populate()
    cookie = _session_cookie()
    routes = _api_routes()
    networks = list(
        _ids("SELECT id FROM registry_organisation WHERE data_source=%s AND kind='network'")
    )
    organisations = list(_ids("SELECT id FROM registry_organisation WHERE data_source=%s"))
    pages = [0, PAGE, 2 * PAGE, 3 * PAGE, 4 * PAGE]

    def membership_query(rng: random.Random) -> str:
        return (
            f"?organisation={rng.choice(networks)}&status=active&limit={PAGE}"
            f"&offset={rng.choice(pages)}"
        )

    scenarios = [
        (
            "membership list",
            routes.get("membership-list"),
            lambda rng, base: base + membership_query(rng),
            lambda rng: "/bench/ceiling/memberships/" + membership_query(rng),
        ),
        (
            "organisation detail",
            routes.get("organisation-detail"),
            lambda rng, base: base.replace(SENTINEL, str(rng.choice(organisations))),
            lambda rng: f"/bench/ceiling/organisations/{rng.choice(organisations)}/",
        ),
    ]
    headers = {"Cookie": f"sessionid={cookie}", "Accept": "application/json"}
    rows: list[Row] = []
    with _server() as port:
        # Every worker process and thread answers each kind of request a few times first
        # (lazy imports, URL resolvers, connections), then the measured runs begin.
        for _label, api_path, api_next, ceiling_next in scenarios:
            warm = [ceiling_next]
            if api_path:
                warm.append(lambda rng, p=api_path, f=api_next: f(rng, p))
            for next_path in warm:
                run_load(port=port, next_path=next_path, headers=headers, clients=16, seconds=1)
        for label, api_path, api_next, ceiling_next in scenarios:
            if api_path is None:
                print(f"bench_api: {label}: the API has no such route yet; ceiling only")
            for clients in CONCURRENCY:
                # The two sides alternate, REPEATS times each, and the best run of each
                # counts: on a shared machine that is the least disturbed one.
                ceiling = api = None
                for _ in range(REPEATS):
                    ceiling = _best(
                        ceiling,
                        run_load(
                            port=port,
                            next_path=ceiling_next,
                            headers=headers,
                            clients=clients,
                            seconds=SECONDS,
                        ),
                    )
                    if api_path:
                        api = _best(
                            api,
                            run_load(
                                port=port,
                                next_path=lambda rng, p=api_path, f=api_next: f(rng, p),
                                headers=headers,
                                clients=clients,
                                seconds=SECONDS,
                            ),
                        )
                rows.extend(_rows(label, clients, api, ceiling))
    return rows


def _best(old: LoadResult | None, new: LoadResult) -> LoadResult:
    return new if old is None or new.throughput > old.throughput else old


def _rows(label: str, clients: int, api: LoadResult | None, ceiling: LoadResult) -> list[Row]:
    short = {"membership list": "members", "organisation detail": "org"}[label]
    if api is None:
        return [Row(f"{short} c={clients} throughput", 0, ceiling.throughput, "r/s", "no API")]
    ratio = api.throughput / ceiling.throughput if ceiling.throughput else float("nan")
    q_api, q_ceiling = api.queries_per_request, ceiling.queries_per_request
    queries = (
        f"SQL/request API {q_api[0]}–{q_api[1]}, ceiling {q_ceiling[0]}–{q_ceiling[1]}; "
        f"errors {api.errors}/{ceiling.errors}"
    )
    return [
        Row(
            f"{short} c={clients} throughput",
            api.throughput,
            ceiling.throughput,
            "r/s",
            f"bare Django view; API/ceiling = {ratio:.2f}",
        ),
        Row(f"{short} c={clients} p50", api.percentile(50), ceiling.percentile(50), "ms", ""),
        Row(f"{short} c={clients} p99", api.percentile(99), ceiling.percentile(99), "ms", queries),
    ]


# --- data -----------------------------------------------------------------------------------
def _ids(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql, [MARK])
        for (pk,) in cursor.fetchall():
            yield pk


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE data_source = %s", [MARK])  # noqa: S608
        return cursor.fetchone()[0]


def _populate() -> None:
    """Build the data set once; a later run reuses it (a partial one is rebuilt)."""
    if (
        _count("registry_organisation") == N_ORGANISATIONS
        and _count("registry_membership") == N_MEMBERSHIPS
    ):
        return
    from verkosto.accounts.models import Workspace
    from verkosto.registry.models import Source

    started = time.perf_counter()
    print("bench_api: building 100 000 organisations and 500 000 memberships …", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM registry_membership WHERE data_source = %s", [MARK])
        cursor.execute(
            "DELETE FROM accounts_workspacemember WHERE workspace_id IN "
            "(SELECT id FROM accounts_workspace WHERE slug LIKE 'bench-%%')"
        )
        cursor.execute("DELETE FROM accounts_workspace WHERE slug LIKE 'bench-%%'")
        cursor.execute("DELETE FROM registry_organisation WHERE data_source = %s", [MARK])
    source, _ = Source.objects.get_or_create(
        key="bench-api", defaults={"title": "API benchmark (generated)", "is_sample": True}
    )
    rng = random.Random(42)
    now = dt.datetime.now(dt.UTC)
    columns = (
        "data_source, origin_id, created_at, updated_at, kind, name, name_fi, name_sv, "
        "name_en, country, website, language_status, search_key, source_id, population"
    )
    buffer = io.StringIO()
    for i in range(N_ORGANISATIONS):
        network = i < N_NETWORKS
        name = f"Verkosto {i}" if network else f"Kunta {i}"
        buffer.write(
            "\t".join(
                [
                    MARK,
                    str(i),
                    now.isoformat(),
                    now.isoformat(),
                    "network" if network else "municipality",
                    name,
                    name,
                    f"{name} sv",
                    f"{name} en",
                    rng.choice(["FI", "SE", "DE", "EE"]),
                    "",
                    "",
                    f"|{name.lower()}|",
                    str(source.pk),
                    str(rng.randint(500, 700_000)),
                ]
            )
            + "\n"
        )
    _copy("registry_organisation", columns, buffer)
    ids = list(_ids("SELECT id FROM registry_organisation WHERE data_source=%s ORDER BY id"))
    networks, municipalities = ids[:N_NETWORKS], ids[N_NETWORKS:]
    own = Workspace.objects.create(
        name="Bench", slug="bench-own", organisation_id=municipalities[0]
    )
    other = Workspace.objects.create(
        name="Bench other", slug="bench-other", organisation_id=municipalities[1]
    )
    columns = (
        'data_source, origin_id, created_at, updated_at, start, start_precision, "end", '
        "end_precision, role, status, commitments, note, workspace_id, member_id, "
        "organisation_id, source_id"
    )
    buffer = io.StringIO()
    for i in range(N_MEMBERSHIPS):
        start = dt.date(rng.randint(1990, 2024), rng.randint(1, 12), 1)
        precision = rng.choice(["year", "month", "day"])
        workspace = r"\N"
        if i % 50 == 0:
            workspace = str(own.pk if i % 100 == 0 else other.pk)
        buffer.write(
            "\t".join(
                [
                    MARK,
                    str(i),
                    now.isoformat(),
                    now.isoformat(),
                    start.isoformat(),
                    precision,
                    r"\N",
                    "day",
                    rng.choice(ROLES),
                    rng.choice(STATUSES),
                    "",
                    "",
                    workspace,
                    str(rng.choice(municipalities)),
                    str(rng.choice(networks)),
                    str(source.pk),
                ]
            )
            + "\n"
        )
    _copy("registry_membership", columns, buffer)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE registry_organisation")
        cursor.execute("ANALYZE registry_membership")
    print(f"bench_api: built in {time.perf_counter() - started:.0f} s", flush=True)


def _copy(table: str, columns: str, buffer: io.StringIO) -> None:
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        copy.write(buffer.getvalue())


def _session_cookie() -> str:
    """A signed-in viewer of the benchmark's own workspace, as a session key."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    from verkosto.accounts.models import Role, Workspace, WorkspaceMember

    user, _ = get_user_model().objects.get_or_create(username="bench-viewer")
    WorkspaceMember.objects.get_or_create(
        workspace=Workspace.objects.get(slug="bench-own"), user=user, defaults={"role": Role.VIEWER}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


# --- the API's routes, found by name so the benchmark follows the router ----------------------
def _walk(patterns, namespace: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def _api_routes() -> dict[str, str]:
    """'membership-list' → its path; 'organisation-detail' → its path for pk SENTINEL."""
    found: dict[str, str] = {}
    for name, pattern in _walk(get_resolver().url_patterns):
        for wanted in ("membership-list", "organisation-detail"):
            if wanted in found or not name.endswith(wanted) or "api" not in name:
                continue
            kwargs = {key: SENTINEL for key in pattern.pattern.regex.groupindex}
            try:
                found[wanted] = reverse(name, kwargs=kwargs)
            except Exception:  # noqa: S112 - a route this benchmark cannot fill in
                continue
    return found


# --- the server -------------------------------------------------------------------------------
class _server:
    """gunicorn serving bench.settings_api on a free local port, for a ``with`` block."""

    def __enter__(self) -> int:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings_api",
            "VERKOSTO_API_RATE": "off",
            "PYTHONPATH": str(PROJECT),
        }
        workers = os.environ.get("VERKOSTO_BENCH_WORKERS", str(os.cpu_count() or 2))
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", "gunicorn", "verkosto.wsgi:application",
             "--bind", f"127.0.0.1:{self.port}", "--workers", workers,
             "--worker-class", "gthread", "--threads", "8", "--keep-alive", "30",
             "--log-level", "warning"],
            cwd=PROJECT,
            env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    print(f"bench_api: gunicorn ({workers} workers × 8 threads) on :{self.port}")
                    return self.port
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn exited at start") from None
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not start within 60 s")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
