"""``verkosto searcheval <folder> <queries-file> [--json] [--k 10] [--database-url URL]``:
how well the search finds a user's own documents for the user's own labelled queries.

The folder is imported (as ``verkosto import documents`` would) into a throw-away
database, and every query is run three ways: (a) plain substring matching, (b) the
database's own full-text search on the raw words (SQLite FTS5 unicode61 / PostgreSQL
'simple'), (c) verkosto's search; each is scored with nDCG@k, recall@20 and MRR
(``knowledge/evaluation.py``).

Why a child process: the evaluation runs in a second ``verkosto`` process whose only
database is the scratch one (DATABASE_URL is set for it alone; its media files go to a
temporary folder), and that process checks the database it got is the scratch one before
writing anything. The user's database is never named in that process, so no code path —
an import that commits, a stray ``transaction.atomic(durable=True)``, a cached connection
— can reach it; a rolled-back transaction on the real database would also mix the
user's own documents into the results and hold SQLite's write lock throughout. This
process only checks the inputs and prints; it opens no database at all.
"""

import json
import os
import secrets
import subprocess
import sys
import tempfile
from argparse import SUPPRESS, RawDescriptionHelpFormatter
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
)

from verkosto.knowledge.evaluation import (
    FORMAT_HELP,
    QueryFileError,
    as_json,
    as_table,
    check_documents,
    query_words,
    read_queries,
    score_mode,
    substring_ranking,
)
from verkosto.knowledge.importer import SUFFIXES

# The child refuses to run unless its database is the one named here by its parent.
SCRATCH_ENV = "VERKOSTO_SEARCHEVAL_SCRATCH"
SCRATCH_PREFIX = "verkosto_searcheval_"
MAX_K = 100  # search() returns at most 100 hits per page
MODES = ("a", "b", "c")


class _Formatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Django's option order, and the queries-file formats printed as written."""


class Command(BaseCommand):
    help = (
        "Score the search on your own folder of .txt/.html/.pdf/.docx files and labelled\n"
        "queries: nDCG@k, recall@20 and MRR for (a) substring matching, (b) the database's\n"
        "full-text search without morphology, (c) verkosto's search. Runs in a throw-away\n"
        "database (SQLite in memory, or a scratch PostgreSQL database with --database-url);\n"
        "your own database is never opened."
    )
    # Checks could open the user's database; this process must not.
    requires_system_checks: list = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs) -> CommandParser:
        kwargs.update(formatter_class=_Formatter, epilog=FORMAT_HELP)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="The folder of documents.")
        parser.add_argument("queries", type=Path, help="The labelled queries (see below).")
        parser.add_argument("--json", action="store_true", help="Print JSON, per query too.")
        parser.add_argument("--k", type=int, default=10, help="nDCG cut-off (default 10).")
        parser.add_argument(
            "--database-url",
            default="",
            help="A PostgreSQL server (postgres://user@host:port/db) to evaluate on: a scratch "
            "database is created there and dropped afterwards; db is only used to connect.",
        )
        # Set by the parent for the child process only.
        parser.add_argument("--scratch-out", type=Path, help=SUPPRESS)

    def handle(self, *args, **opts) -> None:
        if opts["scratch_out"]:
            _run_in_scratch(opts["folder"], opts["queries"], opts["k"], opts["scratch_out"])
            return
        folder, path, k = opts["folder"], opts["queries"], opts["k"]
        if not 1 <= k <= MAX_K:
            raise CommandError(f"--k must be between 1 and {MAX_K}, not {k}")
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder")
        files = _importable(folder)
        if not files:
            raise CommandError(f"{folder} has no .txt, .html, .pdf or .docx files")
        try:
            queries = read_queries(path)
            check_documents(queries, files)
        except QueryFileError as exc:
            raise CommandError(f"{path}: {exc}") from None
        run, rankings = self._evaluate(folder, path, k, opts["database_url"])
        self._check_readable(path, queries, run["rejected"])
        modes = [score_mode(m, run["labels"][m], queries, rankings[m], k) for m in MODES]
        about = {
            "folder": str(folder),
            "queries_file": str(path),
            "database": run["database"],
            "vendor": run["vendor"],
            "documents": run["documents"],
            "languages": run["languages"],
            "rejected": run["rejected"],
            "voikko": run["voikko"],
        }
        if opts["json"]:
            payload = as_json(modes, k, about)
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(about["languages"].items()))
        self.stdout.write(
            f"{about['documents']} documents ({languages}), {len(queries)} queries, "
            f"{about['database']}; Voikko {'on' if about['voikko'] else 'MISSING'}\n"
        )
        self.stdout.write(as_table(modes, k))

    # --- the parent -----------------------------------------------------------------------

    def _evaluate(self, folder: Path, path: Path, k: int, url: str) -> tuple[dict, dict]:
        """Run the child on a scratch database; (about the run, rankings by mode)."""
        with tempfile.TemporaryDirectory(prefix="verkosto-searcheval-") as tmp:
            scratch = _postgres_scratch(url) if url else _sqlite_scratch()
            with scratch as (database_url, name, description):
                self.stderr.write(f"importing {folder} into {description} …")
                out = Path(tmp) / "result.json"
                env = {
                    **os.environ,
                    "DATABASE_URL": database_url,
                    "VERKOSTO_VAR_DIR": tmp,  # uploaded copies of the files go here
                    SCRATCH_ENV: name,
                }
                command = [
                    sys.executable,
                    "-m",
                    "verkosto.cli",
                    "searcheval",
                    str(folder.resolve()),
                    str(path.resolve()),
                    "--k",
                    str(k),
                    "--scratch-out",
                    str(out),
                ]
                done = subprocess.run(  # noqa: S603 - our own interpreter and command
                    command, env=env, capture_output=True, text=True, check=False
                )
                for line in done.stderr.splitlines():
                    if done.returncode or line.startswith("warning:"):
                        self.stderr.write(line)
                if done.returncode:
                    raise CommandError("the evaluation failed (the reason is printed above)")
                result = json.loads(out.read_text())
                result["about"]["database"] = description
                return result["about"], result["rankings"]

    def _check_readable(self, path: Path, queries, rejected: dict[str, str]) -> None:
        for name, reason in rejected.items():
            self.stderr.write(f"warning: {name} was not imported: {reason}")
        for query in queries:
            for name in query.grades:
                if name in rejected:
                    raise CommandError(
                        f"{path}: line {query.line}: query {query.text!r} names {name!r}, "
                        f"which could not be read: {rejected[name]}"
                    )


