"""Admin pages for every registry model, with search, filters and history.

The admin writes through the same rules as every other door: ``rules.require_write``
checks the user's role, and lists show only what the user may see (private facts of their
own workspaces).
"""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from verkosto.registry import models as m
from verkosto.registry.admin_import import import_view
from verkosto.registry.selectors.visibility import private_q, visible_q
from verkosto.registry.services.organisations import organisation_refresh_search_key
from verkosto.registry.services.rules import may_write, require_write

PRIVATE_ONLY = (m.MembershipFee, m.MembershipContact, m.PrivateNote)


class RegistryAdmin(SimpleHistoryAdmin):
    """Visibility on reads, the registry's write rules on saves and deletes."""

    list_per_page = 50
    show_full_result_count = False  # a COUNT(*) over 100 000 rows on every page is waste

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        if issubclass(self.model, PRIVATE_ONLY):
            return qs.filter(private_q(request.user))
        if any(f.name == "workspace" for f in self.model._meta.fields):
            return qs.filter(visible_q(request.user))
        return qs

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_write(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_write(request.user, obj))

    def save_model(self, request, obj, form, change):
        require_write(request.user, obj)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        require_write(request.user, obj)
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        # Inline rows (fees, identifiers, parties) obey the same rules as the parent.
        for obj in formset.save(commit=False):
            require_write(request.user, obj)
            obj.save()
        for obj in formset.deleted_objects:
            require_write(request.user, obj)
            obj.delete()
        formset.save_m2m()


class TranslatedRegistryAdmin(RegistryAdmin, TranslationAdmin):
    pass


class IdentifierInline(admin.TabularInline):
    model = m.Identifier
    extra = 0
    fields = ("scheme", "value", "source")
    autocomplete_fields = ("source",)


class OrganisationNameInline(admin.TabularInline):
    model = m.OrganisationName
    extra = 0
    fields = ("name", "kind", "language", "start", "end", "source")
    autocomplete_fields = ("source",)


class NetworkProfileInline(admin.StackedInline):
    model = m.NetworkProfile
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ("themes", "secretariat", "source")


@admin.register(m.Organisation)
class OrganisationAdmin(TranslatedRegistryAdmin):
    list_display = ("name", "kind", "country", "parent", "population", "source")
    list_filter = ("kind", "country", "data_source")
    list_select_related = ("parent", "source")
    search_fields = ("search_key", "name", "identifiers__value")
    autocomplete_fields = ("parent", "successor", "source")
    inlines = [IdentifierInline, OrganisationNameInline, NetworkProfileInline]
    readonly_fields = ("data_source", "origin_id")

    def get_search_results(self, request, queryset, search_term):
        # Diacritic- and language-insensitive, like `verkosto find`.
        from verkosto.registry.selectors.organisations import organisation_search

        if not search_term:
            return queryset, False
        return organisation_search(text=search_term, queryset=queryset), False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        organisation_refresh_search_key(organisation_ids=[form.instance.pk])


@admin.register(m.Source)
class SourceAdmin(RegistryAdmin):
    list_display = ("title", "publisher", "published", "licence", "is_sample")
    list_filter = ("is_sample", "publisher", "licence")
    search_fields = ("title", "publisher", "url", "key")

    def get_urls(self):
        # The import page lives beside the sources it creates.
        extra = [path("import/", self.admin_site.admin_view(import_view), name="registry_import")]
        return extra + super().get_urls()


@admin.register(m.Theme)
class ThemeAdmin(TranslatedRegistryAdmin):
    list_display = ("code", "label", "parent", "sdg", "eurovoc_id")
    list_filter = ("sdg",)
    list_select_related = ("parent",)
    search_fields = ("code", "label_fi", "label_sv", "label_en")
    autocomplete_fields = ("parent",)


class MembershipFeeInline(admin.TabularInline):
    model = m.MembershipFee
    extra = 0
    autocomplete_fields = ("workspace", "source")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(private_q(request.user))


