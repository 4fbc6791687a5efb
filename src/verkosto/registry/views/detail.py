"""The detail page of each kind of record: its facts, its related records and its history.

Every page reads its record through a selector that applies visibility (a private record
of another workspace is a 404) and runs a fixed number of queries whatever the number of
related records or versions.
"""

from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from verkosto.accounts.models import Role
from verkosto.accounts.permissions import has_role
from verkosto.accounts.workspaces import current_workspace
from verkosto.registry.selectors import details
from verkosto.registry.selectors.history import record_history
from verkosto.registry.services.history import may_revert
from verkosto.registry.services.rules import may_write
from verkosto.registry.views.kinds import KINDS, Kind

PAGES = {
    "organisation": details.organisation_page,
    "membership": details.membership_page,
    "twinning": details.twinning_page,
    "partnership": details.partnership_page,
    "theme": details.theme_page,
    "goal": details.goal_page,
    "event": details.event_page,
    "source": details.source_page,
}
# The newest versions on the detail page; the history page lists more.
HISTORY_SHOWN = 10


def record_actions(request: HttpRequest, kind: Kind, obj: models.Model) -> dict:
    """What the user may do with ``obj``: the buttons appear only for what the services
    would allow, so a viewer sees no edit or delete button at all."""
    writable = may_write(request.user, obj)
    edit_url = kind.url("edit", obj.pk) if writable else None
    delete_url = kind.url("delete", obj.pk) if writable else None
    return {
        "kind": kind,
        "may_write": writable,
        "edit_url": edit_url,
        "delete_url": delete_url,
        "may_revert": writable and may_revert(request.user, obj),
        "history_url": kind.url("history", obj.pk),
    }


@login_required
@require_GET
def record_detail(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    record_kind = KINDS[kind]
    try:
        page = PAGES[kind](actor=request.user, pk=pk)
    except record_kind.model.DoesNotExist:
        raise Http404(f"No {kind} {pk}") from None
    obj = page["object"]
    context = {
        **page,
        **record_actions(request, record_kind, obj),
        "history": record_history(actor=request.user, obj=obj, limit=HISTORY_SHOWN),
    }
    if kind == "membership":
        workspace = current_workspace(request)
        context["fee_workspace"] = workspace
        context["may_add_fee"] = workspace is not None and has_role(
            request.user, workspace, Role.EDITOR
        )
        context["fees"] = [(fee, may_write(request.user, fee)) for fee in page["fees"]]
    return render(request, f"registry/detail/{kind}.html", context)
