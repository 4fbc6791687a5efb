"""One FilterSet per knowledge item model, serving the practice, report and document list
pages and the API lists alike (as the registry's filtersets do), so the filters a user
sees and a script uses never drift apart.

Visibility is not a filter: views and API views pass a queryset already limited by
``views.access`` to what the user may see; ``visibility`` only narrows that to the
shared or to the private items among them.

Every filter validates its value, so a malformed or unknown one is an error (a 400 in
the API) rather than a query the database might choke on; the filter classes below
describe their values to the OpenAPI document precisely enough for a client (or
schemathesis) to build valid ones.
"""

import django_filters as filters
from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from verkosto.knowledge.forms import MAX_QUERY_LENGTH
from verkosto.knowledge.models import (
    Document,
    DocumentFormat,
    GoodPractice,
    ItemKind,
    Language,
    Report,
    ReportKind,
)
from verkosto.registry import models as rm
from verkosto.registry.filtersets import ChoiceColumnFilter, OrderingFilter

MIN_YEAR, MAX_YEAR = 1, 9999
SHARED, PRIVATE = "shared", "private"


@extend_schema_field({"type": "string", "maxLength": MAX_QUERY_LENGTH})
class TitleFilter(filters.CharFilter):
    """Words the title contains (any case); longer than a search query is refused."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)


class CountryCodeField(forms.CharField):
    default_validators = [
        RegexValidator(
            r"^[A-Za-z]{2}\Z",
            message=_("Give a two-letter country code (FI, SE …)."),
            code="invalid",
        )
    ]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 2)
        super().__init__(**kwargs)

    def to_python(self, value) -> str:
        return super().to_python(value).upper()  # organisations store FI, SE …


@extend_schema_field({"type": "string", "pattern": "^[A-Za-z]{2}$"})
class CountryFilter(filters.CharFilter):
    """The ISO 3166-1 code of the item's organisation's country."""

    field_class = CountryCodeField


@extend_schema_field({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR})
class YearFilter(filters.Filter):
    """A year, as a whole number. On a date-time column the lookup goes through the date
    in the site's time zone (``date__year``): a bare ``__year`` there would turn year 1
    or 9999 into UTC bounds outside what Python's datetime can hold."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        super().__init__(**kwargs)


class ItemFilterSet(filters.FilterSet):
    """What practices, reports and documents are filtered by; each model's FilterSet
    below adds its own."""

    q = TitleFilter(field_name="title", lookup_expr="icontains", label=_("Title contains"))
    theme = filters.ModelMultipleChoiceFilter(
        field_name="themes__code",
        to_field_name="code",
        queryset=rm.Theme.objects.order_by("code"),
        method="filter_theme",
        label=_("Theme"),
        help_text=_("Theme codes (repeat the parameter for several: any of them)."),
    )
    organisation = filters.ModelChoiceFilter(
        queryset=rm.Organisation.objects.all(), label=_("Organisation")
    )
    country = CountryFilter(field_name="organisation__country", label=_("Country"))
    language = ChoiceColumnFilter(choices=Language.choices, label=_("Language"))
    year = YearFilter(field_name="created_at", lookup_expr="date__year", label=_("Year"))
    visibility = filters.ChoiceFilter(
        choices=[
            (SHARED, _("Shared with every workspace")),
            (PRIVATE, _("Private to my workspaces")),
        ],
        method="filter_visibility",
        label=_("Who sees it"),
        empty_label=_("Shared and private"),
    )

    def filter_theme(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        if not value:
            return queryset
        # Through a subquery: joining the themes would repeat an item once per matching
        # theme, and DISTINCT over every column of every match costs far more.
        tagged = queryset.model.objects.filter(themes__in=value).values("pk")
        return queryset.filter(pk__in=tagged)

    def filter_visibility(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == SHARED:
            return queryset.filter(workspace__isnull=True)
        if value == PRIVATE:
            return queryset.filter(workspace__isnull=False)
        return queryset


_BASE_FIELDS = ["q", "theme", "organisation", "country", "language", "year", "visibility"]


class PracticeFilterSet(ItemFilterSet):
    ordering = OrderingFilter(
        fields=(("title", "title"), ("updated_at", "updated"), ("created_at", "created")),
        label=_("Order by"),
    )

    class Meta:
        model = GoodPractice
        fields = _BASE_FIELDS


class ReportFilterSet(ItemFilterSet):
    kind = ChoiceColumnFilter(choices=ReportKind.choices, label=_("Kind"))
    # A report's year is its date's, as in the search.
    year = YearFilter(field_name="date", lookup_expr="year", label=_("Year"))
    ordering = OrderingFilter(
        fields=(("date", "date"), ("title", "title"), ("updated_at", "updated")),
        label=_("Order by"),
    )

    class Meta:
        model = Report
        fields = [*_BASE_FIELDS, "kind"]


class DocumentFilterSet(ItemFilterSet):
    format = ChoiceColumnFilter(choices=DocumentFormat.choices, label=_("Format"))
    ordering = OrderingFilter(
        fields=(("title", "title"), ("updated_at", "updated"), ("created_at", "created")),
        label=_("Order by"),
    )

    class Meta:
        model = Document
        fields = [*_BASE_FIELDS, "format"]


FILTERSETS: dict[str, type[ItemFilterSet]] = {
    ItemKind.PRACTICE: PracticeFilterSet,
    ItemKind.REPORT: ReportFilterSet,
    ItemKind.DOCUMENT: DocumentFilterSet,
}
