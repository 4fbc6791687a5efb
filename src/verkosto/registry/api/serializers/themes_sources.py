from rest_framework import serializers

from verkosto.api.fields import TranslatedField
from verkosto.registry import models as m


class ThemeSerializer(serializers.ModelSerializer):
    label = TranslatedField(max_length=200, required=True)

    class Meta:
        model = m.Theme
        fields = ("id", "code", "label", "parent", "sdg", "eurovoc_id", "created_at", "updated_at")
        read_only_fields = ("created_at", "updated_at")
        validators = []
        extra_kwargs = {"code": {"validators": []}}


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = m.Source
        fields = (
            "id",
            "title",
            "url",
            "publisher",
            "published",
            "locator",
            "licence",
            "attribution",
            "is_sample",
            "key",
            "created_at",
        )
        read_only_fields = ("created_at",)
        extra_kwargs = {"key": {"validators": []}}

    def validate_key(self, value: str | None) -> str | None:
        return value or None  # "no key" is null; an empty key would clash with the next one
