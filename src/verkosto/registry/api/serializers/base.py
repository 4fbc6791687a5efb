"""What every registry serializer shares."""

from rest_framework import serializers

from verkosto.accounts.models import Workspace
from verkosto.registry import models as m
from verkosto.registry.selectors.visibility import visible

PERIOD_FIELDS = ("start", "start_precision", "end", "end_precision")
SOURCED_READ_ONLY = ("data_source", "origin_id", "created_at", "updated_at")


class RecordSerializer(serializers.ModelSerializer):
    """A registry record. ``Meta.create_only`` fields are set when a record is made and read
    only afterwards: moving a membership to another member, or a private fact to another
    workspace, is a new record, so an update never changes whom a record concerns."""

    source = serializers.PrimaryKeyRelatedField(
        queryset=m.Source.objects.all(),
        help_text="The source (document, data set) this fact comes from.",
    )

    def get_fields(self):
        fields = super().get_fields()
        for name in getattr(self.Meta, "create_only", ()):
            if self.instance is not None:
                fields[name].read_only = True
            else:  # as the OpenAPI document shows it
                note = "Set when the record is created; ignored by updates."
                fields[name].help_text = f"{fields[name].help_text or ''} {note}".strip()
        if self.instance is not None and "source" in fields:
            fields["source"].required = False  # an update keeps the source unless given
        request = self.context.get("request")
        if request is not None:
            for field in fields.values():
                _limit_to_visible(getattr(field, "child_relation", field), request.user)
        return fields


def _limit_to_visible(field, actor) -> None:
    """A reference to a record that may be private accepts only records the actor sees, so
    the API cannot be used to probe for other workspaces' private records."""
    queryset = getattr(field, "queryset", None)
    if queryset is not None and any(f.name == "workspace" for f in queryset.model._meta.fields):
        field.queryset = visible(queryset, actor)


def workspace_field() -> serializers.PrimaryKeyRelatedField:
    return serializers.PrimaryKeyRelatedField(
        queryset=Workspace.objects.all(),
        allow_null=True,
        required=False,
        default=None,
        help_text="The workspace this fact is private to; null for a public fact.",
    )


def theme_codes_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        many=True,
        slug_field="code",
        queryset=m.Theme.objects.all(),
        required=False,
        help_text="Theme codes.",
    )
