"""The parameters every analysis takes, validated the same way for pages, API and CLI."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

DEFAULT_K = 10
MAX_K = 100


class AnalysisParamsForm(forms.Form):
    """``as_of`` (the day the analysis looks at; today when empty) and ``k`` (how many
    of each top list). Bad input is an error on its field, never a silent default."""

    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=_("The day the analysis looks at; empty means today."),
    )
    k = forms.IntegerField(
        label=_("Top"),
        required=False,
        min_value=1,
        max_value=MAX_K,
        help_text=_("How many rows in each top list."),
    )

    def clean_as_of(self) -> dt.date:
        value = self.cleaned_data.get("as_of")
        if value is not None and not (1900 <= value.year <= 2200):
            raise forms.ValidationError(_("Give a day between the years 1900 and 2200."))
        return value or dt.date.today()

    def clean_k(self) -> int:
        return self.cleaned_data.get("k") or DEFAULT_K


class LandscapeParamsForm(AnalysisParamsForm):
    country = forms.CharField(
        label=_("Country"),
        required=False,
        max_length=2,
        min_length=2,
        help_text=_("Two-letter ISO code, e.g. FI or SE; empty means every country."),
    )

    def clean_country(self) -> str:
        value = (self.cleaned_data.get("country") or "").strip().upper()
        if value and not value.isalpha():
            raise forms.ValidationError(_("Give a two-letter country code such as FI."))
        return value
