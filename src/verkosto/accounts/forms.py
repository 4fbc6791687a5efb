"""Forms of the accounts pages."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from verkosto.accounts import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    """The login form, refusing attempts while the username+address is throttled."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is wrong. Both are case-sensitive."),
    }

    throttled_for = 0  # seconds; the view answers 429 when set

    def clean(self):
        username = self.data.get("username", "")
        address = throttle.client_address(self.request)
        wait = throttle.login_wait_seconds(username, address)
        if wait:
            self.throttled_for = wait
            minutes = (wait + 59) // 60
            raise forms.ValidationError(
                ngettext(
                    "Too many failed attempts. Try again in %(minutes)d minute.",
                    "Too many failed attempts. Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.login_failure_record(username, address)
            raise
        throttle.login_failures_clear(username, address)
        return cleaned


class WorkspaceSwitchForm(forms.Form):
    workspace = forms.IntegerField(label=_("Workspace"))
    next = forms.CharField(required=False)
