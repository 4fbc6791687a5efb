"""Stored item vectors (models.ItemVector): computing the missing ones, and finding the
items nearest in meaning to a query.

Embedding an item takes 50–250 ms of CPU, too slow to do inside a save: a save drops the
item's outdated vector and queues ``tasks.embed_missing_items`` after the commit (run by
``verkosto db_worker``; ``verkosto reindex`` and the demo loader run it in-process).
Until then the item is found by its words only.

Searching reads every vector once per process into one matrix (384 float32 a row: 150 MB
for 100 000 items) and then only the vectors added since (see _Matrix).
"""

import threading
from collections.abc import Iterable

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, Max, OuterRef
from tqdm import tqdm

from verkosto.knowledge import embeddings
from verkosto.knowledge.models import ItemKind, ItemVector, SearchEntry

BATCH = 16


def enabled() -> bool:
    """Embeddings are used when the setting allows them and the model runs here."""
    return bool(getattr(settings, "VERKOSTO_EMBEDDINGS", True)) and embeddings.available()


def drop_outdated(kind: str, object_id: int, title: str, text: str) -> None:
    """Forget the item's vector when its text changed since it was computed, and make
    sure a worker computes the missing vectors after this transaction commits."""
    current = embeddings.item_digest(title, text)
    ItemVector.objects.filter(kind=kind, object_id=object_id).exclude(digest=current).delete()
    if enabled():
        schedule()


def _enqueue() -> None:
    from verkosto.knowledge.tasks import embed_missing_items

    embed_missing_items.enqueue()


def schedule() -> None:
    """Queue one embedding task when the current transaction commits (one per
    transaction, however many items it saved: an import of a thousand files queues one)."""
    if any(func is _enqueue for _ids, func, *_rest in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue)


def drop_orphans() -> int:
    """Delete the vectors of items that no longer exist (after a rebuild of the index)."""
    entries = SearchEntry.objects.filter(kind=OuterRef("kind"), object_id=OuterRef("object_id"))
    count, _by_model = ItemVector.objects.exclude(Exists(entries)).delete()
    return count


def missing() -> "Iterable[SearchEntry]":
    """Index entries whose item has no (current) vector."""
    vectors = ItemVector.objects.filter(kind=OuterRef("kind"), object_id=OuterRef("object_id"))
    return SearchEntry.objects.exclude(Exists(vectors))


def embed_missing(*, progress: bool = False, limit: int | None = None) -> int:
    """Compute the vectors that are missing, a batch at a time (each batch commits on
    its own, so a long run is not one long transaction); returns how many."""
    if not enabled():
        return 0
    total = missing().count()
    if limit is not None:
        total = min(total, limit)
    done = 0
    with tqdm(total=total, disable=not progress, unit=" items", desc="vectors") as bar:
        while done < total:
            rows = list(
                missing()
                .order_by("pk")
                .values_list("kind", "object_id", "words__title", "words__text")[
                    : min(BATCH, total - done)
                ]
            )
            if not rows:
                break
            passages = [embeddings.passage_text(t or "", x or "") for _k, _o, t, x in rows]
            matrix = embeddings.embed_passages(passages)
            ItemVector.objects.bulk_create(
                [
                    ItemVector(
                        kind=kind,
                        object_id=object_id,
                        digest=embeddings.digest(passage),
                        vector=embeddings.to_bytes(vector),
                    )
                    for (kind, object_id, _t, _x), passage, vector in zip(
                        rows, passages, matrix, strict=True
                    )
                ],
                ignore_conflicts=True,  # another worker got there first: same vector
            )
            done += len(rows)
            bar.update(len(rows))
    return done


class _Matrix:
    """Every stored vector in one matrix, with the (kind, item id) of each row.

    Vectors are only ever added (a changed item gets a new row, with a higher id), so
    the matrix follows the table by appending the rows above the highest id it has: one
    index lookup per search when nothing changed. Rows of deleted vectors stay until the
    process restarts; they are harmless, since a hit is shown only when its item is in
    the index (engine._related joins the entries).
    """

    def __init__(self) -> None:
        self.top = 0
        # Item keys as two arrays, not 100 000 tuples the garbage collector would walk
        # on every full collection (a pause of its own in some search).
        self.kinds = np.zeros(0, dtype=np.int8)
        self.ids = np.zeros(0, dtype=np.int64)
        self.matrix = np.zeros((0, embeddings.DIM), dtype=np.float32)
        self.lock = threading.Lock()

    def current(self) -> "_Matrix":
        top = ItemVector.objects.aggregate(top=Max("pk"))["top"] or 0
        if top != self.top:
            with self.lock:
                if top < self.top:  # the table was emptied and refilled
                    self.__init__()
                rows = list(
                    ItemVector.objects.filter(pk__gt=self.top, pk__lte=top)
                    .order_by("pk")
                    .values_list("kind", "object_id", "vector")
                )
                kinds = np.array([_KIND_CODE[k] for k, _o, _v in rows], dtype=np.int8)
                ids = np.array([o for _k, o, _v in rows], dtype=np.int64)
                added = embeddings.from_bytes([bytes(v) for _k, _o, v in rows])
                # Keys before the matrix: a search reading the matrix meanwhile finds
                # keys for every row it can see.
                self.kinds = np.concatenate([self.kinds, kinds])
                self.ids = np.concatenate([self.ids, ids])
                self.matrix = np.concatenate([self.matrix, added])
                self.top = top
        return self

    def key(self, row: int) -> tuple[str, int]:
        return _KINDS[self.kinds[row]], int(self.ids[row])


_KINDS = list(ItemKind.values)
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}
_MATRIX = _Matrix()


def forget() -> None:
    """Drop this process's matrix (tests: their rolled-back rows give ids out again)."""
    global _MATRIX
    _MATRIX = _Matrix()


def nearest(query: str, k: int, floor: float) -> list[tuple[tuple[str, int], float]]:
    """The (kind, item id) of at most ``k`` items nearest to ``query`` in meaning, with
    their cosine (at least ``floor``), best first; visibility is the caller's to check."""
    loaded = _MATRIX.current()
    if not len(loaded.ids):
        return []
    found = embeddings.nearest(loaded.matrix, embeddings.embed_query(query), k, floor)
    return [(loaded.key(row), score) for row, score in found]
