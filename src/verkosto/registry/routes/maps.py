"""Web routes: the network map, its data as JSON, and the twin-town map."""

from django.urls import path

from verkosto.registry.views import maps

urlpatterns: list = [
    path(
        "organisations/<int:pk>/network-map/",
        maps.organisation_network_map,
        name="organisation-network-map",
    ),
    path(
        "organisations/<int:pk>/graph.json",
        maps.organisation_graph_json,
        name="organisation-graph",
    ),
    path(
        "organisations/<int:pk>/twin-map/",
        maps.organisation_twin_map_page,
        name="organisation-twin-map",
    ),
]
