"""Forms of the portfolio pages. They validate what a person typed and say clearly what is
wrong; the write itself is always a service call (portfolio.services), which checks the
workspace role again."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from verkosto.accounts.models import Workspace
from verkosto.portfolio.models import (
    COST_LINE_KINDS,
    CostKind,
    Decision,
    Direction,
    OutcomeType,
    ScoringWeights,
)
from verkosto.portfolio.selectors.inputs import workspace_visible_q
from verkosto.registry.models import (
    Event,
    Membership,
    Organisation,
    OrganisationKind,
    StrategicGoal,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MONEY = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal(0)}
CURRENCIES = [("EUR", "EUR"), ("SEK", "SEK")]


def _year_field(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200, **kwargs)


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Membership) -> str:
        return str(obj.organisation)


def workspace_memberships(workspace: Workspace):
    """The memberships of the workspace's organisation the workspace may see."""
    return (
        Membership.objects.filter(member_id=workspace.organisation_id)
        .filter(workspace_visible_q(workspace))
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )


class WorkspaceForm(forms.Form):
    """A form whose choices are limited to one workspace's records."""

    def __init__(self, *args, workspace: Workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace


class ReviewOpenForm(forms.Form):
    year = _year_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = dt.date.today().year


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(d.value, d.label) for d in Decision if d != Decision.JOIN],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a drop."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.DROP and not cleaned.get("rationale", "").strip():
            self.add_error("rationale", _("Say why the membership should be dropped."))
        return cleaned


class JoinForm(WorkspaceForm):
    network = forms.ModelChoiceField(
        label=_("Network to join"), queryset=Organisation.objects.none()
    )
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, exclude_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = (
            Organisation.objects.filter(kind=OrganisationKind.NETWORK)
            .exclude(pk__in=list(exclude_ids))
            .order_by("name")
        )


class CostLineForm(WorkspaceForm):
    membership = MembershipChoiceField(label=_("Membership"), queryset=Membership.objects.none())
    year = _year_field()
    kind = forms.ChoiceField(label=_("Kind"), choices=COST_LINE_KINDS)
    amount = forms.DecimalField(label=_("Amount"), required=False, **MONEY)
    staff_hours = forms.DecimalField(
        label=_("Staff hours"), required=False, max_digits=8, decimal_places=1, min_value=0
    )
    hourly_rate = forms.DecimalField(label=_("Hourly rate"), required=False, **MONEY)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES, initial="EUR")
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = workspace_memberships(self.workspace)
        self.fields["year"].initial = dt.date.today().year
        self.fields["kind"].help_text = _(
            "Membership fees are recorded on the membership's page, once, and counted here."
        )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == CostKind.STAFF:
            for name in ("staff_hours", "hourly_rate"):
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, _("Staff time needs the hours and the hourly rate."))
            cleaned["amount"] = None
        elif kind:
            if cleaned.get("amount") is None and "amount" not in self.errors:
                self.add_error("amount", _("Give the amount."))
            for name in ("staff_hours", "hourly_rate"):
                if cleaned.get(name) is not None:
                    self.add_error(name, _("Hours and an hourly rate belong to staff time only."))
        return cleaned


class OutcomeForm(WorkspaceForm):
    type = forms.ChoiceField(label=_("Type"), choices=OutcomeType.choices)
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=300, required=False)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=300, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    membership = MembershipChoiceField(
        label=_("From membership"), queryset=Membership.objects.none(), required=False
    )
    event = forms.ModelChoiceField(
        label=_("From event"), queryset=Event.objects.none(), required=False
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals served"),
        queryset=StrategicGoal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    value_estimate = forms.DecimalField(label=_("Value estimate"), required=False, **MONEY)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES, initial="EUR")
    evidence = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence_url = forms.URLField(
        label=_("Evidence address"), required=False, max_length=1000, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ws = self.workspace
        self.fields["membership"].queryset = workspace_memberships(ws)
        self.fields["event"].queryset = (
            Event.objects.filter(participants=ws.organisation_id)
            .filter(workspace_visible_q(ws))
            .order_by("-start_date")
        )
        self.fields["goals"].queryset = (
            StrategicGoal.objects.filter(organisation_id=ws.organisation_id)
            .filter(workspace_visible_q(ws))
            .order_by("priority", "title")
        )

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(f"title_{lang}") or "").strip() for lang in LANGUAGES):
            self.add_error("title_fi", _("Give the outcome a title in one language."))
        if not cleaned.get("membership") and not cleaned.get("event"):
            self.add_error(
                "membership", _("Name the membership or the event the outcome came from.")
            )
        return cleaned


class IndicatorForm(WorkspaceForm):
    name_fi = forms.CharField(label=_("Name in Finnish"), max_length=300, required=False)
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=300, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=300, required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Organisation.objects.none())
    unit = forms.CharField(label=_("Unit"), max_length=50)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    baseline = forms.DecimalField(
        label=_("Baseline"), required=False, max_digits=16, decimal_places=4
    )
    baseline_year = _year_field(required=False)
    target = forms.DecimalField(label=_("Target"), required=False, max_digits=16, decimal_places=4)
    target_year = _year_field(required=False)
    attach_organisation = forms.BooleanField(
        label=_("Attach to the organisation itself"), required=False
    )
    goal = forms.ModelChoiceField(
        label=_("Or to a strategic goal"), queryset=StrategicGoal.objects.none(), required=False
    )
    membership = MembershipChoiceField(
        label=_("Or to a membership"), queryset=Membership.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ws = self.workspace
        self.fields["baseline_year"].label = _("Baseline year")
        self.fields["target_year"].label = _("Target year")
        memberships = workspace_memberships(ws)
        self.fields["membership"].queryset = memberships
        self.fields["owner"].queryset = Organisation.objects.filter(
            Q(pk=ws.organisation_id) | Q(pk__in=memberships.values("organisation_id"))
        ).order_by("name")
        self.fields["owner"].initial = ws.organisation_id
        self.fields["goal"].queryset = (
            StrategicGoal.objects.filter(organisation_id=ws.organisation_id)
            .filter(workspace_visible_q(ws))
            .order_by("priority", "title")
        )

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(f"name_{lang}") or "").strip() for lang in LANGUAGES):
            self.add_error("name_fi", _("Give the indicator a name in one language."))
        chosen = [
            bool(cleaned.get("attach_organisation")),
            cleaned.get("goal") is not None,
            cleaned.get("membership") is not None,
        ]
        if sum(chosen) != 1:
            self.add_error(
                "attach_organisation",
                _("Attach it to exactly one of: the organisation, a goal, a membership."),
            )
        by, ty = cleaned.get("baseline_year"), cleaned.get("target_year")
        if by and ty and ty < by:
            self.add_error("target_year", _("The target year cannot be before the baseline year."))
        return cleaned


class IndicatorValueForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=4)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class WeightsForm(forms.ModelForm):
    class Meta:
        model = ScoringWeights
        fields = ["fit", "value", "activity", "cost", "redundancy", "retain_at", "drop_below"]
        # The criterion "value" (what a membership brought), not a measured value.
        labels = {"value": pgettext_lazy("criterion", "Value")}

    def clean(self):
        cleaned = super().clean()
        weights = [cleaned.get(f) for f in ("fit", "value", "activity", "cost", "redundancy")]
        if any(w is not None and w < 0 for w in weights):
            raise forms.ValidationError(_("Weights cannot be negative."))
        if all(w is not None for w in weights) and sum(weights) <= 0:
            raise forms.ValidationError(_("At least one weight must be above zero."))
        return cleaned
