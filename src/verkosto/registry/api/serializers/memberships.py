from rest_framework import serializers

from verkosto.accounts.models import Workspace
from verkosto.registry import models as m
from verkosto.registry.api.serializers.base import (
    PERIOD_FIELDS,
    SOURCED_READ_ONLY,
    RecordSerializer,
    theme_codes_field,
    workspace_field,
)


class MembershipFeeSerializer(RecordSerializer):
    """A workspace's fee for a membership: private, seen only by that workspace's members."""

    workspace = serializers.PrimaryKeyRelatedField(queryset=Workspace.objects.all())

    class Meta:
        model = m.MembershipFee
        fields = (
            "id",
            "workspace",
            "membership",
            "year",
            "amount",
            "currency",
            "note",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("workspace", "membership", "year")
        validators = []


class FeeSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = m.MembershipFee
        fields = ("id", "workspace", "year", "amount", "currency")


class MembershipSerializer(RecordSerializer):
    workspace = workspace_field()
    themes = theme_codes_field()
    fees = FeeSummarySerializer(
        many=True,
        read_only=True,
        source="visible_fees",
        help_text="Fees recorded by your own workspaces; other workspaces' fees never appear.",
    )

    class Meta:
        model = m.Membership
        fields = (
            "id",
            "member",
            "organisation",
            "role",
            "status",
            "themes",
            "commitments",
            "note",
            *PERIOD_FIELDS,
            "workspace",
            "fees",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("member", "organisation", "workspace")
