"""One search as the page and the API run it: validated parameters in, the answer out.

Both call :func:`run_search` with a bound :class:`~verkosto.knowledge.forms.SearchForm`,
so they accept the same input and return the same data. Private items count for one
workspace only (the search's rule): the current one.
"""

from typing import Any

from verkosto.knowledge.forms import DEFAULT_LIMIT, SearchForm
from verkosto.knowledge.models import ItemKind, Language
from verkosto.knowledge.search import search
from verkosto.knowledge.views.present import result_data
from verkosto.registry.models import Organisation, Theme

WHO_LIMIT = 10


def _labels_of_chosen(filters: dict[str, list], missing: set[str]) -> dict[str, dict]:
    """Labels for chosen filter values that have no hit left (and so no facet)."""
    labels: dict[str, dict] = {
        "kind": dict(ItemKind.choices),
        "language": dict(Language.choices),
    }
    if "theme" in missing:
        labels["theme"] = {t.pk: str(t) for t in Theme.objects.filter(pk__in=filters["theme"])}
    if "organisation" in missing:
        labels["organisation"] = dict(
            Organisation.objects.filter(pk__in=filters["organisation"]).values_list("pk", "name")
        )
    return labels


def run_search(form: SearchForm, workspace) -> dict[str, Any]:
    """The answer for a valid ``form``: hits of one page, facets, who has done it."""
    data = form.cleaned_data
    filters = form.filters()
    query = data.get("q") or ""
    result = search(
        query,
        workspace=workspace,
        filters=filters,
        page=data.get("page") or 1,
        limit=data.get("limit") or DEFAULT_LIMIT,
        # The page and "who has done it" from one reading of the matches, not two.
        who_limit=WHO_LIMIT,
    )
    who = result.who_has_done
    chosen_missing = {
        key
        for key, values in filters.items()
        if set(values) - {v.value for v in result.facets.get(key, [])}
    }
    labels = _labels_of_chosen(filters, chosen_missing) if chosen_missing else {}
    return result_data(result, who, filters, labels)
