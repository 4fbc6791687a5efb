"""The registry's edit forms: one ModelForm per model, for validation and display only.

Forms never save: the views hand what a form validated to the services, which check
permissions and save. Three things every fact form shares live in mixins here: the period
typed as a partial date ("2019", "2019-05", "2019-05-17"), the source (an existing one or
a new one made inline) and the visibility (public, or private to the current workspace).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor
from verkosto.common.partial_dates import PartialDate, PartialDateError, parse_partial_date
from verkosto.registry import models as m
from verkosto.registry.services.sources import source_create

LANGUAGES = (("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English")))
PUBLIC, PRIVATE = "public", "private"
SOURCE_FIELDS = ("source", "new_source_title", "new_source_url")
END_BEFORE_START = _("The end cannot be before the start.")


def _language_fields(base: str) -> list[str]:
    return [f"{base}_{code}" for code, _label in LANGUAGES]


def _organisations():
    return m.Organisation.objects.order_by("name", "pk")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PartialDateField(forms.CharField):
    """A year, a month or a day: "2019", "2019-05", "2019-05-17" (or 17.5.2019)."""

    default_error_messages = {
        "invalid": _("Enter a year (2019), a month (2019-05) or a day (2019-05-17)."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", _("A year, a month or a day: 2019, 2019-05 or 2019-05-17."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "size": 10})

    def clean(self, value) -> PartialDate | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_partial_date(text)
        except PartialDateError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        return str(value) if isinstance(value, PartialDate) else value


class RecordForm(forms.ModelForm):
    """Base of every registry form: the request's actor and workspace, and language fields
    of which at least one must be filled in."""

    # base field name → the message when all its language fields are empty
    required_translations: dict[str, str] = {}

    def __init__(self, *args, actor: Actor = None, workspace: Workspace | None = None, **kwargs):
        self.actor = actor
        self.workspace = workspace
        super().__init__(*args, **kwargs)
        self._order_fields()
        for base in self.required_translations:
            for (code, language), name in zip(LANGUAGES, _language_fields(base), strict=True):
                if name in self.fields:
                    field = self.fields[name]
                    field.required = False
                    field.label = _("%(field)s in %(language)s") % {
                        "field": str(self.instance._meta.get_field(base).verbose_name).capitalize(),
                        "language": language,
                    }
                    field.widget.attrs["lang"] = code

    def _order_fields(self) -> None:
        """Focus order as a person fills the form in: what the fact is, its period
        (after its status or kind), who sees it, and last where it comes from."""
        tail = [n for n in ("visibility", *SOURCE_FIELDS) if n in self.fields]
        period = [n for n in ("start", "end") if n in self.fields]
        order = [n for n in self.fields if n not in tail and n not in period]
        anchor = next((n for n in ("status", "kind") if n in order), None)
        at = order.index(anchor) + 1 if anchor else len(order)
        self.order_fields(order[:at] + period + order[at:] + tail)

    def clean(self):
        cleaned = super().clean()
        for base, message in self.required_translations.items():
            names = _language_fields(base)
            if not any(cleaned.get(n) for n in names):
                self.add_error(names[0], message)
        return cleaned

    def changes(self) -> dict:
        """Model field → validated value, for the services' ``**changes``."""
        concrete = {f.name for f in self.instance._meta.concrete_fields}
        return {
            name: getattr(self.instance, name)
            for name in self._meta.fields
            if name in concrete and name in self.fields and not self.fields[name].disabled
        }

    def m2m(self) -> dict:
        many = {f.name for f in self.instance._meta.many_to_many}
        return {name: self.cleaned_data.get(name) for name in self._meta.fields if name in many}


