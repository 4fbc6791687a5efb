"""The analysis pages: one organisation's (a city's or a network's) and the landscape's.

Every page reads the landscape once (``landscape_for_request``) for the current
workspace — public facts and that workspace's private ones — and renders the same
summaries the API returns. Charts take their data from ``json_script`` elements (the CSP
allows no inline script); every chart has a table beside it, so the page reads without
JavaScript too.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from verkosto.accounts.workspaces import current_workspace
from verkosto.analytics import graphs, summaries
from verkosto.analytics.forms import AnalysisParamsForm, LandscapeParamsForm
from verkosto.analytics.selectors.audience import audience_for_request
from verkosto.analytics.selectors.landscape import landscape_for_request
from verkosto.registry.models import Organisation


def _analysis_url(org_id: int) -> str:
    return reverse("analytics:organisation", args=[org_id])


def heatmap_chart(overlap: dict[str, Any]) -> dict[str, Any]:
    heatmap = overlap["heatmap"]
    return {
        "labels": [n["name"] for n in heatmap["networks"]],
        "values": heatmap["values"],
        "shared": heatmap["shared"],
        "title": _("Share of the smaller network's members in common"),
    }


def trends_chart(trends: dict[str, Any]) -> dict[str, Any]:
    series = [{"name": s["label"], "data": s["counts"]} for s in trends["by_type"]]
    series.append({"name": _("Twinnings"), "data": trends["twinnings"]})
    return {"years": trends["years"], "series": series, "title": _("Active per year")}


def ranking_chart(rows: list[dict[str, Any]], measure: str, title: str) -> dict[str, Any]:
    return {
        "labels": [r["organisation"]["name"] for r in rows],
        "values": [r[measure] for r in rows],
        "title": title,
    }


def _params(form_class, request: HttpRequest):
    """The parameters form, always bound: an empty query means the defaults (today, top 10)."""
    form = form_class(request.GET)
    return form, form.is_valid()


@require_GET
@login_required
def organisation_analysis(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise Http404(_("No such organisation."))
    form, valid = _params(AnalysisParamsForm, request)
    context: dict[str, Any] = {"organisation": organisation, "form": form}
    if not valid:
        return render(request, "analytics/organisation.html", context, status=400)
    as_of, k = form.cleaned_data["as_of"], form.cleaned_data["k"]
    loaded = landscape_for_request(request, audience_for_request(request))
    org = loaded.position(pk)
    network = summaries.is_network(loaded, org)
    overlap = summaries.overlap_summary(loaded, as_of=as_of, k=k, org=org)
    centrality = summaries.centrality_summary(loaded, as_of=as_of, k=k, org=org)
    charts: dict[str, Any] = {"heatmap": heatmap_chart(overlap)}
    context.update(
        as_of=as_of, is_network=network, overlap=overlap, centrality=centrality, charts=charts
    )
    if network:
        context["graph"] = graphs.network_graph(overlap, _analysis_url)
        charts["ranking"] = ranking_chart(
            centrality["members"], "pagerank", _("PageRank of the members")
        )
    else:
        peers = summaries.peers_summary(loaded, as_of=as_of, k=k, org=org)
        trends = summaries.trends_summary(loaded, as_of=as_of, org=org)
        context.update(
            peers=peers,
            gaps=summaries.gaps_summary(loaded, as_of=as_of, k=k, org=org),
            trends=trends,
            graph=graphs.city_graph(overlap, peers, trends["twin_towns"], _analysis_url),
        )
        charts["trends"] = trends_chart(trends)
    return render(request, "analytics/organisation.html", context)


@require_GET
@login_required
def landscape_analysis(request: HttpRequest) -> HttpResponse:
    form, valid = _params(LandscapeParamsForm, request)
    workspace = current_workspace(request)
    context: dict[str, Any] = {"form": form, "workspace": workspace}
    if not valid:
        return render(request, "analytics/landscape.html", context, status=400)
    as_of, k = form.cleaned_data["as_of"], form.cleaned_data["k"]
    country = form.cleaned_data["country"]
    loaded = landscape_for_request(request, audience_for_request(request))
    overlap = summaries.overlap_summary(loaded, as_of=as_of, k=k, country=country)
    centrality = summaries.centrality_summary(loaded, as_of=as_of, k=k, country=country)
    communities = summaries.communities_summary(loaded, as_of=as_of, k=k, country=country)
    trends = summaries.trends_summary(loaded, as_of=as_of, country=country)
    context.update(
        as_of=as_of,
        country=country,
        overlap=overlap,
        centrality=centrality,
        communities=communities,
        trends=trends,
        charts={
            "heatmap": heatmap_chart(overlap),
            "trends": trends_chart(trends),
            "ranking": ranking_chart(
                centrality["cities_by_pagerank"], "pagerank", _("PageRank of the cities")
            ),
            "communities": {
                "labels": [str(c["number"]) for c in communities["communities"]],
                "values": [c["size_in_scope"] for c in communities["communities"]],
                "title": _("Members per community"),
            },
        },
    )
    return render(request, "analytics/landscape.html", context)
