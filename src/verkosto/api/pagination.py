"""Limit/offset pages in a stable order.

Whatever order the FilterSet's ``ordering`` or the model's Meta gives, the primary key
is added last, so rows that tie never move between pages.
"""

from django.db.models import QuerySet
from rest_framework.pagination import LimitOffsetPagination


def stable_order(queryset: QuerySet) -> QuerySet:
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    names = {str(o).lstrip("-") for o in ordering}
    if not names & {"pk", "id"}:
        ordering.append("pk")
    return queryset.order_by(*ordering)


class StablePagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 500

    def paginate_queryset(self, queryset, request, view=None):
        return super().paginate_queryset(stable_order(queryset), request, view)
