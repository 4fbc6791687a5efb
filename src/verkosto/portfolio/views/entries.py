"""Entering a workspace's cost lines, outcomes, indicators, indicator values and scoring
weights: lists, add forms and deletes. Forms validate; services write."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verkosto.accounts.models import Role
from verkosto.common.forms import add_service_errors
from verkosto.portfolio import forms as f
from verkosto.portfolio.models import (
    CostLine,
    Indicator,
    IndicatorValue,
    Outcome,
    ScoringWeights,
)
from verkosto.portfolio.selectors.inputs import cost_rows
from verkosto.portfolio.services import costs, indicators, outcomes, weights
from verkosto.portfolio.services.access import may_edit
from verkosto.portfolio.views.common import workspace_or_403

PER_PAGE = 50


def _form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    cancel: str,
    write: Callable[[], object],
    done: str,
    intro: str = "",
) -> HttpResponse:
    """Validate ``form``; on success run ``write`` (a service call) atomically."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                obj = write()
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("You may not make this change."))
        else:
            messages.success(request, _("Saved: %(record)s.") % {"record": obj})
            return redirect(done)
    return render(
        request,
        "portfolio/form.html",
        {"form": form, "title": title, "cancel_url": cancel, "intro": intro},
        status=400 if request.method == "POST" else 200,
    )


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


# --- cost lines ------------------------------------------------------------------------


