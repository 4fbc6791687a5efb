from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from verkosto.api.fields import TranslatedField
from verkosto.registry import models as m
from verkosto.registry.api.serializers.base import (
    PERIOD_FIELDS,
    SOURCED_READ_ONLY,
    RecordSerializer,
)


class IdentifierSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = m.Identifier
        fields = ("scheme", "value")


class NetworkSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = m.NetworkProfile
        fields = ("scope", "type")


class OrganisationSerializer(RecordSerializer):
    name = TranslatedField(max_length=300, required=True)
    identifiers = IdentifierSummarySerializer(many=True, read_only=True)
    network = serializers.SerializerMethodField(
        help_text="Scope and type when the organisation is a network."
    )

    class Meta:
        model = m.Organisation
        fields = (
            "id",
            "kind",
            "name",
            "country",
            "parent",
            "population",
            "population_year",
            "latitude",
            "longitude",
            "website",
            "language_status",
            "founded",
            "dissolved",
            "successor",
            "identifiers",
            "network",
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY

    @extend_schema_field(NetworkSummarySerializer(allow_null=True))
    def get_network(self, organisation: m.Organisation):
        try:
            profile = organisation.network_profile
        except m.NetworkProfile.DoesNotExist:
            return None
        return NetworkSummarySerializer(profile).data


class IdentifierSerializer(RecordSerializer):
    class Meta:
        model = m.Identifier
        fields = ("id", "organisation", "scheme", "value", "source", *SOURCED_READ_ONLY)
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("organisation",)
        # The scheme+value uniqueness is checked by the service's full_clean, with the
        # model's own message, exactly as in the forms.
        validators = []


class OrganisationNameSerializer(RecordSerializer):
    class Meta:
        model = m.OrganisationName
        fields = (
            "id",
            "organisation",
            "name",
            "kind",
            "language",
            *PERIOD_FIELDS,
            "source",
            *SOURCED_READ_ONLY,
        )
        read_only_fields = SOURCED_READ_ONLY
        create_only = ("organisation",)
        validators = []
