"""The vocabulary queries are widened with: the glossary, the registry's themes in
fi/sv/en and the other names of places. Built from the database, kept for a minute.

The vocabulary is shared by readers of every language, so the concept names `why`
shows are lazy: each is rendered in the language of the query being read.
"""

import threading
import time

from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext_lazy

from verkosto.common.text import fold
from verkosto.knowledge.language import is_stopword
from verkosto.knowledge.lemmatise import lemmatise_text
from verkosto.knowledge.search.glossary import GLOSSARY, PLACE_NAMES
from verkosto.knowledge.search.query import THEME_NOTE, Concept, Vocabulary

TTL_SECONDS = 60
_lock = threading.Lock()
_cache: tuple[float, Vocabulary] | None = None


def label_tokens(label: str, language: str) -> tuple[str, ...]:
    lemmas = lemmatise_text(label, language).lemmas.split()
    return tuple(t for t in lemmas if not is_stopword(t))


def _theme_name(labels: dict[str, tuple[str, ...]]) -> str:
    """'theme <label in the active language>', falling back in the order fi, sv, en."""
    language = (get_language() or "")[:2]
    label = labels.get(language) or next(iter(labels.values()))
    return f"{THEME_NOTE} {label[0]}"


_lazy_theme_name = lazy(_theme_name, str)


def _concept(name: str, labels: dict[str, tuple[str, ...]], theme_id=None) -> Concept:
    pairs = []
    for lang, texts in labels.items():
        for text in texts:
            tokens = label_tokens(text, lang)
            if tokens and all(p[:2] != (lang, tokens) for p in pairs):
                pairs.append((lang, tokens, text))
    return Concept(name, tuple(pairs), theme_id)


def _theme_concepts() -> list[Concept]:
    from verkosto.registry.models import Theme

    concepts = []
    for theme in Theme.objects.only("pk", "label", "label_fi", "label_sv", "label_en"):
        labels = {
            lang: (text,)
            for lang in ("fi", "sv", "en")
            if (text := getattr(theme, f"label_{lang}", "") or "")
        }
        if len(labels) >= 2:
            concepts.append(_concept(_lazy_theme_name(labels), labels, theme.pk))
    return concepts


def _place_groups() -> list[tuple[str, ...]]:
    from verkosto.registry.models import Organisation

    groups = [tuple(names) for names in PLACE_NAMES]
    rows = Organisation.objects.filter(
        Q(kind__in=["municipality", "region"]) & ~Q(name_sv="") & ~Q(name_fi="")
    ).values_list("name_fi", "name_sv", "name_en")
    for names in rows:
        distinct = tuple(dict.fromkeys(n for n in names if n))
        if len(distinct) > 1:
            groups.append(distinct)
    return groups


def build_vocabulary() -> Vocabulary:
    # The glossary's names are marked for translation in glossary.py.
    concepts = [_concept(gettext_lazy(name), labels) for name, labels in GLOSSARY]
    concepts += _theme_concepts()
    aliases: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    names: dict[tuple[str, ...], str] = {}  # matching is folded; `why` shows the name
    for group in _place_groups():
        folded = [tuple(fold(n).split()) for n in group]
        for tokens, written in zip(folded, group, strict=True):
            names.setdefault(tokens, written)
        for name in folded:
            if len(name) != 1:
                continue
            others = aliases.setdefault(name, [])
            for other in folded:
                if other != name and other not in others:
                    others.append(other)
    return Vocabulary(concepts, aliases, names)


def get_vocabulary() -> Vocabulary:
    global _cache
    now = time.monotonic()
    with _lock:
        if _cache is None or now - _cache[0] > TTL_SECONDS:
            _cache = (now, build_vocabulary())
        return _cache[1]


def clear_vocabulary() -> None:
    """Forget the cached vocabulary (after themes change; tests)."""
    global _cache
    with _lock:
        _cache = None