def _importable(folder: Path) -> set[str]:
    """The names of the files ``verkosto import documents`` reads from ``folder``."""
    return {p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES}


@contextmanager
def _sqlite_scratch() -> Iterator[tuple[str, str, str]]:
    # In memory: nothing is left on disk, even when the run is killed.
    yield "sqlite://:memory:", ":memory:", "a scratch SQLite database in memory"


@contextmanager
def _postgres_scratch(url: str) -> Iterator[tuple[str, str, str]]:
    """A new, uniquely named database on the server of ``url``, dropped at the end. The
    database ``url`` names is only connected to, to create and drop the scratch one."""
    parts = urlsplit(url)
    host = parts.hostname or "the local server"
    if parts.scheme not in ("postgres", "postgresql"):
        raise CommandError("--database-url must be a postgres:// or postgresql:// URL")
    import psycopg
    from psycopg import sql

    server = urlunsplit(parts._replace(scheme="postgresql"))
    name = SCRATCH_PREFIX + secrets.token_hex(6)
    try:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as exc:
        raise CommandError(f"cannot create a scratch database on {host}: {exc}") from None
    try:
        yield (
            urlunsplit(parts._replace(path="/" + name)),
            name,
            f"the scratch PostgreSQL database {name} on {host}",
        )
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


# --- the child: everything below runs only on the scratch database ------------------------


