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


class StrategicGoalSerializer(RecordSerializer):
    title = TranslatedField(max_length=500, required=True)
    description = TranslatedField(required=False)
    workspace = workspace_field()
    themes = theme_codes_field()

    class Meta:
        model = m.StrategicGoal
        fields = (
            "id",
            "organisation",
            "title",
            "description",
            "level",
            "priority",
            "themes",
            *PERIOD_FIELDS,
            "workspace",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("organisation", "workspace")


class EventSerializer(RecordSerializer):
    title = TranslatedField(max_length=300, required=True)
    workspace = workspace_field()
    themes = theme_codes_field()
    participants = serializers.PrimaryKeyRelatedField(
        many=True, queryset=m.Organisation.objects.all(), required=False
    )

    class Meta:
        model = m.Event
        fields = (
            "id",
            "title",
            "kind",
            "start_date",
            "end_date",
            "place",
            "organiser",
            "participants",
            "network",
            "themes",
            "report",
            "workspace",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("workspace",)
