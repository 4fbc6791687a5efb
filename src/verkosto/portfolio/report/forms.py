"""The "Generate report" form: year, language and format."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from verkosto.portfolio.models.report_job import ReportFormat


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    format = forms.ChoiceField(label=_("Format"), choices=ReportFormat.choices)

    def __init__(self, *args, year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = year or dt.date.today().year
        self.fields["language"].initial = (get_language() or "fi").split("-")[0]
        self.fields["format"].initial = ReportFormat.PDF