def _run_in_scratch(folder: Path, path: Path, k: int, out: Path) -> None:
    from django.conf import settings

    expected = os.environ.get(SCRATCH_ENV, "")
    name = settings.DATABASES["default"]["NAME"]
    if (
        not expected
        or name != expected
        or not (name == ":memory:" or name.startswith(SCRATCH_PREFIX))
    ):
        raise CommandError(
            "refusing to run: the database in use is not the scratch database "
            f"(got {name!r}); run searcheval without --scratch-out"
        )
    from django.core.management import call_command
    from django.db import connection

    from verkosto.knowledge import vectors
    from verkosto.knowledge.importer import DocumentFolderImporter
    from verkosto.knowledge.lemmatise import voikko_available
    from verkosto.knowledge.models import Document
    from verkosto.knowledge.search import search
    from verkosto.knowledge.search.vocabulary import clear_vocabulary
    from verkosto.knowledge.services import IMPORT_SOURCE

    call_command("migrate", verbosity=0, interactive=False)
    _load_themes()
    summary = DocumentFolderImporter(allow_rejects=True).run(folder)
    clear_vocabulary()
    # what the worker would compute after the import: the documents' vectors, so that
    # (c) is the search as users get it, similar-in-meaning items included
    vectors.embed_missing(progress=sys.stderr.isatty())
    documents = {d.origin_id: d for d in Document.objects.filter(data_source=IMPORT_SOURCE)}
    fields = {n: (d.title, d.summary, d.text) for n, d in documents.items()}
    texts = {n: "\n".join(f) for n, f in fields.items()}
    fts_rank, fts_label = _fts_ranker(fields)
    depth = max(k, 20)
    queries = read_queries(path)
    rankers: dict[str, Callable[[str], list[str]]] = {
        "a": lambda q: substring_ranking(q, texts),
        "b": fts_rank,
        "c": lambda q: [h.origin_id for h in _hits_then_related(search(q, limit=depth))],
    }
    rankings = {m: [rankers[m](q.text)[:depth] for q in queries] for m in MODES}
    about = {
        "vendor": connection.vendor,
        "documents": len(documents),
        "languages": Counter(d.language for d in documents.values()),
        "rejected": {issue.field: issue.message for issue in summary.rejections},
        "voikko": voikko_available(),
        "embeddings": vectors.enabled(),
        "labels": {
            "a": "substring matching",
            "b": fts_label,
            "c": "verkosto search (then items similar in meaning)"
            if vectors.enabled()
            else "verkosto search",
        },
    }
    if not about["voikko"]:
        sys.stderr.write("warning: Voikko is missing: Finnish words are read by simplemma only\n")
    out.write_text(json.dumps({"about": about, "rankings": rankings}, ensure_ascii=False))


def _hits_then_related(result) -> list:
    return [*result.hits, *result.related]


def _load_themes() -> None:
    """The product's three-language theme hierarchy: verkosto's search widens queries
    across languages with its labels, as it does on a real database with themes."""
    from verkosto.accounts.permissions import SYSTEM
    from verkosto.registry.demo.data.themes import THEMES
    from verkosto.registry.services.goals import theme_create

    made = {}
    for spec in THEMES:
        made[spec.code] = theme_create(
            actor=SYSTEM,
            code=spec.code,
            labels=spec.label.fields("label"),
            parent=made.get(spec.parent) if spec.parent else None,
            sdg=spec.sdg,
        )


def _fts_ranker(
    fields: dict[str, tuple[str, str, str]],
) -> tuple[Callable[[str], list[str]], str]:
    """Mode (b): the database's full-text search on the raw words, no morphology; title,
    summary and body weighted as verkosto weighs them; every word required, else any."""
    from django.db import connection

    rows = [(name, *f) for name, f in fields.items()]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE VIRTUAL TABLE searcheval_raw USING fts5(name UNINDEXED, title, summary, "
                "body, tokenize='unicode61 remove_diacritics 2')"
            )
            cursor.executemany(
                "INSERT INTO searcheval_raw(name, title, summary, body) VALUES (%s, %s, %s, %s)",
                rows,
            )

        def sqlite_rank(query: str) -> list[str]:
            words = [f'"{w}"' for w in query_words(query)]
            for joiner in (" AND ", " OR "):
                if not words:
                    break
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT name FROM searcheval_raw WHERE searcheval_raw MATCH %s "
                        "ORDER BY bm25(searcheval_raw, 0.0, 10.0, 4.0, 1.0), name",
                        [joiner.join(words)],
                    )
                    found = [r[0] for r in cursor.fetchall()]
                if found:
                    return found
            return []

        return sqlite_rank, "SQLite FTS5 unicode61, no morphology"

    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE searcheval_raw (name text, vector tsvector)")
        cursor.executemany(
            "INSERT INTO searcheval_raw VALUES (%s, "
            "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), "
            "'B') || setweight(to_tsvector('simple', %s), 'C'))",
            rows,
        )

    def postgres_rank(query: str) -> list[str]:
        words = query_words(query)
        for joiner in (" && ", " || "):
            if not words:
                break
            tsquery = joiner.join(["phraseto_tsquery('simple', %s)"] * len(words))
            with connection.cursor() as cursor:
                # normalisation 1 divides by the log of the length, as bm25 does for (b) on
                # SQLite: long documents do not win on length alone.
                cursor.execute(
                    f"SELECT name FROM searcheval_raw WHERE vector @@ ({tsquery}) "  # noqa: S608
                    f"ORDER BY ts_rank_cd(vector, ({tsquery}), 1) DESC, name",
                    [*words, *words],
                )
                found = [r[0] for r in cursor.fetchall()]
            if found:
                return found
        return []

    return postgres_rank, "PostgreSQL 'simple' text search, no morphology"
