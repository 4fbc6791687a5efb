"""Reads (list and retrieve) from ``.values()`` rows instead of model instances and nested
serializers: the same JSON, a fraction of the Python work (see ``verkosto.api.flat``).

Writes and their responses keep the serializer and ``get_queryset``; only GET (and HEAD)
of a list or a record take this path.
"""

import abc
from typing import Any

from django.db.models import QuerySet
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response


class FlatReads(abc.ABC):
    """Mixed into a ``RegistryViewSet`` before it; the subclass gives ``read_queryset`` and
    ``represent``.

    ``list`` and ``retrieve`` have no docstrings on purpose: drf-spectacular would take
    them as the operations' descriptions, and the OpenAPI document must not change.
    """

    @abc.abstractmethod
    def read_queryset(self) -> QuerySet:
        """What the user may see, as ``get_queryset`` but without prefetching."""

    @abc.abstractmethod
    def read_columns(self) -> tuple[str, ...]:
        """The ``.values()`` columns ``represent`` needs."""

    @abc.abstractmethod
    def represent(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows as the serializer would show them (related rows in a constant number
        of queries, whatever the number of rows)."""

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.read_queryset()).values(*self.read_columns())
        page = self.paginate_queryset(queryset)
        if page is None:
            return Response(self.represent(list(queryset)))
        return self.get_paginated_response(self.represent(page))

    def retrieve(self, request, *args, **kwargs):
        queryset = self.read_queryset()
        if request.query_params:
            # DRF filters a detail too; with no parameters that would change nothing.
            queryset = self.filter_queryset(queryset)
        lookup_url_kwarg = self.lookup_url_kwarg or self.lookup_field
        row = get_object_or_404(
            queryset.values(*self.read_columns()),
            **{self.lookup_field: kwargs[lookup_url_kwarg]},
        )
        # No object permissions to check: the API's permission classes have none, and
        # read_queryset already holds only what the user may see.
        return Response(self.represent([row])[0])
