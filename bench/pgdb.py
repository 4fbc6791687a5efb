"""``python -m bench.pgdb URL``: create the PostgreSQL database URL names, if missing.

``make bench-postgres`` runs it first, so the benchmark needs nothing prepared by hand.
"""

import sys
from urllib.parse import urlparse, urlunparse

import psycopg
from psycopg import sql


def ensure_database(url: str) -> None:
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    server = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


if __name__ == "__main__":
    ensure_database(sys.argv[1])
