"""The portfolio app's API resources, registered by ``verkosto.api.urls``.

Read only, and private to the user's workspaces (see ``portfolio.api``); named as the
registry's resources (plural, lower case, hyphenated).
"""

from verkosto.portfolio import api

# (URL prefix, viewset, basename): one line per router resource.
ROUTES: list = [
    ("cost-lines", api.CostLineViewSet, "cost-line"),
    ("outcomes", api.OutcomeViewSet, "outcome"),
    ("reviews", api.ReviewViewSet, "review"),
]
# Plain API views that are not viewsets (mounted under /api/v1/).
urlpatterns: list = []


def register(router) -> None:
    for prefix, viewset, basename in ROUTES:
        router.register(prefix, viewset, basename=basename)
