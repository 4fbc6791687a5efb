"""The full-text index over SearchText's lemma columns, one per database.

PostgreSQL: a ``tsvector`` column on SearchEntry (title A, summary B, body C, extras D, all
with the ``simple`` configuration: the text is lemmatised in Python already), filled by a
trigger on SearchText, and a GIN index.
SQLite: an FTS5 table with SearchText as external content, kept in step by triggers.
Both are maintained by the database, so every write to SearchText updates the index.
"""

from django.db import migrations

# The vector lives in the narrow SearchEntry row (not beside the wide text), so matching,
# ranking and facet counting read one small row per match; a trigger on SearchText
# (which SearchEntry rows are written before) keeps it current.
POSTGRES_UP = [
    "ALTER TABLE knowledge_searchentry ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION knowledge_searchtext_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE knowledge_searchentry SET search_vector =
            setweight(to_tsvector('simple'::regconfig, coalesce(NEW.title_lemmas, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, coalesce(NEW.summary_lemmas, '')), 'B')
            || setweight(to_tsvector('simple'::regconfig, coalesce(NEW.body_lemmas, '')), 'C')
            || setweight(to_tsvector('simple'::regconfig, coalesce(NEW.extra_lemmas, '')), 'D')
        WHERE id = NEW.entry_id;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER knowledge_searchtext_vector AFTER INSERT OR UPDATE ON knowledge_searchtext
    FOR EACH ROW EXECUTE FUNCTION knowledge_searchtext_vector()
    """,
    "CREATE INDEX knowledge_entry_vector ON knowledge_searchentry USING gin (search_vector)",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS knowledge_searchtext_vector ON knowledge_searchtext",
    "DROP FUNCTION IF EXISTS knowledge_searchtext_vector()",
    "DROP INDEX IF EXISTS knowledge_entry_vector",
    "ALTER TABLE knowledge_searchentry DROP COLUMN IF EXISTS search_vector",
]

_COLUMNS = "title_lemmas, summary_lemmas, body_lemmas, extra_lemmas"
_NEW = "new.title_lemmas, new.summary_lemmas, new.body_lemmas, new.extra_lemmas"
_OLD = "old.title_lemmas, old.summary_lemmas, old.body_lemmas, old.extra_lemmas"
SQLITE_UP = [
    f"""
    CREATE VIRTUAL TABLE knowledge_search_fts USING fts5(
        {_COLUMNS}, content='knowledge_searchtext', content_rowid='entry_id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    f"""
    CREATE TRIGGER knowledge_search_fts_ai AFTER INSERT ON knowledge_searchtext BEGIN
        INSERT INTO knowledge_search_fts(rowid, {_COLUMNS}) VALUES (new.entry_id, {_NEW});
    END
    """,
    f"""
    CREATE TRIGGER knowledge_search_fts_ad AFTER DELETE ON knowledge_searchtext BEGIN
        INSERT INTO knowledge_search_fts(knowledge_search_fts, rowid, {_COLUMNS})
        VALUES ('delete', old.entry_id, {_OLD});
    END
    """,
    f"""
    CREATE TRIGGER knowledge_search_fts_au AFTER UPDATE ON knowledge_searchtext BEGIN
        INSERT INTO knowledge_search_fts(knowledge_search_fts, rowid, {_COLUMNS})
        VALUES ('delete', old.entry_id, {_OLD});
        INSERT INTO knowledge_search_fts(rowid, {_COLUMNS}) VALUES (new.entry_id, {_NEW});
    END
    """,
    "INSERT INTO knowledge_search_fts(knowledge_search_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS knowledge_search_fts_ai",
    "DROP TRIGGER IF EXISTS knowledge_search_fts_ad",
    "DROP TRIGGER IF EXISTS knowledge_search_fts_au",
    "DROP TABLE IF EXISTS knowledge_search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}),
        ),
    ]
