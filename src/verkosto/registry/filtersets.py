"""One FilterSet per registry model, serving the HTML lists, their exports and the API
lists alike (as NetBox does), so the filters a user sees and a script uses never drift.

Visibility is not a filter: views and API views pass a queryset already limited by
``selectors.visibility`` to what the user may see.
"""

import datetime as dt

import django_filters as filters
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from verkosto.common.text import fold
from verkosto.registry import models as m
from verkosto.registry.models.base import Period


class SearchMixin(filters.FilterSet):
    """``q``: any name in any language, alias or identifier, diacritics ignored."""

    q = filters.CharFilter(method="filter_q", label=_("Search"))
    # Lookup paths to organisations whose search keys ``q`` searches.
    search_paths: tuple[str, ...] = ("",)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        needle = fold(value)
        if not needle:
            return queryset
        condition = Q()
        for path in self.search_paths:
            # Forward foreign keys only, so OR-ing them never duplicates rows.
            condition |= Q(**{f"{path}search_key__contains": needle})
        return queryset.filter(condition)


class CurrentMixin(filters.FilterSet):
    """``current_on``: only what is current on a day (from the period, never a flag)."""

    current_on = filters.DateFilter(method="filter_current_on", label=_("Current on"))
    current = filters.BooleanFilter(method="filter_current", label=_("Current today"))

    def filter_current_on(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(Period.current_q(value)) if value else queryset

    def filter_current(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        today = Period.current_q(dt.date.today())
        return queryset.filter(today) if value else queryset.exclude(today)


class OrderingFilter(filters.OrderingFilter):
    """Sorting where records without a value (an undated membership) come last either way;
    PostgreSQL would otherwise put them first when sorting downwards, SQLite last."""

    def get_ordering_value(self, param: str):
        value = super().get_ordering_value(param)
        field = F(value.lstrip("-"))
        return field.desc(nulls_last=True) if value.startswith("-") else field.asc(nulls_last=True)


class ChoiceColumnFilter(filters.MultipleChoiceFilter):
    """Several choices of one column (or of a column across foreign keys or a one-to-one
    relation): no row can match twice, so no SELECT DISTINCT, which django-filter adds by
    default and which makes PostgreSQL sort every matching row before paging."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


def _theme_filter(field: str = "themes") -> filters.ModelMultipleChoiceFilter:
    return filters.ModelMultipleChoiceFilter(
        field_name=f"{field}__code",
        to_field_name="code",
        queryset=m.Theme.objects.all(),
        label=_("Theme"),
    )


class OrganisationFilterSet(SearchMixin):
    kind = ChoiceColumnFilter(choices=m.OrganisationKind.choices, label=_("Kind"))
    country = filters.CharFilter(field_name="country", lookup_expr="iexact", label=_("Country"))
    region = filters.ModelChoiceFilter(
        field_name="parent",
        queryset=m.Organisation.objects.filter(kind=m.OrganisationKind.REGION),
        label=_("Region"),
    )
    scope = ChoiceColumnFilter(
        field_name="network_profile__scope", choices=m.NetworkScope.choices, label=_("Scope")
    )
    type = ChoiceColumnFilter(
        field_name="network_profile__type", choices=m.NetworkType.choices, label=_("Type")
    )
    theme = _theme_filter("network_profile__themes")
    identifier = filters.CharFilter(field_name="identifiers__value", label=_("Identifier"))
    ordering = OrderingFilter(
        fields=(
            ("name", "name"),
            ("kind", "kind"),
            ("country", "country"),
            ("population", "population"),
        ),
        label=_("Order by"),
    )

    class Meta:
        model = m.Organisation
        fields = ["q", "kind", "country", "region", "scope", "type", "theme", "identifier"]


class NetworkFilterSet(OrganisationFilterSet):
    """Organisations of kind network, with their profile's filters."""

    def __init__(self, data=None, queryset=None, **kwargs):
        queryset = (queryset if queryset is not None else m.Organisation.objects).filter(
            kind=m.OrganisationKind.NETWORK
        )
        super().__init__(data, queryset, **kwargs)


class MembershipFilterSet(SearchMixin, CurrentMixin):
    search_paths = ("member__", "organisation__")
    member = filters.ModelChoiceFilter(queryset=m.Organisation.objects.all(), label=_("Member"))
    organisation = filters.ModelChoiceFilter(
        queryset=m.Organisation.objects.all(), label=_("Network or organisation")
    )
    role = ChoiceColumnFilter(choices=m.MembershipRole.choices, label=_("Role"))
    status = ChoiceColumnFilter(choices=m.MembershipStatus.choices, label=_("Status"))
    theme = _theme_filter()
    scope = ChoiceColumnFilter(
        field_name="organisation__network_profile__scope",
        choices=m.NetworkScope.choices,
        label=_("Scope"),
    )
    type = ChoiceColumnFilter(
        field_name="organisation__network_profile__type",
        choices=m.NetworkType.choices,
        label=_("Type"),
    )
    country = filters.CharFilter(
        field_name="member__country", lookup_expr="iexact", label=_("Country")
    )
    ordering = OrderingFilter(
        fields=(
            ("member__name", "member"),
            ("organisation__name", "organisation"),
            ("role", "role"),
            ("status", "status"),
            ("start", "start"),
            ("end", "end"),
        ),
        label=_("Order by"),
    )

    class Meta:
        model = m.Membership
        fields = [
            "q",
            "member",
            "organisation",
            "role",
            "status",
            "theme",
            "scope",
            "type",
            "country",
            "current_on",
            "current",
        ]


class TwinningFilterSet(SearchMixin, CurrentMixin):
    search_paths = ("first__", "second__")
    organisation = filters.ModelChoiceFilter(
        queryset=m.Organisation.objects.all(),
        method="filter_organisation",
        label=_("Municipality"),
    )
    kind = ChoiceColumnFilter(choices=m.TwinningKind.choices, label=_("Kind"))
    status = ChoiceColumnFilter(choices=m.TwinningStatus.choices, label=_("Status"))
    country = filters.CharFilter(method="filter_country", label=_("Country"))
    ordering = OrderingFilter(
        fields=(
            ("first__name", "first"),
            ("second__name", "second"),
            ("kind", "kind"),
            ("status", "status"),
            ("start", "start"),
        ),
        label=_("Order by"),
    )

    class Meta:
        model = m.Twinning
        fields = ["q", "organisation", "kind", "status", "country", "current_on", "current"]

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(Q(first=value) | Q(second=value)) if value else queryset

    def filter_country(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(first__country__iexact=value) | Q(second__country__iexact=value))


class PartnershipFilterSet(CurrentMixin):
    q = filters.CharFilter(method="filter_q", label=_("Search"))
    kind = ChoiceColumnFilter(choices=m.PartnershipKind.choices, label=_("Kind"))
    theme = _theme_filter()
    party = filters.ModelChoiceFilter(
        field_name="party_links__organisation",
        queryset=m.Organisation.objects.all(),
        label=_("Party"),
        distinct=True,
    )
    ordering = OrderingFilter(
        fields=(("name", "name"), ("kind", "kind"), ("start", "start")), label=_("Order by")
    )

    class Meta:
        model = m.Partnership
        fields = ["q", "kind", "theme", "party", "current_on", "current"]

    def filter_q(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(
            Q(name_fi__icontains=value) | Q(name_sv__icontains=value) | Q(name_en__icontains=value)
        )


class ThemeFilterSet(filters.FilterSet):
    q = filters.CharFilter(method="filter_q", label=_("Search"))
    parent = filters.ModelChoiceFilter(queryset=m.Theme.objects.all(), label=_("Broader theme"))
    sdg = filters.NumberFilter(label=_("SDG"))
    ordering = OrderingFilter(fields=(("code", "code"), ("sdg", "sdg")), label=_("Order by"))

    class Meta:
        model = m.Theme
        fields = ["q", "parent", "sdg"]

    def filter_q(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(
            Q(code__icontains=value)
            | Q(label_fi__icontains=value)
            | Q(label_sv__icontains=value)
            | Q(label_en__icontains=value)
        )


class StrategicGoalFilterSet(CurrentMixin):
    organisation = filters.ModelChoiceFilter(
        queryset=m.Organisation.objects.all(), label=_("Organisation")
    )
    level = ChoiceColumnFilter(choices=m.GoalLevel.choices, label=_("Level"))
    priority = filters.NumberFilter(label=_("Priority"))
    theme = _theme_filter()
    ordering = OrderingFilter(
        fields=(("priority", "priority"), ("title", "title"), ("start", "start")),
        label=_("Order by"),
    )

    class Meta:
        model = m.StrategicGoal
        fields = ["organisation", "level", "priority", "theme", "current_on", "current"]


class EventFilterSet(filters.FilterSet):
    kind = ChoiceColumnFilter(choices=m.EventKind.choices, label=_("Kind"))
    organiser = filters.ModelChoiceFilter(
        queryset=m.Organisation.objects.all(), label=_("Organiser")
    )
    participant = filters.ModelChoiceFilter(
        field_name="participants",
        queryset=m.Organisation.objects.all(),
        label=_("Participant"),
        distinct=True,
    )
    network = filters.ModelChoiceFilter(
        queryset=m.Organisation.objects.filter(kind=m.OrganisationKind.NETWORK),
        label=_("Related network"),
    )
    theme = _theme_filter()
    after = filters.DateFilter(field_name="start_date", lookup_expr="gte", label=_("From"))
    before = filters.DateFilter(field_name="start_date", lookup_expr="lte", label=_("Until"))
    ordering = OrderingFilter(
        fields=(("start_date", "start_date"), ("title", "title")), label=_("Order by")
    )

    class Meta:
        model = m.Event
        fields = ["kind", "organiser", "participant", "network", "theme", "after", "before"]


class SourceFilterSet(filters.FilterSet):
    q = filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Search"))
    is_sample = filters.BooleanFilter(label=_("Sample data"))

    class Meta:
        model = m.Source
        fields = ["q", "publisher", "is_sample"]


class IdentifierFilterSet(filters.FilterSet):
    scheme = ChoiceColumnFilter(choices=m.IdentifierScheme.choices, label=_("Scheme"))

    class Meta:
        model = m.Identifier
        fields = ["organisation", "scheme", "value"]


class OrganisationNameFilterSet(filters.FilterSet):
    kind = ChoiceColumnFilter(choices=m.NameKind.choices, label=_("Kind"))

    class Meta:
        model = m.OrganisationName
        fields = ["organisation", "kind", "language"]


class PartnershipPartyFilterSet(filters.FilterSet):
    role = ChoiceColumnFilter(choices=m.PartyRole.choices, label=_("Role"))

    class Meta:
        model = m.PartnershipParty
        fields = ["partnership", "organisation", "role"]


class MembershipFeeFilterSet(filters.FilterSet):
    """Fees are private: the queryset given is already only the user's workspaces' fees."""

    year_from = filters.NumberFilter(field_name="year", lookup_expr="gte", label=_("From year"))
    year_to = filters.NumberFilter(field_name="year", lookup_expr="lte", label=_("To year"))

    class Meta:
        model = m.MembershipFee
        fields = ["membership", "workspace", "year", "year_from", "year_to"]
