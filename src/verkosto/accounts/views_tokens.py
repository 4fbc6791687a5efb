"""Pages where users make, list and revoke their personal API tokens."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from verkosto.accounts.models import ApiToken, TokenScope
from verkosto.accounts.tokens import token_create, token_list, token_revoke


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. 'report script'."),
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("Scope"), choices=TokenScope.choices, initial=TokenScope.READ
    )
    expires_days = forms.IntegerField(
        label=gettext_lazy("Expires in days"),
        min_value=1,
        max_value=3650,
        required=False,
        initial=90,
        help_text=gettext_lazy("Leave empty for a token that does not expire."),
    )


@never_cache
@login_required
def token_list_view(request):
    """The user's tokens, and the form for a new one; a new token's secret is shown once."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, secret = token_create(actor=request.user, user=request.user, **form.cleaned_data)
        return render(request, "accounts/tokens_created.html", {"token": token, "secret": secret})
    context = {"form": form, "tokens": token_list(user=request.user)}
    return render(request, "accounts/tokens.html", context)


@require_POST
@login_required
def token_revoke_view(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token %(name)s was revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
