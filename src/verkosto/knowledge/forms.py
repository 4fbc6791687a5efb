"""The knowledge base's forms: the search box with its facet filters, and the forms for
good practices, reports, document uploads and a document's metadata. (The filters of the
list pages are ``knowledge.filtersets``, shared with the API.)

Forms validate and display only; the views hand what they validated to
``knowledge.services``, which check permissions and save (the registry's rule). The
search form is also what the API validates its query parameters with, so the page and
``/api/v1/search`` accept exactly the same input.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from verkosto.accounts.permissions import Actor
from verkosto.knowledge.extract import ExtractionError, format_of
from verkosto.knowledge.models import Document, GoodPractice, ItemKind, Language, Report
from verkosto.registry import models as rm
from verkosto.registry.forms import DateInput, RecordForm, VisibilityMixin
from verkosto.registry.selectors.visibility import visible

MAX_QUERY_LENGTH = 200
MAX_PAGE = 500  # 10 000 hits deep at 20 a page: nobody reads further, and offsets stay small
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_ID = 2**31 - 1  # larger numbers would overflow the database's integer parameters
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # settings.FILE_UPLOAD_MAX_MEMORY_SIZE: read in memory


class MultipleIntegerField(forms.Field):
    """Repeated whole-number parameters (``?theme=3&theme=7``) as a list of ints."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("Give whole numbers.")}

    def __init__(self, *, min_value: int = 1, max_value: int = MAX_ID, **kwargs):
        kwargs.setdefault("required", False)
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)

    def to_python(self, value) -> list[int]:
        values = [v for v in (value or []) if str(v).strip()]
        try:
            numbers = [int(str(v).strip()) for v in values]
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        wrong = [n for n in numbers if not self.min_value <= n <= self.max_value]
        if wrong:
            raise ValidationError(
                _("%(value)s is not between %(low)s and %(high)s."),
                code="invalid",
                params={"value": wrong[0], "low": self.min_value, "high": self.max_value},
            )
        return list(dict.fromkeys(numbers))


class CountryCodesField(forms.Field):
    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        codes = [str(v).strip().upper() for v in (value or []) if str(v).strip()]
        wrong = [c for c in codes if len(c) != 2 or not c.isascii() or not c.isalpha()]
        if wrong:
            raise ValidationError(
                _("%(value)s is not a two-letter country code (FI, SE …)."),
                code="invalid",
                params={"value": wrong[0][:10]},
            )
        return list(dict.fromkeys(codes))


class SearchForm(forms.Form):
    """``q``, the six facet filters (each repeatable) and the page."""

    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
        help_text=_(
            'Every word must match, in any inflection; "a phrase" in quotes, -word to exclude.'
        ),
    )
    theme = MultipleIntegerField(label=_("Theme"))
    organisation = MultipleIntegerField(label=_("Organisation"))
    country = CountryCodesField(label=_("Country"))
    language = forms.MultipleChoiceField(
        label=_("Language"), choices=Language.choices, required=False
    )
    year = MultipleIntegerField(label=_("Year"), min_value=1, max_value=9999)
    kind = forms.MultipleChoiceField(label=_("Kind"), choices=ItemKind.choices, required=False)
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=MAX_PAGE, required=False)
    limit = forms.IntegerField(
        label=_("Hits per page"), min_value=1, max_value=MAX_LIMIT, required=False
    )

    FILTERS = ("theme", "organisation", "country", "language", "year", "kind")

    def __init__(self, data=None, **kwargs):
        # A QueryDict keeps repeated parameters; the list fields read them with getlist.
        super().__init__(data, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "spellcheck": "false"}
        )

    def filters(self) -> dict[str, list]:
        return {name: self.cleaned_data[name] for name in self.FILTERS if self.cleaned_data[name]}


# --- good practices and reports -----------------------------------------------------------


def _sdg_label(number: int) -> str:
    return gettext("SDG %(number)s") % {"number": number}


# Labels made when a form is shown, in the reader's language (not at import).
SDG_CHOICES = [(n, lazy(_sdg_label, str)(n)) for n in range(1, 18)]


def _organisations():
    return rm.Organisation.objects.order_by("name", "pk")


class KnowledgeForm(VisibilityMixin, RecordForm):
    """Shared by the practice and report forms: themes as checkboxes, organisations in
    name order, events the user may see, and the visibility (shared with all, or private
    to the current workspace)."""

    def __init__(self, *args, actor: Actor = None, **kwargs):
        super().__init__(*args, actor=actor, **kwargs)
        self.fields["themes"].queryset = rm.Theme.objects.order_by("code")
        self.fields["visibility"].choices = [
            (value, _("Shared with every workspace") if value == "public" else label)
            for value, label in self.fields["visibility"].choices
        ]
        if "event" in self.fields:
            self.fields["event"].queryset = visible(rm.Event.objects.all(), actor).order_by(
                "-start_date", "pk"
            )


class PracticeForm(KnowledgeForm):
    sdgs = forms.TypedMultipleChoiceField(
        label=_("SDGs"),
        choices=SDG_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("UN Sustainable Development Goals the practice serves."),
    )

    class Meta:
        model = GoodPractice
        fields = [
            "title",
            "language",
            "summary",
            "body",
            "results",
            "organisation",
            "network",
            "event",
            "themes",
            "sdgs",
            "contacts",
            "links",
            "attachments",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "contacts": forms.Textarea(attrs={"rows": 3}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()
        self.fields["network"].queryset = _organisations().filter(kind=rm.OrganisationKind.NETWORK)
        self.fields["attachments"].queryset = visible(Document.objects.all(), self.actor).order_by(
            "title", "pk"
        )


class ReportForm(KnowledgeForm):
    class Meta:
        model = Report
        fields = [
            "title",
            "kind",
            "date",
            "language",
            "summary",
            "body",
            "event",
            "organisation",
            "themes",
        ]
        widgets = {
            "date": DateInput(),
            "themes": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()


# --- documents --------------------------------------------------------------------------


class DocumentUploadForm(KnowledgeForm):
    """A file and what the text cannot tell: title and language are read from the file
    when left empty."""

    upload = forms.FileField(
        label=_("File"),
        help_text=_("A .txt, .html, .pdf or .docx file of at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,.pdf,.docx"}),
    )

    class Meta:
        model = Document
        fields = ["title", "language", "organisation", "themes"]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["upload", *self.fields])
        self.fields["organisation"].queryset = _organisations()
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Empty: the document's own title or first line.")
        self.fields["language"].required = False
        self.fields["language"].choices = [("", _("Detect from the text")), *Language.choices]
        self.initial["language"] = ""  # not the model's default: detected unless chosen

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        try:
            format_of(upload.name)
        except ExtractionError:
            raise ValidationError(
                _("%(name)s: only .txt, .html, .pdf and .docx files are read."),
                code="format",
                params={"name": upload.name[:100]},
            ) from None
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is %(size)s MB; the largest accepted is 20 MB."),
                code="size",
                params={"size": round(upload.size / 1024 / 1024, 1)},
            )
        return upload

    def _post_clean(self):
        # The model is filled in by the upload service from the file's text; validating
        # the bare instance here would only report the fields the service sets.
        if "visibility" in self.cleaned_data:
            self.instance.workspace = self.chosen_workspace()


class DocumentEditForm(KnowledgeForm):
    """A document's metadata: what its file cannot tell, and who sees it. The file and
    the text read from it are not changed here (upload a new file for that)."""

    class Meta:
        model = Document
        fields = ["title", "summary", "language", "organisation", "themes"]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()
