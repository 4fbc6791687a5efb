"""The JSON shape of a workspace's cost lines, outcomes and reviews (read only).

Money is a decimal string with its currency beside it (``"amount": "1200.00",
"currency": "EUR"``), as the registry's membership fees: a float would round cents and a
bare number would hide which currency it is in. Other records are named by id, as
everywhere in the API; users are not named at all (who decided is for the pages).
"""

from rest_framework import serializers

from verkosto.api.fields import TranslatedField
from verkosto.portfolio.models import CostLine, Evaluation, FollowUp, Outcome, Review

RECORD_TIMES = ("created_at", "updated_at")


class ReadOnlySerializer(serializers.ModelSerializer):
    """Every field read only: the portfolio is changed on its pages, not through the API."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class CostLineSerializer(ReadOnlySerializer):
    """A cost of a membership in a year other than its fee (fees are registry's
    ``membership-fees``). For staff time, amount = staff_hours × hourly_rate."""

    class Meta:
        model = CostLine
        fields = (
            "id",
            "workspace",
            "membership",
            "year",
            "kind",
            "amount",
            "currency",
            "staff_hours",
            "hourly_rate",
            "note",
            "source",
            *RECORD_TIMES,
        )


class OutcomeSerializer(ReadOnlySerializer):
    """A result a membership or an event brought, with its evidence."""

    title = TranslatedField(read_only=True)
    goals = serializers.PrimaryKeyRelatedField(
        many=True,
        read_only=True,
        help_text="The strategic goals the outcome served (those you may see).",
    )

    class Meta:
        model = Outcome
        fields = (
            "id",
            "workspace",
            "type",
            "title",
            "date",
            "value_estimate",
            "currency",
            "evidence",
            "evidence_url",
            "membership",
            "event",
            "goals",
            "source",
            *RECORD_TIMES,
        )


class FollowUpSerializer(ReadOnlySerializer):
    class Meta:
        model = FollowUp
        fields = ("id", "what", "due_date", "done", "done_at")


class EvaluationSerializer(ReadOnlySerializer):
    """The verdict on one network: the criteria (0–1), score (0–100), recommendation and
    reasons as the scoring model gave them when the decision was recorded."""

    follow_up = FollowUpSerializer(
        read_only=True,
        allow_null=True,
        help_text="What to do after a drop or join decision; null if nothing.",
    )

    class Meta:
        model = Evaluation
        fields = (
            "id",
            "network",
            "membership",
            "fit_score",
            "value_score",
            "activity_score",
            "cost_score",
            "redundancy_score",
            "score",
            "recommendation",
            "reasons",
            "decision",
            "rationale",
            "decided_at",
            "follow_up",
        )


class ReviewSerializer(ReadOnlySerializer):
    """An organisation's review of its memberships for one year, with its evaluations."""

    evaluations = EvaluationSerializer(many=True, read_only=True)

    class Meta:
        model = Review
        fields = (
            "id",
            "workspace",
            "organisation",
            "year",
            "status",
            "opened_at",
            "closed_at",
            "evaluations",
            *RECORD_TIMES,
        )
