"""The admin's import page: the same importers as ``verkosto import``, for superusers."""

import dataclasses
import tempfile
from pathlib import Path

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from verkosto.registry.importers.base import ImportSummary
from verkosto.registry.importers.catalogue import KINDS, importer_class
from verkosto.registry.importers.errors import localised


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of data"), choices=[(k, k) for k in sorted(KINDS)])
    file = forms.FileField(label=_("File"))
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One KEY=VALUE per line, as --option on the command line."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check and count, write nothing"), required=False, initial=True
    )

    def clean_options(self) -> dict[str, list[str]]:
        options: dict[str, list[str]] = {}
        for number, line in enumerate(self.cleaned_data["options"].splitlines(), start=1):
            if not line.strip():
                continue
            key, sep, value = line.partition("=")
            if not sep:
                raise forms.ValidationError(
                    _("Line %(n)d: expected KEY=VALUE."), params={"n": number}
                )
            options.setdefault(key.strip(), []).append(value.strip())
        return options


def import_view(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    summary = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # The importers read paths; keep the upload's name, which the source records.
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            try:
                importer = importer_class(form.cleaned_data["kind"])(
                    actor=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                    options=form.cleaned_data["options"],
                )
            except ValueError as exc:
                form.add_error("options", str(localised(exc.args[0])))
            else:
                summary = _in_language(importer.run(path))
    context = {
        **admin.site.each_context(request),
        "title": _("Import data"),
        "form": form,
        "summary": summary,
    }
    return TemplateResponse(request, "admin/registry/import.html", context)


def _in_language(summary: ImportSummary) -> ImportSummary:
    """The summary with its issues in the language of the page (the importer's messages
    are English until they are shown)."""
    return dataclasses.replace(
        summary,
        rejections=[issue.localised() for issue in summary.rejections],
        skips=[issue.localised() for issue in summary.skips],
    )
