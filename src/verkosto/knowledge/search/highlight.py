"""The passage of an item that shows why it matched, with the matching words marked.

Pure Python: the same for both backends (PostgreSQL's ts_headline would only know the
lemma text, not the words the item really has). Returns escaped HTML.
"""

import html
from bisect import bisect_left
from functools import lru_cache

from verkosto.knowledge.lemmatise import WORD, analyse_word

WINDOW = 35  # words in a passage


@lru_cache(maxsize=200_000)
def _forms(word: str, language: str) -> frozenset[str]:
    """The lemmas and extra forms of a word, as one set to test against the query's."""
    analysis = analyse_word(word, language)
    return frozenset((*analysis.lemmas, *analysis.extras))


def passage(text: str, language: str, tokens: set[str], window: int = WINDOW) -> str:
    """The ``window`` words of ``text`` with the most words whose lemmas are in ``tokens``,
    each of those in <mark>; the text's start when nothing matches."""
    spans = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    if not spans:
        return ""
    # A text repeats its words: decide each distinct word once.
    marks: dict[str, bool] = {}
    hits = []
    for i, (_s, _e, word) in enumerate(spans):
        is_marked = marks.get(word)
        if is_marked is None:
            is_marked = marks[word] = not tokens.isdisjoint(_forms(word, language))
        if is_marked:
            hits.append(i)
    start = 0
    if hits:
        best = (0, 0)
        for i, first in enumerate(hits):
            # count marked words from this one up to the end of the window it opens at
            # [first - window//3, first - window//3 + window); hits are sorted
            lo = max(0, first - window // 3)
            count = bisect_left(hits, lo + window, i) - i
            if count > best[0]:
                best = (count, lo)
        start = best[1]
    end = min(len(spans), start + window)
    marked = set(hits)
    out: list[str] = []
    cursor = spans[start][0]
    for i in range(start, end):
        s, e, word = spans[i]
        out.append(html.escape(text[cursor:s]))
        out.append(f"<mark>{html.escape(word)}</mark>" if i in marked else html.escape(word))
        cursor = e
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(spans) else ""
    body = "".join(out).replace("\n", " ")
    return prefix + " ".join(body.split()) + suffix