@admin.register(m.Membership)
class MembershipAdmin(RegistryAdmin):
    list_display = ("member", "organisation", "role", "status", "start", "end", "workspace")
    list_filter = ("role", "status", "organisation__kind", "member__country", "themes")
    list_select_related = ("member", "organisation", "workspace", "source")
    search_fields = ("member__search_key", "organisation__search_key", "note")
    autocomplete_fields = ("member", "organisation", "themes", "source", "workspace")
    date_hierarchy = "start"
    inlines = [MembershipFeeInline]


@admin.register(m.MembershipFee)
class MembershipFeeAdmin(RegistryAdmin):
    list_display = ("membership", "year", "amount", "currency", "workspace")
    list_filter = ("year", "currency", "workspace")
    list_select_related = ("membership__member", "membership__organisation", "workspace")
    search_fields = ("membership__organisation__search_key", "membership__member__search_key")
    autocomplete_fields = ("membership", "workspace", "source")


@admin.register(m.MembershipContact)
class MembershipContactAdmin(RegistryAdmin):
    list_display = ("person", "membership", "role", "workspace")
    list_select_related = ("person", "membership__member", "membership__organisation", "workspace")
    search_fields = ("person__name", "membership__organisation__search_key")
    autocomplete_fields = ("membership", "person", "workspace", "source")


@admin.register(m.Twinning)
class TwinningAdmin(RegistryAdmin):
    list_display = ("first", "second", "kind", "status", "start", "end")
    list_filter = ("kind", "status", "first__country", "second__country")
    list_select_related = ("first", "second", "source")
    search_fields = ("first__search_key", "second__search_key")
    autocomplete_fields = ("first", "second", "source", "workspace")


class PartnershipPartyInline(admin.TabularInline):
    model = m.PartnershipParty
    extra = 0
    autocomplete_fields = ("organisation", "source")


@admin.register(m.Partnership)
class PartnershipAdmin(TranslatedRegistryAdmin):
    list_display = ("name", "kind", "coordinator", "start", "end")
    list_filter = ("kind", "themes")
    list_select_related = ("coordinator", "source")
    search_fields = ("name_fi", "name_sv", "name_en", "party_links__organisation__search_key")
    autocomplete_fields = ("coordinator", "themes", "source", "workspace")
    inlines = [PartnershipPartyInline]


@admin.register(m.StrategicGoal)
class StrategicGoalAdmin(TranslatedRegistryAdmin):
    list_display = ("title", "organisation", "level", "priority", "start", "end")
    list_filter = ("level", "priority", "themes")
    list_select_related = ("organisation", "source")
    search_fields = ("title_fi", "title_sv", "title_en", "organisation__search_key")
    autocomplete_fields = ("organisation", "themes", "source", "workspace")


class PersonRoleInline(admin.TabularInline):
    model = m.PersonRole
    extra = 0
    autocomplete_fields = ("organisation", "source")


@admin.register(m.Person)
class PersonAdmin(RegistryAdmin):
    list_display = ("name", "email", "workspace")
    list_select_related = ("workspace",)
    search_fields = ("name", "email")
    autocomplete_fields = ("source", "workspace")
    inlines = [PersonRoleInline]


@admin.register(m.Event)
class EventAdmin(TranslatedRegistryAdmin):
    list_display = ("title", "kind", "start_date", "place", "organiser", "network")
    list_filter = ("kind", "themes")
    list_select_related = ("organiser", "network", "source")
    search_fields = ("title_fi", "title_sv", "title_en", "place", "report")
    autocomplete_fields = ("organiser", "participants", "network", "themes", "source", "workspace")
    date_hierarchy = "start_date"


@admin.register(m.PrivateNote)
class PrivateNoteAdmin(RegistryAdmin):
    list_display = ("text", "workspace", "content_type", "object_id", "author", "created_at")
    list_filter = ("workspace", "content_type")
    search_fields = ("text",)


admin.site.site_header = _("verkosto — cooperation registry")
admin.site.site_title = _("verkosto")
admin.site.index_title = _("Registry")
