"""Keeping the search index in step with the items: one row per item in SearchEntry.

Services call ``index_item`` inside their transaction, so an item and its index row are
written (or rolled back) together; deletes are caught by a signal too (cascades, admin).
"""

from collections.abc import Iterator

from django.db import models, transaction
from tqdm import tqdm

from verkosto.knowledge import embeddings, vectors
from verkosto.knowledge.lemmatise import lemmatise_fields
from verkosto.knowledge.models import (
    Document,
    GoodPractice,
    ItemKind,
    ItemVector,
    Report,
    SearchEntry,
    SearchText,
)

KIND_OF: dict[type[models.Model], str] = {
    GoodPractice: ItemKind.PRACTICE,
    Report: ItemKind.REPORT,
    Document: ItemKind.DOCUMENT,
}
MODEL_OF = {kind: model for model, kind in KIND_OF.items()}


def _fields(item: models.Model) -> tuple[str, str, int | None]:
    """(summary, body, year) of an item."""
    if isinstance(item, GoodPractice):
        body = "\n\n".join(t for t in (item.body, item.results) if t)
        return item.summary, body, item.created_at.year if item.created_at else None
    if isinstance(item, Report):
        return item.summary, item.body, item.date.year if item.date else None
    assert isinstance(item, Document)
    return item.summary, item.text, item.created_at.year if item.created_at else None


def entry_values(item: models.Model) -> tuple[dict, dict]:
    """The values of an item's SearchEntry and of its SearchText."""
    summary, body, year = _fields(item)
    organisation = getattr(item, "organisation", None)
    lemmas = lemmatise_fields(title=item.title, summary=summary, body=body, language=item.language)
    entry = {
        "workspace_id": item.workspace_id,
        "language": item.language,
        "year": year,
        "organisation_id": organisation.pk if organisation else None,
        "country": organisation.country if organisation else "",
    }
    words = {
        "title": item.title[:300],
        "origin_id": getattr(item, "origin_id", "") or "",
        "text": "\n\n".join(t for t in (summary, body) if t),
        **lemmas,
    }
    return entry, words


def index_item(item: models.Model) -> SearchEntry:
    """Write (or rewrite) the index rows of ``item``, themes included."""
    entry_fields, words = entry_values(item)
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(
            kind=KIND_OF[type(item)], object_id=item.pk, defaults=entry_fields
        )
        SearchText.objects.update_or_create(entry=entry, defaults=words)
        entry.themes.set(item.themes.all())
        vectors.drop_outdated(entry.kind, item.pk, words["title"], words["text"])
    return entry


def unindex_item(item: models.Model) -> None:
    SearchEntry.objects.filter(kind=KIND_OF[type(item)], object_id=item.pk).delete()
    ItemVector.objects.filter(kind=KIND_OF[type(item)], object_id=item.pk).delete()


def _all_items() -> Iterator[models.Model]:
    for model in KIND_OF:
        yield from (
            model.objects.select_related("organisation")
            .prefetch_related("themes")
            .iterator(chunk_size=500)
        )


def reindex_all(*, progress: bool = False) -> int:
    """Rebuild the whole index (after a change to the language pipeline); returns the
    number of items indexed. One transaction: searches see the old index until the end.
    Vectors survive unless their item's text changed or the item is gone; the missing ones
    are computed afterwards (vectors.embed_missing)."""
    total = sum(model.objects.count() for model in KIND_OF)
    count = 0
    stored = {
        (kind, object_id): (pk, digest)
        for pk, kind, object_id, digest in ItemVector.objects.values_list(
            "pk", "kind", "object_id", "digest"
        )
    }
    outdated: list[int] = []
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for item in tqdm(_all_items(), total=total, disable=not progress, unit=" items"):
            entry_fields, words = entry_values(item)
            entry = SearchEntry.objects.create(
                kind=KIND_OF[type(item)], object_id=item.pk, **entry_fields
            )
            SearchText.objects.create(entry=entry, **words)
            pk, digest = stored.get((entry.kind, item.pk), (None, None))
            if pk is not None and digest != embeddings.item_digest(words["title"], words["text"]):
                outdated.append(pk)
            theme_ids = [t.pk for t in item.themes.all()]
            if theme_ids:
                entry.themes.set(theme_ids)
            count += 1
        ItemVector.objects.filter(pk__in=outdated).delete()
        vectors.drop_orphans()
    return count
