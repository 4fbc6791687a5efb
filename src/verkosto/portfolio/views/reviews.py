"""The yearly review pages: the list with "open a review", a review's cards with their
decision forms, closing, and the follow-ups. Views validate input and call a service or
a selector; every write is checked again in the service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from verkosto.accounts.models import Role
from verkosto.common.forms import add_service_errors
from verkosto.portfolio.forms import DecisionForm, JoinForm, ReviewOpenForm
from verkosto.portfolio.models import FollowUp, Review
from verkosto.portfolio.selectors import reviews as selectors
from verkosto.portfolio.services import reviews as services
from verkosto.portfolio.services.access import may_edit
from verkosto.portfolio.views.common import workspace_or_403
from verkosto.registry.models import Membership


def _render_list(request: HttpRequest, workspace, form: ReviewOpenForm, status: int = 200):
    # From an organisation's page (?organisation=12): its reviews in any workspace the
    # user may read; otherwise the current workspace's.
    organisation = request.GET.get("organisation", "")
    if organisation.isdigit():
        rows = selectors.reviews_readable(request.user).filter(organisation_id=int(organisation))
        rows = rows.order_by("-year", "pk")
    else:
        rows = selectors.review_list(actor=request.user, workspace=workspace)
    return render(
        request,
        "portfolio/review_list.html",
        {
            "workspace": workspace,
            "reviews": list(rows),
            "may_edit": may_edit(request.user, workspace.pk),
            "form": form,
        },
        status=status,
    )


@login_required
@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    return _render_list(request, workspace_or_403(request), ReviewOpenForm())


@login_required
@require_POST
def review_open(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request, Role.EDITOR)
    form = ReviewOpenForm(request.POST)
    if form.is_valid():
        try:
            review = services.review_open(
                actor=request.user, workspace=workspace, year=form.cleaned_data["year"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The review for %(year)s is open.") % {"year": review.year})
            return redirect("portfolio:review-detail", pk=review.pk)
    return _render_list(request, workspace, form, status=400)


def _readable_review(request: HttpRequest, pk: int) -> Review:
    review = selectors.reviews_readable(request.user).filter(pk=pk).first()
    if review is None:
        raise Http404
    return review


def _render_review(
    request: HttpRequest,
    review: Review,
    *,
    bound: tuple[int, DecisionForm] | None = None,
    join_form: JoinForm | None = None,
    status: int = 200,
) -> HttpResponse:
    page = selectors.review_page(review=review)
    editable = review.is_open and may_edit(request.user, review.workspace_id)
    forms = {}
    if editable:
        for card in page.cards:
            if bound and bound[0] == card.membership.pk:
                forms[card.membership.pk] = bound[1]
                continue
            e = card.evaluation
            initial = {"decision": e.decision, "rationale": e.rationale} if e else {}
            forms[card.membership.pk] = DecisionForm(
                initial=initial, prefix=f"m{card.membership.pk}"
            )
        for card in page.cards:
            card.form = forms[card.membership.pk]
        if join_form is None:
            join_form = JoinForm(
                workspace=review.workspace,
                exclude_ids=[review.organisation_id, *(c.network.pk for c in page.cards)],
            )
    return render(
        request,
        "portfolio/review_detail.html",
        {"page": page, "review": review, "editable": editable, "join_form": join_form},
        status=status,
    )


@login_required
@require_GET
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_review(request, _readable_review(request, pk))


@login_required
@require_POST
def evaluation_decide(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    review = _readable_review(request, pk)
    if not review.is_open:
        messages.error(request, _("This review is closed: its decisions are locked."))
        return redirect("portfolio:review-detail", pk=review.pk)
    membership = get_object_or_404(Membership, pk=membership_pk, member=review.organisation)
    form = DecisionForm(request.POST, prefix=f"m{membership.pk}")
    if form.is_valid():
        try:
            services.evaluation_decide(
                actor=request.user,
                review=review,
                membership=membership,
                decision=form.cleaned_data["decision"],
                rationale=form.cleaned_data["rationale"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Decision recorded for %(network)s.") % {"network": membership.organisation},
            )
            url = reverse("portfolio:review-detail", args=[review.pk])
            return redirect(f"{url}#card-{membership.pk}")
    return _render_review(request, review, bound=(membership.pk, form), status=400)


@login_required
@require_POST
def review_join(request: HttpRequest, pk: int) -> HttpResponse:
    review = _readable_review(request, pk)
    form = JoinForm(request.POST, workspace=review.workspace)
    if form.is_valid():
        try:
            services.review_join_propose(
                actor=request.user,
                review=review,
                network=form.cleaned_data["network"],
                rationale=form.cleaned_data["rationale"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Decision to join recorded."))
            return redirect("portfolio:review-detail", pk=review.pk)
    return _render_review(request, review, join_form=form, status=400)


@login_required
@require_POST
def review_close(request: HttpRequest, pk: int) -> HttpResponse:
    review = _readable_review(request, pk)
    try:
        services.review_close(actor=request.user, review=review)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The review for %(year)s is closed; its decisions are locked.")
            % {"year": review.year},
        )
    return redirect("portfolio:review-detail", pk=review.pk)


@login_required
@require_GET
def follow_up_list(request: HttpRequest) -> HttpResponse:
    workspace = workspace_or_403(request)
    return render(
        request,
        "portfolio/follow_up_list.html",
        {
            "workspace": workspace,
            "follow_ups": list(selectors.follow_up_list(actor=request.user, workspace=workspace)),
            "may_edit": may_edit(request.user, workspace.pk),
        },
    )


@login_required
@require_POST
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("evaluation__review", "evaluation__network"), pk=pk
    )
    if not may_edit(request.user, follow_up.evaluation.review.workspace_id):
        raise PermissionDenied(_("You need the editor role in this workspace."))
    done = request.POST.get("done", "1") == "1"
    services.follow_up_set_done(actor=request.user, follow_up=follow_up, done=done)
    return redirect("portfolio:follow-up-list")
