"""The registry's list pages: filter (the shared FilterSets), sort, search, paginate,
update in place with htmx, and export what is filtered to CSV or XLSX.

One view serves every list; a :class:`ListSpec` says what differs. The queryset of each
list is limited to what the user may see *before* filtering, and loads everything its
table shows with select_related / prefetch_related, so a page runs a fixed number of
queries whatever the number of rows (tests/web/test_list_queries.py holds it there).
"""

from collections.abc import Callable
from dataclasses import dataclass

import django_filters as filters
from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_tables2 import RequestConfig, Table

from verkosto.accounts.permissions import Actor
from verkosto.registry import filtersets as fs
from verkosto.registry import models as m
from verkosto.registry import tables as t
from verkosto.registry.exports import ExportColumn, csv_response, export_rows, xlsx_response
from verkosto.registry.selectors.visibility import visible

PER_PAGE = 25


class _TitleSearch(filters.FilterSet):
    """``q`` over a translated title, for the lists whose shared FilterSet has no search."""

    q = filters.CharFilter(method="filter_q", label=_("Search"))
    title_fields = ("title_fi", "title_sv", "title_en")

    def filter_q(self, queryset, name, value):
        if not value.strip():
            return queryset
        condition = Q()
        for field in self.title_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)


class GoalListFilterSet(_TitleSearch, fs.StrategicGoalFilterSet):
    class Meta(fs.StrategicGoalFilterSet.Meta):
        fields = ["q", *fs.StrategicGoalFilterSet.Meta.fields]


class EventListFilterSet(_TitleSearch, fs.EventFilterSet):
    class Meta(fs.EventFilterSet.Meta):
        fields = ["q", *fs.EventFilterSet.Meta.fields]


def _period(obj) -> str:
    return f"{obj.start_partial or ''}–{obj.end_partial or ''}" if obj.start or obj.end else ""


def _themes(obj, path: str = "themes") -> str:
    related = obj
    for part in path.split("__"):
        related = getattr(related, part, None)
        if related is None:
            return ""
    return ", ".join(sorted(str(theme) for theme in related.all()))


def _profile(obj, attr: str) -> str:
    profile = getattr(obj, "network_profile", None)
    return getattr(profile, f"get_{attr}_display")() if profile else ""


@dataclass(frozen=True)
class ListSpec:
    kind: str  # registry:<kind>-list
    title: object  # lazy translated plural
    filterset: type[filters.FilterSet]
    table: type[Table]
    queryset: Callable[[Actor], QuerySet]
    export: list[ExportColumn]


def _organisations(actor: Actor) -> QuerySet:
    return m.Organisation.objects.select_related("parent")


def _networks(actor: Actor) -> QuerySet:
    return (
        m.Organisation.objects.filter(kind=m.OrganisationKind.NETWORK)
        .select_related("network_profile")
        .prefetch_related("network_profile__themes")
    )


def _memberships(actor: Actor) -> QuerySet:
    return (
        visible(m.Membership.objects.all(), actor)
        .select_related("member", "organisation", "workspace")
        .prefetch_related("themes")
    )


def _twinnings(actor: Actor) -> QuerySet:
    return visible(m.Twinning.objects.all(), actor).select_related("first", "second")


def _partnerships(actor: Actor) -> QuerySet:
    return visible(m.Partnership.objects.all(), actor).prefetch_related(
        "themes", "party_links__organisation"
    )


def _themes_qs(actor: Actor) -> QuerySet:
    return m.Theme.objects.select_related("parent")


def _goals(actor: Actor) -> QuerySet:
    return visible(m.StrategicGoal.objects.all(), actor).select_related("organisation")


def _events(actor: Actor) -> QuerySet:
    return visible(m.Event.objects.all(), actor).select_related("organiser", "network")


_NAME = ExportColumn(_("name"), lambda o: o.name)

