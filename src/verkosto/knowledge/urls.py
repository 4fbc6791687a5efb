"""Web routes of the knowledge app (included under the language prefix by verkosto.urls).

``knowledge:search``; ``knowledge:<kind>-list|detail|add|edit|delete`` for practices and
reports; ``knowledge:document-list|detail|upload|download|edit|delete``.
"""

from django.urls import path

from verkosto.knowledge.views import documents, items, search

app_name = "knowledge"

SEGMENTS = {"practice": "practices", "report": "reports"}

urlpatterns: list = [path("", search.search_page, name="search")]
for kind, segment in SEGMENTS.items():
    urlpatterns += [
        path(f"{segment}/", items.item_list, {"kind": kind}, name=f"{kind}-list"),
        path(f"{segment}/new/", items.item_add, {"kind": kind}, name=f"{kind}-add"),
        path(f"{segment}/<int:pk>/", items.item_detail, {"kind": kind}, name=f"{kind}-detail"),
        path(f"{segment}/<int:pk>/edit/", items.item_edit, {"kind": kind}, name=f"{kind}-edit"),
        path(
            f"{segment}/<int:pk>/delete/",
            items.item_delete,
            {"kind": kind},
            name=f"{kind}-delete",
        ),
    ]
urlpatterns += [
    path("documents/", documents.document_list, name="document-list"),
    path("documents/upload/", documents.document_upload, name="document-upload"),
    path("documents/<int:pk>/", documents.document_detail, name="document-detail"),
    path("documents/<int:pk>/file/", documents.document_download, name="document-download"),
    path("documents/<int:pk>/edit/", documents.document_edit, name="document-edit"),
    path(
        "documents/<int:pk>/delete/",
        items.item_delete,
        {"kind": "document"},
        name="document-delete",
    ),
]
