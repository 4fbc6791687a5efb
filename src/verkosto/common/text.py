"""Name normalisation for matching: pure functions, no Django.

Users type `helsingfors`, `HELSINKI` or `Jyvaskyla`; files write `Jyväskylä`. Matching
compares the *folded* forms: lower-case, diacritics removed (ä→a, å→a, ö→o, é→e),
punctuation and runs of space reduced to one space.
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Letters that NFKD does not decompose but that people write without their stroke.
_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without diacritics or punctuation, single-spaced."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).replace("_", " ").strip()


# Suffixes municipalities carry in some files but not in others ("Upplands Väsby kommun").
_MUNICIPALITY_SUFFIXES = (
    " kommun",
    " stad",
    " kaupunki",
    " kunta",
    " municipality",
    " city",
    " town",
    " stadt",
    " gemeinde",
)
_MUNICIPALITY_PREFIXES = ("city of ", "town of ", "municipality of ", "kommune ")


def fold_place(text: str) -> str:
    """Fold a place name and drop the generic words around it ('City of', 'kommun')."""
    folded = fold(text)
    for prefix in _MUNICIPALITY_PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            folded = folded[len(prefix) :]
    for suffix in _MUNICIPALITY_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            folded = folded[: -len(suffix)]
    return folded.strip()