LISTS: dict[str, ListSpec] = {
    spec.kind: spec
    for spec in (
        ListSpec(
            "organisation",
            _("Organisations"),
            fs.OrganisationFilterSet,
            t.OrganisationTable,
            _organisations,
            [
                ExportColumn(_("id"), lambda o: o.pk),
                _NAME,
                ExportColumn(_("name in Finnish"), lambda o: o.name_fi),
                ExportColumn(_("name in Swedish"), lambda o: o.name_sv),
                ExportColumn(_("name in English"), lambda o: o.name_en),
                ExportColumn(_("kind"), lambda o: o.get_kind_display()),
                ExportColumn(_("country"), lambda o: o.country),
                ExportColumn(_("region"), lambda o: o.parent.name if o.parent else ""),
                ExportColumn(_("population"), lambda o: o.population),
                ExportColumn(_("website"), lambda o: o.website),
            ],
        ),
        ListSpec(
            "network",
            _("Networks"),
            fs.NetworkFilterSet,
            t.NetworkTable,
            _networks,
            [
                ExportColumn(_("id"), lambda o: o.pk),
                _NAME,
                ExportColumn(_("scope"), lambda o: _profile(o, "scope")),
                ExportColumn(_("type"), lambda o: _profile(o, "type")),
                ExportColumn(_("country"), lambda o: o.country),
                ExportColumn(_("themes"), lambda o: _themes(o, "network_profile__themes")),
                ExportColumn(_("website"), lambda o: o.website),
            ],
        ),
        ListSpec(
            "membership",
            _("Memberships"),
            fs.MembershipFilterSet,
            t.MembershipTable,
            _memberships,
            [
                ExportColumn(_("id"), lambda o: o.pk),
                ExportColumn(_("member"), lambda o: o.member.name),
                ExportColumn(_("network or organisation"), lambda o: o.organisation.name),
                ExportColumn(_("role"), lambda o: o.get_role_display()),
                ExportColumn(_("status"), lambda o: o.get_status_display()),
                ExportColumn(_("start"), lambda o: o.start),
                ExportColumn(_("end"), lambda o: o.end),
                ExportColumn(_("themes"), _themes),
                ExportColumn(_("commitments"), lambda o: o.commitments),
                ExportColumn(
                    _("private to workspace"), lambda o: o.workspace.name if o.workspace else ""
                ),
            ],
        ),
        ListSpec(
            "twinning",
            _("Twin towns"),
            fs.TwinningFilterSet,
            t.TwinningTable,
            _twinnings,
            [
                ExportColumn(_("id"), lambda o: o.pk),
                ExportColumn(_("municipality"), lambda o: o.first.name),
                ExportColumn(_("twin municipality"), lambda o: o.second.name),
                ExportColumn(_("kind"), lambda o: o.get_kind_display()),
                ExportColumn(_("status"), lambda o: o.get_status_display()),
                ExportColumn(_("start"), lambda o: o.start),
                ExportColumn(_("end"), lambda o: o.end),
            ],
        ),
        ListSpec(
            "partnership",
            _("Partnerships"),
            fs.PartnershipFilterSet,
            t.PartnershipTable,
            _partnerships,
            [
                ExportColumn(_("id"), lambda o: o.pk),
                _NAME,
                ExportColumn(_("kind"), lambda o: o.get_kind_display()),
                ExportColumn(
                    _("parties"),
                    lambda o: ", ".join(str(p.organisation) for p in o.party_links.all()),
                ),
                ExportColumn(_("start"), lambda o: o.start),
                ExportColumn(_("end"), lambda o: o.end),
                ExportColumn(_("themes"), _themes),
            ],
        ),
        ListSpec(
            "theme",
            _("Themes"),
            fs.ThemeFilterSet,
            t.ThemeTable,
            _themes_qs,
            [
                ExportColumn(_("code"), lambda o: o.code),
                ExportColumn(_("label"), lambda o: o.label),
                ExportColumn(_("broader theme"), lambda o: o.parent.code if o.parent else ""),
                ExportColumn(_("SDG"), lambda o: o.sdg),
                ExportColumn(_("EuroVoc concept"), lambda o: o.eurovoc_id),
            ],
        ),
        ListSpec(
            "goal",
            _("Strategic goals"),
            GoalListFilterSet,
            t.GoalTable,
            _goals,
            [
                ExportColumn(_("id"), lambda o: o.pk),
                ExportColumn(_("title"), lambda o: o.title),
                ExportColumn(_("organisation"), lambda o: o.organisation.name),
                ExportColumn(_("level"), lambda o: o.get_level_display()),
                ExportColumn(_("priority"), lambda o: o.priority),
                ExportColumn(_("start"), lambda o: o.start),
                ExportColumn(_("end"), lambda o: o.end),
            ],
        ),
        ListSpec(
            "event",
            _("Events"),
            EventListFilterSet,
            t.EventTable,
            _events,
            [
                ExportColumn(_("id"), lambda o: o.pk),
                ExportColumn(_("title"), lambda o: o.title),
                ExportColumn(_("kind"), lambda o: o.get_kind_display()),
                ExportColumn(_("start date"), lambda o: o.start_date),
                ExportColumn(_("end date"), lambda o: o.end_date),
                ExportColumn(_("place"), lambda o: o.place),
                ExportColumn(_("organiser"), lambda o: o.organiser.name if o.organiser else ""),
                ExportColumn(_("related network"), lambda o: o.network.name if o.network else ""),
            ],
        ),
    )
}