class PeriodMixin(forms.Form):
    """``start`` and ``end`` as partial dates, stored as first/last day plus precision."""

    start = PartialDateField(label=_("Start"))
    end = PartialDateField(label=_("End"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("start", self.instance.start_partial)
            self.initial.setdefault("end", self.instance.end_partial)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end.last_day() < start.first_day():
            self.add_error("end", END_BEFORE_START)
        return cleaned

    def _post_clean(self):
        for name in ("start", "end"):
            value = self.cleaned_data.get(name)
            day = None
            if value is not None:
                day = value.first_day() if name == "start" else value.last_day()
            setattr(self.instance, name, day)
            setattr(self.instance, f"{name}_precision", value.precision.value if value else "day")
        super()._post_clean()

    def changes(self) -> dict:
        changes = super().changes()
        for name in ("start", "start_precision", "end", "end_precision"):
            changes[name] = getattr(self.instance, name)
        return changes


class SourceMixin(forms.Form):
    """Every fact needs a source: pick one, or name a new one (title and address)."""

    source = forms.ModelChoiceField(
        label=_("Source"),
        queryset=m.Source.objects.order_by("title", "pk"),
        required=False,
        help_text=_("The document or data set this fact comes from."),
    )
    new_source_title = forms.CharField(
        label=_("Or a new source: title"), max_length=500, required=False
    )
    new_source_url = forms.URLField(
        label=_("New source: address"), max_length=1000, required=False, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.source_id:
            self.initial.setdefault("source", self.instance.source_id)

    def clean(self):
        cleaned = super().clean()
        picked, title = cleaned.get("source"), (cleaned.get("new_source_title") or "").strip()
        if picked and title:
            self.add_error(
                "new_source_title", _("Pick an existing source or give a new one, not both.")
            )
        elif not picked and not title:
            if cleaned.get("new_source_url"):
                self.add_error("new_source_title", _("A new source needs a title."))
            else:
                self.add_error("source", _("Pick a source or give the title of a new one."))
        return cleaned

    def resolve_source(self, actor: Actor) -> m.Source:
        """The picked source, or the new one created through the service (call it inside
        the same transaction as the fact's own service)."""
        if self.cleaned_data.get("source"):
            return self.cleaned_data["source"]
        return source_create(
            actor=actor,
            title=self.cleaned_data["new_source_title"].strip(),
            url=self.cleaned_data.get("new_source_url") or "",
        )


class VisibilityMixin(forms.Form):
    """Public, or private to the current workspace (a private record keeps its own)."""

    visibility = forms.ChoiceField(
        label=_("Who sees this"), widget=forms.RadioSelect, initial=PUBLIC, choices=()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.workspace_id:
            self.workspace = self.instance.workspace
        choices = [(PUBLIC, _("Public: every workspace sees it"))]
        if self.workspace is not None:
            choices.append(
                (PRIVATE, _("Private to %(workspace)s") % {"workspace": self.workspace.name})
            )
        self.fields["visibility"].choices = choices
        if self.instance.pk:
            self.initial["visibility"] = PRIVATE if self.instance.workspace_id else PUBLIC

    def chosen_workspace(self) -> Workspace | None:
        private = self.cleaned_data.get("visibility") == PRIVATE
        return self.workspace if private else None

    def _post_clean(self):
        if "visibility" in self.cleaned_data:
            self.instance.workspace = self.chosen_workspace()
        super()._post_clean()

    def changes(self) -> dict:
        return {**super().changes(), "workspace": self.instance.workspace}


def _multilingual(*bases: str) -> list[str]:
    return [name for base in bases for name in _language_fields(base)]


class OrganisationForm(SourceMixin, RecordForm):
    required_translations = {"name": _("Give the name in at least one language.")}

    class Meta:
        model = m.Organisation
        fields = [
            *_multilingual("name"),
            "kind",
            "country",
            "parent",
            "successor",
            "population",
            "population_year",
            "latitude",
            "longitude",
            "website",
            "language_status",
            "founded",
            "dissolved",
        ]
        widgets = {"founded": DateInput(), "dissolved": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("parent", "successor"):
            self.fields[name].queryset = _organisations().exclude(pk=self.instance.pk)

    def clean_country(self):
        return (self.cleaned_data.get("country") or "").upper()


class MembershipForm(SourceMixin, VisibilityMixin, PeriodMixin, RecordForm):
    class Meta:
        model = m.Membership
        fields = ["member", "organisation", "role", "status", "themes", "commitments", "note"]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = _organisations()
        self.fields["organisation"].queryset = _organisations()
        self.fields["themes"].queryset = m.Theme.objects.order_by("code")


class TwinningForm(SourceMixin, VisibilityMixin, PeriodMixin, RecordForm):
    class Meta:
        model = m.Twinning
        fields = ["first", "second", "kind", "status", "status_reason", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        towns = _organisations().filter(kind=m.OrganisationKind.MUNICIPALITY)
        self.fields["first"].queryset = towns
        self.fields["second"].queryset = towns
        if self.instance.pk:
            # The pair is what the twinning is: to twin others, add a new one.
            self.fields["first"].disabled = True
            self.fields["second"].disabled = True

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("first"), cleaned.get("second")
        if first and second and first.pk == second.pk:
            self.add_error("second", _("A municipality cannot be twinned with itself."))
        return cleaned

    def _get_validation_exclusions(self):
        # The database keeps the pair ordered (smaller id first); the service orders it.
        exclude = super()._get_validation_exclusions()
        if not self.instance.pk:
            exclude |= {"first", "second"}
        return exclude


class PartnershipForm(SourceMixin, VisibilityMixin, PeriodMixin, RecordForm):
    required_translations = {"name": _("Give the name in at least one language.")}
    party = forms.ModelChoiceField(
        label=_("First party"),
        queryset=m.Organisation.objects.none(),
        required=False,
        help_text=_("Usually your own organisation; add more parties on the partnership's page."),
    )
    party_role = forms.ChoiceField(
        label=_("Role of the first party"), choices=m.PartyRole.choices, initial=m.PartyRole.CITY
    )

    class Meta:
        model = m.Partnership
        fields = [
            *_multilingual("name"),
            "kind",
            *_multilingual("description"),
            "coordinator",
            "themes",
        ]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = _organisations()
        self.fields["themes"].queryset = m.Theme.objects.order_by("code")
        if self.instance.pk:
            del self.fields["party"], self.fields["party_role"]
        else:
            self.fields["party"].queryset = _organisations()
            if self.workspace is not None:
                self.initial.setdefault("party", self.workspace.organisation_id)
        for name in _language_fields("description"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 3, "lang": name[-2:]})


class PartnershipPartyForm(SourceMixin, RecordForm):
    class Meta:
        model = m.PartnershipParty
        fields = ["organisation", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()


class GoalForm(SourceMixin, VisibilityMixin, PeriodMixin, RecordForm):
    required_translations = {"title": _("Give the title in at least one language.")}

    class Meta:
        model = m.StrategicGoal
        fields = [
            "organisation",
            *_multilingual("title"),
            *_multilingual("description"),
            "level",
            "priority",
            "themes",
        ]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()
        self.fields["themes"].queryset = m.Theme.objects.order_by("code")
        if not self.instance.pk and self.workspace is not None:
            self.initial.setdefault("organisation", self.workspace.organisation_id)
        for name in _language_fields("description"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 3, "lang": name[-2:]})


class EventForm(SourceMixin, VisibilityMixin, RecordForm):
    required_translations = {"title": _("Give the title in at least one language.")}

    class Meta:
        model = m.Event
        fields = [
            *_multilingual("title"),
            "kind",
            "start_date",
            "end_date",
            "place",
            "organiser",
            "network",
            "participants",
            "themes",
            "report",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("organiser", "participants"):
            self.fields[name].queryset = _organisations()
        self.fields["network"].queryset = _organisations().filter(kind=m.OrganisationKind.NETWORK)
        self.fields["themes"].queryset = m.Theme.objects.order_by("code")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The event cannot end before it starts."))
        return cleaned


class ThemeForm(RecordForm):
    required_translations = {"label": _("Give the label in at least one language.")}

    class Meta:
        model = m.Theme
        fields = ["code", *_multilingual("label"), "parent", "sdg", "eurovoc_id"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = m.Theme.objects.exclude(pk=self.instance.pk).order_by(
            "code"
        )


class MembershipFeeForm(SourceMixin, RecordForm):
    """A workspace's own fee for a membership in a year: always private."""

    class Meta:
        model = m.MembershipFee
        fields = ["year", "amount", "currency", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        fee = self.instance
        if year and fee.membership_id and fee.workspace_id:
            taken = m.MembershipFee.objects.filter(
                workspace_id=fee.workspace_id, membership_id=fee.membership_id, year=year
            ).exclude(pk=fee.pk)
            if taken.exists():
                self.add_error("year", _("This membership already has a fee for this year."))
        return cleaned
