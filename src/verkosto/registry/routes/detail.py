"""Web routes: each record's detail page, its history and revert, and its edit forms.

``registry:<kind>-detail|history|revert|add|edit|delete`` for every kind; a membership's
fees and a partnership's parties are added under their parent.
"""

from django.urls import path

from verkosto.registry.views import detail, edit, history

# kind → URL segment; every kind here has a detail page and a history.
PAGES = {
    "organisation": "organisations",
    "membership": "memberships",
    "twinning": "twinnings",
    "partnership": "partnerships",
    "theme": "themes",
    "goal": "goals",
    "event": "events",
    "source": "sources",
}
# Kinds with add / edit / delete forms of their own.
EDITABLE = ("organisation", "membership", "twinning", "partnership", "theme", "goal", "event")


def _record_routes(kind: str, segment: str) -> list:
    routes = [
        path(f"{segment}/<int:pk>/", detail.record_detail, {"kind": kind}, name=f"{kind}-detail"),
        path(
            f"{segment}/<int:pk>/history/",
            history.record_history_page,
            {"kind": kind},
            name=f"{kind}-history",
        ),
        path(
            f"{segment}/<int:pk>/history/<int:history_id>/revert/",
            history.record_revert,
            {"kind": kind},
            name=f"{kind}-revert",
        ),
    ]
    if kind in EDITABLE:
        routes += _edit_routes(kind, segment)
    return routes


def _edit_routes(kind: str, segment: str, add_under: str = "") -> list:
    return [
        path(f"{add_under or segment}/add/", edit.record_add, {"kind": kind}, name=f"{kind}-add"),
        path(f"{segment}/<int:pk>/edit/", edit.record_edit, {"kind": kind}, name=f"{kind}-edit"),
        path(
            f"{segment}/<int:pk>/delete/",
            edit.record_delete,
            {"kind": kind},
            name=f"{kind}-delete",
        ),
    ]


urlpatterns: list = [
    route for kind, segment in PAGES.items() for route in _record_routes(kind, segment)
]
urlpatterns += _edit_routes(
    "membershipfee", "memberships/fees", add_under="memberships/<int:parent_pk>/fees"
)
urlpatterns += _edit_routes(
    "partnershipparty", "partnerships/parties", add_under="partnerships/<int:parent_pk>/parties"
)
