"""The help page that explains the scoring model (portfolio.scoring) to its users."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from verkosto.portfolio import scoring


@login_required
@require_GET
def scoring_help(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portfolio/help_scoring.html",
        {
            "weights": scoring.DEFAULT_WEIGHTS,
            "window": scoring.WINDOW,
            "saturation": scoring.FIT_SATURATION,
        },
    )
