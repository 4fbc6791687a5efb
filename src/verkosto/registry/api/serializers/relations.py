"""Twinnings and partnerships: relations between organisations."""

from rest_framework import serializers

from verkosto.api.fields import TranslatedField
from verkosto.registry import models as m
from verkosto.registry.api.serializers.base import (
    PERIOD_FIELDS,
    SOURCED_READ_ONLY,
    RecordSerializer,
    theme_codes_field,
    workspace_field,
)


class TwinningSerializer(RecordSerializer):
    """An unordered pair; give the two municipalities in any order, ``first`` is then the one
    with the smaller id."""

    workspace = workspace_field()

    class Meta:
        model = m.Twinning
        fields = (
            "id",
            "first",
            "second",
            "kind",
            "status",
            "status_reason",
            "note",
            *PERIOD_FIELDS,
            "workspace",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("first", "second", "workspace")
        validators = []


class PartySummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = m.PartnershipParty
        fields = ("id", "organisation", "role")
        read_only_fields = ("id",)


class PartnershipSerializer(RecordSerializer):
    name = TranslatedField(max_length=300, required=True)
    description = TranslatedField(required=False)
    workspace = workspace_field()
    themes = theme_codes_field()
    parties = PartySummarySerializer(
        many=True,
        source="party_links",
        required=False,
        help_text="Given when the partnership is created; later through partnership-parties.",
    )

    class Meta:
        model = m.Partnership
        fields = (
            "id",
            "name",
            "description",
            "kind",
            "themes",
            "coordinator",
            "parties",
            *PERIOD_FIELDS,
            "workspace",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("workspace", "parties")


class PartnershipPartySerializer(RecordSerializer):
    class Meta:
        model = m.PartnershipParty
        fields = (
            "id",
            "partnership",
            "organisation",
            "role",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("partnership", "organisation")
        validators = []
