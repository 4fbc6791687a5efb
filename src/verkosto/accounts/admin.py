from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from verkosto.accounts.models import Workspace, WorkspaceMember


class WorkspaceMemberInline(admin.TabularInline):
    model = WorkspaceMember
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Workspace)
class WorkspaceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "organisation", "created_at")
    search_fields = ("name", "slug", "organisation__search_key")
    autocomplete_fields = ("organisation",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = [WorkspaceMemberInline]

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(WorkspaceMember)
class WorkspaceMemberAdmin(SimpleHistoryAdmin):
    list_display = ("user", "workspace", "role")
    list_filter = ("role", "workspace")
    search_fields = ("user__username", "workspace__name")
    autocomplete_fields = ("user", "workspace")

    def has_module_permission(self, request):
        return request.user.is_superuser
