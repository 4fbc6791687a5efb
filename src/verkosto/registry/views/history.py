"""A record's full history, and reverting it to an earlier version (admins only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from verkosto.registry.selectors.history import record_history
from verkosto.registry.services.history import history_revert
from verkosto.registry.views.detail import record_actions
from verkosto.registry.views.kinds import KINDS, record_or_404

# The history page lists this many of the newest versions.
HISTORY_PAGE_SIZE = 200


@login_required
@require_GET
def record_history_page(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    record_kind = KINDS[kind]
    obj = record_or_404(record_kind, request.user, pk)
    context = {
        "object": obj,
        "verbose_name": record_kind.model._meta.verbose_name,
        "detail_url": record_kind.url("detail", obj.pk),
        "history": record_history(actor=request.user, obj=obj, limit=HISTORY_PAGE_SIZE),
        **record_actions(request, record_kind, obj),
    }
    return render(request, "registry/history/page.html", context)


@login_required
@require_POST
def record_revert(request: HttpRequest, pk: int, kind: str, history_id: int) -> HttpResponse:
    """Revert through ``services.history.history_revert``, which refuses (403) anyone but
    an admin who may write the record."""
    record_kind = KINDS[kind]
    obj = record_or_404(record_kind, request.user, pk)
    try:
        changed = history_revert(actor=request.user, obj=obj, history_id=history_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if changed:
            messages.success(
                request, _("Reverted %(record)s to the earlier version.") % {"record": obj}
            )
        else:
            messages.info(request, _("That version is the same as the current one."))
    return redirect(record_kind.url("history", obj.pk) or record_kind.url("detail", obj.pk))
