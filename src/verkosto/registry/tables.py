"""django-tables2 tables of the registry lists: which columns, how each sorts, where it links.

Every column a table shows must come from the queryset its list builds in
``views.lists`` (select_related / prefetch_related there), so a page runs the same number
of queries whatever the number of rows.
"""

import django_tables2 as tables
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_tables2.utils import A

from verkosto.registry import models as m

TEMPLATE = "registry/lists/_table.html"


def _detail(kind: str, accessor: str = "pk"):
    return (f"registry:{kind}-detail", [A(accessor)])


def _period(record) -> str:
    start = record.start_partial
    end = record.end_partial
    if not start and not end:
        return "—"
    return f"{start or ''} – {end or ''}"


def translated_key(path: str):
    """The sort key of a translated field as the reader sees it: her language, else Finnish.

    Ordering by ``name`` alone would sort by an English column that is mostly empty.
    """
    language = (get_language() or "fi")[:2]
    if language not in ("fi", "sv", "en"):
        language = "fi"
    return Lower(Coalesce(NullIf(F(f"{path}_{language}"), Value("")), F(f"{path}_fi")))


def order_translated(path: str):
    """An ``order_<column>`` method for django-tables2 sorting by :func:`translated_key`."""

    def order(self, queryset, is_descending):
        key = translated_key(path)
        return queryset.order_by(key.desc() if is_descending else key.asc(), "pk"), True

    return order


class _Base(tables.Table):
    class Meta:
        template_name = TEMPLATE
        attrs = {"class": "list-table"}
        # Never show "—" for a blank; an empty cell reads better in a dense list.
        default = ""


class ThemesColumn(tables.Column):
    """A many-to-many of themes, read from the prefetched rows (no query per row)."""

    def __init__(self, accessor: str = "themes", **kwargs):
        super().__init__(accessor=accessor, orderable=False, verbose_name=_("themes"), **kwargs)

    def render(self, value):
        return ", ".join(str(t) for t in value.all())


class OrganisationTable(_Base):
    name = tables.Column(verbose_name=_("name"), linkify=_detail("organisation"))
    kind = tables.Column(verbose_name=_("kind"))
    country = tables.Column(verbose_name=_("country"))
    parent = tables.Column(
        verbose_name=_("region"),
        order_by=("parent__name",),
        linkify=_detail("organisation", "parent_id"),
    )
    population = tables.Column(verbose_name=_("population"), attrs={"td": {"class": "number"}})

    order_name = order_translated("name")
    order_parent = order_translated("parent__name")

    class Meta(_Base.Meta):
        model = m.Organisation
        fields = ("name", "kind", "country", "parent", "population")
        order_by = ("name",)


class NetworkTable(_Base):
    name = tables.Column(verbose_name=_("name"), linkify=_detail("organisation"))
    scope = tables.Column(
        accessor="network_profile__scope",
        verbose_name=_("scope"),
        order_by=("network_profile__scope",),
    )
    type = tables.Column(
        accessor="network_profile__type",
        verbose_name=_("type"),
        order_by=("network_profile__type",),
    )
    country = tables.Column(verbose_name=_("country"))
    themes = ThemesColumn(accessor="network_profile__themes")

    order_name = order_translated("name")

    class Meta(_Base.Meta):
        model = m.Organisation
        fields = ("name", "scope", "type", "country", "themes")
        order_by = ("name",)

    def render_scope(self, record):
        return record.network_profile.get_scope_display()

    def render_type(self, record):
        return record.network_profile.get_type_display()


class MembershipTable(_Base):
    member = tables.Column(
        verbose_name=_("member"),
        order_by=("member__name",),
        linkify=_detail("organisation", "member_id"),
    )
    organisation = tables.Column(
        verbose_name=_("network or organisation"),
        order_by=("organisation__name",),
        linkify=_detail("organisation", "organisation_id"),
    )
    role = tables.Column(verbose_name=_("role"))
    status = tables.Column(verbose_name=_("status"))
    period = tables.Column(accessor="start", verbose_name=_("period"), order_by=("start", "end"))
    themes = ThemesColumn()
    private = tables.Column(
        accessor="workspace", verbose_name=_("private to workspace"), order_by=("workspace__name",)
    )
    view = tables.Column(
        accessor="pk", verbose_name=_("details"), orderable=False, linkify=_detail("membership")
    )

    order_member = order_translated("member__name")
    order_organisation = order_translated("organisation__name")

    class Meta(_Base.Meta):
        model = m.Membership
        fields = ("member", "organisation", "role", "status", "period", "themes", "private", "view")
        order_by = ("organisation", "member")

    def render_period(self, record):
        return _period(record)

    def render_view(self):
        return _("Open")


