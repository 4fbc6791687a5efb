"""Good practices and event/visit reports: list, detail, create, edit, delete.

One set of views serves both kinds; an :class:`ItemPages` says what differs. Forms only
validate; every write is ``knowledge.services`` (permission checks, the item and its
search row in one transaction). Editing or deleting also needs the right to the item as
it is stored, so nobody moves another organisation's practice into their own by editing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from verkosto.accounts.permissions import Actor, require_editor_anywhere
from verkosto.accounts.workspaces import current_workspace
from verkosto.common.forms import add_service_errors
from verkosto.knowledge import forms as f
from verkosto.knowledge import services
from verkosto.knowledge.filtersets import FILTERSETS
from verkosto.knowledge.models import GoodPractice, ItemKind, Report
from verkosto.knowledge.views import access
from verkosto.registry.selectors.history import record_history

PER_PAGE = 25
HISTORY_SHOWN = 5


@dataclass(frozen=True)
class ItemPages:
    kind: str
    model: type[models.Model]
    title: object  # lazy translated plural, the list's heading
    form: type[f.KnowledgeForm]
    save: Callable[[Actor, models.Model, dict], models.Model]


def _save_practice(actor: Actor, item: GoodPractice, cleaned: dict) -> GoodPractice:
    return services.practice_save(
        actor=actor,
        practice=item,
        themes=cleaned.get("themes") or (),
        attachments=cleaned.get("attachments") or (),
    )


def _save_report(actor: Actor, item: Report, cleaned: dict) -> Report:
    return services.report_save(actor=actor, report=item, themes=cleaned.get("themes") or ())


PAGES = {
    ItemKind.PRACTICE: ItemPages(
        ItemKind.PRACTICE,
        GoodPractice,
        gettext_lazy("Good practices"),
        f.PracticeForm,
        _save_practice,
    ),
    ItemKind.REPORT: ItemPages(
        ItemKind.REPORT,
        Report,
        gettext_lazy("Event and visit reports"),
        f.ReportForm,
        _save_report,
    ),
}


def may_write(actor: Actor, item: models.Model) -> bool:
    try:
        services.require_item_write(actor, item)
    except PermissionDenied:
        return False
    return True


def paginate(request: HttpRequest, queryset) -> object:
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def list_context(request: HttpRequest, kind: str) -> dict:
    """The page of items and the filter form of a list page: the kind's FilterSet (the
    API list's own) over what the user may see. An invalid filter is shown with its
    error and not applied."""
    filterset = FILTERSETS[kind](request.GET or None, queryset=access.QUERYSETS[kind](request.user))
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    form = filterset.form
    form.fields.pop("ordering", None)  # the list's order is fixed; the API sorts
    # A select of every organisation would make the page heavy: the value travels as a
    # hidden field (from links) and the page names the organisation chosen.
    form.fields["organisation"].widget = forms.HiddenInput()
    # Validated by ``qs`` above; an invalid value is left out of cleaned_data.
    chosen = form.cleaned_data.get("organisation") if form.is_bound else None
    return {"page": paginate(request, queryset), "filters": form, "organisation": chosen}


@require_GET
@login_required
def item_list(request: HttpRequest, kind: str) -> HttpResponse:
    context = {"title": PAGES[kind].title, "kind": kind, **list_context(request, kind)}
    return render(request, f"knowledge/{kind}/list.html", context)


@require_GET
@login_required
def item_detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = access.item_or_404(kind, request.user, pk)
    writable = may_write(request.user, item)
    context = {
        "object": item,
        "kind": kind,
        "edit_url": reverse(f"knowledge:{kind}-edit", args=[pk]) if writable else None,
        "delete_url": reverse(f"knowledge:{kind}-delete", args=[pk]) if writable else None,
    }
    # Who changed what, as on the registry's pages (a few latest versions).
    context["history"] = record_history(actor=request.user, obj=item, limit=HISTORY_SHOWN)
    if kind == ItemKind.PRACTICE:
        context["attachments"] = list(
            access.documents(request.user).filter(practices=item).order_by("title", "pk")
        )
    return render(request, f"knowledge/{kind}/detail.html", context)


def _write(request: HttpRequest, pages: ItemPages, form) -> models.Model | None:
    try:
        with transaction.atomic():
            return pages.save(request.user, form.instance, form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
    except PermissionDenied as error:
        form.add_error(None, str(error) or _("You may not make this change."))
    return None


def _form_page(request, pages: ItemPages, form, item=None, status: int = 200) -> HttpResponse:
    cancel = (
        reverse(f"knowledge:{pages.kind}-detail", args=[item.pk])
        if item
        else reverse(f"knowledge:{pages.kind}-list")
    )
    context = {
        "form": form,
        "object": item,
        "verbose_name": pages.model._meta.verbose_name,
        "cancel_url": cancel,
    }
    return render(request, "knowledge/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request: HttpRequest, kind: str) -> HttpResponse:
    pages = PAGES[kind]
    require_editor_anywhere(request.user)  # a viewer gets 403, not a form
    form = pages.form(
        request.POST if request.method == "POST" else None,
        instance=pages.model(),
        actor=request.user,
        workspace=current_workspace(request),
    )
    if request.method == "POST" and form.is_valid():
        item = _write(request, pages, form)
        if item is not None:
            messages.success(request, _("Saved: %(record)s.") % {"record": item})
            return redirect(f"knowledge:{kind}-detail", pk=item.pk)
    return _form_page(request, pages, form, status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    pages = PAGES[kind]
    stored = access.item_or_404(kind, request.user, pk)
    services.require_item_write(request.user, stored)  # 403 before any form
    # A fresh copy without prefetched relations: the service re-indexes its themes.
    item = pages.model.objects.select_related("workspace").get(pk=pk)
    form = pages.form(
        request.POST if request.method == "POST" else None,
        instance=item,
        actor=request.user,
        workspace=current_workspace(request),
    )
    if request.method == "POST" and form.is_valid():
        saved = _write(request, pages, form)
        if saved is not None:
            messages.success(request, _("Saved: %(record)s.") % {"record": saved})
            return redirect(f"knowledge:{kind}-detail", pk=pk)
    return _form_page(
        request, pages, form, item=stored, status=400 if request.method == "POST" else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_delete(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET asks for confirmation; only a POST deletes."""
    item = access.item_or_404(kind, request.user, pk)
    services.require_item_write(request.user, item)
    if request.method == "POST":
        label = str(item)
        services.item_delete(actor=request.user, item=item)
        messages.success(request, _("Deleted: %(record)s.") % {"record": label})
        return redirect(f"knowledge:{kind}-list")
    return render(
        request,
        "knowledge/confirm_delete.html",
        {
            "object": item,
            "verbose_name": item._meta.verbose_name,
            "cancel_url": reverse(f"knowledge:{kind}-detail", args=[pk]),
        },
    )
