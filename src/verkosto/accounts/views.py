"""Web pages of accounts: log in (throttled), log out, switch workspace."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verkosto.accounts.forms import ThrottledAuthenticationForm, WorkspaceSwitchForm
from verkosto.accounts.workspaces import workspace_select


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.throttled_for:
            # 429 tells scripts and the browser tests apart from a wrong password.
            response.status_code = 429
            response["Retry-After"] = str(form.throttled_for)
        return response


class LogoutView(auth_views.LogoutView):
    # Django's LogoutView accepts POST only, so a link or an image cannot log anyone out.
    pass


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(fallback)


@login_required
@require_POST
def workspace_switch(request: HttpRequest) -> HttpResponse:
    form = WorkspaceSwitchForm(request.POST)
    if form.is_valid() and workspace_select(request, form.cleaned_data["workspace"]):
        messages.success(request, _("Workspace switched."))
    else:
        messages.error(request, _("You have no role in that workspace."))
    return HttpResponseRedirect(_safe_next(request, "registry:home"))
