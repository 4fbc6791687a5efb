"""The knowledge app's API resources, registered by ``verkosto.api.urls``.

Good practices, reports and documents are router resources, named as the registry's
(plural, lower case); search is a plain read-only view, not a router resource: an answer
to a query, not a record to list, create or change.
"""

from django.urls import path

from verkosto.knowledge import api, api_items

# (URL prefix, viewset, basename): one line per router resource.
ROUTES: list = [
    ("practices", api_items.PracticeViewSet, "practice"),
    ("reports", api_items.ReportViewSet, "report"),
    ("documents", api_items.DocumentViewSet, "document"),
]
# Plain API views that are not viewsets (mounted under /api/v1/).
urlpatterns: list = [path("search", api.SearchView.as_view(), name="knowledge-search")]


def register(router) -> None:
    for prefix, viewset, basename in ROUTES:
        router.register(prefix, viewset, basename=basename)