# Filters whose choices are organisations: a select of 100 000 options would make the
# page heavy and slow, so they travel as hidden values (links from other pages set them)
# and the page names the chosen organisation above the table.
_ORGANISATION_FILTERS = {"member", "organisation", "party", "organiser", "participant"}
# Sorting is the table's column headers; the FilterSet's own ordering serves the API.
_NOT_IN_FORM = {"ordering"}


def _filter_form(filterset: filters.FilterSet) -> forms.Form:
    form = filterset.form
    for name in _NOT_IN_FORM:
        form.fields.pop(name, None)
    for name in _ORGANISATION_FILTERS & set(form.fields):
        form.fields[name].widget = forms.HiddenInput()
    return form


def _chosen_organisations(filterset: filters.FilterSet) -> list[tuple[str, object]]:
    """(label, organisation) for the organisation filters in use, from the cleaned form."""
    if not filterset.form.is_valid():
        return []
    chosen = []
    for name in sorted(_ORGANISATION_FILTERS & set(filterset.form.cleaned_data)):
        value = filterset.form.cleaned_data.get(name)
        if value:
            chosen.append((filterset.filters[name].label, value))
    return chosen


@login_required
def record_list(request: HttpRequest, kind: str) -> HttpResponse:
    spec = LISTS.get(kind)
    if spec is None:
        raise Http404
    base = spec.queryset(request.user)
    filterset = spec.filterset(request.GET or None, queryset=base)
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if queryset.query.distinct:
        # django-filter makes multiple-choice filters DISTINCT, which SQL applies to every
        # column of every matching row before sorting (230 ms at 100 000 rows); the same
        # rows as "pk IN (the filtered ids)" cost a fraction and keep select_related.
        queryset = base.filter(pk__in=queryset.values("pk"))

    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        table = spec.table(queryset)
        RequestConfig(request, paginate=False).configure(table)
        rows = export_rows(table.data.data, spec.export)
        filename = f"verkosto-{kind}s"
        return csv_response(rows, filename) if export == "csv" else xlsx_response(rows, filename)

    table = spec.table(queryset, request=request)
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    context = {
        "spec": spec,
        "title": spec.title,
        "filterset": filterset,
        "filter_form": _filter_form(filterset),
        "chosen_organisations": _chosen_organisations(filterset),
        "table": table,
        "list_url": request.path,
        "querystring": _querystring(request),
    }
    if request.htmx and request.htmx.target == "results":
        return render(request, "registry/lists/_results.html", context)
    return render(request, "registry/lists/list.html", context)


def _querystring(request: HttpRequest) -> str:
    params = request.GET.copy()
    for name in ("export", "page"):
        params.pop(name, None)
    return params.urlencode()
