"""The search page: a query box answered as one types (htmx), facet filters with counts,
highlighted passages with the reason of each hit, pages, and who has done it.

Without JavaScript the form submits and the whole page comes back; with htmx only the
results region is swapped and the address follows (``hx-push-url``), so every state of
the page is a link. The query box itself is never swapped: typing is not interrupted.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from verkosto.accounts.workspaces import current_workspace
from verkosto.knowledge.forms import SearchForm
from verkosto.knowledge.models import ItemKind, Language
from verkosto.knowledge.views import access
from verkosto.knowledge.views.running import run_search

# The order the facets are shown in.
FACETS = ("kind", "theme", "organisation", "country", "language", "year")


def _partial(request: HttpRequest) -> bool:
    """An htmx request for the results only (a history restore wants the whole page)."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


@require_GET
@login_required
@vary_on_headers("HX-Request")
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    valid = form.is_valid()
    partial = _partial(request)
    context = {"form": form, "answer": None, "partial": partial}
    if valid and (form.cleaned_data["q"] or form.filters()):
        answer = run_search(form, current_workspace(request))
        _label_hits(answer)
        context["answer"] = answer
        context["facets"] = [
            (name, form.fields[name].label, answer["facets"][name]) for name in FACETS
        ]
    elif valid:
        context["counts"] = _counts(request)
    template = "knowledge/search/_results.html" if partial else "knowledge/search/page.html"
    return render(request, template, context, status=200 if valid else 400)


def _label_hits(answer: dict) -> None:
    """Kind and language names for the page (the API gives the codes)."""
    kinds, languages = dict(ItemKind.choices), dict(Language.choices)
    answer["first"] = (answer["page"] - 1) * answer["limit"] + 1
    hits = list(answer["hits"])
    for match in answer["who_has_done"]:
        hits += match["top"]
    for hit in hits:
        hit["kind_label"] = kinds.get(hit["kind"], hit["kind"])
        hit["language_label"] = languages.get(hit["language"], hit["language"])


def _counts(request: HttpRequest) -> dict[str, int]:
    """How many items the user may read, for the page before a search."""
    actor = request.user
    return {
        "practice": access.practices(actor).order_by().count(),
        "report": access.reports(actor).order_by().count(),
        "document": access.documents(actor).order_by().count(),
    }
