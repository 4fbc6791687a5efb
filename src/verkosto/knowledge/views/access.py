"""What a user may see of the knowledge base, and each item's pages.

Lists and detail pages show shared items and the private items of the user's
workspaces, as the registry does; a private item of another workspace is a 404, as if
it did not exist. Every queryset loads what its page shows in a fixed number of queries.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from verkosto.accounts.permissions import Actor
from verkosto.knowledge.models import Document, GoodPractice, ItemKind, Report
from verkosto.registry.selectors.visibility import visible

MODELS = {
    ItemKind.PRACTICE: GoodPractice,
    ItemKind.REPORT: Report,
    ItemKind.DOCUMENT: Document,
}


def practices(actor: Actor) -> QuerySet:
    return (
        visible(GoodPractice.objects.all(), actor)
        .select_related("organisation", "network", "event", "workspace")
        .prefetch_related("themes")
    )


def reports(actor: Actor) -> QuerySet:
    return (
        visible(Report.objects.all(), actor)
        .select_related("organisation", "event", "workspace")
        .prefetch_related("themes")
    )


def documents(actor: Actor) -> QuerySet:
    # The extracted text can be megabytes: lists never need it.
    return (
        visible(Document.objects.all(), actor)
        .defer("text")
        .select_related("organisation", "workspace")
        .prefetch_related("themes")
    )


QUERYSETS = {
    ItemKind.PRACTICE: practices,
    ItemKind.REPORT: reports,
    ItemKind.DOCUMENT: documents,
}


def item_or_404(kind: str, actor: Actor, pk: int):
    queryset = QUERYSETS[kind](actor)
    if kind == ItemKind.DOCUMENT:
        queryset = queryset.defer(None)  # the page shows the text
    try:
        return queryset.get(pk=pk)
    except MODELS[kind].DoesNotExist:
        raise Http404(f"No {kind} {pk}") from None


def item_url(kind: str, pk: int) -> str:
    """The page of a practice, report or document."""
    return reverse(f"knowledge:{kind}-detail", args=[pk])
