"""The network map and the twin-town map of an organisation, and the graph as JSON.

The pages carry their data in a ``json_script`` element (the CSP allows no inline
script) and the same data as a table, so they read without JavaScript too.
"""

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from verkosto.registry.models import Organisation, Theme
from verkosto.registry.selectors.graph import organisation_graph, organisation_twin_map

NO_THEME = ""


class MapFilterForm(forms.Form):
    """The map filters, named as in the list filters (``theme``, ``current_on``)."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    current_on = forms.DateField(
        label=_("Current on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty to show past links too."),
    )

    def __init__(self, *args, with_theme: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_theme:
            del self.fields["theme"]
            return
        themes = sorted(Theme.objects.all(), key=lambda t: str(t).casefold())
        self.fields["theme"].choices = [(NO_THEME, _("All themes"))] + [
            (t.code, str(t)) for t in themes
        ]

    @property
    def chosen_date(self) -> dt.date | None:
        return self.cleaned_data.get("current_on") if self.is_valid() else None

    @property
    def chosen_theme(self) -> str | None:
        return (self.cleaned_data.get("theme") or None) if self.is_valid() else None


def _reverse_or_none(name: str, pk: int) -> str | None:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return None


def url_for(kind: str, pk: int) -> str | None:
    """The page a node opens: the record's detail page, or — for an organisation whose
    detail page is not there — its own network map, so clicking still goes somewhere."""
    if kind == "partnership":
        return _reverse_or_none("registry:partnership-detail", pk)
    return _reverse_or_none("registry:organisation-detail", pk) or reverse(
        "registry:organisation-network-map", args=[pk]
    )


def _organisation(pk: int) -> Organisation:
    try:
        return Organisation.objects.get(pk=pk)
    except Organisation.DoesNotExist:
        raise Http404(_("No such organisation.")) from None


def _graph(request: HttpRequest, organisation: Organisation, form: MapFilterForm) -> dict:
    return organisation_graph(
        actor=request.user,
        organisation_id=organisation.pk,
        url_for=url_for,
        on=form.chosen_date,
        theme=form.chosen_theme,
    )


def _rows(graph: dict[str, Any]) -> list[dict[str, Any]]:
    """The edges as table rows, each end with its label and link."""
    nodes = {node["id"]: node for node in graph["nodes"]}
    return [
        {**edge, "from": nodes[edge["source"]], "to": nodes[edge["target"]]}
        for edge in graph["edges"]
    ]


@require_GET
@login_required
def organisation_network_map(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation(pk)
    form = MapFilterForm(request.GET or None)
    graph = _graph(request, organisation, form)
    return render(
        request,
        "registry/maps/network_map.html",
        {
            "organisation": organisation,
            "form": form,
            "graph": graph,
            "rows": _rows(graph),
            "detail_url": _reverse_or_none("registry:organisation-detail", pk),
            "graph_url": reverse("registry:organisation-graph", args=[pk]),
        },
    )


@require_GET
@login_required
def organisation_graph_json(request: HttpRequest, pk: int) -> JsonResponse:
    organisation = _organisation(pk)
    form = MapFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return JsonResponse(_graph(request, organisation, form))


@require_GET
@login_required
def organisation_twin_map_page(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation(pk)
    form = MapFilterForm(request.GET or None, with_theme=False)
    data = organisation_twin_map(
        actor=request.user, organisation_id=organisation.pk, url_for=url_for, on=form.chosen_date
    )
    return render(
        request,
        "registry/maps/twin_map.html",
        {
            "organisation": organisation,
            "form": form,
            "twin_map": data,
            "detail_url": _reverse_or_none("registry:organisation-detail", pk),
        },
    )
