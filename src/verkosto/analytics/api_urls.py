"""The analytics app's API resources, registered by ``verkosto.api.urls``.

Plain read-only views, not router resources: an analysis is a computed answer, not a
record to list, create or change.
"""

from django.urls import path

from verkosto.analytics import api

# (URL prefix, viewset, basename): one line per router resource.
ROUTES: list = []

_LANDSCAPE = {
    "overlap": api.OverlapView,
    "centrality": api.CentralityView,
    "communities": api.CommunitiesView,
    "trends": api.TrendsView,
}
_ORGANISATION = {
    **_LANDSCAPE,
    # An organisation's trends take no country (a 400), so their own view and schema.
    "trends": api.OrganisationTrendsView,
    "peers": api.PeersView,
    "gaps": api.GapsView,
}

# Plain API views that are not viewsets (mounted under /api/v1/).
urlpatterns: list = [
    *(
        path(f"analytics/{name}", view.as_view(), name=f"analytics-{name}")
        for name, view in _LANDSCAPE.items()
    ),
    *(
        path(
            f"analytics/organisations/<int:id>/{name}",
            view.as_view(),
            name=f"analytics-organisation-{name}",
        )
        for name, view in _ORGANISATION.items()
    ),
]


def register(router) -> None:
    for prefix, viewset, basename in ROUTES:
        router.register(prefix, viewset, basename=basename)