@login_required
@require_GET
def cost_list(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request)
    memberships = f.workspace_memberships(workspace)
    names = {m.pk: m.organisation for m in memberships}
    rows = [r for r in cost_rows(workspace, list(names)) if r.membership_id in names]
    rows.sort(key=lambda r: (-r.year, str(names[r.membership_id]), r.kind))
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "portfolio/cost_list.html",
        {
            "page": page,
            "networks": names,
            "may_edit": may_edit(request.user, workspace.pk),
            "workspace": workspace,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cost_add(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request, Role.EDITOR)
    form = f.CostLineForm(_data(request), workspace=workspace, initial=request.GET.dict())

    def write():
        d = form.cleaned_data
        return costs.cost_line_create(
            actor=request.user,
            workspace=workspace,
            membership=d["membership"],
            year=d["year"],
            kind=d["kind"],
            amount=d.get("amount"),
            staff_hours=d.get("staff_hours"),
            hourly_rate=d.get("hourly_rate"),
            currency=d["currency"],
            note=d.get("note", ""),
        )

    return _form_page(
        request,
        form,
        title=_("New cost"),
        cancel=reverse("portfolio:cost-list"),
        write=write,
        done=reverse("portfolio:cost-list"),
        intro=_(
            "Staff time is hours × hourly rate. Membership fees are entered on the "
            "membership's page and counted with these costs."
        ),
    )


@login_required
@require_POST
def cost_delete(request: HttpRequest, pk: int) -> HttpResponse:
    workspace = workspace_or_403(request, Role.EDITOR)
    line = get_object_or_404(CostLine, pk=pk, workspace=workspace)
    costs.cost_line_delete(actor=request.user, line=line)
    messages.success(request, _("Deleted."))
    return redirect("portfolio:cost-list")


# --- outcomes --------------------------------------------------------------------------


@login_required
@require_GET
def outcome_list(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request)
    qs = (
        Outcome.objects.filter(workspace=workspace)
        .select_related("membership__organisation", "event", "source")
        .prefetch_related("goals")
        .order_by("-date", "pk")
    )
    return render(
        request,
        "portfolio/outcome_list.html",
        {
            "page": Paginator(qs, PER_PAGE).get_page(request.GET.get("page")),
            "may_edit": may_edit(request.user, workspace.pk),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def outcome_add(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request, Role.EDITOR)
    form = f.OutcomeForm(_data(request), workspace=workspace, initial=request.GET.dict())

    def write():
        d = form.cleaned_data
        return outcomes.outcome_create(
            actor=request.user,
            workspace=workspace,
            type=d["type"],
            titles={lang: d.get(f"title_{lang}", "") for lang in f.LANGUAGES},
            date=d["date"],
            membership=d.get("membership"),
            event=d.get("event"),
            goals=d.get("goals") or (),
            value_estimate=d.get("value_estimate"),
            currency=d["currency"],
            evidence=d.get("evidence", ""),
            evidence_url=d.get("evidence_url", ""),
        )

    return _form_page(
        request,
        form,
        title=_("New outcome"),
        cancel=reverse("portfolio:outcome-list"),
        write=write,
        done=reverse("portfolio:outcome-list"),
    )


@login_required
@require_POST
def outcome_delete(request: HttpRequest, pk: int) -> HttpResponse:
    workspace = workspace_or_403(request, Role.EDITOR)
    outcome = get_object_or_404(Outcome, pk=pk, workspace=workspace)
    outcomes.outcome_delete(actor=request.user, outcome=outcome)
    messages.success(request, _("Deleted."))
    return redirect("portfolio:outcome-list")


# --- indicators ------------------------------------------------------------------------


@login_required
@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request)
    qs = (
        Indicator.objects.filter(workspace=workspace)
        .select_related("owner", "organisation", "goal", "membership__organisation")
        .prefetch_related(
            Prefetch("values", IndicatorValue.objects.order_by("date"), to_attr="value_list")
        )
        .order_by("name", "pk")
    )
    return render(
        request,
        "portfolio/indicator_list.html",
        {
            "page": Paginator(qs, PER_PAGE).get_page(request.GET.get("page")),
            "may_edit": may_edit(request.user, workspace.pk),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_add(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request, Role.EDITOR)
    form = f.IndicatorForm(_data(request), workspace=workspace)

    def write():
        d = form.cleaned_data
        return indicators.indicator_create(
            actor=request.user,
            workspace=workspace,
            names={lang: d.get(f"name_{lang}", "") for lang in f.LANGUAGES},
            owner=d["owner"],
            unit=d["unit"],
            direction=d["direction"],
            baseline=d.get("baseline"),
            baseline_year=d.get("baseline_year"),
            target=d.get("target"),
            target_year=d.get("target_year"),
            organisation=workspace.organisation if d.get("attach_organisation") else None,
            goal=d.get("goal"),
            membership=d.get("membership"),
        )

    return _form_page(
        request,
        form,
        title=_("New indicator"),
        cancel=reverse("portfolio:indicator-list"),
        write=write,
        done=reverse("portfolio:indicator-list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator with its values; editors add a value on the same page."""
    workspace = workspace_or_403(request)
    indicator = get_object_or_404(
        Indicator.objects.select_related("owner", "organisation", "goal", "membership"),
        pk=pk,
        workspace=workspace,
    )
    editable = may_edit(request.user, workspace.pk)
    form = f.IndicatorValueForm(_data(request)) if editable else None
    status = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied(_("You need the editor role in this workspace."))
        if form.is_valid():
            try:
                indicators.indicator_value_set(
                    actor=request.user, indicator=indicator, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Value saved."))
                return redirect("portfolio:indicator-detail", pk=indicator.pk)
        status = 400
    return render(
        request,
        "portfolio/indicator_detail.html",
        {
            "indicator": indicator,
            "values": list(indicator.values.order_by("date")),
            "form": form,
            "editable": editable,
        },
        status=status,
    )


# --- weights ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def weights_edit(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request, Role.EDITOR)
    instance = ScoringWeights.objects.filter(workspace=workspace).first() or ScoringWeights(
        workspace=workspace
    )
    form = f.WeightsForm(_data(request), instance=instance)

    def write():
        weights.scoring_weights_set(actor=request.user, workspace=workspace, **form.cleaned_data)
        return gettext_lazy("scoring weights")

    return _form_page(
        request,
        form,
        title=_("Scoring weights"),
        cancel=reverse("portfolio:review-list"),
        write=write,
        done=reverse("portfolio:review-list"),
        intro=_(
            "Weights are relative: 2 counts twice as much as 1. Scores at or above the retain "
            "threshold are recommended for retaining, below the drop threshold for dropping."
        ),
    )
