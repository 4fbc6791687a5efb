"""Admin pages for the portfolio models, with search, filters and change history.

Portfolio records are private to a workspace, so the admin follows the same rules as the
pages and the API: lists show only the rows of the user's own workspaces, and saving or
deleting needs the editor role there (``services.access``). Superusers (the stewards)
see and change everything, as in the registry's admin.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from verkosto.portfolio import models as m
from verkosto.portfolio.services.access import may_edit, require_portfolio_write, workspace_id_of
from verkosto.registry.selectors.visibility import private_q

# Where each model's workspace is, for the models that hold it through a parent.
WORKSPACE_PREFIX = {
    m.IndicatorValue: "indicator__",
    m.Evaluation: "review__",
    m.FollowUp: "evaluation__review__",
}


class PortfolioAdminMixin:
    """Private rows on reads, the portfolio's editor rule on saves and deletes."""

    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(private_q(request.user, WORKSPACE_PREFIX.get(self.model, "")))

    def _may_write(self, request, obj) -> bool:
        if obj is None or request.user.is_superuser:
            return True
        return may_edit(request.user, workspace_id_of(obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and self._may_write(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and self._may_write(request, obj)

    def _require_write(self, request, obj) -> None:
        if not request.user.is_superuser:
            require_portfolio_write(request.user, obj)

    def save_model(self, request, obj, form, change):
        self._require_write(request, obj)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        self._require_write(request, obj)
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        # Inline rows (indicator values, evaluations) obey the same rule as the parent.
        for obj in formset.save(commit=False):
            self._require_write(request, obj)
            obj.save()
        for obj in formset.deleted_objects:
            self._require_write(request, obj)
            obj.delete()
        formset.save_m2m()


class PortfolioAdmin(PortfolioAdminMixin, SimpleHistoryAdmin):
    """For the models with change history (every one but the report jobs)."""


class TranslatedPortfolioAdmin(PortfolioAdmin, TranslationAdmin):
    pass


class PrivateInline(admin.TabularInline):
    extra = 0

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(private_q(request.user, WORKSPACE_PREFIX.get(self.model, "")))


@admin.register(m.CostLine)
class CostLineAdmin(PortfolioAdmin):
    list_display = ("membership", "year", "kind", "amount", "currency", "workspace")
    list_filter = ("year", "kind", "currency", "workspace")
    list_select_related = ("membership__member", "membership__organisation", "workspace")
    search_fields = (
        "membership__organisation__search_key",
        "membership__member__search_key",
        "note",
    )
    autocomplete_fields = ("workspace", "membership", "source")


@admin.register(m.Outcome)
class OutcomeAdmin(TranslatedPortfolioAdmin):
    list_display = ("title", "type", "date", "value_estimate", "currency", "workspace")
    list_filter = ("type", "currency", "workspace")
    list_select_related = ("workspace",)
    search_fields = ("title_fi", "title_sv", "title_en", "evidence")
    autocomplete_fields = ("workspace", "membership", "event", "goals", "source")
    date_hierarchy = "date"


class IndicatorValueInline(PrivateInline):
    model = m.IndicatorValue
    fields = ("date", "value", "note", "source")
    autocomplete_fields = ("source",)


@admin.register(m.Indicator)
class IndicatorAdmin(TranslatedPortfolioAdmin):
    list_display = ("name", "unit", "owner", "direction", "baseline", "target", "workspace")
    list_filter = ("direction", "workspace")
    list_select_related = ("owner", "workspace")
    search_fields = ("name_fi", "name_sv", "name_en", "owner__search_key")
    autocomplete_fields = ("workspace", "owner", "organisation", "goal", "membership", "source")
    inlines = [IndicatorValueInline]


@admin.register(m.IndicatorValue)
class IndicatorValueAdmin(PortfolioAdmin):
    list_display = ("indicator", "date", "value")
    list_filter = ("indicator__workspace",)
    list_select_related = ("indicator",)
    search_fields = ("indicator__name_fi", "indicator__name_sv", "indicator__name_en", "note")
    autocomplete_fields = ("indicator", "source")
    date_hierarchy = "date"


class EvaluationInline(PrivateInline):
    model = m.Evaluation
    fields = ("network", "membership", "score", "recommendation", "decision", "decided_at")
    readonly_fields = ("score", "recommendation")
    autocomplete_fields = ("network", "membership")


@admin.register(m.Review)
class ReviewAdmin(PortfolioAdmin):
    list_display = ("organisation", "year", "status", "opened_at", "closed_at", "workspace")
    list_filter = ("status", "year", "workspace")
    list_select_related = ("organisation", "workspace")
    search_fields = ("organisation__search_key",)
    autocomplete_fields = ("workspace", "organisation")
    raw_id_fields = ("opened_by", "closed_by")
    inlines = [EvaluationInline]


@admin.register(m.Evaluation)
class EvaluationAdmin(PortfolioAdmin):
    list_display = ("review", "network", "score", "recommendation", "decision", "decided_at")
    list_filter = ("recommendation", "decision", "review__year", "review__workspace")
    list_select_related = ("review__organisation", "network")
    search_fields = ("network__search_key", "review__organisation__search_key", "rationale")
    autocomplete_fields = ("review", "membership", "network")
    raw_id_fields = ("decided_by",)


@admin.register(m.FollowUp)
class FollowUpAdmin(PortfolioAdmin):
    list_display = ("what", "evaluation", "due_date", "done", "done_at")
    list_filter = ("done", "evaluation__review__workspace")
    list_select_related = ("evaluation__review__organisation", "evaluation__network")
    search_fields = ("what", "evaluation__network__search_key")
    autocomplete_fields = ("evaluation",)
    raw_id_fields = ("done_by",)
    date_hierarchy = "due_date"


@admin.register(m.ScoringWeights)
class ScoringWeightsAdmin(PortfolioAdmin):
    list_display = (
        "workspace",
        "fit",
        "value",
        "activity",
        "cost",
        "redundancy",
        "retain_at",
        "drop_below",
        "updated_at",
    )
    list_select_related = ("workspace",)
    search_fields = ("workspace__name",)
    autocomplete_fields = ("workspace",)


@admin.register(m.ReportJob)
class ReportJobAdmin(PortfolioAdminMixin, admin.ModelAdmin):
    """Report jobs have no history (they are a log in themselves); the file stays out of
    the page, which would otherwise load megabytes per row."""

    list_display = (
        "organisation",
        "year",
        "format",
        "language",
        "status",
        "progress",
        "created_at",
        "workspace",
    )
    list_filter = ("status", "format", "language", "workspace")
    list_select_related = ("organisation", "workspace")
    search_fields = ("organisation__search_key", "file_name", "task_id")
    autocomplete_fields = ("workspace", "organisation")
    raw_id_fields = ("created_by",)
    exclude = ("content",)
    readonly_fields = ("task_id", "started_at", "finished_at", "error")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content")
