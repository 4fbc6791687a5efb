"""Routes under ``/api/v1/exchange/`` (included by verkosto.api.urls)."""

from django.urls import path

from verkosto.exchange import api

urlpatterns = [
    path("popolo.json", api.PopoloExportView.as_view(), name="exchange-popolo"),
    path("ftm.jsonl", api.FtmExportView.as_view(), name="exchange-ftm"),
    path("imports/", api.ImportStartView.as_view(), name="exchange-import-list"),
    path("imports/<int:pk>/", api.ImportJobView.as_view(), name="exchange-import-detail"),
]
