"""Web routes: the home page, an organisation's overview and the lists.

``registry:home`` is the organisation page of the current workspace;
``registry:<kind>-list`` for organisation, network, membership, twinning, partnership,
theme, goal and event.
"""

from django.urls import path

from verkosto.registry.views import home, lists

SEGMENTS = {
    "organisation": "organisations",
    "network": "networks",
    "membership": "memberships",
    "twinning": "twinnings",
    "partnership": "partnerships",
    "theme": "themes",
    "goal": "goals",
    "event": "events",
}

urlpatterns: list = [
    path("", home.home, name="home"),
    path(
        "organisations/<int:pk>/overview/",
        home.organisation_overview,
        name="organisation-overview",
    ),
]
urlpatterns += [
    path(f"{segment}/", lists.record_list, {"kind": kind}, name=f"{kind}-list")
    for kind, segment in SEGMENTS.items()
]