class TwinningTable(_Base):
    first = tables.Column(
        verbose_name=_("municipality"),
        order_by=("first__name",),
        linkify=_detail("organisation", "first_id"),
    )
    second = tables.Column(
        verbose_name=_("twin municipality"),
        order_by=("second__name",),
        linkify=_detail("organisation", "second_id"),
    )
    kind = tables.Column(verbose_name=_("kind"))
    status = tables.Column(verbose_name=_("status"))
    period = tables.Column(accessor="start", verbose_name=_("period"), order_by=("start", "end"))
    view = tables.Column(
        accessor="pk", verbose_name=_("details"), orderable=False, linkify=_detail("twinning")
    )

    order_first = order_translated("first__name")
    order_second = order_translated("second__name")

    class Meta(_Base.Meta):
        model = m.Twinning
        fields = ("first", "second", "kind", "status", "period", "view")
        order_by = ("first", "second")

    def render_status(self, record):
        return format_html(
            '<span class="badge badge--{}">{}</span>', record.status, record.get_status_display()
        )

    def render_period(self, record):
        return _period(record)

    def render_view(self):
        return _("Open")


class PartnershipTable(_Base):
    name = tables.Column(verbose_name=_("name"), linkify=_detail("partnership"))
    kind = tables.Column(verbose_name=_("kind"))
    parties = tables.Column(accessor="party_links", verbose_name=_("parties"), orderable=False)
    period = tables.Column(accessor="start", verbose_name=_("period"), order_by=("start", "end"))
    themes = ThemesColumn()

    order_name = order_translated("name")

    class Meta(_Base.Meta):
        model = m.Partnership
        fields = ("name", "kind", "parties", "period", "themes")
        order_by = ("name",)

    def render_parties(self, value):
        return format_html_join(", ", "{}", ((link.organisation,) for link in value.all()))

    def render_period(self, record):
        return _period(record)


class ThemeTable(_Base):
    label = tables.Column(verbose_name=_("label"), linkify=_detail("theme"))
    code = tables.Column(verbose_name=_("code"))
    parent = tables.Column(
        verbose_name=_("broader theme"),
        order_by=("parent__code",),
        linkify=_detail("theme", "parent_id"),
    )
    sdg = tables.Column(verbose_name=_("SDG"))

    order_label = order_translated("label")

    class Meta(_Base.Meta):
        model = m.Theme
        fields = ("label", "code", "parent", "sdg")
        order_by = ("code",)


class GoalTable(_Base):
    title = tables.Column(verbose_name=_("title"), linkify=_detail("goal"))
    organisation = tables.Column(
        verbose_name=_("organisation"),
        order_by=("organisation__name",),
        linkify=_detail("organisation", "organisation_id"),
    )
    level = tables.Column(verbose_name=_("level"))
    priority = tables.Column(verbose_name=_("priority"))
    period = tables.Column(accessor="start", verbose_name=_("period"), order_by=("start", "end"))

    order_title = order_translated("title")
    order_organisation = order_translated("organisation__name")

    class Meta(_Base.Meta):
        model = m.StrategicGoal
        fields = ("title", "organisation", "level", "priority", "period")
        order_by = ("organisation", "priority")

    def render_period(self, record):
        return _period(record)


class EventTable(_Base):
    title = tables.Column(verbose_name=_("title"), linkify=_detail("event"))
    kind = tables.Column(verbose_name=_("kind"))
    start_date = tables.DateColumn(verbose_name=_("start date"))
    place = tables.Column(verbose_name=_("place"))
    organiser = tables.Column(
        verbose_name=_("organiser"),
        order_by=("organiser__name",),
        linkify=_detail("organisation", "organiser_id"),
    )
    network = tables.Column(
        verbose_name=_("related network"),
        order_by=("network__name",),
        linkify=_detail("organisation", "network_id"),
    )

    order_title = order_translated("title")
    order_organiser = order_translated("organiser__name")
    order_network = order_translated("network__name")

    class Meta(_Base.Meta):
        model = m.Event
        fields = ("title", "kind", "start_date", "place", "organiser", "network")
        order_by = ("-start_date",)
