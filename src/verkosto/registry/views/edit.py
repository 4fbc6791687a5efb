"""Create, edit and delete pages for every kind of registry record.

A form validates and shows errors; the write itself is always a service call, which checks
``rules.require_write`` again and saves with the user in history. One ``Editor`` per kind
says which form and which services; the three views below serve them all.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verkosto.accounts.models import Role
from verkosto.accounts.permissions import Actor, require_editor_anywhere, require_role
from verkosto.accounts.workspaces import current_workspace
from verkosto.common.forms import add_service_errors
from verkosto.registry import forms as f
from verkosto.registry import models as m
from verkosto.registry.services import goals, memberships, organisations, partnerships
from verkosto.registry.services import twinnings as twinning_services
from verkosto.registry.services.records import record_update
from verkosto.registry.services.rules import require_write
from verkosto.registry.views.kinds import KINDS, detail_url, record_or_404


def _pop_languages(values: dict, *bases: str) -> dict:
    return {
        name: values.pop(name)
        for base in bases
        for name in f._language_fields(base)
        if name in values
    }


# --- creating: form values → the kind's create service --------------------------------


def _organisation_create(actor, form, values, source, parent):
    return organisations.organisation_create(
        actor=actor,
        source=source,
        kind=values.pop("kind"),
        names=_pop_languages(values, "name"),
        **values,
    )


def _membership_create(actor, form, values, source, parent):
    return memberships.membership_create(
        actor=actor,
        member=values.pop("member"),
        organisation=values.pop("organisation"),
        source=source,
        themes=form.cleaned_data.get("themes") or (),
        workspace=values.pop("workspace"),
        **values,
    )


def _twinning_create(actor, form, values, source, parent):
    return twinning_services.twinning_create(
        actor=actor,
        a=values.pop("first"),
        b=values.pop("second"),
        source=source,
        workspace=values.pop("workspace"),
        **values,
    )


def _partnership_create(actor, form, values, source, parent):
    party = form.cleaned_data.get("party")
    return partnerships.partnership_create(
        actor=actor,
        source=source,
        kind=values.pop("kind"),
        names=_pop_languages(values, "name", "description"),
        parties=[(party, form.cleaned_data["party_role"])] if party else [],
        themes=form.cleaned_data.get("themes") or (),
        workspace=values.pop("workspace"),
        **values,
    )


def _party_create(actor, form, values, source, parent):
    return partnerships.partnership_party_add(
        actor=actor,
        partnership=parent,
        organisation=values["organisation"],
        role=values["role"],
        source=source,
    )


def _goal_create(actor, form, values, source, parent):
    return goals.goal_create(
        actor=actor,
        organisation=values.pop("organisation"),
        source=source,
        texts=_pop_languages(values, "title", "description"),
        themes=form.cleaned_data.get("themes") or (),
        workspace=values.pop("workspace"),
        **values,
    )


def _event_create(actor, form, values, source, parent):
    return goals.event_create(
        actor=actor,
        source=source,
        texts=_pop_languages(values, "title"),
        participants=form.cleaned_data.get("participants") or (),
        themes=form.cleaned_data.get("themes") or (),
        workspace=values.pop("workspace"),
        **values,
    )


def _theme_create(actor, form, values, source, parent):
    return goals.theme_create(
        actor=actor,
        code=values.pop("code"),
        labels=_pop_languages(values, "label"),
        parent=values.pop("parent"),
        **values,
    )


def _fee_create(actor, form, values, source, parent):
    return memberships.membership_fee_set(
        actor=actor,
        workspace=form.instance.workspace,
        membership=parent,
        source=source,
        **values,
    )


# --- changing and deleting ---------------------------------------------------------------


def _update(actor, obj, form, source) -> list[str]:
    """Every kind changes through ``services.records.record_update``, which checks the
    record before and after the change (a membership moved to an organisation the user
    may not write is refused), plus what a kind needs besides (an organisation's search
    key)."""
    changes = form.changes()
    if source is not None:
        changes["source"] = source
    changed = record_update(obj, actor=actor, changes=changes, m2m=form.m2m())
    if changed and isinstance(obj, m.Organisation):
        organisations.organisation_refresh_search_key(organisation_ids=[obj.pk])
    return changed


DELETE_SERVICES: dict[type[models.Model], Callable[..., None]] = {
    m.Organisation: lambda a, o: organisations.organisation_delete(actor=a, organisation=o),
    m.Membership: lambda a, o: memberships.membership_delete(actor=a, membership=o),
    m.Twinning: lambda a, o: twinning_services.twinning_delete(actor=a, twinning=o),
    m.Partnership: lambda a, o: partnerships.partnership_delete(actor=a, partnership=o),
    m.PartnershipParty: lambda a, o: partnerships.partnership_party_delete(actor=a, party=o),
    m.StrategicGoal: lambda a, o: goals.goal_delete(actor=a, goal=o),
    m.Event: lambda a, o: goals.event_delete(actor=a, event=o),
    m.Theme: lambda a, o: goals.theme_delete(actor=a, theme=o),
    m.MembershipFee: lambda a, o: memberships.membership_fee_delete(actor=a, fee=o),
}


@dataclass(frozen=True)
class Editor:
    form: type[f.RecordForm]
    create: Callable[..., models.Model]
    # The kind a new record hangs under (a fee under its membership), if any.
    parent: str | None = None


EDITORS = {
    "organisation": Editor(f.OrganisationForm, _organisation_create),
    "membership": Editor(f.MembershipForm, _membership_create),
    "twinning": Editor(f.TwinningForm, _twinning_create),
    "partnership": Editor(f.PartnershipForm, _partnership_create),
    "partnershipparty": Editor(f.PartnershipPartyForm, _party_create, parent="partnership"),
    "goal": Editor(f.GoalForm, _goal_create),
    "event": Editor(f.EventForm, _event_create),
    "theme": Editor(f.ThemeForm, _theme_create),
    "membershipfee": Editor(f.MembershipFeeForm, _fee_create, parent="membership"),
}


def _data(request: HttpRequest):
    """The posted data, even when empty (an empty POST is still a submitted form)."""
    return request.POST if request.method == "POST" else None


def _list_url(kind: str) -> str:
    try:
        return reverse(f"registry:{kind}-list")
    except NoReverseMatch:
        return "/"


def _render_form(request, kind, form, obj=None, parent=None, status=200) -> HttpResponse:
    record_kind = KINDS[kind]
    context = {
        "form": form,
        "kind": record_kind,
        "object": obj,
        "parent": parent,
        "verbose_name": record_kind.model._meta.verbose_name,
        "cancel_url": (detail_url(obj) if obj else None)
        or (detail_url(parent) if parent else None)
        or _list_url(kind),
    }
    return render(request, "registry/forms/form.html", context, status=status)


def _save(request, form, write: Callable[[Actor, Any], Any]) -> Any:
    """Run ``write`` (which gets the actor and the source) in one transaction with the
    inline source, turning service refusals into form errors. Returns None on failure."""
    try:
        with transaction.atomic():
            source = form.resolve_source(request.user) if "source" in form.fields else None
            return write(request.user, source)
    except ValidationError as error:
        add_service_errors(form, error)
    except PermissionDenied as error:
        form.add_error(None, str(error) or _("You may not make this change."))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def record_add(request: HttpRequest, kind: str, parent_pk: int | None = None) -> HttpResponse:
    editor = EDITORS[kind]
    actor = request.user
    workspace = current_workspace(request)
    parent = record_or_404(KINDS[editor.parent], actor, parent_pk) if editor.parent else None
    instance = KINDS[kind].model()
    if kind == "membershipfee":
        # A fee is always private to the current workspace: its editors only.
        if workspace is None:
            raise PermissionDenied(_("You need a workspace to record fees."))
        require_role(actor, workspace, Role.EDITOR)
        instance.workspace, instance.membership = workspace, parent
    elif kind == "partnershipparty":
        require_write(actor, parent)
        instance.partnership = parent
    else:
        require_editor_anywhere(actor)
    # Links from a detail page prefill the form (?member=12): no script needed.
    initial = {key: request.GET.getlist(key) for key in request.GET}
    initial = {key: value if len(value) > 1 else value[0] for key, value in initial.items()}
    form = editor.form(
        _data(request), instance=instance, actor=actor, workspace=workspace, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        values = form.changes()

        def write(actor, source):
            return editor.create(actor, form, values, source, parent)

        obj = _save(request, form, write)
        if obj is not None:
            messages.success(
                request,
                _("Saved: %(record)s.") % {"record": obj},
            )
            return redirect(detail_url(obj) or _list_url(kind))
    status = 400 if request.method == "POST" else 200
    return _render_form(request, kind, form, parent=parent, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    editor = EDITORS[kind]
    actor = request.user
    obj = record_or_404(KINDS[kind], actor, pk)
    require_write(actor, obj)  # 403 for a viewer, or an editor of another organisation
    form = editor.form(
        _data(request),
        # The form works on a copy: the service compares it with the record as stored.
        instance=copy.copy(obj),
        actor=actor,
        workspace=current_workspace(request),
    )
    if request.method == "POST" and form.is_valid():

        def write(actor, source):
            return _update(actor, obj, form, source)

        changed = _save(request, form, write)
        if changed is not None:
            if changed:
                messages.success(request, _("Saved: %(record)s.") % {"record": obj})
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect(detail_url(obj) or _list_url(kind))
    status = 400 if request.method == "POST" else 200
    return _render_form(request, kind, form, obj=obj, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def record_delete(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """GET asks for confirmation; only a POST deletes."""
    record_kind = KINDS[kind]
    actor = request.user
    obj = record_or_404(record_kind, actor, pk)
    require_write(actor, obj)
    back = detail_url(obj)
    if request.method == "POST":
        label = str(obj)
        after = detail_url(obj) if kind in ("membershipfee", "partnershipparty") else None
        try:
            DELETE_SERVICES[record_kind.model](actor, obj)
        except ProtectedError:
            messages.error(
                request,
                _("%(record)s cannot be deleted: other records refer to it.") % {"record": label},
            )
            return redirect(back or _list_url(kind))
        messages.success(request, _("Deleted: %(record)s.") % {"record": label})
        return redirect(after or _list_url(kind))
    return render(
        request,
        "registry/forms/confirm_delete.html",
        {
            "object": obj,
            "kind": record_kind,
            "verbose_name": record_kind.model._meta.verbose_name,
            "cancel_url": back or _list_url(kind),
        },
    )
