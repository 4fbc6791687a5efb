"""One FilterSet per portfolio resource (cost lines, outcomes, reviews), for the API lists
and for any list page that wants the same filters, as the registry's and knowledge's do.

Privacy is not a filter: callers pass a queryset already limited to the workspaces the
user has a role in. The filters that name a record (a workspace, a membership) accept
only records the user may see, so a filter cannot be used to probe whether another
workspace's private membership exists: an unknown and a hidden id are the same 400.

Every filter validates its value (a malformed year, kind or id is a 400 naming the
parameter, never a query the database chokes on), and the filter classes describe their
values to the OpenAPI document precisely enough for schemathesis to build valid ones.
"""

import django_filters as filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import readable_workspace_ids
from verkosto.portfolio.models import (
    COST_LINE_KINDS,
    CostLine,
    Outcome,
    OutcomeType,
    Review,
    ReviewStatus,
)
from verkosto.registry import models as rm
from verkosto.registry.filtersets import ChoiceColumnFilter, OrderingFilter
from verkosto.registry.selectors.visibility import visible

# The years portfolio records may have (the models' check constraints).
MIN_YEAR, MAX_YEAR = 1900, 2200


@extend_schema_field({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR})
class YearFilter(filters.Filter):
    """A year as a whole number within the range the records may have."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        super().__init__(**kwargs)


def _user(request):
    return getattr(request, "user", None)


def _readable_workspaces(request) -> QuerySet:
    ids = readable_workspace_ids(_user(request))
    workspaces = Workspace.objects.order_by("pk")
    return workspaces if ids is None else workspaces.filter(pk__in=ids)


def _visible_memberships(request) -> QuerySet:
    return visible(rm.Membership.objects.order_by("pk"), _user(request))


def _workspace_filter() -> filters.ModelChoiceFilter:
    return filters.ModelChoiceFilter(
        queryset=_readable_workspaces,
        label=_("Workspace"),
        help_text=_("One of your workspaces (by default: all of them)."),
    )


def _membership_filter() -> filters.ModelChoiceFilter:
    return filters.ModelChoiceFilter(
        queryset=_visible_memberships,
        label=_("Membership"),
    )


class CostLineFilterSet(filters.FilterSet):
    workspace = _workspace_filter()
    membership = _membership_filter()
    year = YearFilter(field_name="year", label=_("Year"))
    year_from = YearFilter(field_name="year", lookup_expr="gte", label=_("From year"))
    year_to = YearFilter(field_name="year", lookup_expr="lte", label=_("To year"))
    kind = ChoiceColumnFilter(choices=COST_LINE_KINDS, label=_("Kind"))
    ordering = OrderingFilter(
        fields=(("year", "year"), ("kind", "kind"), ("amount", "amount")),
        label=_("Order by"),
    )

    class Meta:
        model = CostLine
        fields = ["workspace", "membership", "year", "year_from", "year_to", "kind"]


class OutcomeFilterSet(filters.FilterSet):
    workspace = _workspace_filter()
    membership = _membership_filter()
    year = YearFilter(field_name="date", lookup_expr="year", label=_("Year"))
    # An outcome's kind is its type (funding won, practice adopted …).
    type = ChoiceColumnFilter(choices=OutcomeType.choices, label=_("Outcome type"))
    ordering = OrderingFilter(
        fields=(("date", "date"), ("value_estimate", "value_estimate")),
        label=_("Order by"),
    )

    class Meta:
        model = Outcome
        fields = ["workspace", "membership", "year", "type"]


class ReviewFilterSet(filters.FilterSet):
    workspace = _workspace_filter()
    organisation = filters.ModelChoiceFilter(
        queryset=rm.Organisation.objects.all(), label=_("Organisation")
    )
    membership = filters.ModelChoiceFilter(
        # The path names the model field for the OpenAPI document; the method filters.
        field_name="evaluations__membership",
        queryset=_visible_memberships,
        method="filter_membership",
        label=_("Membership"),
        help_text=_("Reviews that evaluate this membership."),
    )
    year = YearFilter(field_name="year", label=_("Year"))
    status = ChoiceColumnFilter(choices=ReviewStatus.choices, label=_("Status"))
    ordering = OrderingFilter(fields=(("year", "year"),), label=_("Order by"))

    class Meta:
        model = Review
        fields = ["workspace", "organisation", "membership", "year", "status"]

    def filter_membership(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if value is None or value == "":
            return queryset
        # A subquery, not a join: a review evaluates a membership at most once, but a join
        # would still need DISTINCT to be safe and cost a sort before paging.
        pk = getattr(value, "pk", value)  # the API's lean filter gives the key alone
        evaluated = Review.objects.filter(evaluations__membership_id=pk).values("pk")
        return queryset.filter(pk__in=evaluated)
